import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { discountedClv, periodDiscountRate, type ClvInput, type ValueErrorCode } from '../../../shared/value';

const clvOf = (input: ClvInput): number => {
  const result = discountedClv(input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('discountedClv against hand-computed values', () => {
  test.each<[string, ClvInput, number]>([
    // 100*0.8/1.1 + 100*0.64/1.21 + 100*0.512/1.331 = 72.7272727 + 52.8925620 + 38.4673178
    ['constant margin and retention', { margins: 100, retention: 0.8, discountRate: 0.1, horizon: 3 }, 164.0871525],
    // 100*0.9 + 200*0.5 + 300*0.25, no discounting
    ['per-period margins and survival', { margins: [100, 200, 300], survival: [0.9, 0.5, 0.25], discountRate: 0 }, 265],
    // survival from retention: 0.5, then 0.5*0.5 = 0.25; 50 + 25
    ['per-period retention multiplies into survival', { margins: [100, 100], retention: [0.5, 0.5], discountRate: 0 }, 75],
    // 100/2 + 100/4: a 100% rate halves each period
    ['heavy discounting', { margins: 100, retention: 1, discountRate: 1, horizon: 2 }, 75],
    ['certain customer, no discount', { margins: 50, retention: 1, discountRate: 0, horizon: 4 }, 200],
    ['a loss-making customer has negative value', { margins: -100, retention: 1, discountRate: 0, horizon: 2 }, -200],
    ['horizon 0 is worth nothing', { margins: 100, retention: 1, discountRate: 0.1, horizon: 0 }, 0],
    ['a horizon shorter than the lists uses the first periods', { margins: [10, 20, 30], retention: 1, discountRate: 0, horizon: 2 }, 30],
    ['a lost customer (retention 0) is worth nothing', { margins: 100, retention: 0, discountRate: 0.1, horizon: 5 }, 0],
  ])('%s', (_name, input, expected) => {
    expect(clvOf(input)).toBeCloseTo(expected, 6);
  });

  test('a long horizon converges to m * r / (1 + d - r) = 100 * 0.8 / 0.3', () => {
    expect(clvOf({ margins: 100, retention: 0.8, discountRate: 0.1, horizon: 1200 })).toBeCloseTo(266.6666667, 6);
  });
});

describe('periodDiscountRate', () => {
  test.each([
    [0.1, 12, 0.0079741404],
    [0.21, 2, 0.1],
    [0.1, 1, 0.1],
    [0, 12, 0],
  ])('yearly %d over %i periods is %d per period', (yearly, periods, expected) => {
    const result = periodDiscountRate(yearly, periods);
    expect(result.ok && result.value).toBeCloseTo(expected, 9);
  });

  test.each([
    [-0.1, 12],
    [0.1, 0],
    [NaN, 12],
    [0.1, Infinity],
  ])('yearly %d over %d periods is refused', (yearly, periods) => {
    expect(periodDiscountRate(yearly, periods).ok).toBe(false);
  });
});

describe('discountedClv refuses bad input with a typed error', () => {
  test.each<[string, unknown, ValueErrorCode, string]>([
    ['no horizon with single numbers', { margins: 100, retention: 0.8, discountRate: 0.1 }, 'missing', 'horizon'],
    ['neither retention nor survival', { margins: [1], discountRate: 0 }, 'missing', 'retention'],
    ['both retention and survival', { margins: [1], retention: 1, survival: [1], discountRate: 0 }, 'conflict', 'survival'],
    ['a list shorter than the horizon', { margins: [1, 2], retention: 1, discountRate: 0, horizon: 3 }, 'too-short', 'margins'],
    ['lists of different lengths', { margins: [1, 2, 3], survival: [1, 1], discountRate: 0 }, 'too-short', 'survival'],
    ['retention above 1', { margins: 1, retention: 1.2, discountRate: 0, horizon: 1 }, 'out-of-range', 'retention'],
    ['a negative retention in a list', { margins: [1, 1], retention: [0.5, -0.1], discountRate: 0 }, 'out-of-range', 'retention[1]'],
    ['rising survival', { margins: [1, 1, 1], survival: [0.9, 0.5, 0.7], discountRate: 0 }, 'out-of-range', 'survival[2]'],
    ['a negative discount rate', { margins: 1, retention: 1, discountRate: -0.1, horizon: 1 }, 'out-of-range', 'discountRate'],
    ['NaN in margins', { margins: [1, NaN], retention: 1, discountRate: 0 }, 'not-a-number', 'margins[1]'],
    ['Infinity as margin', { margins: Infinity, retention: 1, discountRate: 0, horizon: 1 }, 'not-a-number', 'margins'],
    ['a number as text', { margins: '100', retention: 1, discountRate: 0, horizon: 1 }, 'not-a-number', 'margins'],
    ['an empty cell as discount rate', { margins: 1, retention: 1, discountRate: '', horizon: 1 }, 'missing', 'discountRate'],
    ['a fractional horizon', { margins: 1, retention: 1, discountRate: 0, horizon: 1.5 }, 'not-a-number', 'horizon'],
    ['a huge horizon', { margins: 1, retention: 1, discountRate: 0, horizon: 1e9 }, 'out-of-range', 'horizon'],
    ['huge inferred horizon', { margins: new Array(5000).fill(1), retention: 1, discountRate: 0 }, 'out-of-range', 'horizon'],
    ['margins that overflow', { margins: [1e308, 1e308], retention: 1, discountRate: 0 }, 'out-of-range', 'margins'],
    ['no input at all', null, 'missing', 'input'],
  ])('%s', (_name, input, code, field) => {
    const result = discountedClv(input as ClvInput);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code, field });
    expect(result.error.message.startsWith(field)).toBe(true);
  });
});

