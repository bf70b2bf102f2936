/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way", Marketing Science
 * 24(2)): purchases follow a Poisson process with gamma(r, α) rates; after each purchase the customer drops
 * out with a beta(a, b) probability. Fitted by maximum likelihood (eq. 6) on the log scale.
 *
 * The dropout beta is searched as its odds a/b and its size a + b rather than as a and b. On a dormant team
 * (nobody has bought for months) every customer looks alike in dropping out, and the likelihood keeps
 * rising as the beta narrows to a point: a and b grow together with a/(a+b) fixed. In (ln a, ln b) that
 * ridge is a diagonal the simplex crawls along until its evaluation budget runs out; in (ln a/b, ln(a+b))
 * it is one axis, walked to its end in a few dozen expansions. Its end is a model in its own right, every
 * customer with the same dropout probability p = a/(a+b), which is then fitted with a + b held at
 * HOMOGENEOUS_DROPOUT_SIZE (bg-nbd-predict.ts uses the closed-form limit there).
 */
import { compileCustomers, type CompiledCustomers } from './compile-customers';
import { fitOnLogScale, type FitReport } from './minimise';
import { countRepeatBuyers, RetentionError, validateSummaries, type CustomerSummary } from './model-inputs';
import { logAddExp, logGamma } from './special';

/** r, α (purchase rate heterogeneity) and a, b (dropout heterogeneity). */
export interface BgNbdParameters {
  r: number;
  alpha: number;
  a: number;
  b: number;
}

/** A fitted BG/NBD model with what it cost and what it saw. */
export interface BgNbdFit extends FitReport {
  parameters: BgNbdParameters;
  logLikelihood: number;
  customers: number;
  repeatBuyers: number;
  /**
   * True when the likelihood was highest with no spread in dropout probabilities (a + b → infinity): the
   * parameters then hold a + b = HOMOGENEOUS_DROPOUT_SIZE and a/(a+b) is the one dropout probability.
   */
  homogeneousDropout: boolean;
}

/** Fewer repeat buyers than this leave four parameters to a handful of points. */
export const MIN_REPEAT_BUYERS = 10;

/**
 * a + b for the homogeneous-dropout limit: the beta's standard deviation is then 1e-5 of its mean or less.
 * Predictions take the closed-form limit from HOMOGENEOUS_DROPOUT_FROM on: its relative error there is about
 * 3/(a+b) (measured against the exact series, tests/shared/retention/dormant-team.test.ts), and the exact
 * series would need about a·t/(α+T) terms, a million and more.
 */
export const HOMOGENEOUS_DROPOUT_SIZE = 1e10;
export const HOMOGENEOUS_DROPOUT_FROM = 1e6;
/**
 * An optimum with a + b beyond this is treated as the limit: the likelihood there differs from the limit's by
 * less than the fit's tolerance on the data seen so far, and predictions from a beta this narrow would cost
 * tens of thousands of series terms each for differences below 1e-4.
 */
const LIMIT_FROM_SIZE = 1e4;

/** Sum of the log-likelihood (eq. 6) over compiled customers; grouped customers share one term. */
export function logLikelihoodBgNbd({ r, alpha, a, b }: BgNbdParameters, data: CompiledCustomers): number {
  // B(a, b+x)/B(a, b) = Π_(k<x) (b+k)/(a+b+k) for whole x: summed as logarithms, it stays exact when a and b
  // are huge (the log-gamma differences would cancel to noise there) and tends to x·ln(1-p) in the limit.
  const maxX = data.xs.reduce((m, x) => Math.max(m, x), 0);
  const lnSurvive = new Float64Array(maxX + 1);
  for (let k = 0; k < maxX; k++) lnSurvive[k + 1] = lnSurvive[k]! + Math.log1p(-a / (a + b + k));
  const lnR = logGamma(r);
  // Terms that depend only on x, T or t_x are computed once per distinct value, not once per customer.
  const lnPerX = data.xs.map((x) => logGamma(r + x) - lnR + lnSurvive[x]!);
  // a/(b+x-1) as (a/(a+b)) / ((b+x-1)/(a+b)), finite for any size of a + b.
  const lnDropPerX = data.xs.map((x) => (x > 0 ? Math.log(a / (a + b)) - Math.log((b + x - 1) / (a + b)) : -Infinity));
  const lnAgePerT = data.ages.map((T) => Math.log(alpha + T));
  const lnRecency = data.recencies.map((t) => Math.log(alpha + t));
  let sum = data.total * r * Math.log(alpha);
  for (let g = 0; g < data.weight.length; g++) {
    const i = data.xIndex[g]!;
    const rx = r + data.xs[i]!;
    // eq. 6: A1·A2·(A3 + δ(x>0)·A4), the bracket as log-sum-exp of its two terms.
    const still = -rx * lnAgePerT[data.ageIndex[g]!]!;
    const dropped = lnDropPerX[i]! - rx * lnRecency[data.recencyIndex[g]!]!;
    sum += data.weight[g]! * (lnPerX[i]! + logAddExp(still, dropped));
  }
  return sum;
}

