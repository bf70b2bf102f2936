import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  compileCustomers,
  expectedPurchases,
  expectedPurchasesUnconditional,
  fitBgNbd,
  logBeta,
  logGamma,
  logLikelihoodBgNbd,
  probabilityAlive,
  probabilityOfPurchases,
  simulateCustomers,
  type BgNbdParameters,
} from '../../../shared/retention';

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const parameters = fc.record({ r: positive(0.05, 5), alpha: positive(0.1, 50), a: positive(0.05, 5), b: positive(0.05, 10) });
/** A consistent history: x repeat purchases, the last at t_x <= T. */
const history = fc
  .tuple(fc.integer({ min: 0, max: 60 }), positive(0.01, 200), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([x, T, share]) => ({ x, T, recency: x === 0 ? 0 : share * T }));

describe('BG/NBD predictions: properties', () => {
  test('P(alive) is a probability', () => {
    fc.assert(fc.property(parameters, history, (p, { x, recency, T }) => {
      const alive = probabilityAlive(p, x, recency, T);
      return alive >= 0 && alive <= 1;
    }));
  });

  test('a customer without repeat purchases is alive with probability 1', () => {
    fc.assert(fc.property(parameters, positive(0, 500), (p, T) => probabilityAlive(p, 0, 0, T) === 1));
  });

  test('a longer silence since the last purchase lowers P(alive)', () => {
    fc.assert(fc.property(parameters, fc.integer({ min: 1, max: 30 }), positive(1, 50), positive(0.5, 50), (p, x, recency, gap) => {
      return probabilityAlive(p, x, recency, recency + gap + 1) <= probabilityAlive(p, x, recency, recency + gap);
    }));
  });

  test('conditional and unconditional expectations grow with the horizon', () => {
    fc.assert(fc.property(parameters, history, positive(0.01, 100), positive(0.01, 100), (p, { x, recency, T }, t, more) => {
      const near = expectedPurchases(p, x, recency, T, t);
      return near >= 0 && expectedPurchases(p, x, recency, T, t + more) >= near && expectedPurchasesUnconditional(p, t + more) >= expectedPurchasesUnconditional(p, t);
    }));
  });

  test('P(X(t) = n) sums to 1 and its mean is E[X(t)] (eq. 8 against eq. 9)', () => {
    fc.assert(
      fc.property(fc.record({ r: positive(0.2, 3), alpha: positive(1, 20), a: positive(0.2, 3), b: positive(0.5, 5) }), positive(0.1, 30), (p, t) => {
        // With t/(α+t) <= 5/6 the mass beyond n = 400 is below 1e-25, so the truncated sums are complete.
        fc.pre(t <= 5 * p.alpha);
        let total = 0;
        let mean = 0;
        for (let n = 0; n < 400; n++) {
          const probability = probabilityOfPurchases(p, n, t);
          total += probability;
          mean += n * probability;
        }
        return Math.abs(total - 1) < 1e-9 && Math.abs(mean - expectedPurchasesUnconditional(p, t)) < 1e-8 * (1 + mean);
      }),
      { numRuns: 40 },
    );
  });

  test('no purchases in a zero-length horizon', () => {
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(probabilityOfPurchases(p, 0, 0)).toBe(1);
    expect(probabilityOfPurchases(p, 3, 0)).toBe(0);
    expect(expectedPurchases(p, 2, 30, 39, 0)).toBe(0);
  });
});

describe('BG/NBD likelihood and fit', () => {
  // eq. 6 term by term with powers and beta functions, no grouping and no log-sum-exp.
  const direct = ({ r, alpha, a, b }: BgNbdParameters, x: number, tx: number, T: number) => {
    const a1 = Math.exp(logGamma(r + x) - logGamma(r)) * Math.pow(alpha, r);
    const a2 = Math.exp(logBeta(a, b + x) - logBeta(a, b));
    const a3 = Math.pow(alpha + T, -(r + x));
    const a4 = x > 0 ? (a / (b + x - 1)) * Math.pow(alpha + tx, -(r + x)) : 0;
    return Math.log(a1 * a2 * (a3 + a4));
  };

  test('the grouped log-likelihood equals the sum of eq. 6 over customers', () => {
    const p = { r: 0.5, alpha: 3, a: 0.8, b: 2 };
    const customers = [
      { id: '1', frequency: 0, recency: 0, T: 10 },
      { id: '2', frequency: 0, recency: 0, T: 10 },
      { id: '3', frequency: 3, recency: 7.5, T: 10 },
      { id: '4', frequency: 3, recency: 7.5, T: 10 },
      { id: '5', frequency: 1, recency: 2, T: 12 },
      { id: '6', frequency: 12, recency: 11.9, T: 12 },
    ];
    const data = compileCustomers(customers, 1);
    expect(data.weight.length).toBe(4);
    const sum = customers.reduce((s, c) => s + direct(p, c.frequency, c.recency, c.T), 0);
    expect(logLikelihoodBgNbd(p, data)).toBeCloseTo(sum, 10);
  });

  test('recovers the parameters that generated 20,000 simulated customers', () => {
    const truth = { r: 0.6, alpha: 5, a: 0.8, b: 2.5 };
    const ages = Array.from({ length: 20_000 }, (_, i) => 30 + (i % 40));
    const fit = fitBgNbd(simulateCustomers(truth, ages, 7));
    // Sampling error at this size is a few percent; a wrong likelihood misses by far more.
    expect(fit.parameters.r).toBeGreaterThan(truth.r * 0.9);
    expect(fit.parameters.r).toBeLessThan(truth.r * 1.1);
    expect(fit.parameters.alpha).toBeGreaterThan(truth.alpha * 0.85);
    expect(fit.parameters.alpha).toBeLessThan(truth.alpha * 1.15);
    expect(fit.parameters.a).toBeGreaterThan(truth.a * 0.8);
    expect(fit.parameters.a).toBeLessThan(truth.a * 1.2);
    expect(fit.parameters.b).toBeGreaterThan(truth.b * 0.75);
    expect(fit.parameters.b).toBeLessThan(truth.b * 1.25);
  });

  test('the unit of time only rescales alpha (weeks vs days)', () => {
    const weeks = simulateCustomers({ r: 0.4, alpha: 4, a: 0.7, b: 2.5 }, Array.from({ length: 3000 }, (_, i) => 20 + (i % 20)), 3);
    const days = weeks.map((c) => ({ ...c, recency: c.recency * 7, T: c.T * 7 }));
    const [inWeeks, inDays] = [fitBgNbd(weeks).parameters, fitBgNbd(days).parameters];
    expect(inDays.alpha / 7).toBeCloseTo(inWeeks.alpha, 4);
    expect(inDays.r).toBeCloseTo(inWeeks.r, 4);
    expect(inDays.a).toBeCloseTo(inWeeks.a, 4);
    expect(inDays.b).toBeCloseTo(inWeeks.b, 4);
  });
});
