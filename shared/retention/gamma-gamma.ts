/**
 * The Gamma-Gamma model of spend per transaction (Fader & Hardie, "The Gamma-Gamma Model of Monetary
 * Value", brucehardie.com note 025; Fader, Hardie & Lee 2005, "RFM and CLV", JMR 42(4)): a customer's
 * transaction values are gamma(p, ν) with ν ~ gamma(q, γ) across customers; fitted on the mean m_x of the
 * x repeat transactions of customers with x >= 1, and only meaningful if spend is independent of frequency.
 */
import { fitOnLogScale, type FitReport } from './minimise';
import { RetentionError, type CustomerSummary } from './model-inputs';
import { logGamma } from './special';

/** p (shape of transaction values), q and γ (shape and scale of ν across customers). */
export interface GammaGammaParameters {
  p: number;
  q: number;
  gamma: number;
}

/** A fitted spend model, with the independence check the model assumes. */
export interface GammaGammaFit extends FitReport {
  parameters: GammaGammaParameters;
  logLikelihood: number;
  /** Customers used: x >= 1 and m_x > 0. */
  customers: number;
  /** Repeat buyers left out because their mean repeat value is 0 or negative (free orders, refunds). */
  excluded: number;
  /** Pearson correlation of x and m_x over the customers used; the model assumes it is near 0. */
  frequencySpendCorrelation: number;
  /** Set when |correlation| >= INDEPENDENCE_WARNING: the model's assumption is doubtful. */
  warning?: string;
}

/** |r| at or beyond this is not "small": Fader & Hardie report r = 0.11 for CDNOW and accept it. */
export const INDEPENDENCE_WARNING = 0.3;

/** Fewer spenders than this leave three parameters to a handful of points. */
export const MIN_SPENDERS = 10;

/** Repeat buyers' x and m_x, with the parameter-free sums of the likelihood computed once. */
export interface CompiledSpend {
  xs: Float64Array;
  ms: Float64Array;
  /** Distinct x values and how many customers have each. */
  distinctX: number[];
  countOfX: number[];
  /** Σ ln m_x and Σ x·ln m_x. */
  sumLnM: number;
  sumXLnM: number;
}

/** Compiles repeat buyers' frequencies and mean spends for repeated likelihood evaluation. */
export function compileSpend(xs: readonly number[], ms: readonly number[]): CompiledSpend {
  const counts = new Map<number, number>();
  let sumLnM = 0;
  let sumXLnM = 0;
  for (let i = 0; i < xs.length; i++) {
    counts.set(xs[i]!, (counts.get(xs[i]!) ?? 0) + 1);
    sumLnM += Math.log(ms[i]!);
    sumXLnM += xs[i]! * Math.log(ms[i]!);
  }
  return { xs: Float64Array.from(xs), ms: Float64Array.from(ms), distinctX: [...counts.keys()], countOfX: [...counts.values()], sumLnM, sumXLnM };
}

/**
 * Σ ln f(m_x | p, q, γ; x) over repeat buyers, f the marginal density of the mean spend (note 025):
 *   f(m_x) = Γ(px+q)/(Γ(px)Γ(q)) · γ^q · m_x^(px-1) · x^px / (γ + m_x·x)^(px+q).
 * Terms in x alone are summed once per distinct x, and Σ(px-1)·ln m_x = p·Σx·ln m_x - Σ ln m_x is fixed
 * by the data, so each customer costs one logarithm per evaluation.
 */
export function logLikelihoodGammaGamma({ p, q, gamma }: GammaGammaParameters, data: CompiledSpend): number {
  const constant = q * Math.log(gamma) - logGamma(q);
  let sum = p * data.sumXLnM - data.sumLnM;
  for (let j = 0; j < data.distinctX.length; j++) {
    const px = p * data.distinctX[j]!;
    sum += data.countOfX[j]! * (logGamma(px + q) - logGamma(px) + constant + px * Math.log(data.distinctX[j]!));
  }
  const { xs, ms } = data;
  for (let i = 0; i < xs.length; i++) sum -= (p * xs[i]! + q) * Math.log(gamma + ms[i]! * xs[i]!);
  return sum;
}

