/**
 * Special functions the models need, written out because Apps Script has no numeric library:
 * log-gamma (Lanczos), log-beta, log-sum-exp and the Gaussian hypergeometric function 2F1.
 */
import { RetentionError } from './model-inputs';

// Lanczos approximation, g = 7, n = 9 (Numerical Recipes 3rd ed. §6.1; relative error below 1e-15).
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

/** ln|Γ(x)| for real x that is not a non-positive integer. */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection formula Γ(x)Γ(1-x) = π / sin(πx); the series below loses accuracy left of 1/2.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  const y = x - 1;
  let series = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) series += LANCZOS[i]! / (y + i);
  const t = y + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (y + 0.5) * Math.log(t) - t + Math.log(series);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b), for a, b > 0. */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(e^u + e^v) without overflow or underflow; -Infinity terms are allowed. */
export function logAddExp(u: number, v: number): number {
  if (u === -Infinity) return v;
  if (v === -Infinity) return u;
  const high = Math.max(u, v);
  return high + Math.log1p(Math.exp(-Math.abs(u - v)));
}

const MAX_TERMS = 2_000_000;

/** Terms and sums are rescaled by this when they pass it, the scale kept as a logarithm. */
const RESCALE = 1e200;

/**
 * e^lnScale · Σ_k t_k with t_0 = 1 and t_(k+1) = t_k · ratio(k), where ratio(k) → z, |z| < 1, once k > settled.
 * Terms come from ratios, never from factorials or Pochhammer symbols, so nothing overflows early; a series
 * whose terms grow beyond 1e200 before they fall is carried with its scale apart (`lnScale` is the caller's
 * factor, which may be tiny while the sum is huge).
 */
export function sumPowerSeries(ratio: (k: number) => number, z: number, settled: number, lnScale = 0): number {
  let term = 1;
  let sum = 1;
  let scale = lnScale;
  let next = ratio(0);
  // Scale and sum joined in logs: e^scale alone may underflow while their product does not.
  const done = () => (scale === 0 || sum === 0 ? sum : Math.sign(sum) * Math.exp(scale + Math.log(Math.abs(sum))));
  for (let k = 0; k < MAX_TERMS; k++) {
    term *= next;
    if (!Number.isFinite(term)) throw new RetentionError('invalid-input', `a series term is ${term}: a denominator parameter is a non-positive integer`);
    sum += term;
    if (Math.abs(sum) > RESCALE || Math.abs(term) > RESCALE) {
      term /= RESCALE;
      sum /= RESCALE;
      scale += Math.log(RESCALE);
    }
    if (term === 0) return done(); // a numerator parameter is a non-positive integer: the series is a polynomial
    // Past `settled` the ratios tend to z, so the tail is at most |term|·ρ/(1-ρ), ρ = max(|next ratio|, |z|).
    next = ratio(k + 1);
    const rho = Math.max(Math.abs(next), Math.abs(z));
    if (k > settled && rho < 1 && (Math.abs(term) * rho) / (1 - rho) <= 1e-16 * Math.abs(sum)) return done();
  }
  throw new RetentionError('not-converged', `a hypergeometric series at z = ${z} did not converge in ${MAX_TERMS} terms`);
}

/** The series Σ_k (a)_k (b)_k / ((c)_k k!) z^k, |z| < 1, summed term by term. */
export function sumHypergeometricSeries(a: number, b: number, c: number, z: number): number {
  return sumPowerSeries((k) => (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z, z, Math.max(2, -a, -b, -c));
}

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for -1 < z < 1.
 * Where a + b > c the series grows like (1 - z)^(c-a-b) near z = 1, so Euler's transformation
 * 2F1(a, b; c; z) = (1 - z)^(c-a-b) 2F1(c-a, c-b; c; z) (Abramowitz & Stegun 15.3.3) is summed instead:
 * its series stays bounded up to z = 1.
 */
export function hypergeometric2F1(a: number, b: number, c: number, z: number): number {
  if (!(z > -1 && z < 1)) throw new RetentionError('invalid-input', `2F1 is summed here only for -1 < z < 1, got z = ${z}`);
  if (Number.isInteger(c) && c <= 0) throw new RetentionError('invalid-input', `2F1 is undefined for c = ${c}`);
  if (z > 0 && a + b > c) return Math.pow(1 - z, c - a - b) * sumHypergeometricSeries(c - a, c - b, c, z);
  return sumHypergeometricSeries(a, b, c, z);
}
