import {
  add, cellOperand, contactsOfRep, customersWith, dealsClosedBy, FUNNEL_STAGES, funnelConversion, funnelCount, inCell, meanClv, meanShareOfWallet,
  newBuyers, paretoShare, segmentMeanClv, segmentMembers, segmentRevenue, toSerial, totalOf, VALUE_TIERS, voiceOfCustomer, walletEstimates,
  activityWeekStarts, type Expr,
} from '../shared/metrics';
import { SIDE_STAGES, VOICE_OF_CUSTOMER } from '../shared/model';
import { QUADRANTS } from '../shared/value';
import { a1 } from './dashboard-grid';
import { HELPER_COLUMN, STYLE, type LayoutContext } from './dashboard-layout';

/**
 * The live blocks of the dashboard: every number is a formula over the sheets (built from the definitions in
 * shared/metrics/live-metrics.ts), with a chart where a picture says it faster. Each block returns its last row.
 */

const CHART = { width: 520, height: 300 };
const CHART_ROWS = 16;

/** Funnel [S1]: people created in the period at each stage, how many reached each rung, conversion between rungs. */
export function funnelBlock(context: LayoutContext, top: number): number {
  const { grid, scope } = context;
  grid.set(top, 1, 'Funnel: people created in the period, by stage', STYLE.section);
  ['Stage', 'People', 'Reached it or further', 'Conversion to next'].forEach((h, i) => grid.set(top + 1, 1 + i, h, STYLE.header));
  const first = top + 2;
  const counts = FUNNEL_STAGES.map((stage, i) => {
    const row = first + i;
    grid.set(row, 1, stage);
    return { row, expr: inCell(grid.live(row, 2, `funnel.${stage}.people`, funnelCount(cellOperand(`$A${row}`, stage), scope), STYLE.count), funnelCount(cellOperand(`$A${row}`, stage), scope)) };
  });
  const reached = counts.map(({ row }, i) => inCell(grid.live(row, 3, `funnel.${FUNNEL_STAGES[i]}.reached`, add(...counts.slice(i).map((c) => c.expr)), STYLE.count), add(...counts.slice(i).map((c) => c.expr))));
  reached.slice(0, -1).forEach((here, i) => {
    const cell = grid.live(first + i, 4, `funnel.${FUNNEL_STAGES[i]}.conversion`, funnelConversion(reached[i + 1]!, here), STYLE.percent);
    if (FUNNEL_STAGES[i] === 'prospect') context.prospectConversion = { a1: cell, expr: funnelConversion(reached[i + 1]!, here) };
  });
  SIDE_STAGES.forEach((stage, i) => {
    const row = first + FUNNEL_STAGES.length + i;
    grid.set(row, 1, stage, STYLE.computed);
    grid.live(row, 2, `funnel.${stage}.people`, funnelCount(cellOperand(`$A${row}`, stage), scope), STYLE.count);
  });
  grid.charts.push({ type: 'BAR', title: 'Funnel: reached each stage or further', ranges: [`A${top + 1}:A${first + FUNNEL_STAGES.length - 1}`, `C${top + 1}:C${first + FUNNEL_STAGES.length - 1}`], row: top, column: 6, ...CHART });
  return Math.max(first + FUNNEL_STAGES.length + SIDE_STAGES.length, top + CHART_ROWS);
}

