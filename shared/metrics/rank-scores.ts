/**
 * Value tiers and RFM scores [S7]: where a customer stands among the team's buyers. Both are defined by
 * thresholds on sorted values, so equal customers always land in the same tier or score (a tie never splits),
 * and a sheet can check a tier with COUNTIFS against LARGE(...) of the same column.
 */

export const VALUE_TIERS = ['top 20%', 'next 30%', 'bottom 50%', 'no purchases'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

/** The k-th largest value (1-based), as LARGE(range, k) gives it; undefined when there are fewer than k. */
export function kthLargest(values: readonly number[], k: number): number | undefined {
  if (k < 1 || k > values.length) return undefined;
  return [...values].sort((a, b) => b - a)[k - 1];
}

/** How many of n customers the top p% holds: ceil(n * p / 100), as computed by shared/value's Pareto share. */
export function topCount(n: number, percent: number): number {
  return Math.ceil((n * percent) / 100);
}

/**
 * Tier thresholds over buyers' revenue: top 20% = revenue >= the ceil(20% n)-th largest, next 30% = revenue >=
 * the ceil(50% n)-th largest; the rest of the buyers are the bottom 50%. Ties at a threshold go up, so a tier may
 * hold a few more customers than its share.
 */
export function tierThresholds(buyerRevenues: readonly number[]): { top: number; next: number } | undefined {
  const n = buyerRevenues.length;
  if (n === 0) return undefined;
  const sorted = [...buyerRevenues].sort((a, b) => b - a);
  return { top: sorted[topCount(n, 20) - 1]!, next: sorted[topCount(n, 50) - 1]! };
}

/** A customer's tier from their purchase count and revenue. */
export function classifyTier(purchases: number, revenue: number, thresholds: { top: number; next: number } | undefined): ValueTier {
  if (purchases === 0 || !thresholds) return 'no purchases';
  if (revenue >= thresholds.top) return 'top 20%';
  return revenue >= thresholds.next ? 'next 30%' : 'bottom 50%';
}

/**
 * Quintile scores 1..5 for a list of values where higher is better: score = 1 + floor(5 x (share of values
 * strictly below)), capped at 5. Equal values share a score; the best fifth scores 5.
 */
export function quintileScores(values: readonly number[]): number[] {
  const n = values.length;
  const sorted = [...values].sort((a, b) => a - b);
  return values.map((value) => {
    // Values strictly below: the first index where sorted[i] >= value.
    let low = 0;
    let high = n;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (sorted[mid]! < value) low = mid + 1;
      else high = mid;
    }
    return Math.min(5, 1 + Math.floor((5 * low) / n));
  });
}
