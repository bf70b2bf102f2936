import type { SheetState } from './workbook';

/**
 * What a sheet shows besides its cells: number formats, weights and colours, column widths, conditional
 * formatting and embedded charts. None of it changes a value, so the emulator only records it, for tests to
 * check and for a picture of the sheet (tests/support/render-sheet.ts). Kept beside the sheet, not in it, so
 * that the workbook's own state and its .xlsx stay as they were.
 */

export interface CellFormat {
  numberFormat?: string;
  bold?: boolean;
  background?: string;
  color?: string;
  align?: string;
}

export interface ChartState {
  id: number;
  type: string;
  /** A1 ranges on the chart's sheet, in the order added. */
  ranges: string[];
  position: { row: number; column: number; offsetX: number; offsetY: number };
  options: Record<string, unknown>;
  numHeaders: number;
}

export interface ConditionalRuleState {
  ranges: string[];
  gradient?: { min?: [string, string, string]; mid?: [string, string, string]; max?: [string, string, string] };
}

/** One formatting call: a kind of format over a block, one value for every cell or a 2-D array of them. */
export interface FormatCall {
  row: number;
  column: number;
  rows: number;
  columns: number;
  kind: keyof CellFormat;
  value: unknown;
}

export interface SheetExtras {
  /** Formatting calls in order (kept as calls: a format over 50,000 rows is one entry, not 50,000). */
  formats: FormatCall[];
  columnWidths: Map<number, number>;
  charts: ChartState[];
  conditionalRules: ConditionalRuleState[];
}

const store = new WeakMap<SheetState, SheetExtras>();
let nextChart = 1;

/** The recorded extras of a sheet. */
export function extrasOf(state: SheetState): SheetExtras {
  let extras = store.get(state);
  if (!extras) store.set(state, (extras = { formats: [], columnWidths: new Map(), charts: [], conditionalRules: [] }));
  return extras;
}

/** Records one kind of format over a block: one value for every cell, or a 2-D array of them. */
export function recordFormat(state: SheetState, row: number, column: number, rows: number, columns: number, kind: keyof CellFormat, value: unknown): void {
  extrasOf(state).formats.push({ row, column, rows, columns, kind, value });
}

/** A cell's format: the last call covering it wins, kind by kind. */
export function formatAt(extras: SheetExtras, row: number, column: number): CellFormat {
  const format: CellFormat = {};
  for (const call of extras.formats) {
    const r = row - call.row;
    const c = column - call.column;
    if (r < 0 || c < 0 || r >= call.rows || c >= call.columns) continue;
    const cell = Array.isArray(call.value) ? (call.value as unknown[][])[r]?.[c] : call.value;
    if (call.kind === 'bold') format.bold = cell === 'bold';
    else (format as Record<string, unknown>)[call.kind] = cell === null || cell === undefined ? undefined : String(cell);
  }
  return format;
}

type RangeLike = { getA1Notation(): string };

/** Sheet.newChart(): records what the add-on builds. */
export class EmbeddedChartBuilder {
  private readonly chart: ChartState;
  constructor(private readonly state: SheetState, from?: ChartState) {
    this.chart = from ? { ...from, ranges: [...from.ranges], options: { ...from.options } } : { id: nextChart++, type: 'COLUMN', ranges: [], position: { row: 1, column: 1, offsetX: 0, offsetY: 0 }, options: {}, numHeaders: 0 };
  }
  setChartType(type: string) { this.chart.type = String(type); return this; }
  addRange(range: RangeLike) { this.chart.ranges.push(range.getA1Notation()); return this; }
  clearRanges() { this.chart.ranges = []; return this; }
  setPosition(row: number, column: number, offsetX: number, offsetY: number) { this.chart.position = { row, column, offsetX, offsetY }; return this; }
  setOption(name: string, value: unknown) { this.chart.options[name] = value; return this; }
  setNumHeaders(headers: number) { this.chart.numHeaders = headers; return this; }
  build() { return new EmbeddedChart(this.state, this.chart); }
}

export class EmbeddedChart {
  constructor(readonly state: SheetState, readonly chart: ChartState) {}
  getChartId() { return this.chart.id; }
  getRanges() { return [...this.chart.ranges]; }
  getOptions() { return { get: (name: string) => this.chart.options[name] }; }
  modify() { return new EmbeddedChartBuilder(this.state, this.chart); }
}

/** SpreadsheetApp.newConditionalFormatRule(): the gradient rules the add-on uses. */
export class ConditionalFormatRuleBuilder {
  private readonly rule: ConditionalRuleState = { ranges: [] };
  setRanges(ranges: RangeLike[]) { this.rule.ranges = Array.from(ranges, (r) => r.getA1Notation()); return this; }
  setGradientMinpointWithValue(color: string, type: string, value: string) { (this.rule.gradient ??= {}).min = [color, type, value]; return this; }
  setGradientMidpointWithValue(color: string, type: string, value: string) { (this.rule.gradient ??= {}).mid = [color, type, value]; return this; }
  setGradientMaxpointWithValue(color: string, type: string, value: string) { (this.rule.gradient ??= {}).max = [color, type, value]; return this; }
  setGradientMinpoint(color: string) { return this.setGradientMinpointWithValue(color, 'MIN', ''); }
  setGradientMaxpoint(color: string) { return this.setGradientMaxpointWithValue(color, 'MAX', ''); }
  build() { return { rule: { ...this.rule }, getRanges: () => this.rule.ranges }; }
}

/** The enums the chart and rule builders take. */
export const Charts = { ChartType: Object.fromEntries(['AREA', 'BAR', 'COLUMN', 'LINE', 'PIE', 'SCATTER', 'TABLE', 'COMBO'].map((t) => [t, t])) };
export const InterpolationType = { NUMBER: 'NUMBER', PERCENT: 'PERCENT', PERCENTILE: 'PERCENTILE', MIN: 'MIN', MAX: 'MAX' };
