/**
 * Per-customer forecasts from both models: P(alive), expected purchases over the horizon, expected spend
 * per purchase and the predicted CLV.
 *
 * CLV = margin · E[M | x, m_x] · Σ_(k=1..H) (E[Y(k) | x, t_x, T] - E[Y(k-1) | x, t_x, T]) / (1 + d)^k
 *
 * with H the horizon and d the discount rate, both per period: the purchases expected in period k (the
 * difference of the cumulative eq. 10 of Fader, Hardie & Lee 2005) are discounted to today from the end of
 * that period. lifetimes' `customer_lifetime_value` does the same with monthly steps; here the step is one
 * period of the fit's own unit. Multiplying expected purchases by expected spend relies on the Gamma-Gamma
 * assumption that spend is independent of the purchase process. The settings (unit, horizon, discount
 * rate per period, margin) come from the CLI's flags here and from the team's settings in the add-on.
 */
import type { BgNbdParameters } from './bg-nbd';
import { expectedPurchasesIfAlive, probabilityAlive } from './bg-nbd-predict';
import { PERIOD_DAYS, type RetentionPeriod } from './calendar';
import { expectedSpend, type GammaGammaParameters } from './gamma-gamma';
import { RetentionError, type CustomerSummary } from './model-inputs';

/** How to turn the fitted models into per-customer forecasts and a CLV. */
export interface RetentionSettings {
  /** Time unit of frequency, recency, T and the horizon. */
  period: RetentionPeriod;
  /** Forecast horizon, in periods. */
  horizon: number;
  /** Discount rate per period (0.0018 a week is about 10% a year). */
  discountRate: number;
  /** Share of spend that is profit (1 = CLV in revenue). */
  margin: number;
}

/** An annual discount rate, as the equivalent rate per period: (1 + annual)^(days / 365.25) - 1. */
export function discountRatePerPeriod(annualRate: number, period: RetentionPeriod): number {
  return Math.pow(1 + annualRate, PERIOD_DAYS[period] / 365.25) - 1;
}

/** Defaults: one year ahead, 10% a year, CLV in revenue. */
export function defaultRetentionSettings(period: RetentionPeriod = 'week'): RetentionSettings {
  return { period, horizon: Math.round(365.25 / PERIOD_DAYS[period]), discountRate: discountRatePerPeriod(0.1, period), margin: 1 };
}

/** Throws `invalid-input` unless the settings can be used (a whole positive horizon, rate > -1, finite margin). */
export function validateRetentionSettings({ horizon, discountRate, margin }: RetentionSettings): void {
  if (!Number.isInteger(horizon) || horizon <= 0) throw new RetentionError('invalid-input', `horizon must be a whole number of periods > 0, got ${horizon}`);
  if (!Number.isFinite(discountRate) || discountRate <= -1) throw new RetentionError('invalid-input', `discount rate must be > -1 per period, got ${discountRate}`);
  if (!Number.isFinite(margin)) throw new RetentionError('invalid-input', `margin must be a finite number, got ${margin}`);
}

/** What the models predict for one customer. */
export interface CustomerForecast {
  id: string;
  probabilityAlive: number;
  /** Expected purchases in the next `horizon` periods. */
  expectedPurchases: number;
  /** Expected value of one future transaction; absent without a spend model. */
  expectedSpend?: number;
  /** Discounted margin over the horizon; absent without a spend model. */
  clv?: number;
}

/** The discounted sum Σ_k (E[Y(k)] - E[Y(k-1)]) / (1+d)^k, k = 1..horizon, for one customer. */
export function discountedPurchases(parameters: BgNbdParameters, customer: CustomerSummary, horizon: number, discountRate: number): number {
  const { frequency: x, recency, T } = customer;
  return discountedPurchasesIfAlive(parameters, x, T, horizon, discountRate) * probabilityAlive(parameters, x, recency, T);
}

// E[Y(k)] = P(alive)·E[Y(k) | alive], and the second factor depends on x and T only.
function discountedPurchasesIfAlive(parameters: BgNbdParameters, x: number, T: number, horizon: number, discountRate: number): number {
  let previous = 0;
  let sum = 0;
  for (let k = 1; k <= horizon; k++) {
    const cumulative = expectedPurchasesIfAlive(parameters, x, T, k);
    sum += (cumulative - previous) / Math.pow(1 + discountRate, k);
    previous = cumulative;
  }
  return sum;
}

/** Forecasts for every customer; CLV only when a fitted spend model is given. */
export function forecastCustomers(
  customers: readonly CustomerSummary[],
  bgNbd: BgNbdParameters,
  spend: GammaGammaParameters | undefined,
  settings: RetentionSettings,
): CustomerForecast[] {
  validateRetentionSettings(settings);
  const { horizon, discountRate, margin } = settings;
  // Customers who share x and T share the horizon sums (CDNOW: 23,570 customers, about 2,000 pairs).
  const cache = new Map<string, [number, number]>();
  return customers.map(({ id, frequency: x, recency, T, monetaryValue }) => {
    const key = `${x}|${T}`;
    let ifAlive = cache.get(key);
    if (!ifAlive) {
      ifAlive = [expectedPurchasesIfAlive(bgNbd, x, T, horizon), spend ? discountedPurchasesIfAlive(bgNbd, x, T, horizon, discountRate) : 0];
      cache.set(key, ifAlive);
    }
    const alive = probabilityAlive(bgNbd, x, recency, T);
    const forecast: CustomerForecast = { id, probabilityAlive: alive, expectedPurchases: alive * ifAlive[0] };
    if (spend) {
      // A repeat buyer whose mean repeat spend is 0 or less was left out of the spend fit: use the population mean.
      const own = x > 0 && monetaryValue !== undefined && monetaryValue > 0;
      forecast.expectedSpend = expectedSpend(spend, own ? x : 0, own ? monetaryValue : 0);
      forecast.clv = margin * forecast.expectedSpend * alive * ifAlive[1];
    }
    return forecast;
  });
}
