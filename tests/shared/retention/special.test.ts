import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  expectedPurchasesIfAlive,
  hypergeometric2F1,
  logAddExp,
  logBeta,
  logGamma,
  RetentionError,
  sumHypergeometricSeries,
} from '../../../shared/retention';

const relative = (value: number, expected: number) => Math.abs(value - expected) / Math.max(1, Math.abs(expected));

describe('log-gamma and log-beta', () => {
  test.each([
    [0.5, 0.5 * Math.log(Math.PI)],
    [1, 0],
    [2, 0],
    [10, Math.log(362_880)],
    [0.1, Math.log(9.513507698668732)],
    [100, 359.1342053695754],
    [1e-8, 18.420680738180209],
  ])('ln Γ(%d)', (x, expected) => {
    expect(relative(logGamma(x), expected)).toBeLessThan(1e-13);
  });

  test('Γ(x + 1) = x Γ(x) across scales', () => {
    fc.assert(fc.property(fc.double({ min: 1e-6, max: 1e6, noNaN: true }), (x) => relative(logGamma(x + 1), logGamma(x) + Math.log(x)) < 1e-12));
  });

  test('B(a, 1) = 1/a and B(a, b) = B(b, a)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (a, b) => {
        return relative(logBeta(a, 1), -Math.log(a)) < 1e-12 && Math.abs(logBeta(a, b) - logBeta(b, a)) < 1e-9;
      }),
    );
  });

  test('log-sum-exp neither overflows nor underflows', () => {
    expect(logAddExp(1000, 1000)).toBeCloseTo(1000 + Math.LN2, 12);
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.LN2, 12);
    expect(logAddExp(-Infinity, 3)).toBe(3);
  });
});

describe('the hypergeometric function 2F1', () => {
  test.each([0.1, 0.5, 0.9, 0.999, -0.5])('2F1(1, 1; 2; z) = -ln(1 - z)/z at z = %d', (z) => {
    expect(relative(hypergeometric2F1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-12);
  });

  test('2F1(1/2, 1/2; 3/2; z²) = asin(z)/z', () => {
    fc.assert(fc.property(fc.double({ min: 0.01, max: 0.999, noNaN: true }), (z) => relative(hypergeometric2F1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z) < 1e-10));
  });

  test('2F1(a, b; b; z) = (1 - z)^-a, also where Euler\'s transformation is taken (a + b > c)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: 0.05, max: 20, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }), (a, b, z) => {
        const expected = Math.pow(1 - z, -a);
        return Math.abs(hypergeometric2F1(a, b, b, z) - expected) < 1e-12 * expected;
      }),
    );
  });

  test('Euler\'s transformation agrees with the direct series where both converge quickly', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 10, noNaN: true }), fc.double({ min: 0.05, max: 10, noNaN: true }), fc.double({ min: 0.05, max: 10, noNaN: true }), fc.double({ min: 0, max: 0.9, noNaN: true }), (a, b, c, z) => {
        fc.pre(a + b > c);
        return relative(hypergeometric2F1(a, b, c, z), sumHypergeometricSeries(a, b, c, z)) < 1e-10;
      }),
    );
  });

  test('a negative integer parameter ends the series as a polynomial', () => {
    const [b, c, z] = [2.5, 3.5, 0.7];
    expect(sumHypergeometricSeries(-2, b, c, z)).toBeCloseTo(1 - (2 * b * z) / c + (b * (b + 1) * z * z) / (c * (c + 1)), 14);
  });

  test('c a non-positive integer and |z| >= 1 are refused', () => {
    expect(() => hypergeometric2F1(1, 1, -2, 0.5)).toThrow(RetentionError);
    expect(() => hypergeometric2F1(1, 1, 2, 1)).toThrow(RetentionError);
    expect(() => hypergeometric2F1(1, 1, 2, Number.NaN)).toThrow(RetentionError);
  });
});

describe('the stable form of eq. 10 agrees with the formula as printed', () => {
  // (a+b+x-1)/(a-1) · [1 - ((α+T)/(α+T+t))^(r+x) · 2F1(r+x, b+x; a+b+x-1; t/(α+T+t))]
  const printed = (r: number, alpha: number, a: number, b: number, x: number, T: number, t: number) =>
    ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hypergeometric2F1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));

  test('for random parameters and histories away from a = 1', () => {
    const positive = (max: number) => fc.double({ min: 0.05, max, noNaN: true });
    fc.assert(
      fc.property(positive(5), positive(50), positive(5), positive(10), fc.integer({ min: 0, max: 40 }), positive(100), positive(200), (r, alpha, a, b, x, T, t) => {
        fc.pre(Math.abs(a - 1) > 0.05 && a + b + x - 1 > 0.05);
        const stable = expectedPurchasesIfAlive({ r, alpha, a, b }, x, T, t);
        return relative(stable, printed(r, alpha, a, b, x, T, t)) < 1e-7;
      }),
    );
  });

  test('at a = 1, where the printed formula divides 0 by 0, the value is the limit from either side', () => {
    const p = { r: 0.3, alpha: 5, b: 2.4 };
    const at = expectedPurchasesIfAlive({ ...p, a: 1 }, 3, 30, 52);
    expect(Number.isFinite(at)).toBe(true);
    expect(relative(at, expectedPurchasesIfAlive({ ...p, a: 1 + 1e-6 }, 3, 30, 52))).toBeLessThan(1e-5);
    expect(relative(at, expectedPurchasesIfAlive({ ...p, a: 1 - 1e-6 }, 3, 30, 52))).toBeLessThan(1e-5);
  });

  test('long horizons and heavy buyers stay finite where the printed formula overflows', () => {
    const value = expectedPurchasesIfAlive({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 300, 39, 1e6);
    expect(Number.isFinite(value)).toBe(true);
    expect(value).toBeGreaterThan(0);
  });
});
