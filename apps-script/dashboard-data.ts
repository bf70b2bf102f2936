import type { Period, PeriodFigures, TerritoryCoverage } from '../shared/metrics';
import { activityWeekStarts, ACTIVITY_WEEKS, figureKey } from '../shared/metrics';
import { a1, Grid } from './dashboard-grid';

/**
 * The Dashboard data sheet: what no portable formula can compute, computed by the domain core and written
 * as values with the time (periods and their weeks, retention, response time, effort balance, Pareto share
 * per rep, territory coverage), in tables keyed the way the dashboard's selectors build their lookup keys.
 */

export const DATA_SHEET = 'Dashboard data';
const HEADER_ROW = 4;
const FIRST_ROW = 5;

/** Figure columns, in order: their headers and how each is read from the domain's figures. */
export const FIGURE_COLUMNS = [
  ['Bought in the period before', (f: PeriodFigures) => f.retention.base],
  ['Bought again', (f: PeriodFigures) => f.retention.retained],
  ['Retention', (f: PeriodFigures) => f.retention.rate],
  ['Churn', (f: PeriodFigures) => f.retention.churn],
  ['Inbound emails', (f: PeriodFigures) => f.response.inbound],
  ['Answered', (f: PeriodFigures) => f.response.answered],
  ['Median response (hours)', (f: PeriodFigures) => f.response.medianHours],
  ['Contacts with new customers', (f: PeriodFigures) => f.balance.onNew],
  ['Contacts with existing customers', (f: PeriodFigures) => f.balance.onExisting],
  ['Acquisition share of effort', (f: PeriodFigures) => f.balance.acquisitionShare],
  ['Balance', (f: PeriodFigures) => f.balance.balance],
  ['Pareto share (top 20%)', (f: PeriodFigures) => f.paretoShare],
] as const;
export type FigureName = (typeof FIGURE_COLUMNS)[number][0];

/** Absolute ranges of the data tables, for INDEX/MATCH on the dashboards. */
export interface DataRefs {
  labels: string;
  starts: string;
  ends: string;
  weeks: string[];
  figureKeys: string;
  figures: Record<FigureName, string>;
  coverageKeys: string;
  coverage: Record<'Accounts' | 'Contacted' | 'Coverage', string>;
}

export interface DataInput {
  computedAt: Date;
  periods: readonly Period[];
  figures: ReadonlyMap<string, PeriodFigures>;
  /** Coverage per period label. */
  coverage: ReadonlyMap<string, readonly TerritoryCoverage[]>;
}

const range = (col: number, rows: number) => `'${DATA_SHEET}'!${a1(FIRST_ROW, col, true)}:${a1(FIRST_ROW + Math.max(rows, 1) - 1, col, true)}`;
const DATE = { format: 'yyyy-mm-dd' };

/** The data sheet's grid and where each table is. */
export function buildDataSheet(input: DataInput): { grid: Grid; refs: DataRefs } {
  const grid = new Grid(() => '');
  const header = { bold: true, background: '#f1f3f4' };
  grid.set(1, 1, 'Computed by Clipsheet', { bold: true });
  grid.set(1, 2, input.computedAt, { format: 'yyyy-mm-dd hh:mm' });
  grid.set(2, 1, 'Figures no portable formula can compute (they pair rows with each other), by period and rep. The dashboards look them up; do not edit.');

  const weekCols = Array.from({ length: ACTIVITY_WEEKS }, (_, i) => 4 + i);
  ['Period', 'Start', 'End (exclusive)', ...weekCols.map((_, i) => `Week ${i + 1}`)].forEach((h, i) => grid.set(HEADER_ROW, 1 + i, h, header));
  input.periods.forEach((period, i) => {
    const row = FIRST_ROW + i;
    grid.set(row, 1, period.label);
    grid.set(row, 2, new Date(period.start), DATE);
    grid.set(row, 3, new Date(period.end), DATE);
    activityWeekStarts(period).forEach((start, w) => grid.set(row, weekCols[w]!, new Date(start), DATE));
  });

  const figureStart = 4 + ACTIVITY_WEEKS + 1;
  const figureRows = [...input.figures];
  ['Key', ...FIGURE_COLUMNS.map(([h]) => h)].forEach((h, i) => grid.set(HEADER_ROW, figureStart + i, h, header));
  figureRows.forEach(([key, figures], i) => {
    grid.set(FIRST_ROW + i, figureStart, key);
    FIGURE_COLUMNS.forEach(([, read], c) => grid.set(FIRST_ROW + i, figureStart + 1 + c, read(figures) ?? ''));
  });

  const coverageStart = figureStart + FIGURE_COLUMNS.length + 2;
  const coverageRows = [...input.coverage].flatMap(([label, rows]) => rows.map((row) => [figureKey(label, row.territory), row] as const));
  ['Key', 'Accounts', 'Contacted', 'Coverage'].forEach((h, i) => grid.set(HEADER_ROW, coverageStart + i, h, header));
  coverageRows.forEach(([key, row], i) => {
    grid.set(FIRST_ROW + i, coverageStart, key);
    grid.set(FIRST_ROW + i, coverageStart + 1, row.accounts);
    grid.set(FIRST_ROW + i, coverageStart + 2, row.contacted);
    grid.set(FIRST_ROW + i, coverageStart + 3, row.coverage ?? '');
  });

  const periods = input.periods.length;
  const refs: DataRefs = {
    labels: range(1, periods),
    starts: range(2, periods),
    ends: range(3, periods),
    weeks: weekCols.map((c) => range(c, periods)),
    figureKeys: range(figureStart, figureRows.length),
    figures: Object.fromEntries(FIGURE_COLUMNS.map(([h], c) => [h, range(figureStart + 1 + c, figureRows.length)])) as DataRefs['figures'],
    coverageKeys: range(coverageStart, coverageRows.length),
    coverage: { Accounts: range(coverageStart + 1, coverageRows.length), Contacted: range(coverageStart + 2, coverageRows.length), Coverage: range(coverageStart + 3, coverageRows.length) },
  };
  return { grid, refs };
}
