import { buildPersonIndex, type PersonLike } from '../shared/identity';

/**
 * Duplicate people in the sheet, found with the identity core's matcher (the same rules that merge clips
 * in the extension): exact pairs share an email, phone or LinkedIn profile; possible pairs share a name and
 * a company, organisation or domain. Rows people add by hand bypass the extension's matching, so this is
 * where their duplicates surface.
 */
export interface DuplicatePair {
  a: string;
  b: string;
  strength: 'exact' | 'possible';
  /** The key or rule that matched, e.g. `email:ada@example.com` or `same-name-and-company`. */
  why: string;
}

type Someone = PersonLike & { id: string };

/** Every duplicate pair among live people, each pair once (exact wins over possible), sorted by id. */
export function findDuplicatePairs(people: readonly Someone[]): DuplicatePair[] {
  const live = people.filter((p) => p.deleted !== true);
  const index = buildPersonIndex(live);
  const pairs = new Map<string, DuplicatePair>();
  const note = (x: string, y: string, strength: DuplicatePair['strength'], why: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    if (!pairs.has(key) || (strength === 'exact' && pairs.get(key)!.strength === 'possible')) pairs.set(key, { a, b, strength, why });
  };
  for (const person of live) {
    const match = index.match(person);
    if (match.kind === 'exact') note(person.id, match.personId, 'exact', match.key);
    else if (match.kind === 'candidates')
      for (const reason of match.reasons) note(person.id, reason.personId, reason.rule === 'shared-exact-key' ? 'exact' : 'possible', reason.rule === 'shared-exact-key' ? reason.key : reason.rule);
  }
  return [...pairs.values()].sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1));
}

/** The people who may be the same person as `person`: one index build, one match. */
export function findDuplicatesOf(person: Someone, people: readonly Someone[]): Array<{ id: string; strength: DuplicatePair['strength']; why: string }> {
  const match = buildPersonIndex(people.filter((p) => p.deleted !== true)).match(person);
  if (match.kind === 'exact') return [{ id: match.personId, strength: 'exact', why: match.key }];
  if (match.kind === 'new') return [];
  return match.reasons.map((r) => ({ id: r.personId, strength: r.rule === 'shared-exact-key' ? 'exact' : 'possible', why: r.rule === 'shared-exact-key' ? r.key : r.rule }));
}
