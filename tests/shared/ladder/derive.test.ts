import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { countPurchases, deriveStage, findPurchaseStage, isLadderStage, rankStage, type LadderStage } from '../../../shared/ladder';
import { STAGES, type Stage } from '../../../shared/model/vocabulary';

describe('countPurchases counts won, live orders only', () => {
  test.each([
    [[], 0],
    [[{ kind: 'order', status: 'won' }], 1],
    [[{ kind: 'order', status: 'won' }, { kind: 'order', status: 'won' }], 2],
    [[{ kind: 'order', status: 'open' }, { kind: 'order', status: 'lost' }], 0],
    [[{ kind: 'opportunity', status: 'won' }], 0],
    [[{ kind: 'order', status: 'won', deleted: true }, { kind: 'order', status: 'won', deleted: false }], 1],
  ])('%j -> %i', (deals, expected) => {
    expect(countPurchases(deals)).toBe(expected);
  });
});

describe('deriveStage', () => {
  test.each<[Stage, number, Stage]>([
    ['suspect', 0, 'suspect'],
    ['prospect', 0, 'prospect'],
    ['suspect', 1, 'first-time customer'],
    ['prospect', 1, 'first-time customer'],
    ['prospect', 2, 'repeat customer'],
    ['first-time customer', 2, 'repeat customer'],
    ['first-time customer', 7, 'repeat customer'],
    // Never demotes: a refund does not turn a repeat customer back, a hand-set rung stays.
    ['repeat customer', 1, 'repeat customer'],
    ['repeat customer', 0, 'repeat customer'],
    ['client', 1, 'client'],
    ['advocate', 0, 'advocate'],
    ['partner', 5, 'partner'],
    // Side states are left to the rep: winning back is a transition.
    ['lost', 3, 'lost'],
    ['disqualified', 1, 'disqualified'],
  ])('%s with %i purchases -> %s', (current, purchases, expected) => {
    expect(deriveStage(current, purchases)).toBe(expected);
  });

  test.each([NaN, -1, 1.5, Infinity, Number.MAX_VALUE])('an invalid count (%d) changes nothing', (purchases) => {
    expect(deriveStage('prospect', purchases)).toBe('prospect');
    expect(findPurchaseStage(purchases)).toBeUndefined();
  });

  test('a non-number count or unknown stage from a sheet changes nothing and does not throw', () => {
    expect(deriveStage('prospect', '2' as unknown as number)).toBe('prospect');
    expect(deriveStage('Client' as Stage, 3)).toBe('Client');
  });

  const stage = fc.constantFrom(...STAGES);
  const count = fc.nat({ max: 1000 });

  test('is idempotent', () => {
    fc.assert(fc.property(stage, count, (s, n) => deriveStage(deriveStage(s, n), n) === deriveStage(s, n)));
  });

  test('never demotes and never leaves the ladder', () => {
    fc.assert(
      fc.property(stage, count, (s, n) => {
        const derived = deriveStage(s, n);
        if (!isLadderStage(s)) return derived === s;
        return isLadderStage(derived) && rankStage(derived) >= rankStage(s);
      }),
    );
  });

  test('more purchases never give a lower rung', () => {
    const rankOf = (s: Stage) => rankStage(s as LadderStage);
    fc.assert(
      fc.property(fc.constantFrom(...STAGES.filter(isLadderStage)), count, count, (s, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return rankOf(deriveStage(s, high)) >= rankOf(deriveStage(s, low));
      }),
    );
  });
});
