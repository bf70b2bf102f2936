import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LEVEL_GRID, classifyCustomerCount, classifyMargin, computeMarginRate, suggestLevel } from '../../../shared/levels';
import { LEVELS } from '../../../shared/model/vocabulary';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

describe('bands from the default thresholds (many >= 1000, few <= 50; high >= 0.4, low < 0.15)', () => {
  test.each([
    [0, 'few'],
    [50, 'few'],
    [51, 'medium'],
    [999, 'medium'],
    [1000, 'many'],
    [1e9, 'many'],
  ])('%d customers are %s', (count, band) => {
    expect(classifyCustomerCount(count)).toBe(band);
  });

  test.each([
    [0.4, 'high'],
    [1, 'high'],
    [0.3999, 'medium'],
    [0.15, 'medium'],
    [0.1499, 'low'],
    [0, 'low'],
    [-0.5, 'low'],
  ])('margin rate %d is %s', (rate, band) => {
    expect(classifyMargin(rate)).toBe(band);
  });

  test.each([NaN, Infinity, -1, '12' as unknown as number])('count %j has no band', (count) => {
    expect(classifyCustomerCount(count)).toBeUndefined();
  });

  test.each([NaN, -Infinity, 1.01, '0.3' as unknown as number])('margin rate %j has no band', (rate) => {
    expect(classifyMargin(rate)).toBeUndefined();
  });
});

describe('suggestLevel follows the DOMAIN.md [S3] table', () => {
  test.each([
    [5000, 0.5, 'accountable', []],
    [5000, 0.2, 'reactive', []],
    [5000, 0.05, 'basic', ['reactive']],
    [200, 0.5, 'proactive', []],
    [200, 0.2, 'accountable', []],
    [200, 0.05, 'reactive', []],
    [10, 0.5, 'partnership', []],
    [10, 0.2, 'proactive', []],
    [10, 0.05, 'accountable', []],
  ])('%i customers at margin %d -> %s', (customerCount, marginRate, level, alternatives) => {
    const result = suggestLevel({ customerCount, marginRate });
    expect(result.ok && result.suggestion.level).toBe(level);
    expect(result.ok && result.suggestion.alternatives).toEqual(alternatives);
  });

  test('thresholds come from settings', () => {
    const thresholds = { ...DEFAULT_SETTINGS.levelThresholds, fewCustomersAtMost: 5 };
    const result = suggestLevel({ customerCount: 10, marginRate: 0.5 }, thresholds);
    expect(result.ok && result.suggestion).toEqual({ level: 'proactive', alternatives: [], customers: 'medium', margin: 'high' });
  });

  test.each([
    [{ customerCount: NaN, marginRate: 0.3 }, 'customerCount'],
    [{ customerCount: 10, marginRate: 30 }, 'marginRate'],
  ])('%j is refused on %s', (input, field) => {
    const result = suggestLevel(input);
    expect(!result.ok && result.error.field).toBe(field);
  });

  test('fewer customers or more margin never suggests a less managed level', () => {
    const rank = (count: number, rate: number) => {
      const result = suggestLevel({ customerCount: count, marginRate: rate });
      if (!result.ok) throw new Error(result.error.message);
      return LEVELS.indexOf(result.suggestion.level);
    };
    fc.assert(
      fc.property(fc.nat({ max: 5000 }), fc.nat({ max: 5000 }), fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (a, b, x, y) => {
        const [few, many] = a <= b ? [a, b] : [b, a];
        const [low, high] = x <= y ? [x, y] : [y, x];
        return rank(few, high) >= rank(many, low) && rank(few, low) >= rank(many, low) && rank(many, high) >= rank(many, low);
      }),
    );
  });

  test('every cell of the grid holds at least one level', () => {
    for (const row of Object.values(LEVEL_GRID)) for (const cell of Object.values(row)) expect(cell.length).toBeGreaterThan(0);
  });
});

test.each([
  [100, 60, 0.4],
  [100, 120, -0.2],
  [0, 10, undefined],
  [NaN, 1, undefined],
])('margin rate of revenue %d and cost %d is %s', (revenue, cost, rate) => {
  expect(computeMarginRate(revenue, cost)).toBe(rate);
});
