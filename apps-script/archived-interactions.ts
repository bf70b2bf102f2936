import type { RollupRow } from '../shared/metrics';
import { escapeForSheet } from '../shared/model';
import { ensureGrid } from './columns';
import { isDate, text as textOf } from './dashboard-read';
import { sheetNamed } from './dashboard-writer';

/**
 * The `Archived interactions` sheet: the daily rollup of the interactions moved to the archive spreadsheet
 * (shared/metrics/archive-rollup.ts), which the dashboard's live counts of interactions add to the
 * Interactions sheet's. The add-on alone writes it: an archiving batch and a sync that edits an archived
 * interaction append what they changed (appendRollup), and every recompute rewrites it from the archive itself,
 * one row per group.
 */

export const ROLLUP_SHEET = 'Archived interactions';

type Cell = string | number | Date;
const text = (value: string | undefined): Cell => (value === undefined ? '' : escapeForSheet(value));

/** The columns: the rollup's key (what live formulas name), header, number format and how to write it. */
export const ROLLUP_COLUMNS: ReadonlyArray<readonly [key: keyof RollupRow, header: string, format: string, write: (r: RollupRow) => Cell]> = [
  ['day', 'Day', 'yyyy-mm-dd', (r) => new Date(r.day)],
  ['owner', 'Owner', '@', (r) => text(r.owner)],
  ['type', 'Type', '@', (r) => text(r.type)],
  ['experience', 'Experience', '@', (r) => text(r.experience)],
  ['voiceOfCustomer', 'Voice of customer', '@', (r) => text(r.voiceOfCustomer)],
  ['interactions', 'Interactions', '0', (r) => r.interactions],
];


/** The rollup as the sheet holds it (empty when the sheet is missing). */
export function readRollup(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): RollupRow[] {
  const sheet = spreadsheet.getSheetByName(ROLLUP_SHEET);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return [];
  return sheet.getRange(2, 1, last - 1, ROLLUP_COLUMNS.length).getValues().flatMap((line): RollupRow[] => {
    const [day, owner, type, experience, voiceOfCustomer, interactions] = line;
    if (!isDate(day) || typeof interactions !== 'number') return [];
    return [{ day: day.getTime(), owner: textOf(owner) ?? '', type: textOf(type) ?? '', experience: textOf(experience), voiceOfCustomer: textOf(voiceOfCustomer), interactions }];
  });
}

/**
 * Writes the rollup, header first, in one setValues; returns the grid's height, which the formulas' ranges
 * reach (from row 2). The grid grows by rows inserted before its last row, inside those ranges, so formulas
 * written earlier take the new rows in at once (rows added below a range's end would be left out); it
 * shrinks by deleting rows past the data, keeping one spare row and at least two rows under the header.
 */
export function writeRollup(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, rollup: readonly RollupRow[]): number {
  const sheet = sheetNamed(spreadsheet, ROLLUP_SHEET);
  const rows = [ROLLUP_COLUMNS.map(([, header]) => header), ...rollup.map(lineOf)];
  const wanted = Math.max(3, rows.length + 1);
  const maxRows = sheet.getMaxRows();
  if (wanted > maxRows) growTo(sheet, wanted);
  else if (maxRows > wanted) sheet.deleteRows(wanted + 1, maxRows - wanted);
  ensureGrid(sheet, wanted, ROLLUP_COLUMNS.length);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > ROLLUP_COLUMNS.length) sheet.deleteColumns(ROLLUP_COLUMNS.length + 1, maxColumns - ROLLUP_COLUMNS.length);
  ROLLUP_COLUMNS.forEach(([, , format], c) => sheet.getRange(2, c + 1, wanted - 1, 1).setNumberFormat(format));
  sheet.getRange(1, 1, rows.length, ROLLUP_COLUMNS.length).setValues(rows);
  sheet.getRange(rows.length + 1, 1, 1, ROLLUP_COLUMNS.length).clearContent();
  sheet.getRange(1, 1, 1, ROLLUP_COLUMNS.length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return wanted;
}

/**
 * Appends a change to the rollup (rollUpChange: signed counts, so a group may have several rows) below its
 * last row, without reading it: an archiving batch writes the 5,000 groups it touched, not the 100,000 the
 * rollup of 300,000 interactions holds. Before the sheet has its header, the change is the whole rollup.
 */
export function appendRollup(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, change: readonly RollupRow[]): void {
  const sheet = spreadsheet.getSheetByName(ROLLUP_SHEET);
  if (!sheet || sheet.getLastRow() < 1) {
    writeRollup(spreadsheet, change);
    return;
  }
  if (!change.length) return;
  const first = sheet.getLastRow() + 1;
  // One spare row stays below the data, as writeRollup leaves it, so the next growth is inside the ranges too.
  if (first + change.length > sheet.getMaxRows()) growTo(sheet, first + change.length);
  ROLLUP_COLUMNS.forEach(([, , format], c) => sheet.getRange(first, c + 1, change.length, 1).setNumberFormat(format));
  sheet.getRange(first, 1, change.length, ROLLUP_COLUMNS.length).setValues(change.map(lineOf));
}

const lineOf = (r: RollupRow): Cell[] => ROLLUP_COLUMNS.map(([, , , write]) => write(r));

/** Grows the grid to `rows` by rows inserted before its last one, inside the live formulas' ranges. */
function growTo(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows >= 3) sheet.insertRowsBefore(maxRows, rows - maxRows);
  ensureGrid(sheet, rows, ROLLUP_COLUMNS.length);
}
