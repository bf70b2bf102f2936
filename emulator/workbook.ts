import { HyperFormula, type CellValue as EngineValue, type RawCellContent } from 'hyperformula';
import { compareCells, MS_PER_DAY, SERIAL_EPOCH_MS, toEngineInput } from './cell-input';
import type { GridChange } from './grid-shift';
import { followGridChange, type SheetAnchors } from './sheet-anchors';

/**
 * The spreadsheet behind the emulator: sheets of cells held by HyperFormula, a real formula engine, so a
 * formula the add-on writes computes as it would in Google Sheets. Coordinates here are 1-based, as in
 * Apps Script. This layer knows nothing of Apps Script's API; spreadsheet-app.ts adapts it.
 */

// Google Sheets' defaults for a new sheet: 1000 rows x 26 columns. Writing past them throws, as in Sheets.
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
/** Google Sheets' limit: cells across all sheets of a spreadsheet, counted by grid size, not content. */
export const CELL_LIMIT = 10_000_000;
// Reading a block this large goes through the engine's whole-sheet export, which is cheaper per cell.
const BULK_READ_CELLS = 20_000;

export interface SheetState extends SheetAnchors {
  name: string;
  /** HyperFormula's sheet id. */
  engineId: number;
  /** The stable numeric id Sheets shows as `gid`. */
  gid: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
}

export type CellValue = string | number | boolean | Date;

export class Workbook {
  readonly engine: HyperFormula;
  readonly sheets: SheetState[] = [];
  readonly namedRanges = new Map<string, { sheetName: string; a1: string }>();
  /**
   * Who may open it, as Drive shares it: the spreadsheets a script creates belong to whoever ran it, and
   * others open them only once shared (SpreadsheetApp.openById refuses them otherwise). Unset for the bound
   * spreadsheet, which everyone who runs its script can open.
   */
  access?: Map<string, 'owner' | 'editor' | 'viewer'>;
  private nextGid = 0;

