import type { HistoryEntry, Organisation, Person, ProvenanceEntry } from '../model';
import { canonicalJson, compareInstants, compareText } from './canonical';
import { normaliseEmail } from './email';
import { joinNotes, NOTES_SEPARATOR, unionList } from './merge-lists';
import { newestProvenance, pickValue, type Sourced } from './merge-values';
import { foldText } from './name';
import type { IdentityOptions } from './person-keys';
import { normalisePhone } from './phone';
import { valueOf } from './problem';

export interface MergeOptions extends IdentityOptions {
  /** When the merge happens: the `replacedAt` of every value it moves to history, and the least `updatedAt`. */
  at: string;
  /** Longest notes kept in the field (the model's bound); the rest waits in history. */
  notesLimit?: number;
  /** Most items kept in a list field (the model's bound). */
  listLimit?: number;
}

/** History field of note blocks that did not fit; the next merge takes them back. */
export const NOTES_OVERFLOW = 'notes:overflow';
// Set by the merge itself; `__proto__` is never a field, whatever a damaged record holds.
const RECORD_FIELDS = new Set(['id', 'revision', 'createdAt', 'updatedAt', 'deleted', 'provenance', 'history', '__proto__']);

type KeyOf = (item: string, options: MergeOptions) => string;
const textKey: KeyOf = (item) => foldText(item).trim().replace(/\s+/g, ' ');
// An item that gives no identity key is its own key: never merged away with another, never lost.
const LIST_KEYS = new Map<string, KeyOf>([
  ['emails', (item) => valueOf(normaliseEmail(item)) ?? item],
  ['phones', (item, options) => valueOf(normalisePhone(item, options.defaultCountry)) ?? item],
  ['tags', textKey],
  ['segments', textKey],
]);

/** What any record the identity merge takes has: people and organisations. */
export interface MergeableRecord {
  id: string;
  revision: number;
  createdAt: string;
  updatedAt: string;
  deleted?: boolean;
  provenance?: Record<string, ProvenanceEntry>;
  history?: HistoryEntry[];
}

/** Two records of one person merged field by field [S8]; see `mergeRecords`. */
export const mergePeople = (a: Person, b: Person, options: MergeOptions): Person => mergeRecords(a, b, options);

/** Two records of one organisation merged field by field [S8]; see `mergeRecords`. */
export const mergeOrganisations = (a: Organisation, b: Organisation, options: MergeOptions): Organisation => mergeRecords(a, b, options);

/**
 * Two records of one person or organisation merged field by field [S8]. Scalars: the newest value by provenance `at` wins
 * (ties by source, then content); the other goes to `history` with its provenance. Lists are unioned, notes
 * joined, the older record's id survives and the other id is kept in history (see `redirectsOf`).
 *
 * Laws, for one `options.at`: `mergeRecords(a, b)` deep-equals `mergeRecords(b, a)`, and
 * `mergeRecords(mergeRecords(a, b), c)` deep-equals `mergeRecords(a, mergeRecords(b, c))`. Plain deep equality:
 * history is a set kept in canonical order, so there is no "up to ordering" about it.
 */
export function mergeRecords<T extends MergeableRecord>(a: T, b: T, options: MergeOptions): T {
  const [survivor, other] = compareSurvivors(a, b) <= 0 ? [a, b] : [b, a];
  const inherited = [...(a.history ?? []), ...(b.history ?? [])];
  const history = inherited.filter((entry) => entry.field !== NOTES_OVERFLOW);
  const lose = (field: string, value: unknown, provenance?: ProvenanceEntry) =>
    history.push(dropUndefined({ field, value, ...provenance, replacedAt: options.at }));
  if (a.id !== b.id) lose('id', other.id);

  const merged: Record<string, unknown> = {
    id: survivor.id,
    createdAt: survivor.createdAt,
    revision: Math.max(a.revision, b.revision), // the store bumps it when it writes the merge
    updatedAt: [a.updatedAt, b.updatedAt, options.at].reduce((x, y) => (compareInstants(x, y) >= 0 ? x : y)),
    deleted: a.deleted === true && b.deleted === true,
  };
  const provenance: Record<string, ProvenanceEntry> = {};
  for (const field of fieldsOf(a, b)) {
    const pa = a.provenance?.[field];
    const pb = b.provenance?.[field];
    const va = (a as Record<string, unknown>)[field];
    const vb = (b as Record<string, unknown>)[field];
    let winner: Sourced;
    const listKey = LIST_KEYS.get(field);
    if (listKey) {
      const keyOf = (item: string) => listKey(item, options);
      const { kept, dropped } = unionList(listOf(va), listOf(vb), keyOf, options.listLimit ?? 100);
      dropped.forEach((item) => lose(field, item));
      winner = { value: kept, provenance: newestProvenance(pa, pb) };
    } else if (field === 'notes') {
      const overflow = inherited.filter((entry) => entry.field === NOTES_OVERFLOW).map((entry) => String(entry.value));
      const { kept, dropped } = joinNotes([va, vb], overflow, options.notesLimit ?? 20_000);
      dropped.forEach((block) => lose(NOTES_OVERFLOW, block));
      winner = { value: kept.length > 0 ? kept.join(NOTES_SEPARATOR) : undefined, provenance: newestProvenance(pa, pb) };
    } else {
      const picked = pickValue(field, { value: va, provenance: pa }, { value: vb, provenance: pb });
      if (picked.loser) lose(field, picked.loser.value, picked.loser.provenance);
      winner = picked.winner;
    }
    if (winner.value !== undefined) merged[field] = winner.value;
    if (winner.provenance) provenance[field] = winner.provenance;
  }
  merged.provenance = provenance;
  // An id can come back as the survivor's (two versions of one record merged along the way): not a lost id.
  merged.history = canonicalHistory(history.filter((entry) => entry.field !== 'id' || entry.value !== survivor.id));
  return merged as T;
}

/** All given records of one person merged into one (see `mergePeople`); `undefined` for none. */
export function mergeAllPeople(people: readonly Person[], options: MergeOptions): Person | undefined {
  return people.length === 0 ? undefined : people.reduce((merged, person) => mergePeople(merged, person, options));
}

/** History as a set in canonical order: by `replacedAt`, field, then content; duplicates removed. */
export function canonicalHistory(entries: readonly HistoryEntry[]): HistoryEntry[] {
  const unique = new Map<string, HistoryEntry>();
  for (const entry of entries) unique.set(canonicalJson(entry), entry);
  return [...unique]
    .sort(([ja, a], [jb, b]) => compareInstants(a.replacedAt, b.replacedAt) || compareText(a.field, b.field) || compareText(ja, jb))
    .map(([, entry]) => entry);
}

// The record created first keeps its id (links to it have existed longest); ties go to the lesser id.
function compareSurvivors(a: MergeableRecord, b: MergeableRecord): number {
  return compareInstants(a.createdAt, b.createdAt) || compareText(a.id, b.id);
}

function fieldsOf(a: MergeableRecord, b: MergeableRecord): string[] {
  // Notes always: blocks waiting in history come back even when neither record has notes now.
  const fields = new Set(['notes', ...Object.keys(a), ...Object.keys(b), ...Object.keys(a.provenance ?? {}), ...Object.keys(b.provenance ?? {})]);
  return [...fields].filter((field) => !RECORD_FIELDS.has(field));
}

const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]);

function dropUndefined<T extends object>(entry: T): T {
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as T;
}
