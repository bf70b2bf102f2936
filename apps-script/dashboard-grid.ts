import type { Expr } from '../shared/metrics';
import { buildFormula, type RangeOf } from '../shared/metrics';
import { escapeForSheet } from '../shared/model';

/**
 * A sheet built in memory, then written in one pass: values and formulas with one setValues, and number
 * formats, weights, colours with one call each, whatever the size. Every cell that holds a number a test or
 * a manager should be able to trace gets a key in the manifest, with its definition when it is live.
 */

export interface CellStyle {
  format?: string;
  bold?: boolean;
  background?: string;
  color?: string;
  align?: 'left' | 'center' | 'right';
}

export interface ManifestEntry {
  key: string;
  /** The cell, e.g. `B7`. */
  a1: string;
  /** The live definition (expr.ts) when the cell is a formula over the sheets. */
  expr?: Expr;
}

export interface ChartSpec {
  type: 'BAR' | 'COLUMN' | 'LINE';
  title: string;
  /** A1 ranges on the same sheet: categories first, then series. */
  ranges: string[];
  row: number;
  column: number;
  width: number;
  height: number;
}

export const column = (c: number): string => {
  let letters = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
};
export const a1 = (row: number, col: number, absolute = false): string => (absolute ? `$${column(col)}$${row}` : `${column(col)}${row}`);

export class Grid {
  private readonly cells = new Map<string, { content: unknown; style: CellStyle }>();
  readonly manifest: ManifestEntry[] = [];
  readonly charts: ChartSpec[] = [];
  rows = 0;
  columns = 0;

  constructor(private readonly rangeOf: RangeOf) {}

  /** A value: text is escaped so that a label from the data ("2026", "1-10", "=x") stays text. */
  set(row: number, col: number, value: string | number | boolean | Date, style: CellStyle = {}): void {
    this.put(row, col, typeof value === 'string' ? escapeForSheet(value) : value, style);
  }

  /** A formula (text starting with `=`), written as is. */
  formula(row: number, col: number, formula: string, style: CellStyle = {}): void {
    this.put(row, col, formula, style);
  }

  /** A live metric: its formula goes in the cell, its definition in the manifest under `key`. */
  live(row: number, col: number, key: string, expr: Expr, style: CellStyle = {}): string {
    this.formula(row, col, buildFormula(expr, this.rangeOf), style);
    this.manifest.push({ key, a1: a1(row, col), expr });
    return a1(row, col);
  }

  /** A lookup formula or a computed number, traced by key (no definition: the test recomputes it from the domain). */
  traced(row: number, col: number, key: string, content: string | number, style: CellStyle = {}): string {
    if (typeof content === 'string' && content.startsWith('=')) this.formula(row, col, content, style);
    else this.set(row, col, content, style);
    this.manifest.push({ key, a1: a1(row, col) });
    return a1(row, col);
  }

  private put(row: number, col: number, content: unknown, style: CellStyle): void {
    this.cells.set(`${row}:${col}`, { content, style });
    this.rows = Math.max(this.rows, row);
    this.columns = Math.max(this.columns, col);
  }

  /** Applies a style to a block of cells that may be empty. */
  style(row: number, col: number, rows: number, columns: number, style: CellStyle): void {
    for (let r = row; r < row + rows; r++) {
      for (let c = col; c < col + columns; c++) {
        const cell = this.cells.get(`${r}:${c}`);
        this.put(r, c, cell?.content ?? '', { ...cell?.style, ...style });
      }
    }
  }

  /** The rows whose first cell has exactly this style (the block titles). */
  rowsStyled(style: CellStyle): number[] {
    const rows: number[] = [];
    for (let r = 1; r <= this.rows; r++) if (this.cells.get(`${r}:1`)?.style === style) rows.push(r);
    return rows;
  }

  /** The whole grid as the 2-D arrays setValues, setNumberFormats, setFontWeights, setBackgrounds and setFontColors take. */
  toArrays() {
    const make = <T>(pick: (cell: { content: unknown; style: CellStyle } | undefined) => T) =>
      Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.columns }, (_, c) => pick(this.cells.get(`${r + 1}:${c + 1}`))));
    return {
      values: make((cell) => cell?.content ?? ''),
      formats: make((cell) => cell?.style.format ?? 'General'),
      weights: make((cell) => (cell?.style.bold ? 'bold' : 'normal')),
      backgrounds: make((cell) => cell?.style.background ?? '#ffffff'),
      colors: make((cell) => cell?.style.color ?? '#000000'),
      alignments: make((cell) => cell?.style.align ?? null),
    };
  }
}