  constructor(readonly name = 'Clipsheet', readonly id = 'local-spreadsheet') {
    this.engine = HyperFormula.buildEmpty({
      licenseKey: 'gpl-v3',
      // Typed input is read the way Sheets reads it (ISO dates, times with milliseconds).
      dateFormats: ['YYYY-MM-DD', 'YYYY/MM/DD'],
      timeFormats: ['hh:mm', 'hh:mm:ss', 'hh:mm:ss.sss'],
      // Keep full precision: timestamps carry milliseconds, money is compared to 1e-9.
      smartRounding: false,
      useArrayArithmetic: true,
      // HyperFormula stops at 40,000 rows by default; Sheets allows any shape within 10 million cells.
      maxRows: CELL_LIMIT,
    });
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, index = this.sheets.length, rows = DEFAULT_ROWS, columns = DEFAULT_COLUMNS): SheetState {
    if (this.sheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    this.ensureCellLimit(rows * columns);
    const engineId = this.engine.getSheetId(this.engine.addSheet(name))!;
    const state: SheetState = {
      name,
      engineId,
      gid: this.nextGid++,
      maxRows: rows,
      maxColumns: columns,
      frozenRows: 0,
      hiddenColumns: [],
      protections: [],
      validations: {},
      notes: {},
    };
    this.sheets.splice(index, 0, state);
    return state;
  }

  removeSheet(state: SheetState): void {
    this.engine.removeSheet(state.engineId);
    this.sheets.splice(this.sheets.indexOf(state), 1);
  }

  renameSheet(state: SheetState, name: string): void {
    this.engine.renameSheet(state.engineId, name);
    state.name = name;
  }

  /** Values as getValues returns them: '' for empty, Date for date cells, '#ERR!' text for errors. */
  readValues(state: SheetState, row: number, column: number, rows: number, columns: number, makeDate = (ms: number) => new Date(ms)): CellValue[][] {
    const id = state.engineId;
    const bulk = rows * columns >= BULK_READ_CELLS ? this.engine.getSheetValues(id) : undefined;
    const out: CellValue[][] = new Array(rows);
    for (let r = 0; r < rows; r++) {
      const line: CellValue[] = new Array(columns);
      const source = bulk?.[row - 1 + r];
      for (let c = 0; c < columns; c++) {
        const address = { sheet: id, row: row - 1 + r, col: column - 1 + c };
        const value: EngineValue = bulk ? source?.[column - 1 + c] ?? null : this.engine.getCellValue(address);
        if (value === null || value === undefined) line[c] = '';
        else if (typeof value === 'object') line[c] = value.value; // a formula error: Sheets shows '#DIV/0!' etc.
        // Only numbers can be dates, so only they pay for the type lookup.
        else if (typeof value === 'number' && this.engine.getCellValueDetailedType(address).startsWith('NUMBER_DATE'))
          line[c] = makeDate(Math.round(SERIAL_EPOCH_MS + value * MS_PER_DAY));
        else line[c] = value;
      }
      out[r] = line;
    }
    return out;
  }

  /** Formulas as getFormulas returns them: the formula text, or '' where a cell holds a value. */
  readFormulas(state: SheetState, row: number, column: number, rows: number, columns: number): string[][] {
    return this.readSerialized(state, row, column, rows, columns).map((line) =>
      line.map((cell) => (typeof cell === 'string' && cell.startsWith('=') ? cell : '')),
    );
  }

  /** Raw contents: formulas as text, quote-prefixed text with its quote. Used to move cells around. */
  readSerialized(state: SheetState, row: number, column: number, rows: number, columns: number): RawCellContent[][] {
    const out: RawCellContent[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: RawCellContent[] = [];
      for (let c = 0; c < columns; c++) line.push(this.engine.getCellSerialized({ sheet: state.engineId, row: row - 1 + r, col: column - 1 + c }) ?? null);
      out.push(line);
    }
    return out;
  }

  /** Writes values the way setValues does: strings are read as typed input (formulas, numbers, dates). */
  writeValues(state: SheetState, row: number, column: number, values: readonly (readonly unknown[])[]): void {
    this.ensureInside(state, row + values.length - 1, column + (values[0]?.length ?? 1) - 1);
    // Array.from builds arrays of this realm: the script's arrays fail the engine's `instanceof Array`.
    this.engine.setCellContents({ sheet: state.engineId, row: row - 1, col: column - 1 }, Array.from(values, (line) => Array.from(line, toEngineInput)));
  }

  /** The last row / column with content, as getLastRow / getLastColumn answer. */
  lastRow(state: SheetState): number {
    const { height, width } = this.engine.getSheetDimensions(state.engineId);
    for (let r = height; r > 0; r--) if (this.rowHasContent(state, r, width)) return r;
    return 0;
  }

  lastColumn(state: SheetState): number {
    const { height, width } = this.engine.getSheetDimensions(state.engineId);
    for (let c = width; c > 0; c--) {
      for (let r = 1; r <= height; r++) if (!this.engine.isCellEmpty({ sheet: state.engineId, row: r - 1, col: c - 1 })) return c;
    }
    return 0;
  }

  insertRows(state: SheetState, beforeRow: number, count: number): void {
    this.ensureCellLimit(count * state.maxColumns);
    this.engine.addRows(state.engineId, [beforeRow - 1, count]);
    state.maxRows += count;
    followGridChange(state, { axis: 'row', kind: 'insert', before: beforeRow, count });
  }

  deleteRows(state: SheetState, row: number, count: number): void {
    this.engine.removeRows(state.engineId, [row - 1, count]);
    state.maxRows -= count;
    followGridChange(state, { axis: 'row', kind: 'delete', start: row, count });
  }

  insertColumns(state: SheetState, beforeColumn: number, count: number): void {
    this.ensureCellLimit(count * state.maxRows);
    this.engine.addColumns(state.engineId, [beforeColumn - 1, count]);
    state.maxColumns += count;
    followGridChange(state, { axis: 'column', kind: 'insert', before: beforeColumn, count });
  }

  deleteColumns(state: SheetState, column: number, count: number): void {
    this.engine.removeColumns(state.engineId, [column - 1, count]);
    state.maxColumns -= count;
    followGridChange(state, { axis: 'column', kind: 'delete', start: column, count });
  }

  /** Sheet.moveColumns / moveRows: `target` is the destination index before the move, as in Apps Script. */
  move(state: SheetState, axis: 'row' | 'column', start: number, count: number, target: number): void {
    const change: GridChange = { axis, kind: 'move', start, count, target };
    if (axis === 'row') this.engine.moveRows(state.engineId, start - 1, count, target - 1);
    else this.engine.moveColumns(state.engineId, start - 1, count, target - 1);
    followGridChange(state, change);
  }

  /** Sorts the rows of a block by one or more columns, as Range.sort does; cells move whole. */
  sortRows(state: SheetState, row: number, column: number, rows: number, columns: number, by: Array<{ column: number; ascending: boolean }>): void {
    const contents = this.readSerialized(state, row, column, rows, columns);
    const values = this.readValues(state, row, column, rows, columns);
    const order = contents.map((_, i) => i);
    order.sort((a, b) => {
      for (const key of by) {
        const diff = compareCells(values[a]![key.column - column]!, values[b]![key.column - column]!);
        if (diff !== 0) return key.ascending ? diff : -diff;
      }
      return a - b;
    });
    this.engine.setCellContents({ sheet: state.engineId, row: row - 1, col: column - 1 }, order.map((i) => contents[i]!));
    // Notes travel with their cells.
    const landing = new Map(order.map((from, to) => [row + from, row + to]));
    state.notes = Object.fromEntries(
      Object.entries(state.notes).map(([key, note]) => {
        const [r, c] = key.split(':').map(Number) as [number, number];
        const inBlock = c >= column && c < column + columns;
        return [inBlock && landing.has(r) ? `${landing.get(r)}:${c}` : key, note];
      }),
    );
  }

  private rowHasContent(state: SheetState, row: number, width: number): boolean {
    for (let c = 0; c < width; c++) if (!this.engine.isCellEmpty({ sheet: state.engineId, row: row - 1, col: c })) return true;
    return false;
  }

  private ensureCellLimit(adding: number): void {
    const cells = this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
    if (cells + adding > CELL_LIMIT)
      throw new Error(`Exception: This action would increase the number of cells in the workbook above the limit of ${CELL_LIMIT} cells.`);
  }

  private ensureInside(state: SheetState, lastRow: number, lastColumn: number): void {
    if (lastRow > state.maxRows || lastColumn > state.maxColumns)
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
  }
}

export { serialToMs } from './cell-input';
