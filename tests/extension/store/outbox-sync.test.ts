import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { countQueuedChanges, queuedRecords, recordsOf } from '../../../extension/store/changes';
import type { ClipsheetDb } from '../../../extension/store/db';
import { importPeople, type ColumnMapping } from '../../../extension/store/import-csv';
import { syncOnce, type Send } from '../../../extension/sync/sync-engine';
import type { EntityName } from '../../../shared/model';
import { applyChanges, changedSince } from '../../../shared/sync/apply';
import type { Change, ChangeResult } from '../../../shared/sync/protocol';
import { queueForSync } from '../../../extension/store/changes';
import { saveCapturedOrganisation } from '../../../extension/store/save-organisation';
import type { OrganisationCapture } from '../../../shared/capture/capture';
import { aPerson, contextAt, freshDb } from '../support';

type Doc = Record<string, unknown> & { id: string; revision: number; updatedAt: string };

/**
 * The sheet as the sync endpoint runs it (apps-script/sync-endpoint.ts), in memory: shared/sync's master rules
 * per entity, and a log of every write with the key that made it, as the Log sheet keeps.
 */
function memorySheet() {
  const tables = new Map<EntityName, Map<string, Doc>>();
  const written: string[] = [];
  let ms = Date.parse('2026-06-01T00:00:00.000Z');
  const now = () => new Date((ms += 1000)).toISOString();
  const table = (entity: EntityName) => tables.get(entity) ?? tables.set(entity, new Map()).get(entity)!;
  const send: Send = async (request) => {
    if (request.op === 'push') {
      const groups = new Map<EntityName, Change[]>();
      for (const change of request.changes) groups.set(change.entity, [...(groups.get(change.entity) ?? []), change]);
      const results: ChangeResult[] = [];
      const redirects = new Map<string, string>();
      for (const [entity, changes] of groups) {
        const outcome = applyChanges(entity, table(entity), changes, { now, rep: 'rep@clipsheet.test', redirects });
        results.push(...outcome.results);
        written.push(...outcome.written.map((doc) => String(doc.lastChange)));
      }
      return { ok: true, op: 'push', results };
    }
    if (request.op === 'pull') return { ok: true, op: 'pull', ...changedSince([...table(request.entity).values()], request.checkpoint, request.limit) };
    throw new Error(`unexpected ${request.op}`);
  };
  return { send, written, people: () => [...table('person').values()], table: (entity: EntityName) => [...table(entity).values()] };
}

const options = () => {
  let n = 0;
  return { newKey: () => `sync-key-${++n}`, now: () => '2026-06-02T00:00:00.000Z' };
};
const MAPPING: ColumnMapping = ['fullName', 'emails', 'notes'];
const rows = (count: number, notes = '') => Array.from({ length: count }, (_, i) => [`Person ${i}`, `person${i}@example.test`, notes]);

let db: ClipsheetDb;
beforeEach(() => {
  db = freshDb();
});

