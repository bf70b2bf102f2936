import { analyseCustomers, type SpendIssue } from '../retention/analyse-retention';
import { MIN_REPEAT_BUYERS, type BgNbdParameters } from '../retention/bg-nbd';
import { INDEPENDENCE_WARNING, type GammaGammaParameters } from '../retention/gamma-gamma';
import { countRepeatBuyers, RetentionError, type CustomerSummary } from '../retention/model-inputs';
import { discountRatePerPeriod, forecastCustomers, type CustomerForecast } from '../retention/predict-value';
import { summariseTransactions } from '../retention/summarise-transactions';
import type { Prediction } from './customer-facts';
import { isPurchase, purchaseTime, type MetricsData } from './rows';

/**
 * Predictive retention for the team's customers (issue 9, [S5]): the purchases in the Deals sheet reduced
 * to (x, t_x, T) in weeks up to yesterday, BG/NBD and Gamma-Gamma fitted by shared/retention, and per
 * customer P(alive), expected purchases and predicted CLV over a year. Churn risk is 1 - P(alive).
 * Why a run has no predictions, or no CLV, is a typed reason: the side panel (English, Persian) and the
 * sheet each put it in their own words.
 */

export const PREDICTION_HORIZON_WEEKS = 52;
const DAY = 86_400_000;

/** Why there are no predictions at all. */
export type PredictionReason =
  | { code: 'no-purchases' }
  | { code: 'too-few-repeat-buyers'; found: number; needed: number }
  /** The fit found no interior optimum (a parameter ran off towards 0 or infinity). */
  | { code: 'not-identifiable' }
  /** The optimiser used its evaluation budget without converging. */
  | { code: 'not-converged' }
  /** A purchase the models cannot read (a negative age, a value that is not a number). */
  | { code: 'invalid-purchases' };

/** The Gamma-Gamma check that spend does not depend on frequency (Fader & Hardie, note 025). */
export interface SpendIndependence {
  /** Pearson correlation of repeat purchases and mean repeat spend over the repeat buyers fitted. */
  correlation: number;
  /** |correlation| >= INDEPENDENCE_WARNING: the CLV's spend factor is doubtful. */
  strong: boolean;
}

export interface PredictionRun {
  /** Why there are no predictions; absent when there are. */
  reason?: PredictionReason;
  /** Why the predictions have no CLV (no spend model); absent when they have one. */
  spendIssue?: SpendIssue;
  /** The independence check of the spend model, when one was fitted. */
  independence?: SpendIndependence;
  /** True when dropout was fitted as one probability for everyone (a dormant team; bg-nbd.ts). */
  homogeneousDropout?: boolean;
  byCustomer: Map<string, Prediction>;
  summaries: CustomerSummary[];
  forecasts: CustomerForecast[];
  bgNbd?: BgNbdParameters;
  gammaGamma?: GammaGammaParameters;
  /** The share of revenue that is margin, from purchases that record a cost to serve (1 when none do). */
  margin: number;
  /** Identifies the purchase history fitted (calibration day, count, total, last day): same history, same fit. */
  fingerprint: string;
  /** False when the parameters of an earlier fit of the same history were reused. */
  fitted: boolean;
  /** True when the forecasts were read back from the Predictions sheet written for the same history. */
  fromSheet?: boolean;
}

/** The purchases the models see (up to yesterday), their fingerprint and the margin share. */
export function describePurchaseHistory(data: Pick<MetricsData, 'deals'>, now: number) {
  const purchases = data.deals.filter(isPurchase);
  let value = 0;
  let cost = 0;
  for (const deal of purchases) {
    if (deal.costToServe === undefined) continue;
    value += deal.value;
    cost += deal.costToServe;
  }
  const calibrationEnd = Math.floor(now / DAY) - 1;
  const transactions = purchases.map((d) => ({ customerId: d.personId, day: Math.floor(purchaseTime(d) / DAY), value: d.value })).filter((t) => t.day <= calibrationEnd);
  const total = transactions.reduce((sum, t) => sum + t.value, 0);
  const fingerprint = `${calibrationEnd}|${transactions.length}|${total.toFixed(2)}|${transactions.reduce((last, t) => Math.max(last, t.day), 0)}`;
  return { transactions, calibrationEnd, fingerprint, margin: value > 0 ? 1 - cost / value : 1 };
}

