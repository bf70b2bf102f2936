import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ClipsheetDb } from '../../../extension/store/db';
import { countPeople, searchFirstPage, searchPeople } from '../../../extension/store/search-people';
import { deriveSearchKeys, SEARCH_KEYS } from '../../../extension/store/search-keys';
import { aPerson, freshDb } from '../support';

let db: ClipsheetDb;
beforeEach(async () => {
  db = freshDb();
  await db.people.bulkPut([
    aPerson({ id: 'ada', fullName: 'Ada Lovelace', company: 'Analytical Engines Ltd', title: 'Analyst', emails: ['ada.l@engines.test'] }),
    aPerson({ id: 'alan', fullName: 'Alan Turing', company: 'Bletchley Park', title: 'Cryptanalyst', phones: ['+44 20 7946 0018'] }),
    aPerson({ id: 'ali', fullName: 'Dr. Ali Rezaei', company: 'Pars Tak', tags: ['conference-2026'] }),
    aPerson({ id: 'sara', fullName: 'سارا کریمی', company: 'فناوری نوین', phones: ['+98 912 345 6789'] }),
    aPerson({ id: 'gone', fullName: 'Ada Gone', deleted: true }),
  ]);
});

describe('searchPeople', () => {
  test.each([
    ['a name prefix, whatever the case', 'ADA', ['ada']],
    ['a family name', 'turing', ['alan']],
    ['a company word', 'bletchley', ['alan']],
    ['a title', 'crypt', ['alan']],
    ['an email', 'ada.l@', ['ada']],
    ['an email by its start', 'ada.l@eng', ['ada']],
    ['a tag', 'conference', ['ali']],
    ['a phone, as digits', '4420794', ['alan']],
    ['a Persian name typed on an Arabic keyboard', 'كريمي', ['sara']],
    ['a Persian phone in Persian digits, national form', '۰۹۱۲۳۴', ['sara']],
    ['a Persian company word', 'نوین', ['sara']],
    ['several words, each a prefix', 'ali pars', ['ali']],
    ['several words in any order', 'tak rez', ['ali']],
    ['a name without its title', 'ali rez', ['ali']],
    ['nothing', 'zzz', []],
  ])('finds by %s', async (_what, query, expected) => {
    expect(await searchPeople(db, query)).toEqual(expected);
  });

  test.each(['ada', 'a', 'ali rez', 'tak rez', 'rez a', 'كريمي', '', 'nobody'])('the first page of %j, as records, is the first page of ids', async (query) => {
    expect((await searchFirstPage(db, query, 60)).map((person) => person.id)).toEqual(await searchPeople(db, query, { limit: 60 }));
  });

  test('a one-letter word narrows only as part of a name', async () => {
    expect(await searchPeople(db, 'rez a')).toEqual(['ali']); // "a" is not required of other words
    expect(await searchPeople(db, 'ali r')).toEqual(['ali']); // ...but "Ali R" is a name prefix
  });

  test('names starting with the query come first, then other words that do', async () => {
    await db.people.put(aPerson({ id: 'zed', fullName: 'Zed Adams' }));
    expect(await searchPeople(db, 'ad')).toEqual(['ada', 'zed']);
  });

  test('an empty query lists every live person A-Z by normalised name', async () => {
    expect(await searchPeople(db, '  ')).toEqual(['ada', 'alan', 'ali', 'sara']);
    expect(await countPeople(db)).toBe(4);
  });

  test('a limit gives the first screenful', async () => {
    expect(await searchPeople(db, '', { limit: 2 })).toEqual(['ada', 'alan']);
    expect(await searchPeople(db, 'a', { limit: 1 })).toHaveLength(1);
  });

  test('an edit re-indexes the person, and a tombstone leaves the index', async () => {
    await db.people.update('alan', { company: 'Manchester University' });
    expect(await searchPeople(db, 'manchester')).toEqual(['alan']);
    expect(await searchPeople(db, 'bletchley')).toEqual([]);
    await db.people.update('alan', { deleted: true });
    expect(await searchPeople(db, 'alan')).toEqual([]);
  });
});

describe('the search keys stay local', () => {
  test('they are stored with the person but never read back: the sheet rejects unknown fields', async () => {
    const raw = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const request = indexedDB.open(db.name);
      request.onsuccess = () => {
        const get = request.result.transaction('people').objectStore('people').get('ada');
        get.onsuccess = () => resolve(get.result);
        get.onerror = () => reject(get.error);
      };
    });
    expect(raw[SEARCH_KEYS]).toEqual(deriveSearchKeys(raw));
    const reads = [
      await db.people.get('ada'),
      (await db.people.bulkGet(['ada']))[0],
      (await db.people.toArray())[0],
      (await db.people.where('company').equals('Analytical Engines Ltd').toArray())[0],
      (await db.people.orderBy(`${SEARCH_KEYS}.name`).first()),
    ];
    await db.people.each((person) => reads.push(person));
    await db.people.toCollection().modify((person) => void reads.push({ ...person }));
    for (const person of reads) expect(Object.keys(person!)).not.toContain(SEARCH_KEYS);
    // modify() wrote every person back: their keys were recomputed, not lost.
    expect(await searchPeople(db, 'lovelace')).toEqual(['ada']);
  });

  test('long text is never indexed, and the number of words is bounded', () => {
    const keys = deriveSearchKeys(aPerson({ id: 'x', fullName: 'X', notes: 'secret plans '.repeat(100), tags: Array.from({ length: 80 }, (_, i) => `tag${i}`) }))!;
    expect(keys.terms).not.toContain('secret');
    expect(keys.terms.length).toBeLessThanOrEqual(32);
  });
});