describe('CLV properties', () => {
  const horizon = 12;
  const margins = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: horizon, maxLength: horizon });
  const rates = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: horizon, maxLength: horizon });
  const discount = fc.double({ min: 0, max: 2, noNaN: true });

  test('raising any margin never lowers CLV', () => {
    fc.assert(
      fc.property(margins, margins, rates, discount, (m, extra, r, d) => {
        const more = m.map((value, i) => value + extra[i]);
        return clvOf({ margins: more, retention: r, discountRate: d }) >= clvOf({ margins: m, retention: r, discountRate: d });
      }),
    );
  });

  test('raising retention never lowers CLV (margins >= 0)', () => {
    fc.assert(
      fc.property(margins, rates, rates, discount, (m, a, b, d) => {
        const higher = a.map((value, i) => Math.max(value, b[i]));
        return clvOf({ margins: m, retention: higher, discountRate: d }) >= clvOf({ margins: m, retention: a, discountRate: d });
      }),
    );
  });

  test('a higher discount rate never raises CLV (margins >= 0), and CLV stays within [0, sum of margins]', () => {
    fc.assert(
      fc.property(margins, rates, discount, discount, (m, r, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const atLow = clvOf({ margins: m, retention: r, discountRate: low });
        const atHigh = clvOf({ margins: m, retention: r, discountRate: high });
        const total = m.reduce((s, v) => s + v, 0);
        return atHigh <= atLow * (1 + 1e-12) && atLow >= 0 && atLow <= total * (1 + 1e-12);
      }),
    );
  });

  test('retention and the survival it implies give the same CLV', () => {
    fc.assert(
      fc.property(margins, rates, discount, (m, r, d) => {
        const survival = r.map((_, t) => r.slice(0, t + 1).reduce((p, v) => p * v, 1));
        const a = clvOf({ margins: m, retention: r, discountRate: d });
        const b = clvOf({ margins: m, survival, discountRate: d });
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
      }),
    );
  });

  test('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), fc.anything(), (margins, retention, discountRate, horizon) => {
        const result = discountedClv({ margins, retention, discountRate, horizon } as ClvInput);
        return result.ok ? Number.isFinite(result.value) : typeof result.error.message === 'string';
      }),
    );
  });
});