/** Maximum-likelihood Gamma-Gamma parameters from customers' frequency and mean repeat value. */
export function fitGammaGamma(customers: readonly CustomerSummary[]): GammaGammaFit {
  const xs: number[] = [];
  const ms: number[] = [];
  let excluded = 0;
  for (const { id, frequency, monetaryValue } of customers) {
    if (frequency <= 0) continue;
    if (monetaryValue === undefined || !Number.isFinite(monetaryValue) || !Number.isInteger(frequency)) {
      throw new RetentionError('invalid-input', `customer ${JSON.stringify(id)}: a repeat buyer needs a whole frequency and a finite monetary value`);
    }
    if (monetaryValue <= 0) {
      excluded++;
    } else {
      xs.push(frequency);
      ms.push(monetaryValue);
    }
  }
  if (xs.length < MIN_SPENDERS) {
    throw new RetentionError('not-identifiable', `Gamma-Gamma needs at least ${MIN_SPENDERS} repeat buyers with positive spend, found ${xs.length}`);
  }
  // γ scales with the currency and p, q do not: fit in units of the mean spend (rials and dollars alike).
  const scale = ms.reduce((sum, m) => sum + m, 0) / ms.length;
  const scaled = compileSpend(xs, ms.map((m) => m / scale));
  const report = fitOnLogScale(
    (theta) => -logLikelihoodGammaGamma({ p: theta[0]!, q: theta[1]!, gamma: theta[2]! }, scaled),
    [
      [1, 1, 1],
      [5, 3, 1],
    ],
    ['p', 'q', 'gamma'],
  );
  const parameters = { p: report.x[0]!, q: report.x[1]!, gamma: report.x[2]! * scale };
  const frequencySpendCorrelation = correlate(xs, ms);
  const fit: GammaGammaFit = {
    parameters,
    logLikelihood: logLikelihoodGammaGamma(parameters, compileSpend(xs, ms)),
    customers: xs.length,
    excluded,
    frequencySpendCorrelation,
    evaluations: report.evaluations,
    restarts: report.restarts,
    termsPerEvaluation: xs.length,
  };
  if (!(Math.abs(frequencySpendCorrelation) < INDEPENDENCE_WARNING)) {
    fit.warning = `frequency and mean spend are correlated (r = ${frequencySpendCorrelation.toFixed(2)}); the Gamma-Gamma model assumes they are independent, so its spend estimates are doubtful`;
  }
  return fit;
}

/** E[M | x, m_x]: expected value of this customer's future transactions (note 025, eq. 5); the population mean pγ/(q-1) when x = 0. */
export function expectedSpend({ p, q, gamma }: GammaGammaParameters, x: number, monetaryValue = 0): number {
  if (!(q > 1)) throw new RetentionError('not-identifiable', `q = ${q} <= 1: the fitted spend distribution has no finite mean`);
  // A weighted average of the population mean and the customer's own mean, weight px/(px+q-1) on the latter.
  const weight = x > 0 ? (p * x) / (p * x + q - 1) : 0;
  return (1 - weight) * ((p * gamma) / (q - 1)) + weight * monetaryValue;
}

/** Pearson correlation; NaN when either variable is constant. */
export function correlate(u: readonly number[], v: readonly number[]): number {
  const n = u.length;
  const meanU = u.reduce((s, x) => s + x, 0) / n;
  const meanV = v.reduce((s, x) => s + x, 0) / n;
  let suv = 0;
  let suu = 0;
  let svv = 0;
  for (let i = 0; i < n; i++) {
    const du = u[i]! - meanU;
    const dv = v[i]! - meanV;
    suv += du * dv;
    suu += du * du;
    svv += dv * dv;
  }
  return suv / Math.sqrt(suu * svv);
}
