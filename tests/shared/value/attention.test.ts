import { describe, expect, test } from 'vitest';
import { listImportantButDissatisfied, type AttentionRow } from '../../../shared/value';

// Defaults: important when importance >= 7, dissatisfied when satisfaction < 5.
const rows: AttentionRow[] = [
  { id: 'a', importance: 9, satisfaction: 2 }, // gap 7
  { id: 'b', importance: 7, satisfaction: 4.9 }, // gap 2.1, on the importance threshold
  { id: 'c', importance: 10, satisfaction: 3 }, // gap 7, more important than a
  { id: 'd', importance: 6, satisfaction: 0 }, // not important enough
  { id: 'e', importance: 8, satisfaction: 5 }, // satisfied enough: 5 is not below 5
  { id: 'f', importance: 9, satisfaction: 2 }, // same as a: after a, by input order
  { id: 'g', importance: NaN, satisfaction: 1 },
  { id: 'h', importance: 11, satisfaction: 1 }, // outside the 0..10 scale
  { id: 'i', satisfaction: 1 },
];

describe('listImportantButDissatisfied', () => {
  test('keeps important, dissatisfied customers, largest gap first, then importance, then input order', () => {
    expect(listImportantButDissatisfied(rows).map((entry) => [entry.id, entry.gap])).toEqual([
      ['c', 7],
      ['a', 7],
      ['f', 7],
      ['b', expect.closeTo(2.1, 9)],
    ]);
  });

  test('thresholds come from settings', () => {
    expect(listImportantButDissatisfied(rows, { importanceAtLeast: 9.5, satisfactionBelow: 5 }).map((entry) => entry.id)).toEqual(['c']);
    expect(listImportantButDissatisfied(rows, { importanceAtLeast: 8, satisfactionBelow: 5.5 }).map((entry) => entry.id)).toEqual(['c', 'a', 'f', 'e']);
  });

  test.each([[[]], [null], ['rows'], [[null, { id: 'x', importance: '9', satisfaction: '1' }]]])('%j gives an empty list', (input) => {
    expect(listImportantButDissatisfied(input as unknown as AttentionRow[])).toEqual([]);
  });
});
