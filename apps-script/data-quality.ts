import { assessActivity } from '../shared/ladder';
import { Organisation, Person } from '../shared/model';
import type { Settings, SettingsIssue } from '../shared/settings';
import { scoreCompleteness } from '../shared/value';
import { describeCellBudget, measureCellBudget, type CellBudget } from './cell-budget';
import { findDuplicateOrganisations, findDuplicatePairs, type DuplicatePair } from './duplicates';
import type { Entity } from '../shared/model';
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
  organisations: number;
  exactOrganisationDuplicates: number;
  possibleOrganisationDuplicates: number;
  organisationDuplicateExamples: DuplicatePair[];
  atRisk: number;
  inactive: number;
  incomplete: number;
  invalidRows: number;
  invalidExamples: Array<{ sheet: string; row: number; problem: string }>;
  unidentifiedRows: number;
  settingsIssues: SettingsIssue[];
  /** The spreadsheet's cells against Google's 10 million, and how many more rows fit. */
  cells: CellBudget;
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
  const duplicates = countPairs(pairs);
  return { people: people.length, exactDuplicates: duplicates.exact, possibleDuplicates: duplicates.possible, duplicateExamples: duplicates.examples, atRisk, inactive, incomplete };
}

/** The organisations part of the report: their duplicates, from Organisations rows as Table.rows() gives them. */
export function assessOrganisations(rows: readonly Row[]) {
  const organisations = rows.flatMap(({ values }) => {
    const parsed = Organisation.schema.safeParse(values);
    return parsed.success && !parsed.data.deleted ? [parsed.data] : [];
  });
  const duplicates = countPairs(findDuplicateOrganisations(organisations));
  return { organisations: organisations.length, exactOrganisationDuplicates: duplicates.exact, possibleOrganisationDuplicates: duplicates.possible, organisationDuplicateExamples: duplicates.examples };
}

// Certain pairs first among the examples: they are the ones to merge today.
function countPairs(pairs: readonly DuplicatePair[]) {
  const exact = pairs.filter((p) => p.strength === 'exact');
  return { exact: exact.length, possible: pairs.length - exact.length, examples: [...exact, ...pairs.filter((p) => p.strength === 'possible')].slice(0, EXAMPLES) };
}

/**
 * Rows of the sheets other than Customers that one scheduled run validates. Customers is read whole every
 * time (duplicates need everyone at once); the others are read a slice per run, so the hourly trigger stays
 * within one execution however large Interactions grows: a team at Google's 10M-cell limit is swept in a few
 * hours, and a team of ordinary size (under this many rows) is checked whole on every run.
 */
const ROWS_CHECKED_PER_RUN = 60_000;
/** A script property that sets another number of rows per run (an operator's knob for unusual sheets). */
export const ROWS_PER_RUN_PROPERTY = 'clipsheet.quality.rowsPerRun';
const SWEEP_PROPERTY = 'clipsheet.quality.sweep';

/** The rows of the large sheets one scheduled run validates: the script property if it is a positive number. */
export function rowsCheckedPerRun(): number {
  const set = Number(PropertiesService.getScriptProperties().getProperty(ROWS_PER_RUN_PROPERTY));
  return Number.isInteger(set) && set > 0 ? set : ROWS_CHECKED_PER_RUN;
}
// A script property holds at most 9 kB: one example per slice, its text cut short.
const EXAMPLE_LENGTH = 100;

type InvalidExample = QualityReport['invalidExamples'][number];

/** What one read of some rows found. */
interface SliceResult {
  first: number;
  rows: number;
  invalid: number;
  unidentified: number;
  examples: InvalidExample[];
}

/** Where the sweep resumes, and what each sheet's slices found when last read. */
interface Sweep {
  sheet: string;
  row: number;
  slices: Record<string, SliceResult[]>;
}

/**
 * Reads the entity sheets and the Settings sheet, and reports. With `rowsPerRun` (the scheduled run), the
 * sheets other than Customers are validated that many rows at a time, resuming where the last run stopped,
 * and their counts are the sum of each slice's last reading; without it, every sheet is read whole. `people`
 * is the Customers sheet when the caller has read it already.
 */
export function checkDataQuality(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, now: string, options: { rowsPerRun?: number; people?: Table | null } = {}): QualityReport {
  const { settings, issues } = readSettings(spreadsheet);
  const people = options.people === undefined ? Table.open(spreadsheet, Person) : options.people;
  // Organisations are read whole too: duplicates need everyone, and a team has far fewer of them than people.
  const organisations = Table.open(spreadsheet, Organisation);
  const found: SliceResult[] = people ? [checkRows(people, 2)] : [];
  const others = ENTITY_SHEETS.filter((entity) => entity !== Person);
  if (options.rowsPerRun === undefined) {
    for (const entity of others) {
      const table = Table.open(spreadsheet, entity);
      if (table) found.push(checkRows(table, 2));
    }
  } else {
    found.push(...sweepSheets(spreadsheet, others, options.rowsPerRun));
  }
  const invalidExamples = found.flatMap((slice) => slice.examples).slice(0, EXAMPLES);
  const invalidRows = found.reduce((n, slice) => n + slice.invalid, 0);
  const unidentifiedRows = found.reduce((n, slice) => n + slice.unidentified, 0);
  const cells = measureCellBudget(spreadsheet);
  return { at: now, ...assessPeople(people?.rows() ?? [], settings, now), ...assessOrganisations(organisations?.rows() ?? []), invalidRows, invalidExamples, unidentifiedRows, settingsIssues: issues, cells };
}

