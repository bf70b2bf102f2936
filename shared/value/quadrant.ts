import { computeMedian, checkNumber, fail, isFiniteNumber, succeed, type ValueResult } from './result';

/**
 * The profitability matrix [S4]: net price (what the customer really pays, after discounts) against cost to
 * serve. Any unit works as long as every customer uses the same one (per order, or per unit of revenue).
 *
 * A value is high when it is strictly above its threshold, low otherwise. Thresholds default to the median of
 * the customers given, so the data splits in two halves: with distinct values, low and high differ by at most one
 * customer, and the median customer of an odd count is low.
 */

export const QUADRANTS = ['bargain', 'aggressive', 'passive', 'demanding'] as const;
export type Quadrant = (typeof QUADRANTS)[number];

export interface QuadrantThresholds {
  price: number;
  cost: number;
}

export interface QuadrantRow {
  id: string;
  netPrice: number;
  costToServe: number;
}

export interface QuadrantAssignment {
  thresholds: QuadrantThresholds;
  quadrants: { id: string; quadrant: Quadrant }[];
  /** Ids of rows without a finite net price and cost to serve, left out of thresholds and quadrants. */
  skipped: string[];
}

/** bargain: low price, low cost; aggressive: low price, high cost; passive: high price, low cost; demanding: high price, high cost. */
export function classifyQuadrant(netPrice: number, costToServe: number, thresholds: QuadrantThresholds): Quadrant {
  const highPrice = netPrice > thresholds.price;
  const highCost = costToServe > thresholds.cost;
  if (highPrice) return highCost ? 'demanding' : 'passive';
  return highCost ? 'aggressive' : 'bargain';
}

/** Every customer's quadrant, with thresholds from the medians of the data unless overridden. */
export function assignQuadrants(rows: readonly QuadrantRow[], override: Partial<QuadrantThresholds> = {}): ValueResult<QuadrantAssignment> {
  if (!Array.isArray(rows)) return fail('not-a-number', 'rows', 'must be a list of customers');
  for (const key of ['price', 'cost'] as const) {
    const error = override[key] === undefined ? undefined : checkNumber(override[key], `thresholds.${key}`);
    if (error) return { ok: false, error };
  }
  const isValid = (row: QuadrantRow | null) => isFiniteNumber(row?.netPrice) && isFiniteNumber(row?.costToServe);
  const valid = rows.filter(isValid);
  const skipped = rows.filter((row) => !isValid(row)).map((row) => String(row?.id ?? ''));
  const price = override.price ?? computeMedian(valid.map((row) => row.netPrice));
  const cost = override.cost ?? computeMedian(valid.map((row) => row.costToServe));
  if (price === undefined || cost === undefined) return fail('empty', 'rows', 'no customer has both a net price and a cost to serve');
  const thresholds = { price, cost };
  return succeed({
    thresholds,
    quadrants: valid.map((row) => ({ id: row.id, quadrant: classifyQuadrant(row.netPrice, row.costToServe, thresholds) })),
    skipped,
  });
}
