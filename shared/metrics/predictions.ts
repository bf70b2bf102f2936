import { analyseCustomers } from '../retention/analyse-retention';
import type { BgNbdParameters } from '../retention/bg-nbd';
import type { GammaGammaParameters } from '../retention/gamma-gamma';
import { RetentionError, type CustomerSummary } from '../retention/model-inputs';
import { discountRatePerPeriod, forecastCustomers, type CustomerForecast } from '../retention/predict-value';
import { summariseTransactions } from '../retention/summarise-transactions';
import type { Prediction } from './customer-facts';
import { isPurchase, purchaseTime, type MetricsData } from './rows';

/**
 * Predictive retention for the team's customers (issue 9, [S5]): the purchases in the Deals sheet reduced
 * to (x, t_x, T) in weeks up to yesterday, BG/NBD and Gamma-Gamma fitted by shared/retention, and per
 * customer P(alive), expected purchases and predicted CLV over a year. Churn risk is 1 - P(alive).
 */

export const PREDICTION_HORIZON_WEEKS = 52;
const DAY = 86_400_000;

export interface PredictionRun {
  /** Why there are no predictions (too few repeat buyers, no purchases), or what is missing (no spend model). */
  note?: string;
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
  note?: string;
}

/**
 * Fits both models on the purchases up to the day before `now`, or reuses `saved` when it fitted the same
 * history (the history changes once a day at most, so an hourly recompute forecasts without refitting).
 * Never throws on data that cannot be fitted: the run says why in `note`.
 */
export function predictCustomers(data: Pick<MetricsData, 'deals'>, now: number, discountRatePerYear: number, saved?: SavedFit): PredictionRun {
  const { transactions, calibrationEnd, fingerprint, margin } = describePurchaseHistory(data, now);
  const empty: PredictionRun = { byCustomer: new Map(), summaries: [], forecasts: [], margin, fingerprint, fitted: false };
  if (transactions.length === 0) return { ...empty, note: 'no purchases yet: nothing to predict' };
  const settings = { period: 'week' as const, horizon: PREDICTION_HORIZON_WEEKS, discountRate: discountRatePerPeriod(discountRatePerYear, 'week'), margin };
  try {
    const summaries = summariseTransactions(transactions, { period: 'week', calibrationEnd });
    if (saved?.fingerprint === fingerprint) {
      if (!saved.bgNbd) return { ...empty, summaries, note: saved.note };
      const spend = saved.gammaGamma && saved.gammaGamma.q > 1 ? saved.gammaGamma : undefined;
      return finish({ ...empty, summaries, bgNbd: saved.bgNbd, gammaGamma: saved.gammaGamma, note: saved.note }, forecastCustomers(summaries, saved.bgNbd, spend, settings));
    }
    const analysis = analyseCustomers(summaries, settings, true);
    return finish(
      { ...empty, summaries, fitted: true, bgNbd: analysis.bgNbd.parameters, gammaGamma: analysis.gammaGamma?.parameters, ...(analysis.spendNote ? { note: analysis.spendNote } : {}) },
      analysis.forecasts,
    );
  } catch (error) {
    if (error instanceof RetentionError) return { ...empty, fitted: true, note: `no predictions: ${error.message}` };
    throw error;
  }
}

function finish(run: PredictionRun, forecasts: CustomerForecast[]): PredictionRun {
  const byCustomer = new Map(forecasts.map((f) => [f.id, { probabilityAlive: f.probabilityAlive, expectedPurchases: f.expectedPurchases, clv: f.clv }]));
  return { ...run, forecasts, byCustomer };
}