/** A fit kept between runs (the add-on keeps it in script properties): parameters, or why there are none. */
export interface SavedFit {
  fingerprint: string;
  bgNbd?: BgNbdParameters;
  gammaGamma?: GammaGammaParameters;
  reason?: PredictionReason;
  spendIssue?: SpendIssue;
  independence?: SpendIndependence;
  homogeneousDropout?: boolean;
}

/** What of a run is worth keeping to forecast the same history again without refitting. */
export function savedFitOf(run: PredictionRun): SavedFit {
  const { fingerprint, bgNbd, gammaGamma, reason, spendIssue, independence, homogeneousDropout } = run;
  return { fingerprint, bgNbd, gammaGamma, reason, spendIssue, independence, homogeneousDropout };
}

/**
 * Fits both models on the purchases up to the day before `now`, or reuses `saved` when it fitted the same
 * history (the history changes once a day at most, so an hourly recompute forecasts without refitting).
 * Never throws on data that cannot be fitted: the run says why in `reason`.
 */
export function predictCustomers(data: Pick<MetricsData, 'deals'>, now: number, discountRatePerYear: number, saved?: SavedFit): PredictionRun {
  const { transactions, calibrationEnd, fingerprint, margin } = describePurchaseHistory(data, now);
  const empty: PredictionRun = { byCustomer: new Map(), summaries: [], forecasts: [], margin, fingerprint, fitted: false };
  if (transactions.length === 0) return { ...empty, reason: { code: 'no-purchases' } };
  const settings = { period: 'week' as const, horizon: PREDICTION_HORIZON_WEEKS, discountRate: discountRatePerPeriod(discountRatePerYear, 'week'), margin };
  try {
    const summaries = summariseTransactions(transactions, { period: 'week', calibrationEnd });
    // A saved fit from before reasons were typed (or a damaged one) has neither: it is refitted.
    if (saved?.fingerprint === fingerprint && (saved.bgNbd || saved.reason)) {
      if (!saved.bgNbd) return { ...empty, summaries, reason: saved.reason };
      const spend = saved.gammaGamma && saved.gammaGamma.q > 1 ? saved.gammaGamma : undefined;
      return finish({ ...empty, ...saved, summaries }, forecastCustomers(summaries, saved.bgNbd, spend, settings));
    }
    const repeatBuyers = countRepeatBuyers(summaries);
    if (repeatBuyers < MIN_REPEAT_BUYERS) return { ...empty, summaries, fitted: true, reason: { code: 'too-few-repeat-buyers', found: repeatBuyers, needed: MIN_REPEAT_BUYERS } };
    const analysis = analyseCustomers(summaries, settings, true);
    const spendFit = analysis.gammaGamma;
    return finish(
      {
        ...empty,
        summaries,
        fitted: true,
        bgNbd: analysis.bgNbd.parameters,
        homogeneousDropout: analysis.bgNbd.homogeneousDropout,
        gammaGamma: spendFit?.parameters,
        ...(analysis.spendIssue ? { spendIssue: analysis.spendIssue } : {}),
        ...(spendFit ? { independence: { correlation: spendFit.frequencySpendCorrelation, strong: !(Math.abs(spendFit.frequencySpendCorrelation) < INDEPENDENCE_WARNING) } } : {}),
      },
      analysis.forecasts,
    );
  } catch (error) {
    if (!(error instanceof RetentionError)) throw error;
    const code = error.code === 'not-identifiable' || error.code === 'not-converged' ? error.code : 'invalid-purchases';
    return { ...empty, fitted: true, reason: { code } };
  }
}

function finish(run: PredictionRun, forecasts: CustomerForecast[]): PredictionRun {
  const byCustomer = new Map(forecasts.map((f) => [f.id, { probabilityAlive: f.probabilityAlive, expectedPurchases: f.expectedPurchases, clv: f.clv }]));
  return { ...run, forecasts, byCustomer };
}
