/**
 * Customers drawn from the BG/NBD and Gamma-Gamma models themselves, with a seeded generator: data whose
 * true parameters are known, so that tests can check a fit recovers them and benchmarks can build cohorts
 * of any size (the 100,000-customer Apps Script budget) without a data set that large.
 */
import type { BgNbdParameters } from './bg-nbd';
import type { GammaGammaParameters } from './gamma-gamma';
import type { CustomerSummary } from './model-inputs';

/** A uniform [0, 1) generator from a 32-bit seed (mulberry32: small, fast, and the same in every runtime). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A gamma(shape, 1) draw (Marsaglia & Tsang 2000, ACM TOMS 26(3); shape < 1 boosted by U^(1/shape)). */
export function drawGamma(shape: number, random: () => number): number {
  if (shape < 1) return drawGamma(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      // Box-Muller normal; 1 - random() keeps the logarithm's argument in (0, 1].
      x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) return d * v;
  }
}

/**
 * One summary per age in `ages`, drawn from BG/NBD: λ ~ gamma(r, α), p ~ beta(a, b), exponential gaps
 * between purchases, a coin with probability p after each repeat purchase (Fader, Hardie & Lee 2005, §3);
 * with `spend`, transaction values ~ gamma(p, ν), ν ~ gamma(q, γ) (note 025).
 */
export function simulateCustomers(
  { r, alpha, a, b }: BgNbdParameters,
  ages: readonly number[],
  seed: number,
  spend?: GammaGammaParameters,
): CustomerSummary[] {
  const random = seededRandom(seed);
  return ages.map((T, i) => {
    const rate = drawGamma(r, random) / alpha;
    const dropX = drawGamma(a, random);
    const dropout = dropX / (dropX + drawGamma(b, random));
    const nu = spend ? drawGamma(spend.q, random) / spend.gamma : 0;
    let t = 0;
    let frequency = 0;
    let recency = 0;
    let total = 0;
    for (;;) {
      t += -Math.log(1 - random()) / rate;
      if (!(t <= T)) break;
      frequency++;
      recency = t;
      if (spend) total += drawGamma(spend.p, random) / nu;
      if (random() < dropout) break;
    }
    const summary: CustomerSummary = { id: String(i + 1), frequency, recency, T };
    if (spend && frequency > 0) summary.monetaryValue = total / frequency;
    return summary;
  });
}
