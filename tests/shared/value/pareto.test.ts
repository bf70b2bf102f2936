import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeParetoShare, type ValueErrorCode } from '../../../shared/value';

describe('computeParetoShare: k = ceil(n * 20 / 100), share = top k / total', () => {
  test.each<[string, number[], number, number, number]>([
    ['5 customers: k = 1, 100 / 200', [10, 100, 30, 50, 10], 20, 1, 0.5],
    ['1..10: k = 2, (10 + 9) / 55', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 20, 2, 0.3454545455],
    ['7 customers: 1.4 rounds up to k = 2, (7 + 6) / 28', [1, 2, 3, 4, 5, 6, 7], 20, 2, 0.4642857143],
    ['15 equal customers: k = 3, 3 / 15', new Array(15).fill(1), 20, 3, 0.2],
    ['top 7% of 100 is exactly 7 (100 * 0.07 would be 7.000000000000001, making 8)', new Array(100).fill(1), 7, 7, 0.07],
    ['one customer holds everything', [42], 20, 1, 1],
    ['ties at the cut make no difference: 5 / 16', [5, 1, 5, 5], 20, 1, 0.3125],
    ['customers at zero count in n', [10, 0, 0, 0, 0], 20, 1, 1],
    ['top 50% of 3 is 2', [1, 2, 3], 50, 2, 0.8333333333],
    ['top 100% is everyone', [1, 2, 3], 100, 3, 1],
    ['the whale curve: profits with a loss-making customer exceed 1, 100 / 70', [100, 50, -80], 20, 1, 1.4285714286],
  ])('%s', (_name, values, topPercent, topCount, share) => {
    const result = computeParetoShare(values, topPercent);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.topCount).toBe(topCount);
    expect(result.value.count).toBe(values.length);
    expect(result.value.share).toBeCloseTo(share, 9);
  });

  test('the input is not reordered', () => {
    const values = [1, 3, 2];
    computeParetoShare(values);
    expect(values).toEqual([1, 3, 2]);
  });

  test.each<[string, unknown, unknown, ValueErrorCode]>([
    ['no customers', [], 20, 'empty'],
    ['a total of zero', [0, 0, 0], 20, 'zero'],
    ['a negative total', [10, -50], 20, 'out-of-range'],
    ['NaN', [1, NaN], 20, 'not-a-number'],
    ['a number as text', [1, '2'], 20, 'not-a-number'],
    ['Infinity', [Infinity, 1], 20, 'not-a-number'],
    ['a sum that overflows', [1.7e308, 1.7e308], 20, 'out-of-range'],
    ['topPercent 0', [1, 2], 0, 'out-of-range'],
    ['topPercent above 100', [1, 2], 150, 'out-of-range'],
    ['not a list', 'many', 20, 'not-a-number'],
  ])('%s is an error', (_name, values, topPercent, code) => {
    const result = computeParetoShare(values as number[], topPercent as number);
    expect(!result.ok && result.error.code).toBe(code);
  });
});

describe('Pareto properties (non-negative values)', () => {
  const values = fc.array(fc.double({ min: 0, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 200 }).filter((v) => v.some((x) => x > 0));

  test('the share lies in [k/n, 1], so in [0.2, 1]', () => {
    fc.assert(
      fc.property(values, (v) => {
        const result = computeParetoShare(v);
        if (!result.ok) return false;
        const { share, topCount, count } = result.value;
        // 1e-12: float sums of equal values can land a hair under the exact k/n.
        return share <= 1 && share >= topCount / count - 1e-12 && share >= 0.2 - 1e-12;
      }),
    );
  });

  test('does not depend on the order of customers', () => {
    fc.assert(
      fc.property(values, (v) => {
        const a = computeParetoShare(v);
        const b = computeParetoShare([...v].reverse());
        return a.ok && b.ok && Math.abs(a.value.share - b.value.share) <= 1e-12;
      }),
    );
  });

  test('a larger top group never has a smaller share', () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (v, p, q) => {
        const a = computeParetoShare(v, Math.min(p, q));
        const b = computeParetoShare(v, Math.max(p, q));
        return a.ok && b.ok && b.value.share >= a.value.share;
      }),
    );
  });
});
