import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { foldText, normaliseName, stripInvisibles, toAsciiDigits, valueOf } from '../../shared/identity';
import type { Person } from '../../shared/model';

/**
 * Keys the side panel searches people by, kept on each stored person under `_index` and indexed by Dexie
 * (version 2): `name` is the normalised full name (name-prefix search and the A-Z list), `terms` the folded
 * words of name, company, title and tags, each email address whole, and phone digits (search-as-you-type). Long text (notes) is never
 * indexed here; notes-index.ts searches it in memory.
 *
 * The keys are local: the sheet rejects unknown fields, so a middleware adds them on every write and removes
 * them from every read. Whoever writes people (captures, sync, imports) keeps them current without knowing.
 */
export const SEARCH_KEYS = '_index';
export interface SearchKeys {
  name: string;
  terms: string[];
  /** 1 when the person has notes: a sparse index, so full-text search reads only the people who have any. */
  noted?: 1;
}

const MAX_TERMS = 32;
const MAX_TERM_LENGTH = 40;
const SPLIT = /[^\p{L}\p{N}@._+'-]+/u;
const EDGE_PUNCTUATION = /^[._+'-]+|[._+'-]+$/g;

/** Text as search compares it: invisible characters dropped, Persian/Arabic variants and digits folded, lower case. */
export function foldForSearch(text: string): string {
  return foldText(toAsciiDigits(stripInvisibles(text))).replace(/\s+/g, ' ').trim();
}

/** The words of a search query or a field, folded, each at most 40 characters. */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  for (const raw of foldForSearch(text).split(SPLIT)) {
    const word = raw.replace(EDGE_PUNCTUATION, '');
    if (word) words.push(word.slice(0, MAX_TERM_LENGTH));
  }
  return words;
}

/** The search keys of a person; none for a tombstone, so deleted people drop out of every search. */
export function deriveSearchKeys(person: Partial<Person>): SearchKeys | undefined {
  if (person.deleted === true || typeof person.fullName !== 'string') return undefined;
  const name = valueOf(normaliseName(person.fullName)) ?? foldForSearch(person.fullName);
  const terms = new Set<string>();
  const add = (text: unknown) => {
    if (typeof text === 'string') for (const word of searchWords(text)) if (terms.size < MAX_TERMS) terms.add(word);
  };
  add(person.fullName);
  add(person.company);
  add(person.title);
  // An address is one word: typing its start ("ada.l", "ada.l@eng") finds it. Its parts are not indexed on their
  // own: every index entry costs a write, and 100,000 imported contacts make that cost count.
  for (const email of person.emails ?? []) {
    const folded = foldForSearch(email);
    if (terms.size < MAX_TERMS && folded) terms.add(folded.slice(0, MAX_TERM_LENGTH));
  }
  for (const phone of person.phones ?? []) {
    const digits = toAsciiDigits(phone).replace(/\D/g, '');
    if (digits && terms.size < MAX_TERMS) terms.add(digits);
    // "0912 ..." and "+98 912 ...": the national form is typed as often as the international one.
    if (digits.startsWith('98') && terms.size < MAX_TERMS) terms.add(`0${digits.slice(2)}`);
  }
  for (const tag of person.tags ?? []) add(tag);
  return typeof person.notes === 'string' && person.notes.trim() ? { name, terms: [...terms], noted: 1 } : { name, terms: [...terms] };
}

function withKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { [SEARCH_KEYS]: _old, ...person } = value as Record<string, unknown>;
  const keys = deriveSearchKeys(person as Partial<Person>);
  return keys ? { ...person, [SEARCH_KEYS]: keys } : person;
}

/** A stored person without its local search keys. */
export function withoutKeys<T>(value: T): T {
  if (typeof value !== 'object' || value === null || !(SEARCH_KEYS in value)) return value;
  const { [SEARCH_KEYS]: _keys, ...rest } = value as Record<string, unknown>;
  return rest as T;
}

function wrapCursor(cursor: DBCoreCursor | null): DBCoreCursor | null {
  if (!cursor) return cursor;
  return Object.create(cursor, {
    value: { get: () => withoutKeys(cursor.value) },
    next: { value: () => cursor.next().then(wrapCursor) },
  }) as DBCoreCursor;
}

function wrapPeople(table: DBCoreTable): DBCoreTable {
  return {
    ...table,
    mutate: (req) => (req.type === 'add' || req.type === 'put' ? table.mutate({ ...req, values: req.values.map(withKeys) }) : table.mutate(req)),
    get: (req) => table.get(req).then(withoutKeys),
    getMany: (req) => table.getMany(req).then((values) => values.map(withoutKeys)),
    query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(withoutKeys) } : res)),
    openCursor: (req) => table.openCursor(req).then((cursor) => (req.values === false ? cursor : wrapCursor(cursor))),
  };
}

/** The Dexie middleware that keeps `_index` on stored people and out of everything read. */
export const searchKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'clipsheet-search-keys',
  create: (down) => ({
    ...down,
    table: (name) => (name === 'people' ? wrapPeople(down.table(name)) : down.table(name)),
  }),
};
