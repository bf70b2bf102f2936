import { expect, test } from 'vitest';
import fc from 'fast-check';
import { inOrder } from '../../../shared/identity/key-building';

test('inOrder sorts keys and drops repeats, as a Set and a sort would', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 8 }), (keys) => {
      expect(inOrder([...keys])).toEqual([...new Set(keys)].sort());
    }),
    { numRuns: 2_000 },
  );
});

test('inOrder from an index sorts only the keys from there on and leaves the ones before it alone', () => {
  fc.assert(
    fc.property(fc.array(fc.string({ maxLength: 3 }), { maxLength: 4 }), fc.array(fc.string({ maxLength: 3 }), { maxLength: 8 }), (before, keys) => {
      expect(inOrder([...before, ...keys], before.length)).toEqual([...before, ...[...new Set(keys)].sort()]);
    }),
    { numRuns: 2_000 },
  );
});
