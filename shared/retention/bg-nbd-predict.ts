/**
 * What a fitted BG/NBD model says about customers (Fader, Hardie & Lee 2005): the probability a customer
 * is alive (Fader, Hardie & Lee, "Computing P(alive) using the BG/NBD model", brucehardie.com note 021),
 * expected purchases in (T, T + t] given the history (eq. 10), expected purchases of a new customer in
 * (0, t] (eq. 9) and P(X(t) = n) (eq. 8).
 */
import { HOMOGENEOUS_DROPOUT_FROM, type BgNbdParameters } from './bg-nbd';
import { RetentionError } from './model-inputs';
import { logGamma, sumPowerSeries } from './special';

/** P(alive | x, t_x, T); 1 for a customer with no repeat purchase, who has had no chance to drop out. */
export function probabilityAlive({ r, alpha, a, b }: BgNbdParameters, x: number, recency: number, T: number): number {
  if (x === 0) return 1;
  // 1 / (1 + a/(b+x-1) · ((α+T)/(α+t_x))^(r+x)), the odds taken in logs so a long absence underflows to 0, not NaN.
  const lnOdds = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + T) - Math.log(alpha + recency));
  return 1 / (1 + Math.exp(lnOdds));
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next `t` periods of a customer with this history (eq. 10). */
export function expectedPurchases(parameters: BgNbdParameters, x: number, recency: number, T: number, t: number): number {
  return expectedPurchasesIfAlive(parameters, x, T, t) * probabilityAlive(parameters, x, recency, T);
}

/** E[X(t)]: expected purchases of a customer drawn from the population in their first `t` periods (eq. 9). */
export function expectedPurchasesUnconditional(parameters: BgNbdParameters, t: number): number {
  return expectedPurchasesIfAlive(parameters, 0, 0, t);
}

/**
 * E[Y(t) | alive at T, x, T]: eq. 10 without its P(alive) factor; t_x does not enter, so customers with the
 * same x and T share it. This is the factor of eq. 10 before division by 1 + δ(x>0)·a/(b+x-1)·(...), which eq. 9 shares with x = T = 0:
 *   (a+b+x-1)/(a-1) · [1 - (1-z)^(r+x) · 2F1(r+x, b+x; a+b+x-1; z)],  z = t/(α+T+t).
 * Written as given it divides by a - 1 (CDNOW's a = 0.793 is near 1), and the 2F1 grows like
 * (1-z)^(a-1-r-x) as z → 1 while (1-z)^(r+x) shrinks. Euler's transformation (A&S 15.3.3) turns the bracket
 * into 1 - (1-z)^ε·2F1(C-A, ε; C; z) with ε = a-1, C = a+b+x-1, A = r+x; since (ε)_k = ε·(ε+1)_(k-1), that is
 *   -expm1(ε·ln(1-z)) - ε·(1-z)^ε·G,   G = Σ_(k≥1) (C-A)_k (ε+1)_(k-1) z^k / ((C)_k k!),
 * and the division by ε is exact: no cancellation at a = 1 and no overflow for large x or long horizons.
 */
export function expectedPurchasesIfAlive({ r, alpha, a, b }: BgNbdParameters, x: number, T: number, t: number): number {
  if (!(t >= 0) || !Number.isFinite(t)) throw new RetentionError('invalid-input', `horizon must be a finite t >= 0, got ${t}`);
  if (t === 0) return 0;
  if (a + b >= HOMOGENEOUS_DROPOUT_FROM) {
    // Every customer drops out with the same p = a/(a+b) (bg-nbd.ts): given λ, E[purchases in t] = (1 - e^(-λpt))/p,
    // and λ | x, T is gamma(r+x, α+T), so E = (1 - ((α+T)/(α+T+pt))^(r+x))/p, written with expm1/log1p.
    const p = a / (a + b);
    return -Math.expm1(-(r + x) * Math.log1p((p * t) / (alpha + T))) / p;
  }
  const epsilon = a - 1;
  const c = a + b + x - 1;
  const cMinusA = a + b - 1 - r;
  const z = t / (alpha + T + t);
  const lnOneMinusZ = -Math.log1p(t / (alpha + T));
  const expm1Term = epsilon === 0 ? lnOneMinusZ : Math.expm1(epsilon * lnOneMinusZ) / epsilon;
  // C·G = (C-A)·z·S with S = Σ_j s_j, s_(j+1)/s_j = (C-A+j+1)(ε+j+1)z / ((C+j+1)(j+2)); C itself cancels.
  // The series grows like (1-z)^(-ε) when a is large (a narrow dropout beta far from the limit above): it is
  // summed already multiplied by (1-z)^ε, so its terms stay near 1 instead of overflowing.
  const series = sumPowerSeries(
    (j) => (((cMinusA + j + 1) * (epsilon + j + 1)) / ((c + j + 1) * (j + 2))) * z,
    z,
    Math.max(2, -cMinusA - 1, -epsilon - 1, -c - 1),
    epsilon * lnOneMinusZ,
  );
  return -c * expm1Term - cMinusA * z * series;
}

/** P(X(t) = n): probability that a new customer makes exactly n purchases in (0, t] (eq. 8). */
export function probabilityOfPurchases({ r, alpha, a, b }: BgNbdParameters, n: number, t: number): number {
  if (!Number.isInteger(n) || n < 0) throw new RetentionError('invalid-input', `n must be a whole number >= 0, got ${n}`);
  if (!(t >= 0) || !Number.isFinite(t)) throw new RetentionError('invalid-input', `horizon must be a finite t >= 0, got ${t}`);
  if (t === 0) return n === 0 ? 1 : 0;
  const lnStay = Math.log(alpha / (alpha + t));
  const lnGo = Math.log(t / (alpha + t));
  // NBD(j): probability of j purchases in (0, t] for a customer who never drops out.
  const lnNbd = (j: number) => logGamma(r + j) - logGamma(r) - logGamma(j + 1) + r * lnStay + j * lnGo;
  // B(a, b+n)/B(a, b) = Π_(k<n) (b+k)/(a+b+k) and B(a+1, b+n-1)/B(a, b) = a/(a+b) · Π_(k<n-1) (b+k)/(a+b+1+k):
  // products of ratios stay exact for the huge a, b of the homogeneous-dropout limit, where log-betas cancel.
  let lnSurvive = 0;
  for (let k = 0; k < n; k++) lnSurvive += Math.log1p(-a / (a + b + k));
  const alive = Math.exp(lnSurvive + lnNbd(n));
  if (n === 0) return alive;
  let lnDrop = Math.log(a / (a + b));
  for (let k = 0; k < n - 1; k++) lnDrop += Math.log1p(-(a + 1) / (a + b + 1 + k));
  return alive + Math.exp(lnDrop) * nbdTail(n, r, lnGo, lnNbd);
}

/** Σ_(j≥n) NBD(j): by 1 - Σ_(j<n) while that is not cancellation, else by summing the upper tail itself. */
function nbdTail(n: number, r: number, lnGo: number, lnNbd: (j: number) => number): number {
  let below = 0;
  for (let j = 0; j < n; j++) below += Math.exp(lnNbd(j));
  if (below <= 0.5) return 1 - below;
  const go = Math.exp(lnGo);
  let term = Math.exp(lnNbd(n));
  let tail = 0;
  // Ratio NBD(j+1)/NBD(j) = (r+j)/(j+1) · t/(α+t) falls towards t/(α+t) < 1 beyond j ≈ r.
  for (let j = n; term > 1e-17 * tail || j < r; j++) {
    tail += term;
    term *= ((r + j) / (j + 1)) * go;
  }
  return Math.min(tail, 1);
}
