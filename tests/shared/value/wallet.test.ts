import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeShareOfWallet, type ValueErrorCode } from '../../../shared/value';

describe('computeShareOfWallet = min(1, ours / estimate)', () => {
  test.each([
    [30, 100, 0.3, false],
    [0, 100, 0, false],
    [100, 100, 1, false],
    [150, 100, 1, true],
    [1, 3, 0.3333333333, false],
  ])('%d of an estimated %d is %d (clamped: %s)', (ours, estimate, share, clamped) => {
    const result = computeShareOfWallet(ours, estimate);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.share).toBeCloseTo(share, 9);
    expect(result.value.clamped).toBe(clamped);
  });

  test.each<[string, unknown, unknown, ValueErrorCode, string]>([
    ['no estimate', 30, undefined, 'missing', 'estimatedCategorySpend'],
    ['an empty estimate cell', 30, '', 'missing', 'estimatedCategorySpend'],
    ['a null estimate', 30, null, 'missing', 'estimatedCategorySpend'],
    ['a zero estimate', 30, 0, 'zero', 'estimatedCategorySpend'],
    ['a negative estimate', 30, -100, 'out-of-range', 'estimatedCategorySpend'],
    ['a NaN estimate', 30, NaN, 'not-a-number', 'estimatedCategorySpend'],
    ['an estimate as text', 30, '100', 'not-a-number', 'estimatedCategorySpend'],
    ['negative spend', -5, 100, 'out-of-range', 'ourSpend'],
    ['infinite spend', Infinity, 100, 'not-a-number', 'ourSpend'],
  ])('%s is an error', (_name, ours, estimate, code, field) => {
    const result = computeShareOfWallet(ours as number, estimate as number);
    expect(!result.ok && result.error).toMatchObject({ code, field });
  });

  test('any valid input gives a share in [0, 1]', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e300, noNaN: true }), fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (ours, estimate) => {
        const result = computeShareOfWallet(ours, estimate);
        return result.ok && result.value.share >= 0 && result.value.share <= 1;
      }),
    );
  });
});
