import { describe, expect, test } from 'vitest';
import { GROWTH_RUBRIC, LEARNING_RUBRIC, MAX_COMPONENT_SCORE, NETWORKING_RUBRIC, assessValueComponents, computeBaseValue, type SaleAmounts } from '../../../shared/value';

describe('computeBaseValue = sum of values - sum of costs', () => {
  test.each<[string, SaleAmounts[], { base: number; revenue: number; costs: number; missingCosts: number }]>([
    ['no sales', [], { base: 0, revenue: 0, costs: 0, missingCosts: 0 }],
    ['one sale', [{ value: 100, costToServe: 30 }], { base: 70, revenue: 100, costs: 30, missingCosts: 0 }],
    ['a missing cost counts as 0 and is reported', [{ value: 100, costToServe: 30 }, { value: 50 }], { base: 120, revenue: 150, costs: 30, missingCosts: 1 }],
    ['a sale that cost more than it earned', [{ value: 40, costToServe: 90 }], { base: -50, revenue: 40, costs: 90, missingCosts: 0 }],
  ])('%s', (_name, sales, expected) => {
    expect(computeBaseValue(sales)).toEqual({ ok: true, value: expected });
  });

  test.each<[string, unknown, string]>([
    ['a text value', [{ value: '100' }], 'sales[0].value'],
    ['a NaN cost', [{ value: 1 }, { value: 1, costToServe: NaN }], 'sales[1].costToServe'],
    ['a null sale', [null], 'sales[0].value'],
    ['not a list', 'lots', 'sales'],
    ['an overflowing sum', [{ value: 1.7e308 }, { value: 1.7e308 }], 'sales'],
  ])('%s is refused at %s', (_name, sales, field) => {
    const result = computeBaseValue(sales as SaleAmounts[]);
    expect(!result.ok && result.error.field).toBe(field);
  });
});

describe('assessValueComponents', () => {
  test('keeps base in money and the three scores apart', () => {
    const result = assessValueComponents({ sales: [{ value: 500, costToServe: 200 }], growth: 4, networking: 0, learning: 2.5 });
    expect(result).toEqual({ ok: true, value: { base: 300, growth: 4, networking: 0, learning: 2.5 } });
  });

  test.each([
    ['growth', { growth: 6, networking: 1, learning: 1 }],
    ['networking', { growth: 1, networking: -1, learning: 1 }],
    ['learning', { growth: 1, networking: 1, learning: NaN }],
    ['growth', { growth: '3', networking: 1, learning: 1 }],
  ])('a bad %s score is refused', (field, scores) => {
    const result = assessValueComponents({ sales: [], ...(scores as { growth: number; networking: number; learning: number }) });
    expect(!result.ok && result.error.field).toBe(field);
  });

  test('each rubric defines every score from 0 to the maximum, in order', () => {
    for (const rubric of [GROWTH_RUBRIC, NETWORKING_RUBRIC, LEARNING_RUBRIC]) {
      expect(rubric.map((line) => Number(line.split(':')[0]))).toEqual([0, 1, 2, 3, 4, 5].slice(0, MAX_COMPONENT_SCORE + 1));
    }
  });
});
