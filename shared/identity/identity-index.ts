import { KeySlots } from './key-slots';
import type { IdentityProblem } from './problem';

/** Why a stored record is proposed as a possible duplicate. */
export type CandidateRule =
  | 'same-name-and-organisation'
  | 'same-name-and-company'
  | 'same-name-and-domain'
  | 'shared-exact-key'
  | 'conflicting-identifiers';

export interface CandidateReason {
  readonly id: string;
  readonly rule: CandidateRule;
  readonly key: string;
}

/**
 * What the index says of one incoming record: one stored record shares an exact key (merge it), some are
 * possible duplicates (ask the rep), or none is (create it). `problems` lists the values that gave no key.
 */
export type MatchResult =
  | { readonly kind: 'exact'; readonly id: string; readonly key: string; readonly problems: readonly IdentityProblem[] }
  | { readonly kind: 'candidates'; readonly ids: readonly string[]; readonly reasons: readonly CandidateReason[]; readonly problems: readonly IdentityProblem[] }
  | { readonly kind: 'new'; readonly problems: readonly IdentityProblem[] };

/** A record's identity keys: exact ones merge automatically, fuzzy ones only propose candidates. */
export interface IdentityKeys {
  /** Strongest kind first, each kind in text order, so both sides of a match name the same key. */
  readonly exact: readonly string[];
  readonly fuzzy: readonly string[];
  readonly problems: readonly IdentityProblem[];
}

/** How one entity is identified: its keys, and the rule each fuzzy key stands for. */
export interface IdentityScheme<T> {
  keysOf(record: T): IdentityKeys;
  ruleOf(fuzzyKey: string): CandidateRule;
  /**
   * Exact key kinds (the text before the first `:`), strongest first, that one record holds only one value of
   * in truth, such as an organisation's LinkedIn page and its domain. A match through a key is only a
   * candidate when the two records disagree on a stronger kind: both have it, and share no value of it (same
   * name but other domains; same domain but other LinkedIn pages, as a group and its subsidiary).
   */
  exclusiveKinds?: readonly string[];
}

interface Identified {
  readonly id?: string;
  readonly deleted?: boolean;
}

/**
 * An identity index over stored records (people, organisations): built once, then each lookup costs O(1) per
 * key of the incoming record. It follows edits: `remove` the version that was added, `add` the new one.
 */
export class IdentityIndex<T extends Identified> {
  // Record ids are stored once, here; the tables hold their slot numbers, which keeps a million-person index
  // within a few hundred MB.
  private readonly ids: (string | undefined)[] = [];
  private readonly exact = new KeySlots();
  private readonly fuzzy = new KeySlots();
  // Each slot's exact keys, kept only for schemes with exclusive kinds (organisations), to check agreement.
  private readonly exactKeysOf = new Map<number, readonly string[]>();
  private live = 0;

  constructor(private readonly scheme: IdentityScheme<T>) {}

  /**
   * A record's identity keys. Deriving them is most of the cost of `add` and `match`, so a caller that does
   * both with one record (an import row matched then stored, a sheet checked against itself) derives them
   * once here and passes them to each.
   */
  keysOf(record: T): IdentityKeys {
    return this.scheme.keysOf(record);
  }

  /** Indexes a stored record (tombstones are skipped) and returns the problems of its values; `keys`, if given, are its `keysOf`. */
  add(record: T & { id: string }, keys?: IdentityKeys): readonly IdentityProblem[] {
    if (record.deleted === true) return [];
    keys ??= this.scheme.keysOf(record);
    const slot = this.ids.push(record.id) - 1;
    this.live++;
    for (const key of keys.exact) this.exact.add(key, slot);
    for (const key of keys.fuzzy) this.fuzzy.add(key, slot);
    if (this.scheme.exclusiveKinds) this.exactKeysOf.set(slot, keys.exact);
    return keys.problems;
  }

  /**
   * Forgets a stored record, found by the keys of the version given (the one that was added): before adding
   * its edited version, or when it is deleted or merged away. A record that was never added changes nothing.
   */
  remove(record: T & { id: string }): void {
    if (record.deleted === true) return;
    const keys = this.scheme.keysOf(record);
    const freed = new Set<number>();
    for (const key of keys.exact) this.drop(this.exact, key, record.id, freed);
    for (const key of keys.fuzzy) this.drop(this.fuzzy, key, record.id, freed);
    for (const slot of freed) {
      this.ids[slot] = undefined;
      this.exactKeysOf.delete(slot);
    }
    this.live -= freed.size;
  }