/** a and b from the dropout odds a/b and size a + b the fit searches. */
const dropout = (odds: number, size: number) => ({ a: (size * odds) / (1 + odds), b: size / (1 + odds) });

/** Maximum-likelihood BG/NBD parameters for `customers`; throws a RetentionError when they cannot be identified. */
export function fitBgNbd(customers: readonly CustomerSummary[]): BgNbdFit {
  validateSummaries(customers);
  const repeatBuyers = countRepeatBuyers(customers);
  if (repeatBuyers < MIN_REPEAT_BUYERS) {
    throw new RetentionError('not-identifiable', `BG/NBD needs at least ${MIN_REPEAT_BUYERS} repeat buyers, found ${repeatBuyers}`);
  }
  // Fit in units of the mean age so that bounds and starting values do not depend on day/week/month:
  // α scales with time and r, a, b do not (eq. 6 is invariant up to a constant).
  const scale = customers.reduce((sum, c) => sum + c.T, 0) / customers.length;
  const data = compileCustomers(customers, 1 / scale);
  // Mean repeat purchases per mean age: r/α near it is a plausible rate for the second start.
  const rate = customers.reduce((sum, c) => sum + c.frequency, 0) / customers.length;
  const negative = (r: number, alpha: number, odds: number, size: number) => -logLikelihoodBgNbd({ r, alpha, ...dropout(odds, size) }, data);
  // Starts (a, b) = (1, 1) and (0.7, 2.5), as odds and size.
  const full = fitOnLogScale(
    (theta) => negative(theta[0]!, theta[1]!, theta[2]!, theta[3]!),
    [
      [1, 1, 1, 2],
      [0.3, 0.3 / Math.max(rate, 1e-3), 0.28, 3.2],
    ],
    ['r', 'alpha', 'a/b', 'a + b'],
    { limitAtInfinity: 3 },
  );
  let [r, alphaScaled, odds, size] = full.x as [number, number, number, number];
  let { evaluations, restarts } = full;
  const homogeneousDropout = full.atLimit || size > LIMIT_FROM_SIZE;
  if (homogeneousDropout) {
    // The limit model, a + b held: three parameters, from where the four-parameter search ended.
    const limit = fitOnLogScale((theta) => negative(theta[0]!, theta[1]!, theta[2]!, HOMOGENEOUS_DROPOUT_SIZE), [[r, alphaScaled, odds]], ['r', 'alpha', 'a/b']);
    [r, alphaScaled, odds] = limit.x as [number, number, number];
    size = HOMOGENEOUS_DROPOUT_SIZE;
    evaluations += limit.evaluations;
    restarts += limit.restarts;
  }
  const parameters = { r, alpha: alphaScaled * scale, ...dropout(odds, size) };
  const logLikelihood = logLikelihoodBgNbd(parameters, compileCustomers(customers, 1));
  return { parameters, logLikelihood, customers: customers.length, repeatBuyers, homogeneousDropout, evaluations, restarts, termsPerEvaluation: data.weight.length };
}
