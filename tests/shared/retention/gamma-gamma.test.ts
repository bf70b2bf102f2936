import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  compileSpend,
  correlate,
  expectedSpend,
  fitGammaGamma,
  INDEPENDENCE_WARNING,
  logGamma,
  logLikelihoodGammaGamma,
  RetentionError,
  simulateCustomers,
  type CustomerSummary,
} from '../../../shared/retention';

const BG_NBD = { r: 0.5, alpha: 4, a: 0.6, b: 2.5 };
const SPEND = { p: 6, q: 4, gamma: 15 };
const simulated = (seed: number, n = 20_000) => simulateCustomers(BG_NBD, Array.from({ length: n }, (_, i) => 30 + (i % 20)), seed, SPEND);

describe('Gamma-Gamma likelihood and fit', () => {
  test('the compiled likelihood equals the marginal density of m_x summed customer by customer', () => {
    const xs = [1, 1, 2, 5, 9];
    const ms = [12.5, 30, 18.2, 25, 40.1];
    const { p, q, gamma } = SPEND;
    const direct = xs.reduce((sum, x, i) => {
      const m = ms[i]!;
      return sum + logGamma(p * x + q) - logGamma(p * x) - logGamma(q) + q * Math.log(gamma) + (p * x - 1) * Math.log(m) + p * x * Math.log(x) - (p * x + q) * Math.log(gamma + m * x);
    }, 0);
    expect(logLikelihoodGammaGamma(SPEND, compileSpend(xs, ms))).toBeCloseTo(direct, 10);
  });

  test('recovers the parameters that generated the spend of simulated customers', () => {
    const fit = fitGammaGamma(simulated(11));
    expect(fit.parameters.p).toBeGreaterThan(SPEND.p * 0.85);
    expect(fit.parameters.p).toBeLessThan(SPEND.p * 1.15);
    expect(fit.parameters.q).toBeGreaterThan(SPEND.q * 0.85);
    expect(fit.parameters.q).toBeLessThan(SPEND.q * 1.15);
    expect(fit.parameters.gamma).toBeGreaterThan(SPEND.gamma * 0.8);
    expect(fit.parameters.gamma).toBeLessThan(SPEND.gamma * 1.2);
    expect(Math.abs(fit.frequencySpendCorrelation)).toBeLessThan(INDEPENDENCE_WARNING);
    expect(fit.warning).toBeUndefined();
  });

  test('the currency only rescales gamma (dollars vs rials)', () => {
    const dollars = simulated(5, 4000);
    const rials = dollars.map((c) => (c.monetaryValue === undefined ? c : { ...c, monetaryValue: c.monetaryValue * 420_000 }));
    const [inDollars, inRials] = [fitGammaGamma(dollars).parameters, fitGammaGamma(rials).parameters];
    expect(inRials.gamma / 420_000).toBeCloseTo(inDollars.gamma, 4);
    expect(inRials.p).toBeCloseTo(inDollars.p, 4);
    expect(inRials.q).toBeCloseTo(inDollars.q, 4);
  });

  test('spend that grows with frequency is reported as breaking the independence assumption', () => {
    const dependent = simulated(13, 5000).map((c) => (c.monetaryValue === undefined ? c : { ...c, monetaryValue: c.monetaryValue * (1 + c.frequency) }));
    const fit = fitGammaGamma(dependent);
    expect(fit.frequencySpendCorrelation).toBeGreaterThanOrEqual(INDEPENDENCE_WARNING);
    expect(fit.warning).toMatch(/independent/);
  });

  test('repeat buyers without positive spend are left out and counted', () => {
    const customers: CustomerSummary[] = [...simulated(17, 2000), { id: 'refund', frequency: 2, recency: 5, T: 30, monetaryValue: -4 }, { id: 'free', frequency: 1, recency: 5, T: 30, monetaryValue: 0 }];
    const fit = fitGammaGamma(customers);
    expect(fit.excluded).toBe(2);
    expect(fit.customers).toBe(customers.filter((c) => c.frequency > 0).length - 2);
  });
});

describe('E[M | x, m_x] (note 025, eq. 5)', () => {
  test('lies between the population mean and the customer\'s own mean, nearer their own as x grows', () => {
    const positive = (max: number) => fc.double({ min: 0.01, max, noNaN: true });
    fc.assert(fc.property(positive(20), fc.double({ min: 1.01, max: 20, noNaN: true }), positive(100), fc.integer({ min: 1, max: 100 }), positive(500), (p, q, gamma, x, m) => {
      const population = (p * gamma) / (q - 1);
      const value = expectedSpend({ p, q, gamma }, x, m);
      const more = expectedSpend({ p, q, gamma }, x + 1, m);
      const tolerance = 1e-9 * Math.max(population, m);
      return value >= Math.min(population, m) - tolerance && value <= Math.max(population, m) + tolerance && Math.abs(more - m) <= Math.abs(value - m) + tolerance;
    }));
  });

  test('is the population mean p·gamma/(q-1) for a customer without repeat purchases', () => {
    expect(expectedSpend(SPEND, 0)).toBeCloseTo((6 * 15) / 3, 12);
  });

  test('refuses q <= 1, where the spend distribution has no mean', () => {
    expect(() => expectedSpend({ p: 2, q: 0.9, gamma: 3 }, 2, 10)).toThrow(RetentionError);
  });

  test('correlation is Pearson\'s r', () => {
    expect(correlate([1, 2, 3, 4], [2, 4, 6, 8])).toBeCloseTo(1, 12);
    expect(correlate([1, 2, 3, 4], [8, 6, 4, 2])).toBeCloseTo(-1, 12);
    expect(correlate([1, 2, 3, 4], [1, 3, 3, 1])).toBeCloseTo(0, 12);
  });
});
