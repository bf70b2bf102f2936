import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { describePurchaseHistory, predictCustomers, rowsFromRecords } from '../../../shared/metrics';
import {
  compileCustomers,
  expectedPurchases,
  expectedPurchasesIfAlive,
  fitBgNbd,
  HOMOGENEOUS_DROPOUT_FROM,
  logLikelihoodBgNbd,
  probabilityAlive,
  probabilityOfPurchases,
  summariseTransactions,
} from '../../../shared/retention';
import { generateTeamData } from '../../support/generate-team-data';

/**
 * Issue 9, gap 3: a team whose customers stopped buying months ago. Its purchase history makes every customer
 * look alike in dropping out, so the likelihood rises as the dropout beta narrows (a and b grow together):
 * the fit ended at its evaluation budget ('not-converged') or at the box ('b runs off towards infinity').
 * These teams (10,000 customers, 16,000 deals, "now" moved 3 months past the last purchase) failed so before.
 */
const MONTH = 30.44 * 86_400_000;
function dormantTeam(seed: number, monthsQuiet: number) {
  const team = generateTeamData({ seed, customers: 10_000, interactions: 0, deals: 16_000 });
  const data = { deals: rowsFromRecords({ people: [], deals: team.deals, interactions: [], organisations: [], reps: [] }).deals };
  return { data, now: Date.parse(team.now) + monthsQuiet * MONTH };
}

describe('a dormant team gets predictions', () => {
  test.each([
    [1, 3, 'was: b runs off towards infinity'],
    [2, 3, 'was: not converged after 4,286 evaluations'],
  ])('seed %i, %i months without a purchase (%s)', (seed, months) => {
    const { data, now } = dormantTeam(seed, months);
    const run = predictCustomers(data, now, 0.1);
    expect(run.reason).toBeUndefined();
    expect(run.bgNbd).toBeDefined();
    expect(run.byCustomer.size).toBe(run.summaries.length); // every buyer, about 4,950
    for (const prediction of run.byCustomer.values()) {
      expect(prediction.probabilityAlive).toBeGreaterThanOrEqual(0);
      expect(prediction.probabilityAlive).toBeLessThanOrEqual(1);
      expect(Number.isFinite(prediction.expectedPurchases) && prediction.expectedPurchases >= 0).toBe(true);
      expect(Number.isFinite(prediction.clv!)).toBe(true);
    }
    // Months of silence: on average the team is judged less alive than a team that bought yesterday.
    const active = predictCustomers(data, now - months * MONTH, 0.1);
    const mean = (r: typeof run) => [...r.byCustomer.values()].reduce((s, p) => s + p.probabilityAlive, 0) / r.byCustomer.size;
    expect(mean(run)).toBeLessThan(mean(active));
  });

  test('the homogeneous-dropout fit is the supremum along the ridge, not a point on its way', () => {
    const { data, now } = dormantTeam(1, 3);
    const { transactions, calibrationEnd } = describePurchaseHistory(data, now);
    const customers = summariseTransactions(transactions, { period: 'week', calibrationEnd });
    const fit = fitBgNbd(customers);
    expect(fit.homogeneousDropout).toBe(true);
    const { r, alpha, a, b } = fit.parameters;
    const p = a / (a + b);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    const compiled = compileCustomers(customers, 1);
    // Any finite spread of dropout probabilities (same mean) fits worse, and the closer to none, the better.
    const along = [3, 30, 300, 3_000].map((size) => logLikelihoodBgNbd({ r, alpha, a: p * size, b: (1 - p) * size }, compiled));
    for (let i = 1; i < along.length; i++) expect(along[i]!).toBeGreaterThan(along[i - 1]!);
    expect(fit.logLikelihood).toBeGreaterThan(along[along.length - 1]!);
    // And it is a maximum in the other three directions: a step in any of them lowers the likelihood.
    for (const step of [{ r: r * 1.01 }, { r: r * 0.99 }, { alpha: alpha * 1.01 }, { alpha: alpha * 0.99 }, { a: a * 1.01, b: b * 0.99 }, { a: a * 0.99, b: b * 1.01 }]) {
      expect(logLikelihoodBgNbd({ ...fit.parameters, ...step }, compiled)).toBeLessThan(fit.logLikelihood);
    }
  });
});

describe('predictions where dropout has (almost) no spread', () => {
  const base = { r: 0.5, alpha: 6 };
  const withSize = (size: number, p = 0.3) => ({ ...base, a: p * size, b: (1 - p) * size });

  test('the closed-form limit continues the exact series: the gap shrinks like 1/(a+b)', () => {
    const limit = expectedPurchasesIfAlive(withSize(HOMOGENEOUS_DROPOUT_FROM), 3, 20, 52);
    const gaps = [1e3, 1e4, 1e5].map((size) => Math.abs(expectedPurchasesIfAlive(withSize(size), 3, 20, 52) - limit) / limit);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]!).toBeLessThan(gaps[i - 1]! / 5);
    expect(gaps[2]!).toBeLessThan(5 / 1e5);
    // (1 - ((α+T)/(α+T+pt))^(r+x)) / p by hand, at p = 0.3.
    expect(limit).toBeCloseTo((1 - Math.pow(26 / (26 + 0.3 * 52), 3.5)) / 0.3, 5);
  });

  test('a narrow beta far from the limit no longer overflows the series (a = 2,000 threw "a series term is Infinity")', () => {
    const value = expectedPurchasesIfAlive({ r: 0.5, alpha: 2, a: 2_000, b: 3_000 }, 2, 3, 200);
    const limit = expectedPurchasesIfAlive({ r: 0.5, alpha: 2, a: 2e9, b: 3e9 }, 2, 3, 200);
    expect(Number.isFinite(value)).toBe(true);
    expect(Math.abs(value - limit) / limit).toBeLessThan(1e-2);
  });

  test('properties hold at every size of a + b up to the limit', () => {
    const size = fc.double({ min: 1, max: 1e10, noNaN: true });
    fc.assert(
      fc.property(size, fc.double({ min: 0.02, max: 0.98, noNaN: true }), fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.5, max: 100, noNaN: true }), (s, p, x, share, T) => {
        fc.pre(s < 2e3 || s >= HOMOGENEOUS_DROPOUT_FROM); // between, the exact series takes up to millions of terms
        const parameters = withSize(s, p);
        const recency = x === 0 ? 0 : share * T;
        const alive = probabilityAlive(parameters, x, recency, T);
        const near = expectedPurchases(parameters, x, recency, T, 10);
        return alive >= 0 && alive <= 1 && (x > 0 || alive === 1) && near >= 0 && expectedPurchases(parameters, x, recency, T, 40) >= near;
      }),
      { numRuns: 200 },
    );
  });

  test('P(X(t) = n) still sums to 1 at the limit', () => {
    let total = 0;
    for (let n = 0; n < 300; n++) total += probabilityOfPurchases(withSize(1e10), n, 20);
    expect(total).toBeCloseTo(1, 10);
  });
});
