import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, expect, test } from 'vitest';
import { ClipsheetDb } from '../../../extension/store/db';
import { deriveSearchKeys, searchTermsOf, searchWords } from '../../../extension/store/search-keys';
import { searchFirstPage, searchPeople } from '../../../extension/store/search-people';
import type { Person } from '../../../shared/model';
import { aPerson, freshDb } from '../support';

const open: ClipsheetDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) db.close();
});

/** What a query must find, worked out from the stored people alone: the rule search-people.ts states. */
async function expected(db: ClipsheetDb, query: string): Promise<Set<string>> {
  const words = searchWords(query);
  const useful = [words[0]!, ...words.slice(1).filter((word) => word.length >= 2)];
  const found = new Set<string>();
  for (const person of await db.people.toArray()) {
    const name = deriveSearchKeys(person)?.name;
    const terms = searchTermsOf(person);
    if (name?.startsWith(words.join(' ')) || (terms.length && useful.every((word) => terms.some((term) => term.startsWith(word))))) found.add(person.id);
  }
  return found;
}

const NAMES = ['Ada Lovelace', 'Ada Byron', 'Alan Turing', 'Ali Rezaei', 'علی رضایی', 'Sara Karimi'];
const COMPANIES = ['Analytical Engines', 'Bletchley Park', 'Pars Tak', 'Park Lane', undefined];
const QUERIES = ['ada', 'a', 'al', 'ali rez', 'park', 'pa', 'engines ada', 'ada@', 'sara k', 'علی', 'nobody', 'tag'];

const person = (id: number, name: number, company: number, tagged: boolean) =>
  aPerson({ id: `p${id}`, fullName: NAMES[name]!, company: COMPANIES[company], emails: [`${NAMES[name]!.split(' ')[0]!.toLowerCase()}${id}@x.test`], tags: tagged ? [`tag${id}`] : [] });

type Op =
  | { kind: 'put'; id: number; name: number; company: number; tagged: boolean }
  | { kind: 'bulk'; people: Array<{ id: number; name: number; company: number; tagged: boolean }> }
  | { kind: 'tombstone'; id: number }
  | { kind: 'delete'; id: number }
  | { kind: 'clear' };
const who = { id: fc.nat({ max: 12 }), name: fc.nat({ max: NAMES.length - 1 }), company: fc.nat({ max: COMPANIES.length - 1 }), tagged: fc.boolean() };
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('put' as const), ...who }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('bulk' as const), people: fc.array(fc.record(who), { maxLength: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tombstone' as const), id: who.id }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), id: who.id }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'clear' as const }) },
);

async function apply(db: ClipsheetDb, step: Op) {
  if (step.kind === 'put') await db.people.put(person(step.id, step.name, step.company, step.tagged));
  else if (step.kind === 'bulk') await db.people.bulkPut(step.people.map((p) => person(p.id, p.name, p.company, p.tagged)));
  else if (step.kind === 'tombstone') await db.people.update(`p${step.id}`, { deleted: true });
  else if (step.kind === 'delete') await db.people.delete(`p${step.id}`);
  else await db.people.clear();
}

test('what the term index finds is what the stored people say, after any writes, read from another connection too', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(op, fc.constantFrom(...QUERIES)), { minLength: 1, maxLength: 25 }), async (steps) => {
      // The background writes, the side panel searches: two connections to one database, as in the extension.
      const writer = freshDb();
      const reader = new ClipsheetDb(writer.name);
      open.push(writer, reader);
      for (const [step, query] of steps) {
        await apply(writer, step);
        const want = await expected(writer, query);
        const full = await searchPeople(reader, query);
        expect(new Set(full), query).toEqual(want);
        expect(full).toHaveLength(want.size); // each person once
        expect((await searchFirstPage(reader, query, 3)).map((p: Person) => p.id)).toEqual(full.slice(0, 3));
      }
      await writer.delete();
    }),
    { numRuns: 60 },
  );
  // Sixty runs of up to 25 writes on fake-indexeddb: seconds on a loaded 2-core machine, not a unit test's 5.
}, 120_000);

test('many small writes are compacted into few log records, and search still finds the same people', async () => {
  const db = freshDb();
  open.push(db);
  for (let i = 0; i < 230; i++) await db.people.put(aPerson({ id: `p${i % 40}`, fullName: `Person ${i % 40}`, company: i % 2 ? 'Odd Co' : 'Even Co', title: `round ${i}` }));
  expect(await db.searchLog.count()).toBe(230);
  const before = await searchPeople(db, 'odd');
  await expect.poll(() => db.searchLog.count()).toBe(1);
  expect(await searchPeople(db, 'odd')).toEqual(before);
  expect(await searchPeople(db, 'round 229')).toEqual(['p29']);
  // A second connection that never saw the small records starts from the rewritten one.
  const late = new ClipsheetDb(db.name);
  open.push(late);
  expect(await searchPeople(late, 'odd')).toEqual(before);
  await db.people.put(aPerson({ id: 'p1', fullName: 'Person 1', company: 'Even Co' }));
  expect(await searchPeople(late, 'odd')).toEqual(before.filter((id) => id !== 'p1'));
});
