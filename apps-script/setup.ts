import { appendLog, createLogSheet } from './audit-log';
import { createClock } from './clock';
import type { RuleCache } from './drop-downs';
import { repairEntitySheet } from './entity-sheet';
import { DASHBOARD_SHEET, ENTITY_SHEETS, LOG_HEADERS, LOG_SHEET, SETTINGS_SHEET } from './layout';
import { withScriptLock } from './lock';
import { ensureSettingsSheet } from './settings-sheet';
import { ensureTriggers } from './triggers';

/** The tab a new Google spreadsheet starts with; removed by Set up only while it is still empty. */
const FIRST_TAB = 'Sheet1';

/**
 * Creates or repairs the workbook: every sheet and header (missing ones restored in place or added at the
 * end, people's own columns kept where they are), ids for rows added by hand, warnings on system columns,
 * drop-downs, the Settings rows, the Log and the triggers. Safe to run again at any time; runs under the
 * script lock so it never interleaves with a sync request. Returns what it did, in words.
 */
export function setUpSpreadsheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, actor: string): string[] {
  return withScriptLock(() => {
    const clock = createClock();
    const report: string[] = [];
    const sheets = new Map(spreadsheet.getSheets().map((sheet) => [sheet.getName(), sheet] as const));
    const rules: RuleCache = new Map();
    for (const entity of ENTITY_SHEETS) {
      let sheet = sheets.get(entity.sheet);
      const isNew = !sheet;
      if (!sheet) {
        sheet = spreadsheet.insertSheet(entity.sheet, sheets.size);
        sheets.set(entity.sheet, sheet);
        report.push(`created ${entity.sheet}`);
      }
      report.push(...repairEntitySheet(sheet, entity, isNew, { actor, now: clock.now, newId: () => Utilities.getUuid(), rules }));
    }
    report.push(...ensureSettingsSheet(spreadsheet, sheets.get(SETTINGS_SHEET)));
    if (!sheets.has(DASHBOARD_SHEET)) {
      spreadsheet.insertSheet(DASHBOARD_SHEET, spreadsheet.getNumSheets());
      report.push(`created ${DASHBOARD_SHEET}`);
    }
    report.push(...ensureLog(spreadsheet, sheets.get(LOG_SHEET)));
    const first = sheets.get(FIRST_TAB);
    if (first && first.getLastRow() === 0 && first.getLastColumn() === 0) {
      spreadsheet.deleteSheet(first);
      report.push(`removed the empty ${FIRST_TAB}`);
    }
    report.push(...ensureTriggers(spreadsheet, actor));
    const at = clock.now();
    clock.save();
    appendLog(spreadsheet, [{ at, actor, action: 'set up spreadsheet', detail: report.join('; ') || 'nothing to repair' }]);
    return report;
  });
}

function ensureLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheet: GoogleAppsScript.Spreadsheet.Sheet | undefined): string[] {
  if (!sheet) {
    createLogSheet(spreadsheet);
    return [`created ${LOG_SHEET}`];
  }
  // The log is the add-on's own record, written by position: a damaged header row is put back as it was.
  const headers = sheet.getRange(1, 1, 1, LOG_HEADERS.length).getValues()[0]!;
  if (headers.every((h, i) => h === LOG_HEADERS[i])) return [];
  sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([LOG_HEADERS]);
  return [`${LOG_SHEET}: restored its headers`];
}
