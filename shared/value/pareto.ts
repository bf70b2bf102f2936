import { checkNumber, checkNumbers, fail, succeed, type ValueResult } from './result';

/**
 * Pareto [S4]: the share of total revenue (or profit) that comes from the top customers.
 *
 *   k     = ceil(n * topPercent / 100)          (the top 20% of 7 customers is 2 customers, of 10 it is 2)
 *   share = (sum of the k largest values) / (sum of all n values)
 *
 * Rounding up means the top group is never empty and never smaller than topPercent of the customers. Ties need no
 * rule: customers with equal values are interchangeable in the sum, so the share is the same whichever is taken.
 * n counts every customer given, including those at zero.
 *
 * With non-negative values the share lies in [k/n, 1], so at least topPercent / 100. With profits some customers
 * lose money, and the share can exceed 1 (the "whale curve": the best customers earn more than the total, the
 * worst give part of it back); that is reported, not clamped.
 */

export interface ParetoShare {
  share: number;
  /** k, the number of customers in the top group. */
  topCount: number;
  /** n, the number of customers. */
  count: number;
  total: number;
}

/** The share of the total from the top topPercent (20 by default) of customers, by the formula above. */
export function computeParetoShare(values: readonly number[], topPercent = 20): ValueResult<ParetoShare> {
  const error = checkNumbers(values, 'values') ?? checkNumber(topPercent, 'topPercent', { min: 0, max: 100 });
  if (error) return { ok: false, error };
  if (values.length === 0) return fail('empty', 'values', 'there are no customers');
  if (topPercent <= 0) return fail('out-of-range', 'topPercent', 'must be more than 0');
  const count = values.length;
  // Multiply before dividing: n * topPercent is exact for whole percents, while 100 * (7 / 100) is 7.000000000000001 and would make k = 8.
  const topCount = Math.ceil((count * topPercent) / 100);
  const sorted = [...values].sort((a, b) => b - a);
  const total = sumOf(sorted);
  const top = sumOf(sorted.slice(0, topCount));
  if (!Number.isFinite(total) || !Number.isFinite(top)) return fail('out-of-range', 'values', 'sum overflows');
  if (total === 0) return fail('zero', 'values', 'the total is 0, so no share of it can be computed');
  if (total < 0) return fail('out-of-range', 'values', `the total is negative (${total}): the customers lose money overall`);
  return succeed({ share: top / total, topCount, count, total });
}

function sumOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0);
}
