/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way", Marketing Science
 * 24(2)): purchases follow a Poisson process with gamma(r, α) rates; after each purchase the customer drops
 * out with a beta(a, b) probability. Fitted by maximum likelihood (eq. 6) on the log scale.
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
}

/** Fewer repeat buyers than this leave four parameters to a handful of points. */
export const MIN_REPEAT_BUYERS = 10;

/** Sum of the log-likelihood (eq. 6) over compiled customers; grouped customers share one term. */
export function logLikelihoodBgNbd({ r, alpha, a, b }: BgNbdParameters, data: CompiledCustomers): number {
  // Terms that depend only on x, T or t_x are computed once per distinct value, not once per customer.
  const lnPerX = data.xs.map((x) => logGamma(r + x) - logGamma(r) + logGamma(a + b) + logGamma(b + x) - logGamma(b) - logGamma(a + b + x));
  const lnDropPerX = data.xs.map((x) => (x > 0 ? Math.log(a) - Math.log(b + x - 1) : -Infinity));
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
  const report = fitOnLogScale(
    (theta) => -logLikelihoodBgNbd({ r: theta[0]!, alpha: theta[1]!, a: theta[2]!, b: theta[3]! }, data),
    [
      [1, 1, 1, 1],
      [0.3, 0.3 / Math.max(rate, 1e-3), 0.7, 2.5],
    ],
    ['r', 'alpha', 'a', 'b'],
  );
  const [r, alphaScaled, a, b] = report.x as [number, number, number, number];
  const parameters = { r, alpha: alphaScaled * scale, a, b };
  const logLikelihood = logLikelihoodBgNbd(parameters, compileCustomers(customers, 1));
  return { parameters, logLikelihood, customers: customers.length, repeatBuyers, evaluations: report.evaluations, restarts: report.restarts, termsPerEvaluation: data.weight.length };
}
