import type { RetentionFigure } from '../shared/metrics';
import { a1 } from './dashboard-grid';
import { STYLE, type LayoutContext, type RetentionLine } from './dashboard-layout';

/**
 * The computed blocks of the dashboard [S5][S6]: retention by month and quarter (overall and per product),
 * the first-purchase cohort grid with its retention curve, territory coverage and data quality. Their numbers
 * pair rows with each other, so the domain core computes them; they are grey, like every computed figure.
 */

const grey = (style: object) => ({ ...style, ...STYLE.computed });

/** Retention and churn by month and by quarter, for everyone and per product. */
export function retentionBlock(context: LayoutContext, top: number): number {
  const { grid, input } = context;
  let row = top;
  for (const [title, unit, lines] of [
    ['Retention by month: of those who bought the month before, the share who bought again (overall, then by product)', 'month', input.retentionMonths],
    ['Retention by quarter (overall, then by product)', 'quarter', input.retentionQuarters],
  ] as const) {
    grid.set(row, 1, title, STYLE.section);
    [unit === 'month' ? 'Month' : 'Quarter', 'Bought before', 'Bought again', 'Retention', 'Churn', ...input.products.map((p) => `${p}`)].forEach((h, i) =>
      grid.set(row + 1, 1 + i, h, STYLE.header),
    );
    lines.forEach((line: RetentionLine, i: number) => {
      const r = row + 2 + i;
      const key = `retention.${unit}.${line.label}`;
      grid.set(r, 1, line.label);
      grid.traced(r, 2, `${key}.base`, line.all.base, grey(STYLE.count));
      grid.traced(r, 3, `${key}.retained`, line.all.retained, grey(STYLE.count));
      grid.traced(r, 4, `${key}.rate`, line.all.rate ?? '', grey(STYLE.percent));
      grid.traced(r, 5, `${key}.churn`, line.all.churn ?? '', grey(STYLE.percent));
      line.byProduct.forEach((figure: RetentionFigure, p: number) => grid.traced(r, 6 + p, `${key}.product.${input.products[p]}`, figure.rate ?? '', grey(STYLE.percent)));
    });
    row += 2 + lines.length + 1;
  }
  return row - 2;
}

/** First-purchase cohorts: the share of each month's new customers who bought again k months later, coloured. */
export function cohortBlock(context: LayoutContext, top: number): number {
  const { grid, input } = context;
  const { cohorts, curve } = input.cohorts;
  grid.set(top, 1, 'Cohorts by first-purchase month: share who bought in each month after their first purchase', STYLE.section);
  grid.set(top + 1, 1, 'Cohort', STYLE.header);
  grid.set(top + 1, 2, 'Customers', STYLE.header);
  curve.forEach((_, k) => grid.set(top + 1, 3 + k, `Month ${k}`, STYLE.header));
  cohorts.forEach((cohort, i) => {
    const row = top + 2 + i;
    grid.set(row, 1, cohort.label);
    grid.traced(row, 2, `cohort.${cohort.label}.size`, cohort.size, grey(STYLE.count));
    cohort.rates.forEach((rate, k) => grid.traced(row, 3 + k, `cohort.${cohort.label}.month${k}`, rate ?? '', grey({ format: '0%' })));
  });
  const last = top + 1 + Math.max(cohorts.length, 1);
  // Month 0 is 100% by definition: colour from month 1, or it would flatten every other shade.
  if (cohorts.length && curve.length > 1) context.gradients.push(`${a1(top + 2, 4)}:${a1(last, 2 + curve.length)}`);

  const curveTop = last + 2;
  grid.set(curveTop, 1, 'Retention curve: all cohorts, weighted by size', STYLE.section);
  grid.set(curveTop + 1, 1, 'Months after first purchase', STYLE.header);
  grid.set(curveTop + 1, 2, 'Share buying', STYLE.header);
  curve.forEach((share, k) => {
    grid.set(curveTop + 2 + k, 1, `Month ${k}`);
    grid.traced(curveTop + 2 + k, 2, `cohort.curve.month${k}`, share ?? '', grey(STYLE.percent));
  });
  const curveEnd = curveTop + 1 + curve.length;
  grid.charts.push({ type: 'LINE', title: 'Retention curve (share of a cohort buying, by month)', ranges: [`A${curveTop + 1}:A${curveEnd}`, `B${curveTop + 1}:B${curveEnd}`], row: curveTop, column: 4, width: 560, height: 280 });
  return Math.max(curveEnd, curveTop + 15);
}

/** Territory coverage: accounts in each territory contacted in the selected period. */
export function coverageBlock(context: LayoutContext, top: number): number {
  const { grid, input } = context;
  const { refs } = input;
  grid.set(top, 1, 'Territory coverage in the period: accounts (organisations) contacted', STYLE.section);
  ['Territory', 'Accounts', 'Contacted', 'Coverage'].forEach((h, i) => grid.set(top + 1, 1 + i, h, STYLE.header));
  input.territories.forEach((territory, i) => {
    const row = top + 2 + i;
    grid.set(row, 1, territory);
    (['Accounts', 'Contacted', 'Coverage'] as const).forEach((name, c) =>
      grid.traced(row, 2 + c, `coverage.${territory}.${name.toLowerCase()}`, `=IFERROR(INDEX(${refs.coverage[name]},MATCH($B$3&"|"&$A${row},${refs.coverageKeys},0)),"")`, grey(name === 'Coverage' ? STYLE.percent : STYLE.count)),
    );
  });
  return top + 1 + Math.max(input.territories.length, 1);
}

/** The data-quality report the add-on computes with the segments (duplicates, stale, incomplete, unreadable rows). */
export function qualityBlock(context: LayoutContext, top: number): number {
  const { grid, input } = context;
  if (!input.quality?.length) return top - 1;
  grid.set(top, 1, 'Data quality', STYLE.section);
  input.quality.forEach(([label, value], i) => {
    grid.set(top + 1 + i, 1, label);
    grid.set(top + 1 + i, 2, value, grey(value instanceof Date ? { format: 'yyyy-mm-dd hh:mm' } : STYLE.count));
  });
  return top + input.quality.length;
}
