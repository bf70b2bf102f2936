import type { CohortGrid, Expr, Period, RepRow, RetentionFigure, Scope } from '../shared/metrics';
import {
  ALL_REPS, ALL_SOURCES, ANY_VALUE_CRITERION, badExperiences, cellOperand, contactsInPeriod, customersTotal, inCell,
  meanDaysBetweenPurchases, neverContacted, newPeople, opportunityWinRate, repeatPurchaseRate, salesCycleDays, toSerial, type RangeOf,
} from '../shared/metrics';
import { activityBlock, dealsBlock, funnelBlock, segmentsBlock, valueBlock, voiceBlock } from './dashboard-blocks';
import type { DataRefs, FigureName } from './dashboard-data';
import { Grid, type CellStyle } from './dashboard-grid';
import { cohortBlock, coverageBlock, qualityBlock, retentionBlock } from './dashboard-tables';

/**
 * The Dashboard sheet, laid out in memory (pure: no Apps Script calls, so tests and the add-on build the same
 * thing). Selectors at the top (period, rep, source) feed every formula through three cells; tiles first,
 * then funnel, activity, deals, voice of customer, segments, value, retention, cohorts and coverage.
 */

export interface SegmentLine {
  name: string;
  owner: string;
  playbook?: string;
  error?: string;
  /** Retention of the segment's customers in the last complete month (computed). */
  retention: RetentionFigure;
}

export interface RetentionLine {
  label: string;
  all: RetentionFigure;
  byProduct: RetentionFigure[];
}

export interface DashboardInput {
  title: string;
  computedAt: Date;
  periods: readonly Period[];
  /** What the selectors show: a period label, `All reps` or a rep's email, `All sources` or a source. */
  selection: { period: string; rep: string; source: string };
  /** A scoped dashboard: the rep selector is this rep and offers nothing else. */
  fixedRep?: string;
  reps: readonly RepRow[];
  sources: readonly string[];
  labels: { lossReasons: string[]; winReasons: string[]; regions: string[]; products: string[] };
  segments: readonly SegmentLine[];
  products: readonly string[];
  retentionMonths: readonly RetentionLine[];
  retentionQuarters: readonly RetentionLine[];
  cohorts: CohortGrid;
  territories: readonly string[];
  quality?: ReadonlyArray<readonly [string, string | number | Date]>;
  refs: DataRefs;
}

export interface LayoutContext {
  grid: Grid;
  input: DashboardInput;
  period: Period;
  scope: Scope;
  /** The INDEX/MATCH formula of a computed figure for the selected period and rep. */
  figure: (name: FigureName) => string;
  gradients: string[];
  /** Where the funnel put the prospect -> first-time conversion, for its tile. */
  prospectConversion?: { a1: string; expr: Expr };
}

export interface DashboardLayout {
  grid: Grid;
  /** Selector cells and the values their drop-downs offer. */
  validations: Array<{ a1: string; values: string[] }>;
  /** Ranges coloured with a red-to-green gradient (the cohort grid). */
  gradients: string[];
  hiddenColumns: number[];
  frozenRows: number;
  widths: Array<[column: number, pixels: number]>;
}

/** A hidden column for helper cells: the criteria and the lookup key the selectors make. */
export const HELPER_COLUMN = 20;
/** The dashboard's width in columns (section bands, column widths); the helper column is beyond it. */
const BAND_COLUMNS = 14;
export const STYLE = {
  title: { bold: true } as CellStyle,
  section: { bold: true, background: '#dfe7f5' } as CellStyle,
  header: { bold: true, background: '#f1f3f4' } as CellStyle,
  computed: { color: '#5f6368' } as CellStyle,
  count: { format: '#,##0' } as CellStyle,
  money: { format: '#,##0' } as CellStyle,
  percent: { format: '0.0%' } as CellStyle,
  decimal: { format: '0.0' } as CellStyle,
  date: { format: 'yyyy-mm-dd' } as CellStyle,
  /** The cells a manager changes: drop-downs, tinted so they read as inputs. */
  selector: { bold: true, background: '#fef7e0' } as CellStyle,
};

