import type { Person } from '../../shared/model';
import type { ClipsheetDb } from './db';
import { SEARCH_KEYS, searchWords } from './search-keys';
import { termIndexOf, type TermIndex } from './term-index';

const NAME = `${SEARCH_KEYS}.name`;
const END = '\uffff';

// A word of one letter narrows a multi-word query only as part of a name ("ali r" finds "Ali Rezaei" first):
// as a word prefix it matches a third of everyone, and saying so is no help to the rep.
const usefulWords = (words: string[]) => [words[0]!, ...words.slice(1).filter((word) => word.length >= 2)];

/**
 * The people a query finds after those whose name starts with it: a term starting with each useful word of the
 * query, listed by the term the longest word matched, then id. The one rule both the first screenful and the
 * full list apply, to the one index, so the first screenful is always the start of the full list.
 */
function byWord(index: TermIndex, words: string[], named: readonly string[], limit: number): string[] {
  const ids = [...named];
  const seen = new Set(named);
  const [first, ...rest] = [...usefulWords(words)].sort((a, b) => b.length - a.length) as [string, ...string[]];
  for (const id of index.withPrefix(first)) {
    if (ids.length >= limit) break;
    if (seen.has(id) || !rest.every((word) => index.hasPrefix(id, word))) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

const namedLike = (db: ClipsheetDb, words: string[]) => {
  const prefix = words.join(' ');
  return db.people.where(NAME).between(prefix, prefix + END, true, true);
};

/**
 * The ids of live people matching a query, best first: names that start with the whole query (A-Z), then
 * people with a word (of name, company, title or tags, an email or a phone) starting with each word of the
 * query. An empty query lists everyone A-Z. `limit` gives the first screenful; without it, every match.
 */
export async function searchPeople(db: ClipsheetDb, query: string, options: { limit?: number } = {}): Promise<string[]> {
  const words = searchWords(query);
  const limit = options.limit ?? Infinity;
  const cap = <T extends { limit(n: number): T }>(collection: T): T => (Number.isFinite(limit) ? collection.limit(limit) : collection);
  if (words.length === 0) return (await cap(db.people.orderBy(NAME)).primaryKeys()) as string[];
  const [named, index] = await Promise.all([cap(namedLike(db, words)).primaryKeys() as Promise<string[]>, termIndexOf(db)]);
  return byWord(index, words, named, limit);
}

/**
 * The first screenful for a query as records: what a keystroke waits for. The same people, in the same order,
 * as the start of searchPeople's list; the names come with their records, the others are read by id.
 */
export async function searchFirstPage(db: ClipsheetDb, query: string, limit: number): Promise<Person[]> {
  const words = searchWords(query);
  if (words.length === 0) {
    // While the rep looks at the A-Z list, the term index catches up, so the first letter typed finds it ready.
    void termIndexOf(db).catch(() => undefined);
    return db.people.orderBy(NAME).limit(limit).toArray();
  }
  const [named, index] = await Promise.all([namedLike(db, words).limit(limit).toArray(), termIndexOf(db)]);
  const ids = byWord(index, words, named.map((person) => person.id), limit);
  const records = new Map(named.map((person) => [person.id, person]));
  const others = ids.filter((id) => !records.has(id));
  (await db.people.bulkGet(others)).forEach((person, i) => person && records.set(others[i]!, person));
  // Someone deleted since the index was read is no longer shown.
  return ids.flatMap((id) => {
    const person = records.get(id);
    return person && !person.deleted ? [person] : [];
  });
}

/** How many live people the store holds (tombstones have no search keys). */
export const countPeople = (db: ClipsheetDb) => db.people.where(NAME).between('', END, true, true).count();
