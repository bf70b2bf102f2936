import { buildPersonIndex, OrganisationIndex, PersonIndex, type IdentityIndex, type OrganisationLike, type PersonLike } from '../shared/identity';

/**
 * Duplicate people and organisations in the sheet, found with the identity core's matcher (the same rules
 * that merge clips in the extension and pushes in sync): exact pairs of people share an email, phone or
 * LinkedIn profile, possible pairs a name and a company, organisation or domain; exact pairs of organisations
 * share a LinkedIn page, domain or name, possible pairs disagree on one of them. Rows people add by hand
 * bypass the extension's matching, so this is where their duplicates surface.
 */
export interface DuplicatePair {
  a: string;
  b: string;
  strength: 'exact' | 'possible';
  /** The key or rule that matched, e.g. `email:ada@example.com` or `same-name-and-company`. */
  why: string;
}

type Someone = PersonLike & { id: string };
type Identified = { id: string; deleted?: boolean };

/** Every duplicate pair among live people, each pair once (exact wins over possible), sorted by id. */
export const findDuplicatePairs = (people: readonly Someone[]): DuplicatePair[] => duplicatePairs(people, new PersonIndex());

/** Every duplicate pair among live organisations, as `findDuplicatePairs` gives them for people. */
export const findDuplicateOrganisations = (organisations: ReadonlyArray<OrganisationLike & { id: string }>): DuplicatePair[] =>
  duplicatePairs(organisations, new OrganisationIndex());

function duplicatePairs<T extends Identified>(records: readonly T[], index: IdentityIndex<T>): DuplicatePair[] {
  // Every record is both stored and incoming, so its keys are derived once for both roles.
  const live = records.filter((p) => p.deleted !== true).map((record) => ({ record, keys: index.keysOf(record) }));
  for (const { record, keys } of live) index.add(record, keys);
  const pairs = new Map<string, DuplicatePair>();
  const note = (x: string, y: string, strength: DuplicatePair['strength'], why: string) => {
    const [a, b] = x < y ? [x, y] : [y, x];
    const key = `${a}\u0000${b}`;
    if (!pairs.has(key) || (strength === 'exact' && pairs.get(key)!.strength === 'possible')) pairs.set(key, { a, b, strength, why });
  };
  for (const { record, keys } of live) {
    const match = index.match(record, keys);
    if (match.kind === 'exact') note(record.id, match.id, 'exact', match.key);
    else if (match.kind === 'candidates') for (const reason of match.reasons) note(record.id, reason.id, strengthOf(reason.rule), reason.rule === 'shared-exact-key' ? reason.key : reason.rule);
  }
  return [...pairs.values()].sort((x, y) => (x.a === y.a ? (x.b < y.b ? -1 : 1) : x.a < y.a ? -1 : 1));
}

/** The people who may be the same person as `person`: one index build, one match. */
export function findDuplicatesOf(person: Someone, people: readonly Someone[]): Array<{ id: string; strength: DuplicatePair['strength']; why: string }> {
  const match = buildPersonIndex(people.filter((p) => p.deleted !== true)).match(person);
  if (match.kind === 'exact') return [{ id: match.id, strength: 'exact', why: match.key }];
  if (match.kind === 'new') return [];
  return match.reasons.map((r) => ({ id: r.id, strength: strengthOf(r.rule), why: r.rule === 'shared-exact-key' ? r.key : r.rule }));
}

const strengthOf = (rule: string): DuplicatePair['strength'] => (rule === 'shared-exact-key' ? 'exact' : 'possible');
