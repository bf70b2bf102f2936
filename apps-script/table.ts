import { fromCell, recordToCells, type Column, type Entity } from '../shared/model';
import { adjacentRuns, asWritten, indexHeaders } from './columns';

type Doc = Record<string, unknown> & { id: string };
const HEADER_ROW = 1;

/**
 * One entity's sheet, read once and written once per request. Columns are found by header name, so
 * people may reorder, hide and add their own columns: their columns are never written.
 */
/** Ascending sheet rows as blocks of adjacent ones, [first row, count]: one range, so one read or delete, each. */
export function blocksOf(rows: readonly number[]): Array<[first: number, count: number]> {
  const blocks: Array<[number, number]> = [];
  for (const row of rows) {
    const block = blocks[blocks.length - 1];
    if (block && block[0] + block[1] === row) block[1]++;
    else blocks.push([row, 1]);
  }
  return blocks;
}

export class Table {
  private readonly columnIndex: Map<string, number>;
  private readonly rowOfId = new Map<string, number>();
  private readonly updates = new Map<number, Doc>();
  private readonly appends: Doc[] = [];

  private constructor(
    readonly entity: Entity,
    private readonly sheet: GoogleAppsScript.Spreadsheet.Sheet,
    /** The header row, then every data row (or a slice of them), as getValues returned it. */
    private readonly cells: unknown[][],
    /** The sheet row of `cells[1]`: 2, unless this is a slice opened for reading. */
    private readonly firstDataRow = HEADER_ROW + 1,
  ) {
    this.columnIndex = indexHeaders(cells[0] ?? []);
    const idColumn = this.columnIndex.get('Id');
    if (idColumn !== undefined) {
      for (let r = 1; r < cells.length; r++) {
        const id = String(cells[r]![idColumn] ?? '');
        if (id && !this.rowOfId.has(id)) this.rowOfId.set(id, r);
      }
    }
  }

  /** Reads the entity's sheet (one getValues); null when the sheet does not exist. */
  static open(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, entity: Entity): Table | null {
    const sheet = spreadsheet.getSheetByName(entity.sheet);
    return sheet ? new Table(entity, sheet, sheet.getDataRange().getValues()) : null;
  }

  /**
   * Reads `count` data rows from sheet row `first`, for checks that go through a large sheet a slice at a
   * time (two getValues). Row numbers it reports are the sheet's; a slice is for reading, never committed.
   */
  static openSlice(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, entity: Entity, first: number, count: number): Table | null {
    const sheet = spreadsheet.getSheetByName(entity.sheet);
    const width = sheet?.getLastColumn() ?? 0;
    if (!sheet || !width) return null;
    const header = sheet.getRange(HEADER_ROW, 1, 1, width).getValues();
    const rows = count > 0 ? sheet.getRange(first, 1, count, width).getValues() : [];
    return new Table(entity, sheet, [...header, ...rows], first);
  }

  /**
   * Raw field values of the given sheet rows that have an id, for a few rows found in a large sheet: the
   * header once, then each block of adjacent rows in one read.
   */
  static readRows(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, entity: Entity, rows: readonly number[]): Array<{ row: number; values: Record<string, unknown> }> {
    const sheet = spreadsheet.getSheetByName(entity.sheet);
    const width = sheet?.getLastColumn() ?? 0;
    if (!sheet || !width || !rows.length) return [];
    const header = sheet.getRange(HEADER_ROW, 1, 1, width).getValues();
    const blocks = blocksOf([...new Set(rows)].sort((a, b) => a - b));
    return blocks.flatMap(([first, count]) => new Table(entity, sheet, [...header, ...sheet.getRange(first, 1, count, width).getValues()], first).rows());
  }

  /** The entity's columns that are missing from the header row. */
  missingColumns(): Column[] {
    return this.entity.columns.filter((c) => !this.columnIndex.has(c.header));
  }

  /** The sheet row (1-based) holding a record, or undefined. */
  rowOf(id: string): number | undefined {
    const r = this.rowOfId.get(id);
    return r === undefined || r >= this.cells.length ? undefined : this.sheetRow(r);
  }

  /** Sheet rows (1-based) with something in a Clipsheet column but no id: rows people added by hand. */
  unidentifiedRows(): number[] {
    const idColumn = this.columnIndex.get('Id');
    const ours = this.entity.columns.map((c) => this.columnIndex.get(c.header)).filter((i): i is number => i !== undefined);
    const rows: number[] = [];
    for (let r = 1; r < this.cells.length; r++) {
      const line = this.cells[r]!;
      const hasId = idColumn !== undefined && String(line[idColumn] ?? '') !== '';
      if (!hasId && ours.some((i) => line[i] !== '' && line[i] !== null && line[i] !== undefined)) rows.push(this.sheetRow(r));
    }
    return rows;
  }