/** Contact activity per rep per week [S6]: the eight weeks ending with the period, and their total. */
export function activityBlock(context: LayoutContext, top: number): number {
  const { grid, input, period } = context;
  grid.set(top, 1, 'Contacts per rep and week (not visits, purchases or payments)', STYLE.section);
  grid.set(top + 1, 1, 'Rep', STYLE.header);
  grid.set(top + 1, 2, 'Email', STYLE.header);
  const weeks = activityWeekStarts(period);
  weeks.forEach((start, w) => grid.traced(top + 1, 3 + w, `activity.week${w + 1}`, `=INDEX(${input.refs.weeks[w]},MATCH($B$3,${input.refs.labels},0))`, { ...STYLE.header, format: 'mmm d', align: 'right' }));
  grid.set(top + 1, 3 + weeks.length, 'Total', { ...STYLE.header, align: 'right' });
  const reps = input.fixedRep ? input.reps.filter((r) => r.email.toLowerCase() === input.fixedRep!.toLowerCase()) : input.reps;
  reps.forEach((rep, i) => {
    const row = top + 2 + i;
    grid.set(row, 1, rep.name || rep.email);
    grid.set(row, 2, rep.email);
    const cells = weeks.map((start, w) => {
      const weekCell = a1(top + 1, 3 + w, true);
      const expr = contactsOfRep(cellOperand(`$B${row}`, rep.email), cellOperand(weekCell, toSerial(start)), cellOperand(`(${weekCell}+7)`, toSerial(start) + 7));
      return inCell(grid.live(row, 3 + w, `activity.${rep.email}.week${w + 1}`, expr, STYLE.count), expr);
    });
    grid.live(row, 3 + weeks.length, `activity.${rep.email}.total`, add(...cells), { ...STYLE.count, bold: true });
  });
  const last = top + 1 + Math.max(reps.length, 1);
  grid.charts.push({ type: 'COLUMN', title: 'Contacts per rep, last 8 weeks', ranges: [`A${top + 1}:A${last}`, `K${top + 1}:K${last}`], row: top, column: 13, ...CHART });
  return Math.max(last, top + CHART_ROWS);
}

/** Won and lost deals in the period [S6]: lost by reason, region and product; won by reason. */
export function dealsBlock(context: LayoutContext, top: number): number {
  const { grid, scope, input } = context;
  grid.set(top, 1, 'Deals closed in the period: where sales were lost, and why deals were won', STYLE.section);
  const tables: Array<[string, 'won' | 'lost', 'reason' | 'region' | 'product', string[]]> = [
    ['Lost: reason', 'lost', 'reason', input.labels.lossReasons],
    ['Lost: region', 'lost', 'region', input.labels.regions],
    ['Lost: product', 'lost', 'product', input.labels.products],
    ['Won: reason', 'won', 'reason', input.labels.winReasons],
  ];
  tables.forEach(([title, status, field, labels], t) => {
    const col = 1 + t * 3;
    grid.set(top + 1, col, title, STYLE.header);
    grid.set(top + 1, col + 1, 'Deals', STYLE.header);
    labels.forEach((label, i) => {
      const row = top + 2 + i;
      grid.set(row, col, label);
      grid.live(row, col + 1, `deals.${status}.${field}.${label}`, dealsClosedBy(status, field, cellOperand(a1(row, col, true), label), scope), STYLE.count);
    });
  });
  return top + 1 + Math.max(1, ...tables.map(([, , , labels]) => labels.length));
}

/** Voice of customer [S2]: entries per category in the period, and the top five (ties keep the list's order). */
export function voiceBlock(context: LayoutContext, top: number): number {
  const { grid, scope } = context;
  grid.set(top, 1, 'Voice of customer in the period: the top five problems', STYLE.section);
  ['Category', 'Entries'].forEach((h, i) => grid.set(top + 1, 1 + i, h, STYLE.header));
  ['Rank', 'Category', 'Entries'].forEach((h, i) => grid.set(top + 1, 4 + i, h, STYLE.header));
  const first = top + 2;
  const last = first + VOICE_OF_CUSTOMER.length - 1;
  VOICE_OF_CUSTOMER.forEach((category, i) => {
    const row = first + i;
    grid.set(row, 1, category);
    grid.live(row, 2, `voice.${category}`, voiceOfCustomer(cellOperand(`$A${row}`, category), scope), STYLE.count);
    // A tie-breaker that keeps earlier categories first, so LARGE and MATCH give a strict order.
    grid.formula(row, HELPER_COLUMN, `=B${row}-ROW()/1000`);
  });
  const helper = `$T$${first}:$T$${last}`;
  for (let k = 1; k <= 5; k++) {
    const row = first + k - 1;
    grid.set(row, 4, k);
    grid.traced(row, 5, `voice.top${k}.category`, `=INDEX($A$${first}:$A$${last},MATCH(LARGE(${helper},${k}),${helper},0))`);
    grid.traced(row, 6, `voice.top${k}.entries`, `=INDEX($B$${first}:$B$${last},MATCH(LARGE(${helper},${k}),${helper},0))`, STYLE.count);
  }
  return last;
}

