import { HyperFormula, type RawCellContent } from 'hyperformula';

/**
 * The spreadsheet behind the emulator: sheets of cells held by HyperFormula, a real formula engine, so a
 * formula the add-on writes computes as it would in Google Sheets. Coordinates here are 1-based, as in
 * Apps Script. This layer knows nothing of Apps Script's API; spreadsheet-app.ts adapts it.
 */

// Google Sheets' defaults for a new sheet: 1000 rows x 26 columns. Writing past them throws, as in Sheets.
const DEFAULT_ROWS = 1000;
const DEFAULT_COLUMNS = 26;
const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;

export interface SheetState {
  name: string;
  /** HyperFormula's sheet id. */
  engineId: number;
  /** The stable numeric id Sheets shows as `gid`. */
  gid: number;
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  hiddenColumns: number[];
  /** Protected ranges (A1) and whether they only warn. */
  protections: Array<{ a1: string; warningOnly: boolean; description: string }>;
  /** Drop-down lists by A1 range. */
  validations: Record<string, string[]>;
}

export type CellValue = string | number | boolean | Date;

export class Workbook {
  readonly engine: HyperFormula;
  readonly sheets: SheetState[] = [];
  readonly namedRanges = new Map<string, { sheetName: string; a1: string }>();
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
    });
  }

  sheet(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string, index = this.sheets.length): SheetState {
    if (this.sheet(name)) throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const engineId = this.engine.getSheetId(this.engine.addSheet(name))!;
    const state: SheetState = {
      name,
      engineId,
      gid: this.nextGid++,
      maxRows: DEFAULT_ROWS,
      maxColumns: DEFAULT_COLUMNS,
      frozenRows: 0,
      hiddenColumns: [],
      protections: [],
      validations: {},
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
    const out: CellValue[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: CellValue[] = [];
      for (let c = 0; c < columns; c++) {
        const address = { sheet: state.engineId, row: row - 1 + r, col: column - 1 + c };
        const value = this.engine.getCellValue(address);
        if (value === null || value === undefined) line.push('');
        else if (typeof value === 'object') line.push(value.value); // a formula error: Sheets shows '#DIV/0!' etc.
        else if (typeof value === 'number' && this.engine.getCellValueDetailedType(address).startsWith('NUMBER_DATE'))
          line.push(makeDate(Math.round(SERIAL_EPOCH_MS + value * MS_PER_DAY)));
        else line.push(value);
      }
      out.push(line);
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
    this.engine.addRows(state.engineId, [beforeRow - 1, count]);
    state.maxRows += count;
  }

  deleteRows(state: SheetState, row: number, count: number): void {
    this.engine.removeRows(state.engineId, [row - 1, count]);
    state.maxRows -= count;
  }

  insertColumns(state: SheetState, beforeColumn: number, count: number): void {
    this.engine.addColumns(state.engineId, [beforeColumn - 1, count]);
    state.maxColumns += count;
  }

  deleteColumns(state: SheetState, column: number, count: number): void {
    this.engine.removeColumns(state.engineId, [column - 1, count]);
    state.maxColumns -= count;
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
  }

  private rowHasContent(state: SheetState, row: number, width: number): boolean {
    for (let c = 0; c < width; c++) if (!this.engine.isCellEmpty({ sheet: state.engineId, row: row - 1, col: c })) return true;
    return false;
  }

  private ensureInside(state: SheetState, lastRow: number, lastColumn: number): void {
    if (lastRow > state.maxRows || lastColumn > state.maxColumns)
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
  }
}

/** Excel/Sheets serial date (days since 1899-12-30) to epoch milliseconds. */
export const serialToMs = (serial: number) => Math.round(SERIAL_EPOCH_MS + serial * MS_PER_DAY);

function toEngineInput(value: unknown): RawCellContent {
  if (value === null || value === undefined || value === '') return null;
  // Dates may come from the script's own realm, where `instanceof Date` is false.
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const iso = (value as Date).toISOString(); // the spreadsheet's time zone is UTC
    return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

function compareCells(a: CellValue, b: CellValue): number {
  // Sheets sorts numbers before text, and empty cells last.
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number') return -1;
  if (typeof y === 'number') return 1;
  return String(x).localeCompare(String(y));
}
