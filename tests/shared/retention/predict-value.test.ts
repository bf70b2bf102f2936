import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  defaultRetentionSettings,
  discountedPurchases,
  discountRatePerPeriod,
  expectedPurchases,
  expectedSpend,
  forecastCustomers,
  RetentionError,
  type CustomerSummary,
} from '../../../shared/retention';

const BG_NBD = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const SPEND = { p: 6.25, q: 3.74, gamma: 15.44 };
const customers: CustomerSummary[] = [
  { id: 'new', frequency: 0, recency: 0, T: 38.86 },
  { id: 'loyal', frequency: 7, recency: 37, T: 38.86, monetaryValue: 40 },
  { id: 'lapsed', frequency: 7, recency: 5, T: 38.86, monetaryValue: 40 },
];

describe('CLV = margin · E[M] · Σ_k (E[Y(k)] - E[Y(k-1)]) / (1 + d)^k', () => {
  test('matches the formula computed term by term from eq. 10', () => {
    const settings = { period: 'week' as const, horizon: 52, discountRate: 0.002, margin: 0.3 };
    const [, loyal] = forecastCustomers(customers, BG_NBD, SPEND, settings);
    let sum = 0;
    for (let k = 1; k <= 52; k++) sum += (expectedPurchases(BG_NBD, 7, 37, 38.86, k) - expectedPurchases(BG_NBD, 7, 37, 38.86, k - 1)) / 1.002 ** k;
    expect(loyal!.clv).toBeCloseTo(0.3 * expectedSpend(SPEND, 7, 40) * sum, 10);
    expect(loyal!.expectedPurchases).toBeCloseTo(expectedPurchases(BG_NBD, 7, 37, 38.86, 52), 12);
  });

  test('without discounting, the sum telescopes to the expected purchases in the horizon', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 104 }), fc.integer({ min: 0, max: 20 }), (horizon, x) => {
      const customer = { id: 'c', frequency: x, recency: x === 0 ? 0 : 20, T: 39 };
      return Math.abs(discountedPurchases(BG_NBD, customer, horizon, 0) - expectedPurchases(BG_NBD, x, customer.recency, 39, horizon)) < 1e-9;
    }));
  });

  test('discounting lowers the value, and margin scales it', () => {
    const plain = forecastCustomers(customers, BG_NBD, SPEND, { period: 'week', horizon: 52, discountRate: 0, margin: 1 });
    const discounted = forecastCustomers(customers, BG_NBD, SPEND, { period: 'week', horizon: 52, discountRate: 0.01, margin: 1 });
    const half = forecastCustomers(customers, BG_NBD, SPEND, { period: 'week', horizon: 52, discountRate: 0.01, margin: 0.5 });
    for (const i of [0, 1, 2]) {
      expect(discounted[i]!.clv!).toBeLessThan(plain[i]!.clv!);
      expect(half[i]!.clv!).toBeCloseTo(discounted[i]!.clv! / 2, 12);
    }
  });

  test('a lapsed customer is worth less than a loyal one with the same history size', () => {
    const [, loyal, lapsed] = forecastCustomers(customers, BG_NBD, SPEND, defaultRetentionSettings('week'));
    expect(lapsed!.probabilityAlive).toBeLessThan(loyal!.probabilityAlive);
    expect(lapsed!.clv!).toBeLessThan(loyal!.clv!);
  });

  test('without a spend model there is no CLV', () => {
    const [forecast] = forecastCustomers(customers, BG_NBD, undefined, defaultRetentionSettings('week'));
    expect(forecast!.clv).toBeUndefined();
    expect(forecast!.expectedSpend).toBeUndefined();
  });
});

describe('settings', () => {
  test('an annual rate converts to the equivalent rate per period', () => {
    expect((1 + discountRatePerPeriod(0.1, 'week')) ** (365.25 / 7)).toBeCloseTo(1.1, 12);
    expect((1 + discountRatePerPeriod(0.1, 'month')) ** 12).toBeCloseTo(1.1, 12);
    expect(defaultRetentionSettings('day').horizon).toBe(365);
  });

  test.each([
    { horizon: 0 },
    { horizon: 2.5 },
    { discountRate: -1 },
    { discountRate: Number.NaN },
    { margin: Number.POSITIVE_INFINITY },
  ])('refuses %j', (bad) => {
    expect(() => forecastCustomers(customers, BG_NBD, SPEND, { ...defaultRetentionSettings('week'), ...bad })).toThrow(RetentionError);
  });
});
