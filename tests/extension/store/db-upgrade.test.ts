import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, test } from 'vitest';
import { ClipsheetDb } from '../../../extension/store/db';
import { recordsOf } from '../../../extension/store/changes';
import { deriveSearchKeys, searchTermsOf } from '../../../extension/store/search-keys';
import { searchFirstPage, searchPeople } from '../../../extension/store/search-people';
import { Deal, Interaction, Organisation, Person, Task } from '../../../shared/model';
import { aPerson } from '../support';

// Every schema the extension has shipped, frozen as literal text: the database a rep's browser holds was made by
// one of these, and opening it with today's ClipsheetDb must upgrade it without losing a record.
const SHIPPED_VERSIONS: Record<number, Record<string, string>> = {
  1: {
    people: 'id, updatedAt, owner, company, organisationId, *emails, *phones, linkedinUrl, stage, *tags, lastContactAt, nextFollowUpAt',
    organisations: 'id, updatedAt, owner, name, domain, linkedinUrl, stage, *tags',
    interactions: 'id, updatedAt, owner, *personIds, organisationId, at, externalId',
    deals: 'id, updatedAt, owner, personId, organisationId, openedAt',
    tasks: 'id, updatedAt, owner, personId, dueAt, status',
    outbox: '++seq, [entity+recordId]',
    checkpoints: 'entity',
  },
  2: {
    people: 'id, updatedAt, owner, company, organisationId, *emails, *phones, linkedinUrl, stage, *tags, lastContactAt, nextFollowUpAt, level, _index.name, *_index.terms, _index.noted',
    tasks: 'id, updatedAt, owner, personId, dueAt, status, [status+dueAt]',
    reminders: 'taskId',
    dismissedMerges: 'pair',
  },
  3: {
    people: 'id, *emails, linkedinUrl, level, _index.name, _index.noted',
    organisations: 'id, name, domain, linkedinUrl, stage, *tags',
    interactions: 'id, *personIds, organisationId, at, externalId',
    deals: 'id, personId, organisationId, openedAt',
    tasks: 'id, personId, dueAt, status, [status+dueAt]',
    searchLog: '++seq',
  },
  4: {
    people: 'id, *emails, linkedinUrl, level, _index.name, _index.noted, organisationId',
    organisations: 'id, name, domain, linkedinUrl, stage, *tags',
    interactions: 'id, *personIds, organisationId, at, externalId',
    deals: 'id, personId, organisationId, openedAt',
    tasks: 'id, personId, dueAt, status, [status+dueAt]',
  },
};

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

