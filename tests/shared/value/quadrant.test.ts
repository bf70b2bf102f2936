import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assignQuadrants, classifyQuadrant, type QuadrantRow } from '../../../shared/value';

const rows: QuadrantRow[] = [
  { id: 'a', netPrice: 10, costToServe: 5 },
  { id: 'b', netPrice: 20, costToServe: 35 },
  { id: 'c', netPrice: 30, costToServe: 15 },
  { id: 'd', netPrice: 40, costToServe: 25 },
];

describe('profitability quadrants', () => {
  test('medians by default: price (20+30)/2 = 25, cost (15+25)/2 = 20', () => {
    expect(assignQuadrants(rows)).toEqual({
      ok: true,
      value: {
        thresholds: { price: 25, cost: 20 },
        quadrants: [
          { id: 'a', quadrant: 'bargain' },
          { id: 'b', quadrant: 'aggressive' },
          { id: 'c', quadrant: 'passive' },
          { id: 'd', quadrant: 'demanding' },
        ],
        skipped: [],
      },
    });
  });

  test('thresholds can be overridden one at a time', () => {
    const result = assignQuadrants(rows, { price: 35 });
    expect(result.ok && result.value.thresholds).toEqual({ price: 35, cost: 20 });
    expect(result.ok && result.value.quadrants.map((q) => q.quadrant)).toEqual(['bargain', 'aggressive', 'bargain', 'demanding']);
  });

  test.each([
    [10, 10, 'bargain'],
    [10.01, 10, 'passive'],
    [10, 10.01, 'aggressive'],
    [11, 11, 'demanding'],
  ] as const)('at thresholds 10/10, price %d and cost %d are %s (equal to the threshold is low)', (price, cost, quadrant) => {
    expect(classifyQuadrant(price, cost, { price: 10, cost: 10 })).toBe(quadrant);
  });

  test('an odd count: the median customer is low', () => {
    const result = assignQuadrants([1, 2, 3].map((v) => ({ id: String(v), netPrice: v, costToServe: v })));
    expect(result.ok && result.value.quadrants.map((q) => q.quadrant)).toEqual(['bargain', 'bargain', 'demanding']);
  });

  test('rows without finite numbers are skipped and do not move the medians', () => {
    const result = assignQuadrants([...rows, { id: 'x', netPrice: NaN, costToServe: 1 }, { id: 'y', netPrice: '9' as unknown as number, costToServe: 1 }]);
    expect(result.ok && result.value.skipped).toEqual(['x', 'y']);
    expect(result.ok && result.value.thresholds).toEqual({ price: 25, cost: 20 });
  });

  test.each<[string, unknown, unknown]>([
    ['no rows', [], {}],
    ['only bad rows', [{ id: 'x', netPrice: Infinity, costToServe: 1 }], {}],
    ['a NaN threshold', rows, { price: NaN }],
    ['not a list', 'rows', {}],
  ])('%s is an error', (_name, input, override) => {
    expect(assignQuadrants(input as QuadrantRow[], override as { price?: number }).ok).toBe(false);
  });

  test('median thresholds split the data: at most half high, at least half low', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 60 }), (pairs) => {
        const result = assignQuadrants(pairs.map(([netPrice, costToServe], i) => ({ id: String(i), netPrice, costToServe })));
        if (!result.ok) return false;
        const n = pairs.length;
        const highPrice = result.value.quadrants.filter((q) => q.quadrant === 'passive' || q.quadrant === 'demanding').length;
        const highCost = result.value.quadrants.filter((q) => q.quadrant === 'aggressive' || q.quadrant === 'demanding').length;
        return highPrice <= Math.floor(n / 2) && highCost <= Math.floor(n / 2);
      }),
    );
  });

  test('with distinct values, exactly floor(n/2) are high', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: -1e6, max: 1e6 }), { minLength: 1, maxLength: 60 }), (values) => {
        const result = assignQuadrants(values.map((v, i) => ({ id: String(i), netPrice: v, costToServe: -v })));
        if (!result.ok) return false;
        const counts = (name: string) => result.value.quadrants.filter((q) => q.quadrant === name).length;
        // Price and cost run opposite ways here, so only passive (high price, low cost) and aggressive occur.
        return counts('passive') === Math.floor(values.length / 2) && counts('aggressive') === Math.floor(values.length / 2);
      }),
    );
  });
});

test.each([
  ['two equal subnormals', [5e-324, 5e-324]],
  ['two equal huge negatives', [-1.7e308, -1.7e308]],
  ['a huge gap', [-1.7e308, 1.7e308]],
])('the median of %s splits them (no value above both, none below both)', (_name, values) => {
  const result = assignQuadrants(values.map((v, i) => ({ id: String(i), netPrice: v, costToServe: v })));
  if (!result.ok) throw new Error('no result');
  expect(result.value.quadrants.filter((q) => q.quadrant === 'demanding').length).toBeLessThanOrEqual(1);
});