  /** One sheet row (1-based) as raw field values, whether or not it has an id; undefined past the data. */
  valuesAt(row: number): Record<string, unknown> | undefined {
    if (row < this.firstDataRow) return undefined;
    const line = this.cells[row - this.firstDataRow + 1];
    if (!line) return undefined;
    return this.read(line);
  }

  /** Every row with an id, as raw field values (not yet validated), with its sheet row number. */
  rows(): Array<{ row: number; values: Record<string, unknown> }> {
    const out: Array<{ row: number; values: Record<string, unknown> }> = [];
    for (const [, r] of this.rowOfId) if (r < this.cells.length) out.push({ row: this.sheetRow(r), values: this.read(this.cells[r]!) });
    return out;
  }

  /** The number of data rows read. */
  /** The header row, then the data rows, as read (a whole sheet read once serves other readers of the same run). */
  get grid(): readonly (readonly unknown[])[] {
    return this.cells;
  }

  get rowCount(): number {
    return this.cells.length - 1;
  }

  // `cells` index to sheet row.
  private sheetRow(r: number): number {
    return r - 1 + this.firstDataRow;
  }

  private read(line: readonly unknown[]): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    for (const column of this.entity.columns) {
      const index = this.columnIndex.get(column.header);
      if (index === undefined) continue;
      const value = fromCell(column.cell, line[index]);
      if (value !== undefined) values[column.key] = value;
    }
    return values;
  }

  /** Stages a record to be written: over its row when the id is already in the sheet, else appended. */
  put(doc: Doc): void {
    const r = this.rowOfId.get(doc.id);
    if (r !== undefined) this.updates.set(r, doc);
    else {
      this.rowOfId.set(doc.id, this.cells.length + this.appends.length);
      this.appends.push(doc);
    }
  }

  /**
   * Writes what was staged: one setValues per run of adjacent Clipsheet columns (one run unless people
   * put their own columns between ours), covering the rows from the first update to the last append.
   */
  commit(): void {
    if (this.firstDataRow !== HEADER_ROW + 1) throw new Error(`A slice of ${this.entity.sheet} is for reading; open the whole sheet to write`);
    if (this.missingColumns().length) this.addMissingColumns();
    if (!this.updates.size && !this.appends.length) return;
    const dataEnd = this.cells.length; // 0-based index one past the last existing row
    const first = this.updates.size ? Math.min(...this.updates.keys()) : dataEnd;
    const last = this.appends.length ? dataEnd + this.appends.length - 1 : Math.max(...this.updates.keys());
    const lastSheetRow = last + 1;
    const maxRows = this.sheet.getMaxRows();
    if (lastSheetRow > maxRows) this.sheet.insertRowsAfter(maxRows, lastSheetRow - maxRows);

    // Where each sheet column's value sits in a record's cells.
    const cellOfColumn = new Map(this.entity.columns.map((c, i) => [this.columnIndex.get(c.header)!, i]));
    const unchangedInBlock = last - first + 1 - this.updates.size - this.appends.length > 0;
    // Rows in the block that did not change are written back as they are, formulas included.
    const formulas = unchangedInBlock ? this.sheet.getRange(first + 1, 1, dataEnd - first, this.cells[0]!.length).getFormulas() : [];

    for (const run of adjacentRuns([...cellOfColumn.keys()])) {
      const block: unknown[][] = [];
      for (let r = first; r <= last; r++) {
        const doc = r < dataEnd ? this.updates.get(r) : this.appends[r - dataEnd];
        if (doc) {
          const cells = recordToCells(this.entity.columns, doc);
          block.push(run.map((index) => cells[cellOfColumn.get(index)!]));
        } else {
          block.push(run.map((index) => formulas[r - first]?.[index] || asWritten(this.cells[r]![index])));
        }
      }
      this.sheet.getRange(first + 1, run[0]! + 1, block.length, run.length).setValues(block);
    }
  }

  private addMissingColumns(): void {
    const missing = this.missingColumns();
    const start = Math.max(this.cells[0]?.filter((h) => String(h).trim() !== '').length ?? 0, this.sheet.getLastColumn());
    const maxColumns = this.sheet.getMaxColumns();
    if (start + missing.length > maxColumns) this.sheet.insertColumnsAfter(maxColumns, start + missing.length - maxColumns);
    this.sheet.getRange(HEADER_ROW, start + 1, 1, missing.length).setValues([missing.map((c) => c.header)]);
    missing.forEach((c, i) => this.columnIndex.set(c.header, start + i));
    for (const line of this.cells) while (line.length < start + missing.length) line.push('');
  }
}
