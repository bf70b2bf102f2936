import type { DBCore, DBCoreCursor, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { foldText, normaliseName, stripInvisibles, toAsciiDigits, valueOf } from '../../shared/identity';
import type { Person } from '../../shared/model';

/**
 * What the side panel finds people by, kept by a middleware on every write to `people`, so whoever writes
 * people (captures, sync, imports, merges) keeps search current without knowing:
 * - `_index` on each stored person, indexed by Dexie: `name`, the normalised full name (name-prefix search and
 *   the A-Z list), and `noted` (full-text search reads only the people who have notes). The sheet rejects
 *   unknown fields, so `_index` is removed from everything read.
 * - the person's search terms (`searchTermsOf`), appended to the `searchLog` table in the same transaction.
 *   term-index.ts reads that log into memory, and both the first screenful and the full list search it.
 *
 * Why a log and not a multi-entry index on the person: each index entry is a write of its own in IndexedDB,
 * about ten per person, the largest part of writing 100,000 imported contacts (issue 5). One log record per
 * write holds the terms of every person it wrote.
 */
export const SEARCH_KEYS = '_index';
export const SEARCH_LOG = 'searchLog';

export interface SearchKeys {
  name: string;
  /** 1 when the person has notes: a sparse index, so full-text search reads only the people who have any. */
  noted?: 1;
}

/**
 * One write's search terms: `terms[i]` are the terms of person `ids[i]`, joined by TERM_SEPARATOR, empty when
 * the person can no longer be found (deleted, a tombstone). A later record replaces what an earlier one said.
 */
export interface SearchLogRecord {
  seq?: number;
  ids: string[];
  terms: string[];
  /** Written by a compaction: everything before it was rewritten into it and the records after it. */
  rebuilt?: true;
}

/** Joins a person's terms in the log; never inside a term (foldForSearch turns every space into ' '). */
export const TERM_SEPARATOR = '\n';

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

/**
 * The terms a person is found by: the folded words of name, company, title and tags, each email address
 * whole, and phone digits (also in the national form for +98); at most 32. None for a tombstone. Long text
 * (notes) is not among them; notes-index.ts searches it in memory. This is the one definition of a person's
 * terms: the log holds exactly these, and every search reads the log.
 */
export function searchTermsOf(person: Partial<Person>): string[] {
  if (person.deleted === true || typeof person.fullName !== 'string') return [];
  const terms = new Set<string>();
  const add = (text: unknown) => {
    if (typeof text === 'string') for (const word of searchWords(text)) if (terms.size < MAX_TERMS) terms.add(word);
  };
  add(person.fullName);
  add(person.company);
  add(person.title);
  // An address is one word: typing its start ("ada.l", "ada.l@eng") finds it. Its parts are not terms of their own.
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
  return [...terms];
}

/** The indexed search keys of a person; none for a tombstone, so deleted people drop out of every search. */
export function deriveSearchKeys(person: Partial<Person>): SearchKeys | undefined {
  if (person.deleted === true || typeof person.fullName !== 'string') return undefined;
  const name = valueOf(normaliseName(person.fullName)) ?? foldForSearch(person.fullName);
  return typeof person.notes === 'string' && person.notes.trim() ? { name, noted: 1 } : { name };
}

function withKeys(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  // One copy of a record that has no keys yet (every imported person): a rest pattern copies it once more.
  const person = SEARCH_KEYS in value ? withoutKeys(value) : (value as Record<string, unknown>);
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

// A database being upgraded from before version 3 has no log yet while earlier versions' upgraders run (Dexie
// builds their stack from their own schema); version 3 builds the log from every person.
const hasLog = (trans: DBCoreTransaction) => (trans as unknown as IDBTransaction).objectStoreNames?.contains(SEARCH_LOG) ?? false;

function wrapPeople(table: DBCoreTable, log: () => DBCoreTable): DBCoreTable {
  const append = (trans: DBCoreTransaction, ids: string[], terms: string[]) =>
    ids.length && hasLog(trans) ? log().mutate({ type: 'add', trans, values: [{ ids, terms } satisfies SearchLogRecord] }) : undefined;
  const failed = (res: DBCoreMutateResponse) => new Set(Object.keys(res.failures ?? {}).map(Number));

  function mutate(req: DBCoreMutateRequest): Promise<DBCoreMutateResponse> {
    if (req.type === 'add' || req.type === 'put') {
      const values = req.values.map(withKeys) as Array<Record<string, unknown>>;
      return table.mutate({ ...req, values }).then((res) => {
        // What was refused (an add of an id already there) changed nobody's terms.
        const refused = failed(res);
        const written = values.filter((_, i) => !refused.has(i));
        const logged = append(
          req.trans,
          written.map((person) => String(person.id)),
          written.map((person) => searchTermsOf(person as Partial<Person>).join(TERM_SEPARATOR)),
        );
        return logged ? logged.then(() => res) : res;
      });
    }
    if (req.type === 'delete') {
      return table.mutate(req).then((res) => {
        const ids = (req.keys as string[]).filter((_, i) => !failed(res).has(i));
        const logged = append(req.trans, ids, ids.map(() => ''));
        return logged ? logged.then(() => res) : res;
      });
    }
    // deleteRange (clear(), where().delete()): whoever was in the range is no longer found.
    return table
      .query({ trans: req.trans, values: false, query: { index: table.schema.primaryKey, range: req.range } })
      .then(({ result }) =>
        table.mutate(req).then((res) => {
          const ids = result as string[];
          const logged = append(req.trans, ids, ids.map(() => ''));
          return logged ? logged.then(() => res) : res;
        }),
      );
  }

  return {
    ...table,
    mutate,
    get: (req) => table.get(req).then(withoutKeys),
    getMany: (req) => table.getMany(req).then((values) => values.map(withoutKeys)),
    query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map(withoutKeys) } : res)),
    openCursor: (req) => table.openCursor(req).then((cursor) => (req.values === false ? cursor : wrapCursor(cursor))),
  };
}

/**
 * The Dexie middleware that keeps `_index` on stored people and out of everything read, and logs every write's
 * search terms. A read-write transaction on people also takes the log, so the terms commit with the people.
 */
export const searchKeysMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'clipsheet-search-keys',
  create: (down) => ({
    ...down,
    transaction: (stores, mode, options) =>
      down.transaction(mode === 'readwrite' && stores.includes('people') && !stores.includes(SEARCH_LOG) ? [...stores, SEARCH_LOG] : stores, mode, options),
    table: (name) => (name === 'people' ? wrapPeople(down.table(name), () => down.table(SEARCH_LOG)) : down.table(name)),
  }),
};
