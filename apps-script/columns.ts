import { escapeForSheet } from '../shared/model';

/**
 * Small helpers for finding columns by header and writing only some of them. Everything the add-on writes
 * goes through `writeColumns`, which never touches a column it was not asked to write: people's own
 * columns, and Clipsheet columns that did not change, stay exactly as they are.
 */

/**
 * The part of a Sheet these helpers use. Structural, so modules that only need the pure helpers above
 * type-check without Apps Script's types (a GoogleAppsScript Sheet is one).
 */
export interface SheetLike {
  getRange(row: number, column: number, rows: number, columns: number): { setValues(values: unknown[][]): unknown };
  getMaxRows(): number;
  getMaxColumns(): number;
  insertRowsAfter(afterPosition: number, howMany: number): unknown;
  insertColumnsAfter(afterPosition: number, howMany: number): unknown;
}

/** Header text (trimmed) to 0-based column index; the first of two equal headers wins. */
export function indexHeaders(headerRow: readonly unknown[]): Map<string, number> {
  const index = new Map<string, number>();
  headerRow.forEach((cell, i) => {
    const header = String(cell ?? '').trim();
    if (header !== '' && !index.has(header)) index.set(header, i);
  });
  return index;
}

/** Sorted column indexes grouped into runs of adjacent columns: [1,2,3,7,8] -> [[1,2,3],[7,8]]. */
export function adjacentRuns(indexes: Iterable<number>): number[][] {
  const runs: number[][] = [];
  for (const index of [...new Set(indexes)].sort((a, b) => a - b)) {
    const run = runs[runs.length - 1];
    if (run && index === run[run.length - 1]! + 1) run.push(index);
    else runs.push([index]);
  }
  return runs;
}

/** A value read by getValues, as it must be written back to stay the same (text stays text). */
export function asWritten(value: unknown): unknown {
  return typeof value === 'string' ? escapeForSheet(value) : value;
}

/**
 * Writes some columns of a block of rows: one setValues per run of adjacent columns. `rows` are whole rows
 * (0-based columns) starting at sheet row `firstRow`. `bridge` names columns that may be rewritten with
 * what they hold to join two runs into one write (Clipsheet's own system columns: never people's columns,
 * which someone may be typing into right now). `formulas`, when given, are written back in place of values
 * for cells that hold one, so rewriting a column never flattens someone's formula.
 */
export function writeColumns(
  sheet: SheetLike,
  firstRow: number,
  rows: readonly (readonly unknown[])[],
  columns: Iterable<number>,
  options: { formulas?: readonly (readonly string[])[]; bridge?: ReadonlySet<number> } = {},
): number {
  if (!rows.length) return 0;
  const runs = bridgeRuns(adjacentRuns(columns), options.bridge ?? new Set());
  for (const run of runs) {
    const block = rows.map((row, r) => run.map((c) => options.formulas?.[r]?.[c] || asWritten(row[c] ?? '')));
    sheet.getRange(firstRow, run[0]! + 1, rows.length, run.length).setValues(block);
  }
  return runs.length;
}

/** Joins runs whose gap holds only bridgeable columns: [[1],[3]] with 2 bridgeable -> [[1,2,3]]. */
export function bridgeRuns(runs: number[][], bridge: ReadonlySet<number>): number[][] {
  const out: number[][] = [];
  for (const run of runs) {
    const previous = out[out.length - 1];
    const gap = previous ? Array.from({ length: run[0]! - previous[previous.length - 1]! - 1 }, (_, i) => previous[previous.length - 1]! + 1 + i) : [];
    if (previous && gap.every((c) => bridge.has(c))) previous.push(...gap, ...run);
    else out.push([...run]);
  }
  return out;
}

/** Grows a sheet so that `rows` x `columns` fit (Sheets refuses writes beyond its grid). */
export function ensureGrid(sheet: SheetLike, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/**
 * Sizes a sheet the add-on alone writes (Customer value, Predictions) to `rows` x `columns` plus one spare row:
 * grows it, and deletes the rows and columns past that, which would otherwise count against Google's
 * 10 million cells per spreadsheet though they hold nothing (a new sheet is 1000 x 26; a sheet that held more
 * customers yesterday keeps their rows). The spare row keeps a non-frozen row, which Sheets requires.
 */
export function fitGrid(sheet: SheetLike & { deleteRows(row: number, howMany: number): unknown; deleteColumns(column: number, howMany: number): unknown }, rows: number, columns: number): void {
  ensureGrid(sheet, rows + 1, columns);
  const maxRows = sheet.getMaxRows();
  if (maxRows > rows + 1) sheet.deleteRows(rows + 2, maxRows - rows - 1);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns > columns) sheet.deleteColumns(columns + 1, maxColumns - columns);
}
