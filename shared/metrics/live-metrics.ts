import { LADDER_STAGES } from '../model/vocabulary';
import {
  add, blank, count, present, eq, eqOrAll, ge, hasItem, lt, ne, notTrue, ratio, subtract, sum, text,
  type Condition, type Expr, type Operand,
} from './expr';
import { ROLLUP_FIELDS } from './archive-rollup';
import { NOT_CONTACT_TYPES } from './kpis';

/**
 * The definitions of every live dashboard number [S1][S4][S5][S6][S7], each as an expression (expr.ts) over
 * the sheets. A definition takes its parameters as operands, so the same definition gives the JavaScript
 * value (operands holding values) and the formula (operands pointing at the dashboard's selector cells).
 */

/** What the dashboard's selectors choose: the period's bounds (serial days), and a rep and a source or "all". */
export interface Scope {
  start: Operand;
  end: Operand;
  /** Owner criterion: value undefined for all reps. */
  rep: Operand;
  /** Acquisition source criterion: value undefined for all sources. */
  source: Operand;
}

// A record: it has an id (the formulas' ranges run to the grid's end, past the data) and is not tombstoned.
const alive = [present('id'), notTrue('deleted')] as const;
const within = (field: string, s: Scope): Condition[] => [ge(field, s.start), lt(field, s.end)];
const contactOnly = NOT_CONTACT_TYPES.map((type) => ne('type', type));

/**
 * Interactions passing the conditions: those on the Interactions sheet plus those archived (the rollup's
 * daily counts, archive-rollup.ts). A condition must name a field the rollup keeps.
 */
export function countInteractions(...where: Condition[]): Expr {
  const rollupWhere = where.map((condition): Condition => {
    if (!(ROLLUP_FIELDS as readonly string[]).includes(condition.field)) throw new Error(`Archived interactions are not counted by ${condition.field}`);
    return condition.field === 'at' ? { ...condition, field: 'day' } : condition;
  });
  return add(count('Interactions', ...where, ...alive), sum('Archived interactions', 'interactions', ...rollupWhere));
}

/** Customers on the books (not tombstoned), of the rep. */
export const customersTotal = (s: Scope): Expr => count('Customers', ...alive, eqOrAll('owner', s.rep));

/** People created in the period at a stage, of the rep and source: one bar of the funnel [S1]. */
export const funnelCount = (stage: Operand, s: Scope): Expr =>
  count('Customers', eq('stage', stage), ...within('createdAt', s), eqOrAll('owner', s.rep), eqOrAll('acquisitionSource', s.source), ...alive);

/** People created in the period, of the rep and source. */
export const newPeople = (s: Scope): Expr => count('Customers', ...within('createdAt', s), eqOrAll('owner', s.rep), eqOrAll('acquisitionSource', s.source), ...alive);

/** People who reached a rung or went further: the sum of the counts at it and above (a funnel step). */
export const funnelReached = (countsFromRung: readonly Expr[]): Expr => add(...countsFromRung);

/** Conversion from one rung to the next: reached the next / reached this one. */
export const funnelConversion = (reachedNext: Expr, reached: Expr): Expr => ratio(reachedNext, reached);

/** The rungs counted in the funnel, in order (side states are listed apart: they cannot be placed on it). */
export const FUNNEL_STAGES = LADDER_STAGES;

/** A rep's contacts in a date range (a week of the activity grid) [S6]: interactions they own, not visits or purchases. */
export const contactsOfRep = (rep: Operand, start: Operand, end: Operand): Expr =>
  countInteractions(eq('owner', rep), ge('at', start), lt('at', end), ...contactOnly);

/** Contacts in the period, of the rep. */
export const contactsInPeriod = (s: Scope): Expr => countInteractions(eqOrAll('owner', s.rep), ...within('at', s), ...contactOnly);

const closedDeals = (status: string, s: Scope, kind?: string): Condition[] => [
  ...(kind ? [eq('kind', text(kind))] : []),
  eq('status', text(status)),
  ...within('closedAt', s),
  eqOrAll('owner', s.rep),
  ...alive,
];

/** Opportunities won / lost with a close in the period. */
export const opportunitiesClosed = (status: 'won' | 'lost', s: Scope): Expr => count('Deals', ...closedDeals(status, s, 'opportunity'));

/** Opportunity achievement [S6]: won / (won + lost) among opportunities closed in the period. */
export const opportunityWinRate = (s: Scope): Expr =>
  ratio(opportunitiesClosed('won', s), add(opportunitiesClosed('won', s), opportunitiesClosed('lost', s)));

