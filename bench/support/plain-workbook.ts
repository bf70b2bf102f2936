import { compareCells } from '../../emulator/cell-input';
import { Workbook, type CellValue, type SheetState } from '../../emulator/workbook';

/**
 * A workbook that holds cells in plain arrays and evaluates no formula, for sizing the add-on at a scale no
 * formula engine here can hold (HyperFormula would need tens of gigabytes for 14 million cells, and Google
 * refuses more than 10 million). The add-on's code and its service calls are exactly those of the emulator;
 * formulas are kept as text. It counts the cells the script reads and writes, which is what getValues and
 * setValues cost in Apps Script.
 */
export class PlainWorkbook extends Workbook {
  private readonly grids = new Map<SheetState, CellValue[][]>();
  cellsRead = 0;
  cellsWritten = 0;

  override addSheet(name: string, index = this.sheets.length): SheetState {
    if (this.sheet(name)) throw new Error(`A sheet with the name "${name}" already exists.`);
    const state: SheetState = { name, engineId: -1, gid: this.sheets.length, maxRows: 1000, maxColumns: 26, frozenRows: 0, hiddenColumns: [], protections: [], validations: {}, notes: {} };
    this.sheets.splice(index, 0, state);
    this.grids.set(state, []);
    return state;
  }

  override removeSheet(state: SheetState): void {
    this.sheets.splice(this.sheets.indexOf(state), 1);
    this.grids.delete(state);
  }

  override renameSheet(state: SheetState, name: string): void {
    state.name = name;
  }

  /** Total cells of every sheet's grid, as Google counts them against its 10 million limit. */
  gridCells(): number {
    return this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  }

  override readValues(state: SheetState, row: number, column: number, rows: number, columns: number, makeDate = (ms: number) => new Date(ms)): CellValue[][] {
    this.cellsRead += rows * columns;
    const grid = this.grids.get(state)!;
    return Array.from({ length: rows }, (_, r) => {
      const line = grid[row - 1 + r];
      return Array.from({ length: columns }, (_, c) => {
        const value = line?.[column - 1 + c];
        if (value === undefined || (typeof value === 'string' && value.startsWith('='))) return '';
        return value instanceof Date ? makeDate(value.getTime()) : value;
      });
    });
  }

  override readFormulas(state: SheetState, row: number, column: number, rows: number, columns: number): string[][] {
    this.cellsRead += rows * columns;
    return this.readRaw(state, row, column, rows, columns).map((line) => line.map((v) => (typeof v === 'string' && v.startsWith('=') ? v : '')));
  }

  override writeValues(state: SheetState, row: number, column: number, values: readonly (readonly unknown[])[]): void {
    if (row + values.length - 1 > state.maxRows || column + (values[0]?.length ?? 1) - 1 > state.maxColumns)
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    this.cellsWritten += values.length * (values[0]?.length ?? 0);
    const grid = this.grids.get(state)!;
    values.forEach((line, r) => {
      const target = (grid[row - 1 + r] ??= []);
      line.forEach((value, c) => {
        // Script-realm Dates fail instanceof here; keep the instant. A quote prefix keeps text as text.
        const cell = Object.prototype.toString.call(value) === '[object Date]' ? new Date((value as Date).getTime())
          : typeof value === 'string' && value.startsWith("'") ? value.slice(1) : value === null || value === undefined ? '' : (value as CellValue);
        target[column - 1 + c] = cell;
      });
    });
  }

  override lastRow(state: SheetState): number {
    const grid = this.grids.get(state)!;
    for (let r = grid.length; r > 0; r--) if (grid[r - 1]?.some((v) => v !== '' && v !== undefined)) return r;
    return 0;
  }

  override lastColumn(state: SheetState): number {
    let last = 0;
    for (const line of this.grids.get(state)!) if (line) for (let c = line.length; c > last; c--) if (line[c - 1] !== '' && line[c - 1] !== undefined) last = c;
    return last;
  }

  override insertRows(state: SheetState, beforeRow: number, count: number): void {
    const grid = this.grids.get(state)!;
    // Rows past the data are empty: only rows inserted inside it need moving (spread would overflow the stack).
    if (beforeRow - 1 < grid.length) grid.splice(beforeRow - 1, 0, ...Array.from({ length: count }, () => []));
    state.maxRows += count;
  }

  override insertColumns(state: SheetState, beforeColumn: number, count: number): void {
    for (const line of this.grids.get(state)!) line?.splice(beforeColumn - 1, 0, ...Array(count).fill(''));
    state.maxColumns += count;
  }

  /** Sorts whole rows (the add-on sorts from column A: anything else is refused, not half-done). */
  override sortRows(state: SheetState, row: number, column: number, rows: number, _columns: number, by: Array<{ column: number; ascending: boolean }>): void {
    if (column !== 1) throw new Error('PlainWorkbook sorts whole rows only');
    const grid = this.grids.get(state)!;
    const block = Array.from({ length: rows }, (_, r) => grid[row - 1 + r] ?? []);
    // One request: Sheets moves the cells itself, the script sends and receives none of them.
    const order = block.map((_, i) => i).sort((a, b) => {
      for (const key of by) {
        const diff = compareCells(block[a]![key.column - 1] ?? '', block[b]![key.column - 1] ?? '');
        if (diff !== 0) return key.ascending ? diff : -diff;
      }
      return a - b;
    });
    order.forEach((from, to) => (grid[row - 1 + to] = block[from]!));
  }

  override deleteRows(state: SheetState, row: number, count: number): void {
    this.grids.get(state)!.splice(row - 1, count);
    state.maxRows -= count;
  }

  override deleteColumns(state: SheetState, column: number, count: number): void {
    for (const line of this.grids.get(state)!) line?.splice(column - 1, count);
    state.maxColumns -= count;
  }

  private readRaw(state: SheetState, row: number, column: number, rows: number, columns: number): unknown[][] {
    const grid = this.grids.get(state)!;
    return Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => grid[row - 1 + r]?.[column - 1 + c] ?? ''));
  }
}