// Rows the schema refuses and rows without an id, in what was read.
function checkRows(table: Table, first: number): SliceResult {
  const sheet = table.entity.sheet;
  const result: SliceResult = { first, rows: table.rowCount, invalid: 0, unidentified: table.unidentifiedRows().length, examples: [] };
  for (const { row, values } of table.rows()) {
    const parsed = table.entity.schema.safeParse(values);
    if (parsed.success) continue;
    result.invalid++;
    const issue = parsed.error.issues[0];
    if (result.examples.length < EXAMPLES) result.examples.push({ sheet, row, problem: `${issue?.path.join('.') || 'row'}: ${issue?.message ?? 'invalid'}` });
  }
  return result;
}

// Reads up to `budget` rows, sheet after sheet from where the last run stopped, and returns every sheet's
// slices: those read now and, for the rows not read now, what their last reading found.
function sweepSheets(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, entities: readonly Entity[], budget: number): SliceResult[] {
  const properties = PropertiesService.getScriptProperties();
  const sweep = readSweep(properties.getProperty(SWEEP_PROPERTY), entities);
  const lastRows = new Map(entities.map((entity) => [entity.sheet, spreadsheet.getSheetByName(entity.sheet)?.getLastRow() ?? 0]));
  // When every row fits in one run, the run reads them all, from the top.
  const everything = [...lastRows.values()].reduce((n, last) => n + Math.max(0, last - 1), 0) <= budget;
  let at = everything ? 0 : Math.max(0, entities.findIndex((entity) => entity.sheet === sweep.sheet));
  let row = everything ? 2 : sweep.row;
  // A run ends at the end of the last sheet, so that slices follow one another without overlapping and the
  // next run starts again at the top.
  let left = budget;
  while (left > 0) {
    const entity = entities[at]!;
    const lastRow = lastRows.get(entity.sheet)!;
    const count = Math.min(left, lastRow - row + 1);
    const table = count > 0 ? Table.openSlice(spreadsheet, entity, row, count) : null;
    if (table) {
      const slice = checkRows(table, row);
      const kept = (sweep.slices[entity.sheet] ?? []).filter((old) => old.first + old.rows <= row || old.first >= row + count);
      sweep.slices[entity.sheet] = [...kept, { ...slice, examples: slice.examples.slice(0, 1).map(shortened) }].sort((a, b) => a.first - b.first);
      left -= count;
      row += count;
    }
    if (row > lastRow) {
      at = (at + 1) % entities.length;
      row = 2;
      if (at === 0) break;
    }
  }
  // Rows past a sheet's end were deleted since their slice was read.
  for (const entity of entities) sweep.slices[entity.sheet] = (sweep.slices[entity.sheet] ?? []).filter((slice) => slice.first <= lastRows.get(entity.sheet)!);
  properties.setProperty(SWEEP_PROPERTY, JSON.stringify({ sheet: entities[at]!.sheet, row, slices: sweep.slices } satisfies Sweep));
  return entities.flatMap((entity) => sweep.slices[entity.sheet] ?? []);
}

function readSweep(saved: string | null, entities: readonly Entity[]): Sweep {
  try {
    const sweep = JSON.parse(saved ?? 'null') as Sweep | null;
    if (sweep && typeof sweep.row === 'number' && sweep.row >= 2 && sweep.slices && typeof sweep.slices === 'object') return sweep;
  } catch {
    // a damaged value starts the sweep again
  }
  return { sheet: entities[0]?.sheet ?? '', row: 2, slices: {} };
}

const shortened = (example: InvalidExample): InvalidExample => ({ ...example, problem: example.problem.slice(0, EXAMPLE_LENGTH) });

/** The report in words, for the menu's alert. */
export function describeQuality(report: QualityReport): string {
  const lines = [
    `${report.people} people.`,
    `Duplicates: ${report.exactDuplicates} certain (same email, phone or LinkedIn), ${report.possibleDuplicates} possible (same name and company).`,
    ...report.duplicateExamples.map((p) => `  • ${p.a} and ${p.b} (${p.why})`),
    `${report.organisations} organisations. Duplicates: ${report.exactOrganisationDuplicates} certain (same LinkedIn page, domain or name), ${report.possibleOrganisationDuplicates} possible (the same name or domain, but another domain or LinkedIn page).`,
    ...report.organisationDuplicateExamples.map((p) => `  • ${p.a} and ${p.b} (${p.why})`),
    `Stale: ${report.atRisk} at risk, ${report.inactive} inactive (no contact for the days set in Settings).`,
    `Incomplete profiles: ${report.incomplete} (under ${Math.round(INCOMPLETE_BELOW * 100)}% filled in).`,
    `Rows sync cannot read: ${report.invalidRows}.`,
    ...report.invalidExamples.map((x) => `  • ${x.sheet} row ${x.row}: ${x.problem}`),
    `Rows without an id: ${report.unidentifiedRows}${report.unidentifiedRows ? ' (Set up gives them one)' : ''}.`,
    ...report.settingsIssues.map((i) => `Settings: ${i.path} ${i.message}; its default is used.`),
    describeCellBudget(report.cells),
  ];
  return lines.join('\n');
}
