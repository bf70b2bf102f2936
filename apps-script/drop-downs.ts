import { DISQUALIFY_REASONS, LOST_REASONS, enumValues, type Entity } from '../shared/model';
import { letters } from './header-plan';

/** Reasons for leaving the ladder [S1], offered in Stage reason; a note may follow ("other: moved abroad"). */
const STAGE_REASONS = [...new Set([...DISQUALIFY_REASONS, ...LOST_REASONS])];

/** Builds each distinct rule once per run: a builder costs a service call per method. */
export type RuleCache = Map<string, GoogleAppsScript.Spreadsheet.DataValidation>;

function listRule(cache: RuleCache, values: readonly string[], allowInvalid: boolean): GoogleAppsScript.Spreadsheet.DataValidation {
  const key = `${allowInvalid}\u0000${values.join('\u0000')}`;
  let rule = cache.get(key);
  if (!rule) {
    const builder = SpreadsheetApp.newDataValidation().requireValueInList([...values], true);
    // New rules only warn; the vocabulary's lists reject typos, which would otherwise make a row unsyncable.
    rule = (allowInvalid ? builder : builder.setAllowInvalid(false)).build();
    cache.set(key, rule);
  }
  return rule;
}

/**
 * Drop-downs from the domain's vocabulary (stages, levels, sources, types, statuses...) on every enum column,
 * and the stage reasons (warning only, since a note may follow the reason). Rules cover rows 2 to the
 * sheet's current end; Set up extends them after the sheet grows. Returns the number of columns covered.
 */
export function addDropDowns(sheet: GoogleAppsScript.Spreadsheet.Sheet, entity: Entity, positions: Map<string, number>, cache: RuleCache): number {
  let covered = 0;
  for (const [key, spec] of Object.entries(entity.fields)) {
    const at = positions.get(key);
    if (at === undefined) continue;
    const values = enumValues(spec.schema);
    const rule = values ? listRule(cache, values, false) : key === 'stageReason' ? listRule(cache, STAGE_REASONS, true) : undefined;
    if (!rule) continue;
    sheet.getRange(`${letters(at)}2:${letters(at)}`).setDataValidation(rule);
    covered++;
  }
  return covered;
}
