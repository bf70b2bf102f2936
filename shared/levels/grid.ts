import type { Level } from '../model/vocabulary';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

/**
 * The suggested relationship level [S3] from how many customers a segment has and how much margin each brings:
 * few customers with high margins deserve partnership; many with low margins can only be served basically.
 */

export const CUSTOMER_COUNT_BANDS = ['many', 'medium', 'few'] as const;
export type CustomerCountBand = (typeof CUSTOMER_COUNT_BANDS)[number];
export const MARGIN_BANDS = ['high', 'medium', 'low'] as const;
export type MarginBand = (typeof MARGIN_BANDS)[number];

/** The DOMAIN.md [S3] table; a cell lists the levels that fit, the suggested (cheaper) one first. */
export const LEVEL_GRID: Record<CustomerCountBand, Record<MarginBand, readonly Level[]>> = {
  many: { high: ['accountable'], medium: ['reactive'], low: ['basic', 'reactive'] },
  medium: { high: ['proactive'], medium: ['accountable'], low: ['reactive'] },
  few: { high: ['partnership'], medium: ['proactive'], low: ['accountable'] },
};

type Thresholds = Settings['levelThresholds'];

export interface LevelSuggestion {
  level: Level;
  /** Other levels the same cell allows (many x low: reactive as well as basic). */
  alternatives: readonly Level[];
  customers: CustomerCountBand;
  margin: MarginBand;
}

export type LevelSuggestionResult = { ok: true; suggestion: LevelSuggestion } | { ok: false; error: { field: 'customerCount' | 'marginRate'; message: string } };

/** many if count >= manyCustomersAtLeast, few if count <= fewCustomersAtMost, medium between; undefined if not a count. */
export function classifyCustomerCount(count: number, thresholds: Thresholds = DEFAULT_SETTINGS.levelThresholds): CustomerCountBand | undefined {
  if (typeof count !== 'number' || !Number.isFinite(count) || count < 0) return undefined;
  if (count >= thresholds.manyCustomersAtLeast) return 'many';
  return count <= thresholds.fewCustomersAtMost ? 'few' : 'medium';
}

/**
 * high if marginRate >= highMarginAtLeast, low if < lowMarginBelow, medium between. The margin rate is
 * (revenue - cost to serve) / revenue; a loss-making rate (< 0) is low, a rate above 1 is not a rate (undefined).
 */
export function classifyMargin(marginRate: number, thresholds: Thresholds = DEFAULT_SETTINGS.levelThresholds): MarginBand | undefined {
  if (typeof marginRate !== 'number' || !Number.isFinite(marginRate) || marginRate > 1) return undefined;
  if (marginRate >= thresholds.highMarginAtLeast) return 'high';
  return marginRate < thresholds.lowMarginBelow ? 'low' : 'medium';
}

/** The margin rate (revenue - cost) / revenue, or undefined when revenue is not positive. */
export function computeMarginRate(revenue: number, cost: number): number | undefined {
  if (!Number.isFinite(revenue) || !Number.isFinite(cost) || revenue <= 0) return undefined;
  return (revenue - cost) / revenue;
}

/** The level the [S3] grid suggests for a segment's customer count and margin rate. */
export function suggestLevel(
  input: { customerCount: number; marginRate: number },
  thresholds: Thresholds = DEFAULT_SETTINGS.levelThresholds,
): LevelSuggestionResult {
  const customers = classifyCustomerCount(input.customerCount, thresholds);
  if (customers === undefined) {
    return { ok: false, error: { field: 'customerCount', message: `customerCount must be a number >= 0 (got ${String(input.customerCount)})` } };
  }
  const margin = classifyMargin(input.marginRate, thresholds);
  if (margin === undefined) {
    return { ok: false, error: { field: 'marginRate', message: `marginRate must be a fraction <= 1, e.g. 0.3 for 30% (got ${String(input.marginRate)})` } };
  }
  const [level, ...alternatives] = LEVEL_GRID[customers][margin] as [Level, ...Level[]];
  return { ok: true, suggestion: { level, alternatives, customers, margin } };
}
