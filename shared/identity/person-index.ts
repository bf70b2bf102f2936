import { derivePersonKeys, FUZZY_SEPARATOR, type IdentityOptions, type PersonLike } from './person-keys';
import type { IdentityProblem } from './problem';

/** Why a stored person is proposed as a possible duplicate. */
export type CandidateRule = 'same-name-and-organisation' | 'same-name-and-company' | 'same-name-and-domain' | 'shared-exact-key';

export interface CandidateReason {
  readonly personId: string;
  readonly rule: CandidateRule;
  readonly key: string;
}

/**
 * What the index says of one incoming record: one stored person shares an exact key (merge it), some are
 * possible duplicates (ask the rep), or none is (create it). `problems` lists the values that gave no key.
 */
export type MatchResult =
  | { readonly kind: 'exact'; readonly personId: string; readonly key: string; readonly problems: readonly IdentityProblem[] }
  | { readonly kind: 'candidates'; readonly ids: readonly string[]; readonly reasons: readonly CandidateReason[]; readonly problems: readonly IdentityProblem[] }
  | { readonly kind: 'new'; readonly problems: readonly IdentityProblem[] };

const RULE_OF: Record<string, CandidateRule> = { org: 'same-name-and-organisation', company: 'same-name-and-company', domain: 'same-name-and-domain' };

// Person ids are stored once, in `ids`; the maps hold their slot numbers, and an array only for the rare key
// two stored people share, which keeps a million-person index within a few hundred MB.
type Slots = number | number[];

/** An identity index over stored people: built once, then each lookup costs O(1) per key of the incoming record. */
export class PersonIndex {
  private readonly ids: string[] = [];
  private readonly exact = new Map<string, Slots>();
  private readonly fuzzy = new Map<string, Slots>();

  constructor(private readonly options: IdentityOptions = {}) {}

  /** Indexes a stored person (tombstones are skipped) and returns the problems of its values. */
  add(person: PersonLike & { id: string }): readonly IdentityProblem[] {
    if (person.deleted === true) return [];
    const keys = derivePersonKeys(person, this.options);
    const slot = this.ids.push(person.id) - 1;
    for (const key of keys.exact) insert(this.exact, key, slot);
    for (const key of keys.fuzzy) insert(this.fuzzy, key, slot);
    return keys.problems;
  }

  /** Matches one incoming record against the stored people; a stored record with the same id is not a match. */
  match(incoming: PersonLike): MatchResult {
    const keys = derivePersonKeys(incoming, this.options);
    const problems = keys.problems;
    const exactHits = this.hits(this.exact, keys.exact, incoming.id);
    if (exactHits.size === 1) {
      const [[personId, key]] = exactHits;
      return { kind: 'exact', personId, key, problems };
    }
    // Exact keys that point at different stored people mean the store itself holds duplicates: a rep decides.
    const hits = exactHits.size > 1 ? exactHits : this.hits(this.fuzzy, keys.fuzzy, incoming.id);
    if (hits.size === 0) return { kind: 'new', problems };
    const reasons = [...hits]
      .map(([personId, key]): CandidateReason => ({ personId, rule: ruleOf(key, exactHits.size > 1), key }))
      .sort((a, b) => (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
    return { kind: 'candidates', ids: reasons.map((r) => r.personId), reasons, problems };
  }

  /** The number of people indexed. */
  get size(): number {
    return this.ids.length;
  }

  // Each stored person id once, with the first (strongest) key that found it. By id, not slot: a person added
  // again after an edit is still one person. No allocation for the common case of no hit.
  private hits(map: Map<string, Slots>, keys: readonly string[], selfId: string | undefined): ReadonlyMap<string, string> {
    let hits: Map<string, string> | undefined;
    for (const key of keys) {
      const slots = map.get(key);
      if (slots === undefined) continue;
      for (const slot of typeof slots === 'number' ? [slots] : slots) {
        const id = this.ids[slot]!;
        if (id !== selfId && !hits?.has(id)) (hits ??= new Map()).set(id, key);
      }
    }
    return hits ?? NO_HITS;
  }
}

const NO_HITS: ReadonlyMap<string, string> = new Map();

/** Builds the index of a store of people, e.g. every row of the Customers sheet. */
export function buildPersonIndex(people: Iterable<PersonLike & { id: string }>, options: IdentityOptions = {}): PersonIndex {
  const index = new PersonIndex(options);
  for (const person of people) index.add(person);
  return index;
}

function insert(map: Map<string, Slots>, key: string, slot: number): void {
  const existing = map.get(key);
  if (existing === undefined) map.set(key, slot);
  else if (typeof existing === 'number') map.set(key, [existing, slot]);
  else existing.push(slot);
}

function ruleOf(key: string, exact: boolean): CandidateRule {
  if (exact) return 'shared-exact-key';
  const company = key.slice(key.indexOf(FUZZY_SEPARATOR) + 1);
  return RULE_OF[company.slice(0, company.indexOf(':'))]!;
}
