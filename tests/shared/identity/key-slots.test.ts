import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashText, KeySlots, type Slots } from '../../../shared/identity/key-slots';

// What a table must answer, from a plain Map kept beside it.
const asList = (slots: Slots | undefined): number[] => (slots === undefined ? [] : typeof slots === 'number' ? [slots] : [...slots]);

type Step = { op: 'add'; key: string; slot: number } | { op: 'drop'; key: string; slot: number };

// Few distinct keys, so that adds pile up on one key, drops hit keys that are there, and keys come back.
const key = fc.oneof(fc.constantFrom('', 'a', 'email:a@x.ir', 'phone:+98912', 'علی\u0000company:پارس'), fc.string({ maxLength: 6 }));
const step: fc.Arbitrary<Step> = fc.record({ op: fc.constantFrom('add' as const, 'drop' as const), key, slot: fc.nat(40) });

function replay(table: KeySlots, steps: readonly Step[]): Map<string, number[]> {
  const model = new Map<string, number[]>();
  for (const { op, key, slot } of steps) {
    if (op === 'add') {
      table.add(key, slot);
      model.set(key, [...(model.get(key) ?? []), slot]);
    } else {
      table.filter(key, (held) => held !== slot);
      model.set(key, (model.get(key) ?? []).filter((held) => held !== slot));
    }
  }
  return model;
}

describe('KeySlots', () => {
  it('answers as a Map of key to slots would, through growth, shared keys and removals', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 300 }), (steps) => {
        const table = new KeySlots();
        const model = replay(table, steps);
        for (const [key, slots] of model) expect(asList(table.slotsOf(key))).toEqual(slots);
        expect(table.slotsOf('never added')).toBeUndefined();
      }),
    );
  });

  it('tells keys apart by their text when every hash collides', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), (steps) => {
        const table = new KeySlots(() => 7);
        const model = replay(table, steps);
        for (const [key, slots] of model) expect(asList(table.slotsOf(key))).toEqual(slots);
        expect(table.slotsOf('never added')).toBeUndefined();
      }),
    );
  });

  it('keeps a single slot as a number and a shared key as a list, and empties a key whose slots are all dropped', () => {
    const table = new KeySlots();
    table.add('email:a@x.ir', 3);
    expect(table.slotsOf('email:a@x.ir')).toBe(3);
    table.add('email:a@x.ir', 9);
    expect(table.slotsOf('email:a@x.ir')).toEqual([3, 9]);
    table.filter('email:a@x.ir', (slot) => slot !== 3);
    expect(table.slotsOf('email:a@x.ir')).toBe(9);
    table.filter('email:a@x.ir', () => false);
    expect(table.slotsOf('email:a@x.ir')).toBeUndefined();
    table.filter('not there', () => false); // changes nothing
    table.add('email:a@x.ir', 4); // a key that comes back gets its entry again
    expect(table.slotsOf('email:a@x.ir')).toBe(4);
  });

  it('holds a hundred thousand keys, each found again, none it was not given', () => {
    const table = new KeySlots();
    for (let i = 0; i < 100_000; i++) table.add(`email:p${i}@acme.ir`, i);
    for (let i = 0; i < 100_000; i++) expect(table.slotsOf(`email:p${i}@acme.ir`)).toBe(i);
    expect(table.slotsOf('email:p100000@acme.ir')).toBeUndefined();
  });
});

describe('hashText', () => {
  it('depends on the seed and on every code unit, including a lone surrogate and NUL', () => {
    expect(hashText('ali\u0000company:acme', 1)).not.toBe(hashText('ali\u0000company:acme', 2));
    expect(hashText('ab', 0)).not.toBe(hashText('ba', 0));
    expect(hashText('a\u0000', 0)).not.toBe(hashText('a', 0));
    expect(hashText('\uD800', 0)).not.toBe(hashText('\uDC00', 0));
    expect(Number.isInteger(hashText('', 0))).toBe(true);
  });

  it('spreads similar keys over the low bits that pick a position', () => {
    const buckets = new Array<number>(1024).fill(0);
    for (let i = 0; i < 102_400; i++) buckets[hashText(`phone:+98912${String(i).padStart(7, '0')}`, 0) & 1023]!++;
    // A uniform spread puts 100 in each bucket (standard deviation 10). Clustered hashes would leave some
    // buckets nearly empty and crowd others, and linear probing would then walk long runs.
    expect(Math.min(...buckets)).toBeGreaterThan(50);
    expect(Math.max(...buckets)).toBeLessThan(150);
  });
});
