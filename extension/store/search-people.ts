import type { Person } from '../../shared/model';
import type { ClipsheetDb } from './db';
import { deriveSearchKeys, SEARCH_KEYS, searchWords } from './search-keys';

const NAME = `${SEARCH_KEYS}.name`;
const TERMS = `${SEARCH_KEYS}.terms`;
const END = '\uffff';

// A word of one letter narrows a multi-word query only as part of a name ("ali r" finds "Ali Rezaei" first):
// as a word prefix it matches a third of everyone, and listing those costs more than a keystroke may.
const usefulWords = (words: string[]) => [words[0]!, ...words.slice(1).filter((word) => word.length >= 2)];

async function idsMatchingEveryWord(db: ClipsheetDb, words: string[]): Promise<string[]> {
  const [first, ...rest] = [...usefulWords(words)].sort((a, b) => b.length - a.length) as [string, ...string[]];
  const candidates = (await db.people.where(TERMS).between(first, first + END, true, true).primaryKeys()) as string[];
  let matching = new Set(candidates);
  for (const word of rest) {
    if (matching.size === 0) break;
    const hits = new Set((await db.people.where(TERMS).between(word, word + END, true, true).primaryKeys()) as string[]);
    matching = new Set([...matching].filter((id) => hits.has(id)));
  }
  return [...new Set(candidates.filter((id) => matching.has(id)))];
}

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
  const prefix = words.join(' ');
  const ids = new Set((await cap(db.people.where(NAME).between(prefix, prefix + END, true, true)).primaryKeys()) as string[]);
  if (ids.size < limit) {
    const more = words.length === 1 ? ((await cap(db.people.where(TERMS).between(prefix, prefix + END, true, true)).primaryKeys()) as string[]) : await idsMatchingEveryWord(db, words);
    for (const id of more) if (ids.size < limit) ids.add(id);
  }
  return [...ids];
}

// How many people a keystroke reads to find a multi-word query's first screenful (after the names that start
// with the whole query); the full list comes once typing pauses.
const SCAN = 200;

/**
 * The first screenful for a query as records, in one read transaction with its requests in flight together:
 * what a keystroke waits for. Names starting with the query come first, as in searchPeople; for several words,
 * people with a word starting with the longest one are read (at most 200) and kept if their other words match.
 */
export async function searchFirstPage(db: ClipsheetDb, query: string, limit: number): Promise<Person[]> {
  const words = searchWords(query);
  return db.transaction('r', db.people, async () => {
    if (words.length === 0) return db.people.orderBy(NAME).limit(limit).toArray();
    const prefix = words.join(' ');
    const [first, ...rest] = [...usefulWords(words)].sort((a, b) => b.length - a.length) as [string, ...string[]];
    const byName = db.people.where(NAME).between(prefix, prefix + END, true, true).limit(limit).toArray();
    const byWord = db.people
      .where(TERMS)
      .between(first, first + END, true, true)
      .limit(rest.length ? SCAN : limit)
      .toArray();
    const [named, worded] = await Promise.all([byName, byWord]);
    const matches = (person: Person) => {
      if (rest.length === 0) return true;
      const terms = deriveSearchKeys(person)?.terms ?? [];
      return rest.every((word) => terms.some((term) => term.startsWith(word)));
    };
    const seen = new Set<string>();
    const page: Person[] = [];
    for (const [person, check] of [...named.map((p) => [p, false] as const), ...worded.map((p) => [p, true] as const)]) {
      if (page.length >= limit) break;
      if (seen.has(person.id) || (check && !matches(person))) continue;
      seen.add(person.id);
      page.push(person);
    }
    return page;
  });
}

/** How many live people the store holds (tombstones have no search keys). */
export const countPeople = (db: ClipsheetDb) => db.people.where(NAME).between('', END, true, true).count();