  /** Matches one incoming record against the stored ones; a stored record with the same id is not a match. `keys`, if given, are its `keysOf`. */
  match(incoming: T, keys: IdentityKeys = this.scheme.keysOf(incoming)): MatchResult {
    const problems = keys.problems;
    const exactHits = this.hits(this.exact, keys.exact, incoming.id, keys.exact);
    // A stored record that disagrees on a stronger identifier is another one, unless nothing else matches.
    const agreeing = exactHits.size > 1 ? new Map([...exactHits].filter(([, hit]) => hit.agrees)) : exactHits;
    if (agreeing.size === 1) {
      for (const [id, hit] of agreeing) if (hit.agrees) return { kind: 'exact', id, key: hit.key, problems };
    }
    // Exact keys that point at different stored records mean the store itself holds duplicates, and records
    // that disagree on a stronger identifier may be two companies on one domain: a rep decides.
    const hits = agreeing.size > 1 ? agreeing : exactHits.size > 0 ? exactHits : this.hits(this.fuzzy, keys.fuzzy, incoming.id);
    if (hits.size === 0) return { kind: 'new', problems };
    const exact = exactHits.size > 0;
    const reasons = [...hits]
      .map(([id, hit]): CandidateReason => ({ id, rule: !exact ? this.scheme.ruleOf(hit.key) : hit.agrees ? 'shared-exact-key' : 'conflicting-identifiers', key: hit.key }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { kind: 'candidates', ids: reasons.map((r) => r.id), reasons, problems };
  }

  /** The number of records indexed. */
  get size(): number {
    return this.live;
  }

  // Each stored record id once, with the first (strongest) key that found it. By id, not slot: a record added
  // again after an edit is still one record. No allocation for the common case of no hit.
  private hits(table: KeySlots, keys: readonly string[], selfId: string | undefined, exactKeys?: readonly string[]): ReadonlyMap<string, Hit> {
    let hits: Map<string, Hit> | undefined;
    for (const key of keys) {
      const slots = table.slotsOf(key);
      if (slots === undefined) continue;
      // Most keys name one record: no array is made to loop over it.
      if (typeof slots === 'number') hits = this.addHit(hits, slots, key, selfId, exactKeys);
      else for (const slot of slots) hits = this.addHit(hits, slot, key, selfId, exactKeys);
    }
    return hits ?? NO_HITS;
  }

  private addHit(hits: Map<string, Hit> | undefined, slot: number, key: string, selfId: string | undefined, exactKeys?: readonly string[]): Map<string, Hit> | undefined {
    const id = this.ids[slot];
    if (id === undefined || id === selfId || hits?.has(id)) return hits;
    const stored = exactKeys && this.exactKeysOf.get(slot);
    return (hits ?? new Map<string, Hit>()).set(id, { key, agrees: !stored || agreeAbove(this.scheme.exclusiveKinds!, kindOf(key), stored, exactKeys!) });
  }

  private drop(table: KeySlots, key: string, id: string, freed: Set<number>): void {
    table.filter(key, (slot) => {
      if (this.ids[slot] !== id) return true;
      freed.add(slot);
      return false;
    });
  }
}

interface Hit {
  readonly key: string;
  readonly agrees: boolean;
}

const kindOf = (key: string) => key.slice(0, key.indexOf(':'));

// Whether two records' exact keys agree on every exclusive kind stronger than the one they matched on.
function agreeAbove(kinds: readonly string[], matched: string, a: readonly string[], b: readonly string[]): boolean {
  const rank = kinds.indexOf(matched);
  for (const kind of rank === -1 ? kinds : kinds.slice(0, rank)) {
    const ofA = a.filter((key) => kindOf(key) === kind);
    const ofB = b.filter((key) => kindOf(key) === kind);
    if (ofA.length > 0 && ofB.length > 0 && !ofA.some((key) => ofB.includes(key))) return false;
  }
  return true;
}

const NO_HITS: ReadonlyMap<string, Hit> = new Map();
