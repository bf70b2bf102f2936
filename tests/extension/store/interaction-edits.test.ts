import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ClipsheetDb } from '../../../extension/store/db';
import { deleteInteraction, logInteraction, updateInteraction } from '../../../extension/store/interactions';
import { NotesIndex } from '../../../extension/store/notes-index';
import { loadOrganisationRecord } from '../../../extension/store/organisation-record';
import { loadPersonRecord } from '../../../extension/store/record';
import { syncOnce, type Send } from '../../../extension/sync/sync-engine';
import { Deal, Organisation, Task, type EntityName } from '../../../shared/model';
import { applyChanges, changedSince } from '../../../shared/sync/apply';
import type { Change, ChangeResult } from '../../../shared/sync/protocol';
import { aPerson, contextAt, freshDb } from '../support';

let db: ClipsheetDb;
const logged = '2026-05-04T09:00:00.000Z';
const later = '2026-05-05T10:00:00.000Z';
beforeEach(async () => {
  db = freshDb();
  await db.people.put(aPerson({ id: 'p1', fullName: 'Ada Lovelace', stage: 'prospect' }));
});
// One counter for the whole test: each change's ids and outbox keys are new.
let ids = 0;
const at = (now: string, owner?: string) => ({ ...contextAt(now, owner), newId: () => `id-${++ids}` });
const outbox = async () => (await db.outbox.orderBy('seq').toArray()).map((entry) => `${entry.entity}:${entry.recordId}`);

async function logCall(when: string, summary = 'Talked aboot the engine') {
  const result = await logInteraction(db, { personId: 'p1', type: 'call', direction: 'outbound', at: when, summary }, at(when));
  if (!result.ok) throw new Error(result.problems.join());
  return result.interaction;
}

describe('correcting a logged interaction', () => {
  test('the changed values get the rep as their source, the old ones go to history, and the change is queued', async () => {
    const call = await logCall(logged);
    await db.outbox.clear();
    const result = await updateInteraction(db, call.id, { summary: 'Talked about the engine', outcome: ' wants a quote ', experience: 'good' }, at(later, 'bo@clipsheet.test'));
    expect(result.ok).toBe(true);
    const stored = (await db.interactions.get(call.id))!;
    expect(stored).toMatchObject({ summary: 'Talked about the engine', outcome: 'wants a quote', experience: 'good', updatedAt: later, type: 'call', at: logged });
    expect(stored.provenance.summary).toEqual({ source: 'manual', at: later, by: 'bo@clipsheet.test' });
    expect(stored.history).toEqual([expect.objectContaining({ field: 'summary', value: 'Talked aboot the engine', replacedAt: later })]);
    expect(await outbox()).toEqual([`interaction:${call.id}`]);
  });

  test('an emptied text clears the field; an edit that changes nothing writes nothing', async () => {
    const call = await logCall(logged);
    await db.outbox.clear();
    expect((await updateInteraction(db, call.id, { summary: 'Talked aboot the engine' }, at(later))).ok).toBe(true);
    expect(await outbox()).toEqual([]);
    await updateInteraction(db, call.id, { summary: '  ' }, at(later));
    expect((await db.interactions.get(call.id))!.summary).toBeUndefined();
  });

  test('a value the schema refuses is said, and nothing is written', async () => {
    const call = await logCall(logged);
    await db.outbox.clear();
    const result = await updateInteraction(db, call.id, { subject: 'x'.repeat(600) }, at(later));
    expect(result).toMatchObject({ ok: false, problems: [expect.stringContaining('subject')] });
    expect((await db.interactions.get(call.id))!.subject).toBeUndefined();
    expect(await outbox()).toEqual([]);
  });

  test("moving the call that set the person's last contact moves it with it, either way", async () => {
    const early = await logCall('2026-05-01T09:00:00.000Z');
    const call = await logCall(logged);
    expect((await db.people.get('p1'))!.lastContactAt).toBe(logged);
    await updateInteraction(db, call.id, { at: '2026-04-20T09:00:00.000Z' }, at(later));
    expect((await db.people.get('p1'))!.lastContactAt).toBe(early.at);
    await updateInteraction(db, call.id, { at: later }, at(later));
    expect((await db.people.get('p1'))!.lastContactAt).toBe(later);
    // A call that turns out to have been a note is not contact with the customer.
    await updateInteraction(db, call.id, { type: 'note' }, at(later));
    expect((await db.people.get('p1'))!.lastContactAt).toBe(early.at);
    expect(await outbox()).toContain('person:p1');
  });
});