/** Sales-cycle length [S6]: mean days from opening to winning, over opportunities won in the period. */
export const salesCycleDays = (s: Scope): Expr =>
  ratio(subtract(sum('Deals', 'closedAt', ...closedDeals('won', s, 'opportunity')), sum('Deals', 'openedAt', ...closedDeals('won', s, 'opportunity'))), opportunitiesClosed('won', s));

/** Deals (orders or opportunities) with a status closed in the period, by a field: reason, region or product [S6]. */
export const dealsClosedBy = (status: 'won' | 'lost', field: 'reason' | 'region' | 'product', value: Operand, s: Scope): Expr =>
  count('Deals', eq(field, value), ...closedDeals(status, s));

/** Customers never contacted (no last contact), of the rep [S6]. */
export const neverContacted = (s: Scope): Expr => count('Customers', blank('lastContactAt'), eqOrAll('owner', s.rep), ...alive);

/** Bad experiences logged in the period [S2]: each one raised an alert. */
export const badExperiences = (s: Scope): Expr => countInteractions(eq('experience', text('bad')), ...within('at', s), eqOrAll('owner', s.rep));

/** Voice-of-customer entries of a category in the period [S2]. */
export const voiceOfCustomer = (category: Operand, s: Scope): Expr => countInteractions(eq('voiceOfCustomer', category), ...within('at', s), eqOrAll('owner', s.rep));

/** Customers in a segment (the Segments column the add-on writes), of the rep [S7]. */
export const segmentMembers = (segment: Operand, s: Scope): Expr => count('Customers', hasItem('segments', segment), eqOrAll('owner', s.rep), ...alive);

const ofSegment = (segment: Operand, s: Scope) => [hasItem('segments', segment), eqOrAll('owner', s.rep)];
/** Revenue of a segment's customers (Customer value sheet). */
export const segmentRevenue = (segment: Operand, s: Scope): Expr => sum('Customer value', 'revenue', ...ofSegment(segment, s));
/** Mean discounted CLV of a segment's customers. */
export const segmentMeanClv = (segment: Operand, s: Scope): Expr =>
  ratio(sum('Customer value', 'clv', ...ofSegment(segment, s)), count('Customer value', ...ofSegment(segment, s)));

const n = (value: number): Operand => ({ ref: String(value), value });
const buyers = (s: Scope, atLeast = 1) => [ge('purchases', n(atLeast)), eqOrAll('owner', s.rep)];

/** Repeat-purchase rate [S5]: buyers with two or more purchases / buyers. */
export const repeatPurchaseRate = (s: Scope): Expr => ratio(count('Customer value', ...buyers(s, 2)), count('Customer value', ...buyers(s)));

/** Mean days between purchases [S5], pooled: the repeat buyers' spans (last - first) over their gaps (purchases - 1). */
export const meanDaysBetweenPurchases = (s: Scope): Expr =>
  ratio(
    subtract(sum('Customer value', 'lastPurchaseAt', ...buyers(s, 2)), sum('Customer value', 'firstPurchaseAt', ...buyers(s, 2))),
    subtract(sum('Customer value', 'purchases', ...buyers(s, 2)), count('Customer value', ...buyers(s, 2))),
  );

/** New buyers: first purchase in the period (acquisition). */
export const newBuyers = (s: Scope): Expr => count('Customer value', ...within('firstPurchaseAt', s), eqOrAll('owner', s.rep));

/** Revenue and margin of all purchases, of the rep's customers. */
export const totalOf = (field: 'revenue' | 'margin' | 'clv', s: Scope): Expr => sum('Customer value', field, eqOrAll('owner', s.rep));

/** Mean discounted CLV over buyers. */
export const meanClv = (s: Scope): Expr => ratio(sum('Customer value', 'clv', ...buyers(s)), count('Customer value', ...buyers(s)));

/** Pareto [S4]: share of revenue from the top 20% of buyers, team-wide (LARGE cannot take a rep's subset portably). */
export const paretoShare = (): Expr => ({ kind: 'topShare', table: 'Customer value', field: 'revenue', countField: 'purchases', percent: 20 });

/** Customers in a profitability quadrant or value tier [S4]. */
export const customersWith = (field: 'quadrant' | 'valueTier', value: Operand, s: Scope): Expr => count('Customer value', eq(field, value), eqOrAll('owner', s.rep));

/** Mean share of wallet over the customers with an estimate [S4]. */
export const meanShareOfWallet = (s: Scope): Expr =>
  ratio(sum('Customers', 'shareOfWallet', ge('shareOfWallet', n(0)), eqOrAll('owner', s.rep), ...alive), count('Customers', ge('shareOfWallet', n(0)), eqOrAll('owner', s.rep), ...alive));

/** Customers with a share-of-wallet estimate. */
export const walletEstimates = (s: Scope): Expr => count('Customers', ge('shareOfWallet', n(0)), eqOrAll('owner', s.rep), ...alive);
