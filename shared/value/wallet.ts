import { checkNumber, fail, succeed, type ValueResult } from './result';

/**
 * Share of wallet [S4]: our share of what the customer spends in our category, over the same period.
 *
 *   share = min(1, ourSpend / estimatedCategorySpend)
 *
 * The category spend is a rep's estimate, so it is often missing or too low. Missing or zero is an error (a share
 * of nothing is not 0%, it is unknown); an estimate below our own spend gives 1, flagged as clamped so the sheet
 * can ask for a better estimate.
 */

export interface WalletShare {
  share: number;
  /** True when ourSpend exceeded the estimate and the share was capped at 1. */
  clamped: boolean;
}

/** Our spend divided by the estimated category spend, capped at 1. */
export function computeShareOfWallet(ourSpend: number, estimatedCategorySpend: number | undefined): ValueResult<WalletShare> {
  if (estimatedCategorySpend === undefined || estimatedCategorySpend === null || (estimatedCategorySpend as unknown) === '') {
    return fail('missing', 'estimatedCategorySpend', 'no estimate of the customer\'s category spend was entered');
  }
  const error = checkNumber(ourSpend, 'ourSpend', { min: 0 }) ?? checkNumber(estimatedCategorySpend, 'estimatedCategorySpend', { min: 0 });
  if (error) return { ok: false, error };
  if (estimatedCategorySpend === 0) return fail('zero', 'estimatedCategorySpend', 'is 0; enter the customer\'s estimated spend in our category');
  const share = ourSpend / estimatedCategorySpend;
  return succeed(share > 1 ? { share: 1, clamped: true } : { share, clamped: false });
}