/** The dashboard for the given selection. */
export function layoutDashboard(input: DashboardInput, rangeOf: RangeOf): DashboardLayout {
  const grid = new Grid(rangeOf);
  const period = input.periods.find((p) => p.label === input.selection.period) ?? input.periods[0]!;
  const rep = input.fixedRep ?? input.selection.rep;
  const { refs } = input;
  const helper = (row: number) => `$T$${row}`;

  grid.set(1, 1, input.title, STYLE.title);
  grid.set(1, 8, 'Computed', STYLE.computed);
  grid.set(1, 9, input.computedAt, { ...STYLE.computed, format: 'yyyy-mm-dd hh:mm' });
  grid.set(2, 1, 'Black figures are live formulas over the sheets; grey ones are computed by Clipsheet (hourly, or Clipsheet > Recompute) and looked up in Dashboard data.', STYLE.computed);
  grid.set(3, 1, 'Period', STYLE.header);
  grid.set(3, 2, period.label, STYLE.selector);
  grid.set(3, 4, 'Rep', STYLE.header);
  grid.set(3, 5, rep, STYLE.selector);
  grid.set(3, 7, 'Source', STYLE.header);
  grid.set(3, 8, input.selection.source, STYLE.selector);
  grid.set(4, 1, 'From', STYLE.header);
  grid.traced(4, 2, 'period.start', `=INDEX(${refs.starts},MATCH($B$3,${refs.labels},0))`, STYLE.date);
  grid.set(4, 4, 'Until (exclusive)', STYLE.header);
  grid.traced(4, 5, 'period.end', `=INDEX(${refs.ends},MATCH($B$3,${refs.labels},0))`, STYLE.date);
  grid.formula(3, HELPER_COLUMN, `=IF($E$3="${ALL_REPS}","${ANY_VALUE_CRITERION}",$E$3)`);
  grid.formula(4, HELPER_COLUMN, `=IF($H$3="${ALL_SOURCES}","${ANY_VALUE_CRITERION}",$H$3)`);
  grid.formula(5, HELPER_COLUMN, '=$B$3&"|"&$E$3');

  const scope: Scope = {
    start: cellOperand('$B$4', toSerial(period.start)),
    end: cellOperand('$E$4', toSerial(period.end)),
    rep: cellOperand(helper(3), rep === ALL_REPS ? undefined : rep),
    source: cellOperand(helper(4), input.selection.source === ALL_SOURCES ? undefined : input.selection.source),
  };
  const figure = (name: FigureName) => `=IFERROR(INDEX(${refs.figures[name]},MATCH(${helper(5)},${refs.figureKeys},0)),"")`;
  const context: LayoutContext = { grid, input, period, scope, figure, gradients: [] };

  let row = 13;
  // A blank row between blocks; each block's title row is banded across the width of the tables.
  for (const block of [funnelBlock, activityBlock, dealsBlock, voiceBlock, segmentsBlock, valueBlock, retentionBlock, cohortBlock, coverageBlock, qualityBlock]) row = block(context, row) + 2;
  for (const title of grid.rowsStyled(STYLE.section)) grid.style(title, 1, 1, BAND_COLUMNS, STYLE.section);
  tiles(context);

  const validations = [
    { a1: 'B3', values: input.periods.map((p) => p.label) },
    { a1: 'E3', values: input.fixedRep ? [input.fixedRep] : [ALL_REPS, ...input.reps.map((r) => r.email)] },
    { a1: 'H3', values: [ALL_SOURCES, ...input.sources] },
  ];
  const widths: Array<[number, number]> = [[1, 190], ...Array.from({ length: BAND_COLUMNS - 1 }, (_, i): [number, number] => [i + 2, 118])];
  return { grid, validations, gradients: context.gradients, hiddenColumns: [HELPER_COLUMN], frozenRows: 4, widths };
}

/** Two rows of tiles: a label over a figure, live ones black, computed ones grey. */
function tiles(context: LayoutContext): void {
  const { grid, scope, figure } = context;
  const label = (row: number, col: number, text: string) => grid.set(row, col, text, { ...STYLE.header, background: '#e8f0fe', align: 'center' });
  const live: Array<[string, string, Parameters<Grid['live']>[3], CellStyle]> = [
    ['Customers (now)', 'tile.customers', customersTotal(scope), STYLE.count],
    ['New people', 'tile.new-people', newPeople(scope), STYLE.count],
    ['Win rate', 'tile.win-rate', opportunityWinRate(scope), STYLE.percent],
    ['Sales cycle (days)', 'tile.sales-cycle', salesCycleDays(scope), STYLE.decimal],
    ['Contacts', 'tile.contacts', contactsInPeriod(scope), STYLE.count],
    ['Never contacted (now)', 'tile.never-contacted', neverContacted(scope), STYLE.count],
    ['Bad experiences', 'tile.bad-experiences', badExperiences(scope), STYLE.count],
  ];
  live.splice(2, 0, ['Prospect conversion', 'tile.prospect-conversion', inCell(context.prospectConversion!.a1, context.prospectConversion!.expr), STYLE.percent]);
  live.forEach(([text, key, expr, style], i) => {
    label(6, 1 + i, text);
    grid.live(7, 1 + i, key, expr, { ...style, bold: true, align: 'center' });
  });
  const second: Array<[string, string, FigureName | Parameters<Grid['live']>[3], CellStyle]> = [
    ['Retention', 'tile.retention', 'Retention', STYLE.percent],
    ['Churn', 'tile.churn', 'Churn', STYLE.percent],
    ['Repeat buyers', 'tile.repeat-rate', repeatPurchaseRate(scope), STYLE.percent],
    ['Days between buys', 'tile.days-between', meanDaysBetweenPurchases(scope), STYLE.decimal],
    ['Top 20% revenue', 'tile.pareto', 'Pareto share (top 20%)', STYLE.percent],
    ['Reply time (hours)', 'tile.response', 'Median response (hours)', STYLE.decimal],
    ['Effort on new', 'tile.acquisition-share', 'Acquisition share of effort', STYLE.percent],
    ['Acquirer/retainer', 'tile.balance', 'Balance', {}],
  ];
  second.forEach(([text, key, what, style], i) => {
    label(9, 1 + i, text);
    if (typeof what === 'string') grid.traced(10, 1 + i, key, figure(what), { ...style, ...STYLE.computed, bold: true, align: 'center' });
    else grid.live(10, 1 + i, key, what, { ...style, bold: true, align: 'center' });
  });
}