describe('an import queues one outbox entry per chunk', () => {
  test('naming every record of the chunk; the pending count is still one per record', async () => {
    await importPeople(db, rows(7), MAPPING, contextAt(), { chunkSize: 3 });
    const entries = await db.outbox.orderBy('seq').toArray();
    expect(entries.map((entry) => recordsOf(entry).length)).toEqual([3, 3, 1]);
    expect(await countQueuedChanges(db)).toBe(7);
  });

  test('sync pushes each record as a change of its own, under a key of its own, each written once', async () => {
    await importPeople(db, rows(7), MAPPING, contextAt(), { chunkSize: 3 });
    const sheet = memorySheet();
    const report = await syncOnce(db, sheet.send, options());
    expect(report.pushed).toBe(7);
    expect(sheet.people().map((person) => person.fullName).sort()).toEqual(rows(7).map(([name]) => name).sort());
    expect(new Set(sheet.written).size).toBe(7);
    expect(await db.outbox.count()).toBe(0);
    // Each local copy is the sheet's: revision 1.
    expect((await db.people.toArray()).map((person) => person.revision)).toEqual(Array(7).fill(1));
  });

  test('an answer lost after the sheet wrote it: the resend is a duplicate, nothing is written twice', async () => {
    await importPeople(db, rows(5), MAPPING, contextAt(), { chunkSize: 5 });
    const sheet = memorySheet();
    let lost = 0;
    const losing: Send = async (request) => {
      const answer = await sheet.send(request);
      if (request.op === 'push' && lost++ === 0) throw new Error('answer lost');
      return answer;
    };
    await expect(syncOnce(db, losing, options())).rejects.toThrow('answer lost');
    expect(await countQueuedChanges(db)).toBe(5); // nothing settled: the outbox still names them all
    const report = await syncOnce(db, sheet.send, options());
    expect(report.pushed).toBe(5);
    expect(sheet.written).toHaveLength(5);
    expect(new Set(sheet.written).size).toBe(5);
    expect(await db.outbox.count()).toBe(0);
  });

  test('a request cut at 2 MB settles part of an entry; the rest of it goes in the next request', async () => {
    await importPeople(db, rows(120, 'n'.repeat(19_000)), MAPPING, contextAt(), { chunkSize: 200 });
    expect(await db.outbox.count()).toBe(1);
    const sheet = memorySheet();
    const pushes: number[] = [];
    const counting: Send = async (request) => {
      if (request.op === 'push') pushes.push(request.changes.length);
      return sheet.send(request);
    };
    await syncOnce(db, counting, options());
    expect(pushes.length).toBeGreaterThanOrEqual(2);
    expect(pushes.reduce((a, b) => a + b, 0)).toBe(120);
    expect(new Set(sheet.written).size).toBe(120);
    expect(await db.outbox.count()).toBe(0);
  });

  test('an edit made while the push was out stays queued; the others leave the outbox', async () => {
    await importPeople(db, rows(4), MAPPING, contextAt(), { chunkSize: 4 });
    const [edited] = await db.people.toArray();
    const sheet = memorySheet();
    let first = true;
    const editing: Send = async (request) => {
      if (request.op === 'push' && first) {
        first = false;
        await db.transaction('rw', db.people, db.outbox, async () => {
          await db.people.update(edited!.id, { title: 'Buyer' });
          await db.outbox.add({ entity: 'person', recordId: edited!.id, key: 'edit-while-out', at: '2026-06-01T12:00:00.000Z' });
        });
      }
      return sheet.send(request);
    };
    const report = await syncOnce(db, editing, options());
    // The edit went in the round's second push, against the revision the first one gave.
    expect(report.pushed).toBe(5);
    expect(sheet.people().find((person) => person.id === edited!.id)).toMatchObject({ title: 'Buyer', revision: 2 });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('a database from before: one entry per record', () => {
  test('its entries sync as they did, alongside entries naming many records', async () => {
    await importPeople(db, rows(3), MAPPING, contextAt(), { chunkSize: 3 });
    const [first] = await db.people.toArray();
    await db.people.update(first!.id, { title: 'CTO' });
    await db.outbox.add({ entity: 'person', recordId: first!.id, key: 'older-entry-key', at: '2026-05-05T00:00:00.000Z' });
    expect(await queuedRecords(db)).toEqual(new Set((await db.people.toArray()).map((person) => `person:${person.id}`)));
    const sheet = memorySheet();
    const report = await syncOnce(db, sheet.send, options());
    expect(report.pushed).toBe(3); // the person queued twice travels once, as their latest state
    expect(sheet.written).toContain('older-entry-key');
    expect(sheet.people().find((person) => person.id === first!.id)).toMatchObject({ title: 'CTO' });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('two reps clip the same organisation offline', () => {
  test('the sheet keeps one row; the second rep\'s copy and what points at it move to the survivor', async () => {
    const sheet = memorySheet();
    const repContext = (rep: string) => {
      let n = 0;
      return { owner: `${rep}@clipsheet.test`, now: '2026-06-01T09:00:00.000Z', newId: () => `${rep}-${++n}` };
    };
    const clip = (fields: Record<string, string>): OrganisationCapture => ({
      kind: 'organisation',
      source: 'web',
      url: 'https://www.mapna.com/',
      fields: Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, { value, confidence: 0.9, strategy: 'json-ld' }])),
      missing: [],
    });
    const a = freshDb();
    const b = freshDb();
    const fromA = await saveCapturedOrganisation(a, clip({ name: 'MAPNA Group', website: 'https://www.mapna.com/' }), repContext('a'));
    await syncOnce(a, sheet.send, options());
    // B's colleague is queued before the organisation (its id is the first B makes): the sheet applies the person
    // first, still pointing at B's copy, and only the answer that merged the organisation can repoint them.
    await b.people.put(aPerson({ id: 'b-person', fullName: 'Kian Kazemi', organisationId: 'b-1' }));
    await queueForSync(b, 'person', ['b-person'], repContext('queue'));
    const fromB = await saveCapturedOrganisation(b, clip({ name: 'مپنا', website: 'https://mapna.com/fa', industry: 'Energy' }), repContext('b'));
    expect(fromB.organisation.id).toBe('b-1');
    const report = await syncOnce(b, sheet.send, options());
    expect(report.merged).toBe(1);
    expect(sheet.table('organisation').map((org) => [org.id, org.industry])).toEqual([[fromA.organisation.id, 'Energy']]);
    expect(sheet.people()).toMatchObject([{ id: 'b-person', organisationId: fromA.organisation.id }]);
    expect((await b.organisations.toArray()).map((org) => org.id)).toEqual([fromA.organisation.id]);
    expect(await b.people.get('b-person')).toMatchObject({ organisationId: fromA.organisation.id });
    expect(await b.outbox.count()).toBe(0);
  });
});
