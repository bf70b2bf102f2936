import { sliceByTime } from './interaction-index';
import type { Period } from './periods';
import { isPurchase, purchaseTime, type MetricsData } from './rows';

/**
 * Retention by period [S5]: of the customers who bought in the previous period, the share who bought again in
 * this one; churn = 1 - retention. Restricting the customers (a segment, a rep's book) or the product restricts
 * both periods alike: product retention asks who bought that product before and bought it again.
 */

export interface Purchase {
  personId: string;
  at: number;
  product?: string;
  value: number;
}

export interface RetentionFigure {
  /** Customers who bought in the previous period. */
  base: number;
  /** Of those, the ones who bought in this period. */
  retained: number;
  /** retained / base; undefined when nobody bought in the previous period. */
  rate?: number;
  churn?: number;
}

/** Every purchase (won, not tombstoned order of a customer), oldest first. */
export function listPurchases(data: Pick<MetricsData, 'deals'>): Purchase[] {
  return data.deals
    .filter(isPurchase)
    .map((d) => ({ personId: d.personId, at: purchaseTime(d), product: d.product, value: d.value }))
    .sort((a, b) => a.at - b.at);
}

export interface RetentionFilter {
  /** Only these customers (a segment, a rep's customers). */
  customers?: ReadonlySet<string>;
  /** Only purchases of this product (case-insensitive). */
  product?: string;
}

/** The customers who bought in a range, under a filter; `purchases` sorted by time, as listPurchases gives them. */
export function findBuyers(purchases: readonly Purchase[], range: { start: number; end: number }, filter: RetentionFilter = {}): Set<string> {
  const product = filter.product?.toLowerCase();
  const buyers = new Set<string>();
  for (const p of sliceByTime(purchases, range, (x) => x.at)) {
    if (filter.customers && !filter.customers.has(p.personId)) continue;
    if (product !== undefined && p.product?.toLowerCase() !== product) continue;
    buyers.add(p.personId);
  }
  return buyers;
}

/** Retention from the period before `period` into `period`; all-time has no previous period and gives base 0. */
export function computeRetention(purchases: readonly Purchase[], period: Pick<Period, 'start' | 'end' | 'previous'>, filter: RetentionFilter = {}): RetentionFigure {
  if (!period.previous) return { base: 0, retained: 0 };
  const before = findBuyers(purchases, period.previous, filter);
  const now = findBuyers(purchases, period, filter);
  let retained = 0;
  for (const id of before) if (now.has(id)) retained++;
  if (before.size === 0) return { base: 0, retained: 0 };
  const rate = retained / before.size;
  return { base: before.size, retained, rate, churn: 1 - rate };
}

/** The products people bought, most purchases first (ties by name), at most `limit`. */
export function listTopProducts(purchases: readonly Purchase[], limit: number): string[] {
  const counts = new Map<string, number>();
  for (const p of purchases) if (p.product) counts.set(p.product, (counts.get(p.product) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, limit).map(([product]) => product);
}

/**
 * Pooled month-on-month retention over the last `months` complete months before `now`'s month: Σ retained / Σ base.
 * It is the survival assumption of the discounted CLV; with no history it is 0 (no future is assumed).
 */
export function computeMonthlyRetention(purchases: readonly Purchase[], periods: readonly Period[], months = 12): number {
  const monthly = periods.filter((p) => p.kind === 'month').slice(1, months + 1);
  let base = 0;
  let retained = 0;
  for (const period of monthly) {
    const figure = computeRetention(purchases, period);
    base += figure.base;
    retained += figure.retained;
  }
  return base === 0 ? 0 : retained / base;
}
