import { assessActivity } from '../shared/ladder';
import { Person } from '../shared/model';
import type { Settings, SettingsIssue } from '../shared/settings';
import { scoreCompleteness } from '../shared/value';
import { findDuplicatePairs, type DuplicatePair } from './duplicates';
import { ENTITY_SHEETS } from './layout';
import { readSettings } from './settings-sheet';
import { Table } from './table';

/**
 * Data quality [S8]: duplicates (identity core), stale contacts (the ladder's inactivity rule, with the
 * team's settings), incomplete profiles (value core's completeness), rows the schema refuses (a person
 * typed a stage that does not exist), and rows without an id. Counts plus a few examples to act on.
 */

/** Profiles scoring below this share of the completeness weights are reported as incomplete. */
export const INCOMPLETE_BELOW = 0.5;
const EXAMPLES = 5;

/** Counts and a few examples of each kind of problem. */
export interface QualityReport {
  at: string;
  people: number;
  exactDuplicates: number;
  possibleDuplicates: number;
  duplicateExamples: DuplicatePair[];
  atRisk: number;
  inactive: number;
  incomplete: number;
  invalidRows: number;
  invalidExamples: Array<{ sheet: string; row: number; problem: string }>;
  unidentifiedRows: number;
  settingsIssues: SettingsIssue[];
}

type Row = { row: number; values: Record<string, unknown> };

/** The people part of the report, from Customers rows as Table.rows() gives them. */
export function assessPeople(rows: readonly Row[], settings: Settings, now: string) {
  const people = rows.flatMap(({ values }) => {
    const parsed = Person.schema.safeParse(values);
    return parsed.success && !parsed.data.deleted ? [parsed.data] : [];
  });
  const pairs = findDuplicatePairs(people);
  let atRisk = 0;
  let inactive = 0;
  let incomplete = 0;
  for (const person of people) {
    const activity = assessActivity({ stage: person.stage, lastContactAt: person.lastContactAt, since: person.createdAt, now }, settings);
    if (activity.status === 'at-risk') atRisk++;
    if (activity.status === 'inactive') inactive++;
    if (scoreCompleteness(person).score < INCOMPLETE_BELOW) incomplete++;
  }
  const exact = pairs.filter((p) => p.strength === 'exact');
  return {
    people: people.length,
    exactDuplicates: exact.length,
    possibleDuplicates: pairs.length - exact.length,
    duplicateExamples: [...exact, ...pairs.filter((p) => p.strength === 'possible')].slice(0, EXAMPLES),
    atRisk,
    inactive,
    incomplete,
  };
}

/** Reads every entity sheet once and the Settings sheet, and reports. */
export function checkDataQuality(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, now: string): QualityReport {
  const { settings, issues } = readSettings(spreadsheet);
  const invalid: QualityReport['invalidExamples'] = [];
  let invalidRows = 0;
  let unidentifiedRows = 0;
  let peopleRows: Row[] = [];
  for (const entity of ENTITY_SHEETS) {
    const table = Table.open(spreadsheet, entity);
    if (!table) continue;
    const rows = table.rows();
    if (entity === Person) peopleRows = rows;
    unidentifiedRows += table.unidentifiedRows().length;
    for (const { row, values } of rows) {
      const parsed = entity.schema.safeParse(values);
      if (parsed.success) continue;
      invalidRows++;
      const issue = parsed.error.issues[0];
      if (invalid.length < EXAMPLES) invalid.push({ sheet: entity.sheet, row, problem: `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}` });
    }
  }
  return { at: now, ...assessPeople(peopleRows, settings, now), invalidRows, invalidExamples: invalid, unidentifiedRows, settingsIssues: issues };
}

/** The report in words, for the menu's alert. */
export function describeQuality(report: QualityReport): string {
  const lines = [
    `${report.people} people.`,
    `Duplicates: ${report.exactDuplicates} certain (same email, phone or LinkedIn), ${report.possibleDuplicates} possible (same name and company).`,
    ...report.duplicateExamples.map((p) => `  • ${p.a} and ${p.b} (${p.why})`),
    `Stale: ${report.atRisk} at risk, ${report.inactive} inactive (no contact for the days set in Settings).`,
    `Incomplete profiles: ${report.incomplete} (under ${Math.round(INCOMPLETE_BELOW * 100)}% filled in).`,
    `Rows sync cannot read: ${report.invalidRows}.`,
    ...report.invalidExamples.map((x) => `  • ${x.sheet} row ${x.row}: ${x.problem}`),
    `Rows without an id: ${report.unidentifiedRows}${report.unidentifiedRows ? ' (Set up gives them one)' : ''}.`,
    ...report.settingsIssues.map((i) => `Settings: ${i.path} ${i.message}; its default is used.`),
  ];
  return lines.join('\n');
}
