import { checkNumber, fail, isFiniteNumber, succeed, type ValueResult } from './result';

/**
 * The four components of a customer's value [S4]. Base is money already earned; growth, networking and learning
 * are judgements a rep scores 0..5 against the rubrics below, so two reps score the same customer alike. They are
 * kept apart on purpose: adding money to scores would mean nothing.
 */

/** What each score of the growth component means: up-sell and cross-sell potential. */
export const GROWTH_RUBRIC = [
  '0: already buys everything of ours that fits',
  '1: only small add-ons could be sold',
  '2: one more product or a larger plan fits',
  '3: several products fit, or usage is growing fast',
  '4: a stated need and budget for more',
  '5: an expansion is already being discussed',
] as const;

/** What each score of the networking component means: referrals and influence. */
export const NETWORKING_RUBRIC = [
  '0: no referrals, no influence on others',
  '1: would recommend us if asked',
  '2: has referred one contact',
  '3: has referred several contacts or acts as a reference',
  '4: influential in their industry and speaks for us',
  '5: regularly brings us new customers',
] as const;

/** What each score of the learning component means: feedback and knowledge we gain. */
export const LEARNING_RUBRIC = [
  '0: gives no feedback',
  '1: answers surveys',
  '2: sends occasional suggestions or complaints',
  '3: regular feedback that has changed something',
  '4: tests new products or processes with us',
  '5: shapes our products or market knowledge',
] as const;

export const MAX_COMPONENT_SCORE = 5;

/** A sale as base value needs it; a Deal fits. */
export interface SaleAmounts {
  value: number;
  costToServe?: number;
}

export interface BaseValue {
  /** revenue - costs */
  base: number;
  revenue: number;
  costs: number;
  /** Sales without a cost to serve, counted at cost 0: the base is overstated by their cost. */
  missingCosts: number;
}

/** Base value: the sum of past sales' values minus the sum of their costs to serve. */
export function computeBaseValue(sales: readonly SaleAmounts[]): ValueResult<BaseValue> {
  if (!Array.isArray(sales)) return fail('not-a-number', 'sales', 'must be a list of sales');
  let revenue = 0;
  let costs = 0;
  let missingCosts = 0;
  for (let i = 0; i < sales.length; i++) {
    const sale = sales[i] as Partial<SaleAmounts> | null;
    const valueError = checkNumber(sale?.value, `sales[${i}].value`);
    if (valueError) return { ok: false, error: valueError };
    revenue += sale?.value as number;
    if (sale?.costToServe === undefined || sale.costToServe === null) missingCosts++;
    else if (isFiniteNumber(sale.costToServe)) costs += sale.costToServe;
    else return fail('not-a-number', `sales[${i}].costToServe`, 'must be a finite number or left empty');
  }
  const base = revenue - costs;
  return Number.isFinite(base) ? succeed({ base, revenue, costs, missingCosts }) : fail('out-of-range', 'sales', 'sum overflows');
}

export interface ValueComponents {
  base: number;
  growth: number;
  networking: number;
  learning: number;
}

/** The four components: base from sales, the other three as 0..5 scores checked against the rubrics' range. */
export function assessValueComponents(input: { sales: readonly SaleAmounts[]; growth: number; networking: number; learning: number }): ValueResult<ValueComponents> {
  const base = computeBaseValue(input.sales);
  if (!base.ok) return base;
  for (const field of ['growth', 'networking', 'learning'] as const) {
    const error = checkNumber(input[field], field, { min: 0, max: MAX_COMPONENT_SCORE });
    if (error) return { ok: false, error };
  }
  return succeed({ base: base.value.base, growth: input.growth, networking: input.networking, learning: input.learning });
}