/** Segments [S7]: members (the Segments column), revenue and mean CLV (Customer value), retention, owner, playbook. */
export function segmentsBlock(context: LayoutContext, top: number): number {
  const { grid, scope, input } = context;
  grid.set(top, 1, 'Segments (rules in the Segments sheet)', STYLE.section);
  ['Segment', 'Customers', 'Revenue', 'Mean CLV', 'Retention last month', 'Owner', 'Playbook'].forEach((h, i) => grid.set(top + 1, 1 + i, h, STYLE.header));
  input.segments.forEach((segment, i) => {
    const row = top + 2 + i;
    const name = cellOperand(`$A${row}`, segment.name);
    grid.set(row, 1, segment.name);
    grid.live(row, 2, `segment.${segment.name}.customers`, segmentMembers(name, scope), STYLE.count);
    grid.live(row, 3, `segment.${segment.name}.revenue`, segmentRevenue(name, scope), STYLE.money);
    grid.live(row, 4, `segment.${segment.name}.clv`, segmentMeanClv(name, scope), STYLE.money);
    grid.traced(row, 5, `segment.${segment.name}.retention`, segment.retention.rate ?? '', { ...STYLE.percent, ...STYLE.computed });
    grid.set(row, 6, segment.owner);
    grid.set(row, 7, segment.error ? `Rule not applied: ${segment.error}` : segment.playbook ?? '', segment.error ? { color: '#c5221f' } : {});
  });
  const last = top + 1 + Math.max(input.segments.length, 1);
  const height = Math.max(300, 28 * input.segments.length);
  grid.charts.push({ type: 'BAR', title: 'Revenue by segment', ranges: [`A${top + 1}:A${last}`, `C${top + 1}:C${last}`], row: top, column: 9, width: 560, height });
  return Math.max(last, top + Math.ceil(height / 21));
}

/** Value [S4]: revenue, margin, CLV, Pareto share, share of wallet, quadrants and tiers of the rep's customers. */
export function valueBlock(context: LayoutContext, top: number): number {
  const { grid, scope } = context;
  grid.set(top, 1, 'Value (Customer value sheet: one row per customer, recomputed with the segments)', STYLE.section);
  const lines: Array<[string, string, Expr, object]> = [
    ['Revenue, all purchases', 'value.revenue', totalOf('revenue', scope), STYLE.money],
    ['Margin (revenue - cost to serve)', 'value.margin', totalOf('margin', scope), STYLE.money],
    ['Mean discounted CLV of buyers', 'value.clv', meanClv(scope), STYLE.money],
    ['Top 20% share of revenue (team)', 'value.pareto', paretoShare(), STYLE.percent],
    ['Mean share of wallet (estimates)', 'value.wallet', meanShareOfWallet(scope), STYLE.percent],
    ['Customers with a wallet estimate', 'value.wallet-estimates', walletEstimates(scope), STYLE.count],
    ['New buyers in the period', 'value.new-buyers', newBuyers(scope), STYLE.count],
  ];
  lines.forEach(([label, key, expr, style], i) => {
    grid.set(top + 1 + i, 1, label);
    grid.live(top + 1 + i, 2, key, expr, style);
  });
  grid.set(top + 1, 4, 'Profitability quadrant', STYLE.header);
  grid.set(top + 1, 5, 'Customers', STYLE.header);
  QUADRANTS.forEach((quadrant, i) => {
    const row = top + 2 + i;
    grid.set(row, 4, quadrant);
    grid.live(row, 5, `value.quadrant.${quadrant}`, customersWith('quadrant', cellOperand(`$D${row}`, quadrant), scope), STYLE.count);
  });
  grid.set(top + 1, 7, 'Value tier', STYLE.header);
  grid.set(top + 1, 8, 'Customers', STYLE.header);
  VALUE_TIERS.slice(0, 3).forEach((tier, i) => {
    const row = top + 2 + i;
    grid.set(row, 7, tier);
    grid.live(row, 8, `value.tier.${tier}`, customersWith('valueTier', cellOperand(`$G${row}`, tier), scope), STYLE.count);
  });
  return top + lines.length;
}