const people = [
  aPerson({ id: 'p1', fullName: 'Ada Lovelace', company: 'Analytical Engines', organisationId: 'o1', emails: ['ada@engines.test'], stage: 'prospect', nextFollowUpAt: '2026-05-05T09:00:00.000Z' }),
  // Written on an Arabic keyboard (ي, ك) and with Persian digits: search must still find it as «علی کریمی».
  aPerson({ id: 'p2', fullName: 'علي كريمي', company: 'پارس تک', phones: ['۰۹۱۲ ۳۴۵ ۶۷۸۹'], tags: ['vip'] }),
  aPerson({ id: 'p3', fullName: 'Gone Person', deleted: true }),
];
const interaction = Interaction.schema.parse({ id: 'i1', revision: 1, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', owner: 'rep@clipsheet.test', personIds: ['p1'], type: 'call', at: '2026-02-01T10:00:00.000Z', summary: 'Talked about engines' });
const task = Task.schema.parse({ id: 't1', revision: 0, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', owner: 'rep@clipsheet.test', personId: 'p1', title: 'Call back', dueAt: '2026-05-05T09:00:00.000Z', recurrence: 'weekly', status: 'open' });
const deal = Deal.schema.parse({ id: 'd1', revision: 0, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', owner: 'rep@clipsheet.test', personId: 'p1', kind: 'order', status: 'won', value: 100, openedAt: '2026-02-01T00:00:00.000Z' });
const organisation = Organisation.schema.parse({ id: 'o1', revision: 0, createdAt: '2026-02-01T00:00:00.000Z', updatedAt: '2026-02-01T00:00:00.000Z', owner: 'rep@clipsheet.test', name: 'Analytical Engines', stage: 'prospect' });

/** Creates a database exactly as the given shipped version would, with records in every table. */
async function createAtVersion(version: number): Promise<string> {
  const name = `upgrade-from-v${version}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  const old = new Dexie(name);
  for (let v = 1; v <= version; v++) old.version(v).stores(SHIPPED_VERSIONS[v]!);
  await old.open();
  // From version 2, a middleware kept each person's search keys on them; version 2's were name, terms and noted.
  // Version 3 kept the name (and notes flag) on them and their terms in the search log.
  const keysOf = (person: Person) => (version >= 3 ? deriveSearchKeys(person)! : { name: deriveSearchKeys(person)!.name, terms: searchTermsOf(person) });
  const stored = version >= 2 ? people.map((person) => ({ ...person, ...(person.deleted ? {} : { _index: keysOf(person) }) })) : people;
  await old.table('people').bulkPut(stored);
  if (version >= 3) await old.table('searchLog').add({ ids: people.map((person) => person.id), terms: people.map((person) => searchTermsOf(person).join('\n')) });
  await old.table('interactions').put(interaction);
  await old.table('tasks').put(task);
  await old.table('deals').put(deal);
  await old.table('organisations').put(organisation);
  await old.table('outbox').bulkAdd([{ entity: 'person', recordId: 'p1', key: 'k1', at: '2026-02-01T00:00:00.000Z' }, { entity: 'interaction', recordId: 'i1', key: 'k2', at: '2026-02-01T00:00:00.000Z' }]);
  await old.table('checkpoints').put({ entity: 'person', updatedAt: '2026-02-01T00:00:00.000Z', id: 'p1' });
  old.close();
  return name;
}

describe.each(Object.keys(SHIPPED_VERSIONS).map(Number))('a database made by version %i', (version) => {
  test('opens at the current version with every record as it was', async () => {
    const db = new ClipsheetDb(await createAtVersion(version));
    await db.open();
    expect(db.verno).toBe(5);
    expect(await db.people.orderBy('id').toArray()).toEqual(people);
    expect(await db.interactions.toArray()).toEqual([interaction]);
    expect(await db.tasks.toArray()).toEqual([task]);
    expect(await db.deals.toArray()).toEqual([deal]);
    expect(await db.organisations.toArray()).toEqual([organisation]);
    expect((await db.outbox.orderBy('seq').toArray()).map((entry) => entry.key)).toEqual(['k1', 'k2']);
    expect(await db.checkpoints.get('person')).toEqual({ entity: 'person', updatedAt: '2026-02-01T00:00:00.000Z', id: 'p1' });
    db.close();
  });

  test('the new indexes cover the records that were already there', async () => {
    const db = new ClipsheetDb(await createAtVersion(version));
    expect(await searchPeople(db, 'ada')).toEqual(['p1']);
    expect(await searchPeople(db, 'علی کریمی')).toEqual(['p2']);
    expect(await searchPeople(db, 'پارس')).toEqual(['p2']);
    expect(await searchPeople(db, '0912345')).toEqual(['p2']);
    expect(await searchPeople(db, 'gone')).toEqual([]); // a tombstone is found by nobody
    expect((await searchFirstPage(db, 'analytical', 10)).map((person) => person.id)).toEqual(['p1']);
    expect(await db.tasks.where('[status+dueAt]').equals(['open', '2026-05-05T09:00:00.000Z']).primaryKeys()).toEqual(['t1']);
    expect(await db.people.where('organisationId').equals('o1').primaryKeys()).toEqual(['p1']);
    db.close();
  });

  test('the indexes a later version dropped are gone from the database itself, so no write keeps filling them', async () => {
    const db = new ClipsheetDb(await createAtVersion(version));
    await db.open();
    const people = db.backendDB().transaction('people', 'readonly').objectStore('people');
    expect([...people.indexNames].sort()).toEqual(['_index.name', '_index.noted', 'level', 'organisationId']);
    db.close();
  });
});

test('a person written after the upgrade is found by what it says now, not by what it said before', async () => {
  const db = new ClipsheetDb(await createAtVersion(2));
  await db.people.update('p1', { company: 'Difference Engines' });
  expect(await searchPeople(db, 'difference')).toEqual(['p1']);
  expect(await searchPeople(db, 'analytical')).toEqual([]);
  // The outbox entries an older version queued, one per record, are read as they were.
  expect((await db.outbox.orderBy('seq').toArray()).flatMap(recordsOf)).toEqual(['p1', 'i1']);
  db.close();
});

test("today's stores are the model's indexes (shared/model) plus the workspace's, as the latest version declares them", () => {
  names.push('schema-today');
  const db = new ClipsheetDb('schema-today');
  const indexesOf = (table: string) => {
    const { primKey, indexes } = db.table(table).schema;
    return [primKey.src, ...indexes.map((index) => index.src)].join(', ');
  };
  expect(indexesOf('people')).toBe(`${Person.dexieStore}, level, _index.name, _index.noted, organisationId`);
  expect(indexesOf('organisations')).toBe(Organisation.dexieStore);
  expect(indexesOf('interactions')).toBe(Interaction.dexieStore);
  expect(indexesOf('deals')).toBe(Deal.dexieStore);
  expect(indexesOf('tasks')).toBe(`${Task.dexieStore}, [status+dueAt]`);
  // Only what the extension queries by: the A-Z list, level tasks, notes, an organisation's people, due open tasks.
  // Exact matches (email, LinkedIn) are found in memory by shared/identity, not by an index.
  expect(indexesOf('people')).toBe('id, level, _index.name, _index.noted, organisationId');
});