describe('deleting a logged interaction', () => {
  test('leaves a tombstone queued for sync, gone from the record; the last contact no longer counts it', async () => {
    const call = await logCall(logged);
    await db.outbox.clear();
    const result = await deleteInteraction(db, call.id, at(later));
    expect(result.ok).toBe(true);
    expect(await db.interactions.get(call.id)).toMatchObject({ id: call.id, deleted: true, updatedAt: later, summary: 'Talked aboot the engine' });
    expect(await outbox()).toEqual([`interaction:${call.id}`, 'person:p1']);
    expect((await db.people.get('p1'))!.lastContactAt).toBeUndefined();
    expect((await loadPersonRecord(db, 'p1', later))!.timeline).toEqual([]);
    expect(await deleteInteraction(db, call.id, at(later))).toEqual({ ok: false, problems: ['This interaction is no longer in the store.'] });
  });

  test('full-text search no longer finds the person by a deleted entry, nor by words a correction removed', async () => {
    const call = await logCall(logged, 'Asked about volume pricing');
    const note = await logCall(later, 'Wants a quarterly invoice');
    const notes = new NotesIndex(db);
    await notes.build();
    expect(notes.search('volume')).toEqual(['p1']);
    expect(notes.search('quarterly')).toEqual(['p1']);
    await deleteInteraction(db, call.id, at(later));
    await updateInteraction(db, note.id, { summary: 'Wants a monthly invoice' }, at(later));
    await notes.refreshPerson('p1');
    expect(notes.search('volume')).toEqual([]);
    expect(notes.search('quarterly')).toEqual([]);
    expect(notes.search('monthly')).toEqual(['p1']);
  });

  test('the tombstone and its outbox entry commit together: when the outbox cannot be written, nothing is deleted', async () => {
    const call = await logCall(logged);
    const refuse = () => {
      throw new Error('disk full');
    };
    db.outbox.hook('creating', refuse);
    await expect(deleteInteraction(db, call.id, at(later))).rejects.toThrow('disk full');
    db.outbox.hook('creating').unsubscribe(refuse);
    expect(await db.interactions.get(call.id)).toMatchObject({ deleted: false });
    expect((await db.people.get('p1'))!.lastContactAt).toBe(logged);
  });

  test('the sheet receives the delete, and the tombstone stays a tombstone after the next pull', async () => {
    const call = await logCall(logged);
    const sheet = new Map<EntityName, Map<string, Record<string, unknown> & { id: string; revision: number; updatedAt: string }>>();
    const table = (entity: EntityName) => sheet.get(entity) ?? sheet.set(entity, new Map()).get(entity)!;
    let ms = Date.parse('2026-06-01T00:00:00.000Z');
    const send: Send = async (request) => {
      if (request.op === 'pull') return { ok: true, op: 'pull', ...changedSince([...table(request.entity).values()], request.checkpoint, request.limit) };
      if (request.op !== 'push') throw new Error(`unexpected ${request.op}`);
      const results: ChangeResult[] = [];
      for (const entity of new Set(request.changes.map((change: Change) => change.entity)))
        results.push(...applyChanges(entity, table(entity), request.changes.filter((change: Change) => change.entity === entity), { now: () => new Date((ms += 1000)).toISOString(), rep: 'rep@clipsheet.test', redirects: new Map() }).results);
      return { ok: true, op: 'push', results };
    };
    let n = 0;
    const options = { newKey: () => `key-${++n}`, now: () => '2026-06-02T00:00:00.000Z' };
    await syncOnce(db, send, options);
    expect(table('interaction').get(call.id)).toMatchObject({ deleted: false });
    await deleteInteraction(db, call.id, at(later));
    await syncOnce(db, send, options);
    expect(table('interaction').get(call.id)).toMatchObject({ deleted: true });
    expect(await db.interactions.get(call.id)).toMatchObject({ deleted: true });
    expect(await db.outbox.count()).toBe(0);
  });
});

describe("an organisation's record", () => {
  const stamp = { revision: 0, createdAt: logged, updatedAt: logged, owner: 'rep@clipsheet.test' };
  test('its people (linked, or named as their company), their interactions and its own, its deals and open tasks', async () => {
    await db.organisations.bulkPut([
      Organisation.schema.parse({ ...stamp, id: 'o1', name: 'Analytical Engines Ltd', stage: 'prospect', industry: 'Machinery' }),
      Organisation.schema.parse({ ...stamp, id: 'o2', name: 'Difference Engines', stage: 'suspect' }),
    ]);
    await db.people.bulkPut([
      aPerson({ id: 'p1', fullName: 'Ada Lovelace', organisationId: 'o1' }),
      aPerson({ id: 'p2', fullName: 'Charles Babbage', company: 'Analytical Engines' }), // the legal form aside, the same name
      aPerson({ id: 'p3', fullName: 'Someone Else', company: 'Analytical Engines', organisationId: 'o2' }), // linked elsewhere
      aPerson({ id: 'p4', fullName: 'Gone Person', organisationId: 'o1', deleted: true }),
      aPerson({ id: 'p5', fullName: 'Unrelated', company: 'Engines of Persia' }),
    ]);
    const call = await logCall(logged);
    const other = await logInteraction(db, { personId: 'p2', type: 'meeting', at: later }, at(later));
    const gone = await logCall('2026-05-02T09:00:00.000Z');
    await deleteInteraction(db, gone.id, at(later));
    await db.deals.put(Deal.schema.parse({ ...stamp, id: 'd1', personId: 'p2', kind: 'order', status: 'won', value: 100, openedAt: logged }));
    await db.tasks.put(Task.schema.parse({ ...stamp, id: 't1', personId: 'p1', title: 'Call back', dueAt: later, recurrence: 'none', status: 'open' }));

    const record = (await loadOrganisationRecord(db, 'o1'))!;
    expect(record.organisation.name).toBe('Analytical Engines Ltd');
    expect(record.people.map((person) => person.id)).toEqual(['p1', 'p2']); // A-Z
    expect(record.timeline.map((interaction) => interaction.id)).toEqual([other.ok && other.interaction.id, call.id]);
    expect(record.deals.map((deal) => deal.id)).toEqual(['d1']);
    expect(record.openTasks.map((task) => task.id)).toEqual(['t1']);
    expect(await loadOrganisationRecord(db, 'nobody')).toBeUndefined();
  });
});
