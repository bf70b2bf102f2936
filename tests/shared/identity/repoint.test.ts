import { describe, expect, test } from 'vitest';
import { mergePeople, redirectsOf, repointInteractions, repointPersonIds } from '../../../shared/identity';
import { makeInteraction, makePerson } from './fixtures';

const AT = '2026-03-01T00:00:00.000Z';

describe('re-pointing references to merged-away people', () => {
  const p0 = makePerson({ id: 'p0', createdAt: '2025-01-01T00:00:00.000Z' });
  const p1 = makePerson({ id: 'p1', createdAt: '2025-06-01T00:00:00.000Z' });
  const p2 = makePerson({ id: 'p2', createdAt: '2026-01-01T00:00:00.000Z' });

  test('redirects come from the ids a merge keeps in history', () => {
    const survivor = mergePeople(mergePeople(p2, p1, { at: AT }), p0, { at: AT });
    expect(redirectsOf([survivor])).toEqual(new Map([['p1', 'p0'], ['p2', 'p0']]));
  });

  test('chains are followed: two devices merged p2 into p1 and p1 into p0', () => {
    const onDeviceA = mergePeople(p1, p2, { at: AT }); // p1, remembers p2
    const onDeviceB = mergePeople(p0, p1, { at: AT }); // p0, remembers p1 only
    expect(redirectsOf([onDeviceA, onDeviceB])).toEqual(new Map([['p2', 'p0'], ['p1', 'p0']]));
  });

  test('a live survivor wins over a stale tombstone claiming the same id', () => {
    const stale = { ...mergePeople(p1, p2, { at: AT }), deleted: true };
    const live = mergePeople(p0, p2, { at: AT });
    expect(redirectsOf([live, stale]).get('p2')).toBe('p0');
    expect(redirectsOf([stale, live]).get('p2')).toBe('p0');
  });

  test('interactions keep their ids, lose no person, and hold each survivor once', () => {
    const redirects = new Map([['p1', 'p0'], ['p2', 'p0']]);
    const untouched = makeInteraction('i3', ['outsider']);
    const result = repointInteractions([makeInteraction('i1', ['p1', 'p2', 'outsider']), makeInteraction('i2', ['p0', 'p1']), untouched], redirects);
    expect(result.map((i) => [i.id, i.personIds])).toEqual([
      ['i1', ['p0', 'outsider']],
      ['i2', ['p0']],
      ['i3', ['outsider']],
    ]);
    expect(result[2]).toBe(untouched);
  });

  test('deals and tasks follow too', () => {
    const redirects = new Map([['p1', 'p0']]);
    expect(repointPersonIds([{ id: 'd1', personId: 'p1' }, { id: 'd2', personId: 'p9' }, { id: 'd3' }], redirects)).toEqual([
      { id: 'd1', personId: 'p0' },
      { id: 'd2', personId: 'p9' },
      { id: 'd3' },
    ]);
  });
});
