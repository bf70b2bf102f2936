import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ClipsheetDb } from '../../../extension/store/db';
import { addOrder, closeOpportunity, openOpportunity } from '../../../extension/store/deals';
import { logInteraction } from '../../../extension/store/interactions';
import { createPerson, deletePerson, moveStage, updatePerson } from '../../../extension/store/people';
import { countPeople, searchPeople } from '../../../extension/store/search-people';
import { loadPersonRecord } from '../../../extension/store/record';
import { addTask, completeTask, listFollowUps, planAutomaticTasks, snoozeTask } from '../../../extension/store/tasks';
import { findNextReminderTime, takeDueReminders } from '../../../extension/store/reminders';
import { aPerson, contextAt, freshDb } from '../support';

let db: ClipsheetDb;
const now = '2026-05-04T09:00:00.000Z';
beforeEach(async () => {
  db = freshDb();
  await db.people.put(aPerson({ id: 'p1', fullName: 'Ada Lovelace', stage: 'prospect', emails: ['ada@engines.test'] }));
});
const outbox = async () => (await db.outbox.orderBy('seq').toArray()).map((entry) => `${entry.entity}:${entry.recordId}`);

describe('people', () => {
  test('deleting a person leaves a tombstone queued for sync, with their open follow-ups; what happened stays', async () => {
    const context = contextAt(now);
    const logged = await logInteraction(db, { personId: 'p1', type: 'call', summary: 'hello', nextStep: { title: 'Call back', dueAt: '2026-05-06T09:00:00.000Z' } }, context);
    const done = await addTask(db, { personId: 'p1', title: 'Sent the deck', dueAt: '2026-05-01T09:00:00.000Z' }, context);
    await completeTask(db, done.id, context);
    await db.outbox.clear();
    expect(await searchPeople(db, 'ada')).toEqual(['p1']);

    const result = await deletePerson(db, 'p1', contextAt('2026-05-05T09:00:00.000Z'));
    expect(result.ok).toBe(true);
    expect(await db.people.get('p1')).toMatchObject({ deleted: true, updatedAt: '2026-05-05T09:00:00.000Z', fullName: 'Ada Lovelace' });
    const open = logged.ok ? logged.task! : undefined;
    expect(await db.tasks.get(open!.id)).toMatchObject({ deleted: true, status: 'open' });
    expect(await db.tasks.get(done.id)).toMatchObject({ deleted: false, status: 'done' });
    expect(await outbox()).toEqual(['person:p1', `task:${open!.id}`]);
    expect(await db.interactions.get(logged.ok ? logged.interaction.id : '')).toMatchObject({ deleted: false });
    expect(await searchPeople(db, 'ada')).toEqual([]);
    expect(await countPeople(db)).toBe(0);
    expect(await deletePerson(db, 'p1', context)).toEqual({ ok: false, problems: ['This person is no longer in the store.'] });
  });

  test('a person created by hand is a suspect owned by the rep, queued for sync', async () => {
    const result = await createPerson(db, { fullName: '  Grace Hopper ', emails: ['grace@navy.test', ' '], company: 'US Navy' }, contextAt(now));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.person).toMatchObject({ fullName: 'Grace Hopper', emails: ['grace@navy.test'], stage: 'suspect', owner: 'rep@clipsheet.test' });
    expect(result.person.provenance.fullName).toEqual({ source: 'manual', at: now, by: 'rep@clipsheet.test' });
    expect(await outbox()).toEqual([`person:${result.person.id}`]);
  });

  test('a person without a name is refused, and nothing is written', async () => {
    const result = await createPerson(db, { fullName: ' ' }, contextAt(now));
    expect(result.ok).toBe(false);
    expect(await db.people.count()).toBe(1);
    expect(await outbox()).toEqual([]);
  });

  test('an edit keeps the value it replaces in history and hands the person over to a new owner', async () => {
    const result = await updatePerson(db, 'p1', { title: 'Analyst', owner: 'other@clipsheet.test' }, contextAt(now));
    expect(result.ok && result.person).toMatchObject({ title: 'Analyst', owner: 'other@clipsheet.test', updatedAt: now });
    expect(result.ok && result.person.history).toContainEqual(expect.objectContaining({ field: 'owner', value: 'rep@clipsheet.test', replacedAt: now }));
    expect(await outbox()).toEqual(['person:p1']);
  });
});

describe('stage moves follow the ladder', () => {
  test('lost needs a reason, and the person is unchanged without one', async () => {
    const refused = await moveStage(db, 'p1', 'lost', {}, contextAt(now));
    expect(refused).toMatchObject({ ok: false, error: { code: 'missing-reason' } });
    expect((await db.people.get('p1'))!.stage).toBe('prospect');
    expect(await outbox()).toEqual([]);
  });

  test('with a reason the move is made, and the reason kept', async () => {
    expect(await moveStage(db, 'p1', 'lost', { reason: 'competitor', note: 'went with Babbage & Co' }, contextAt(now))).toMatchObject({ ok: true });
    expect(await db.people.get('p1')).toMatchObject({ stage: 'lost', stageReason: 'competitor: went with Babbage & Co' });
    expect(await outbox()).toEqual(['person:p1']);
  });

  test('first-time customer needs the purchase; recording an order moves the person there by itself', async () => {
    const context = contextAt(now);
    expect(await moveStage(db, 'p1', 'first-time customer', {}, context)).toMatchObject({ ok: false, error: { code: 'purchases-disagree' } });
    const order = await addOrder(db, { personId: 'p1', value: 1200, costToServe: 200, product: 'Engine' }, context);
    expect(order.ok && order.person.stage).toBe('first-time customer');
    await addOrder(db, { personId: 'p1', value: 300 }, context);
    expect((await db.people.get('p1'))!.stage).toBe('repeat customer');
  });

  test('closing an opportunity needs a win/loss reason; a won one is a purchase', async () => {
    const context = contextAt(now);
    const opened = await openOpportunity(db, { personId: 'p1', value: 500, product: 'Support plan' }, context);
    if (!opened.ok) throw new Error('not opened');
    expect(await closeOpportunity(db, opened.deal.id, { status: 'won', reason: ' ' }, context)).toMatchObject({ ok: false });
    const won = await closeOpportunity(db, opened.deal.id, { status: 'won', reason: 'fast delivery' }, context);
    expect(won.ok && won.deal).toMatchObject({ status: 'won', reason: 'fast delivery', closedAt: now });
    expect((await db.people.get('p1'))!.stage).toBe('first-time customer');
    expect((await db.deals.where('personId').equals('p1').toArray()).map((deal) => `${deal.kind}:${deal.status}`).sort()).toEqual(['opportunity:won', 'order:won']);
  });
});

describe('logging an interaction', () => {
  test('writes the interaction, the last contact and the next step in one go, each queued', async () => {
    const context = contextAt(now);
    const result = await logInteraction(
      db,
      { personId: 'p1', type: 'call', summary: 'Asked for a quote', outcome: 'interested', experience: 'good', voiceOfCustomer: 'feature request', nextStep: { title: 'Send the quote', dueAt: '2026-05-06T09:00:00.000Z' } },
      context,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.interaction).toMatchObject({ personIds: ['p1'], type: 'call', at: now, outcome: 'interested', experience: 'good', voiceOfCustomer: 'feature request', owner: 'rep@clipsheet.test' });
    expect(await db.people.get('p1')).toMatchObject({ lastContactAt: now, nextFollowUpAt: '2026-05-06T09:00:00.000Z' });
    expect(await outbox()).toEqual([`interaction:${result.interaction.id}`, 'person:p1', `task:${result.task!.id}`, 'person:p1']);
  });

  test('a note is not contact with the customer: the inactivity clock does not reset', async () => {
    await logInteraction(db, { personId: 'p1', type: 'note', summary: 'Prefers mornings' }, contextAt(now));
    expect((await db.people.get('p1'))!.lastContactAt).toBeUndefined();
  });

  test('a failure part-way leaves nothing behind: the change and its outbox entry commit together', async () => {
    await expect(logInteraction(db, { personId: 'p1', type: 'call', summary: 'x', nextStep: { title: 'Later', dueAt: 'someday' } }, contextAt(now))).rejects.toThrow(/not a date/);
    expect(await db.interactions.count()).toBe(0);
    expect(await db.tasks.count()).toBe(0);
    expect((await db.people.get('p1'))!.lastContactAt).toBeUndefined();
    expect(await outbox()).toEqual([]);
  });
});

describe('follow-ups and reminders', () => {
  const window = { startOfToday: '2026-05-04T00:00:00.000Z', endOfToday: '2026-05-05T00:00:00.000Z', upcomingUntil: '2026-05-11T00:00:00.000Z' };

  test('the today list splits open tasks into overdue, today and upcoming', async () => {
    const context = contextAt(now);
    const late = await addTask(db, { personId: 'p1', title: 'Late', dueAt: '2026-05-01T09:00:00.000Z' }, context);
    const today = await addTask(db, { personId: 'p1', title: 'Today', dueAt: '2026-05-04T15:00:00.000Z' }, context);
    const soon = await addTask(db, { title: 'Soon', dueAt: '2026-05-08T09:00:00.000Z' }, context);
    await addTask(db, { title: 'Far', dueAt: '2026-07-01T09:00:00.000Z' }, context);
    const done = await addTask(db, { title: 'Done', dueAt: '2026-05-04T10:00:00.000Z' }, context);
    await completeTask(db, done.id, context);
    const lists = await listFollowUps(db, window);
    expect([lists.overdue, lists.today, lists.upcoming].map((tasks) => tasks.map((task) => task.id))).toEqual([[late.id], [today.id], [soon.id]]);
    expect((await db.people.get('p1'))!.nextFollowUpAt).toBe(late.dueAt);
  });

  test('completing a recurring task brings it back at its next occurrence', async () => {
    const context = contextAt(now);
    const weekly = await addTask(db, { personId: 'p1', title: 'Weekly check-in', dueAt: '2026-05-01T09:00:00.000Z', recurrence: 'weekly' }, context);
    const { done, next } = await completeTask(db, weekly.id, context);
    expect(done).toMatchObject({ status: 'done' });
    expect(next).toMatchObject({ title: 'Weekly check-in', recurrence: 'weekly', status: 'open', personId: 'p1' });
    expect(Date.parse(next!.dueAt)).toBeGreaterThan(Date.parse(now));
    expect((await db.people.get('p1'))!.nextFollowUpAt).toBe(next!.dueAt);
  });

  test('a reminder is shown once for its due time, and again after a snooze', async () => {
    const context = contextAt(now);
    const task = await addTask(db, { personId: 'p1', title: 'Call Ada', dueAt: '2026-05-04T09:00:00.000Z' }, context);
    await addTask(db, { title: 'Later', dueAt: '2026-05-04T12:00:00.000Z' }, context);
    const at = new Date('2026-05-04T09:00:30.000Z');
    expect((await takeDueReminders(db, at)).map((r) => [r.task.title, r.personName])).toEqual([['Call Ada', 'Ada Lovelace']]);
    expect(await takeDueReminders(db, at)).toEqual([]);
    expect(await findNextReminderTime(db, at)).toBe(Date.parse('2026-05-04T12:00:00.000Z'));
    await snoozeTask(db, task.id, '2026-05-04T10:00:00.000Z', context);
    expect(await findNextReminderTime(db, at)).toBe(Date.parse('2026-05-04T10:00:00.000Z'));
    expect((await takeDueReminders(db, new Date('2026-05-04T10:00:01.000Z'))).map((r) => r.task.id)).toEqual([task.id]);
  });

  test("a level's automatic tasks are planned once: a post-sale check for an accountable customer", async () => {
    const context = contextAt(now);
    await db.people.update('p1', { level: 'accountable' });
    await addOrder(db, { personId: 'p1', value: 100, at: '2026-05-03T09:00:00.000Z' }, context);
    const planned = await planAutomaticTasks(db, context);
    expect(planned.map((task) => [task.automatic, task.dueAt, task.personId])).toEqual([['post-sale check', '2026-05-06T09:00:00.000Z', 'p1']]);
    expect(await planAutomaticTasks(db, context)).toEqual([]);
  });
});

describe('the 360-degree record', () => {
  test('gathers the timeline newest first, tasks, deals and the domain figures', async () => {
    const context = contextAt(now);
    for (const [at, type] of [['2026-04-01T09:00:00.000Z', 'email'], ['2026-05-01T09:00:00.000Z', 'meeting'], ['2026-03-01T09:00:00.000Z', 'call']] as const) {
      await logInteraction(db, { personId: 'p1', type, at, summary: type }, context);
    }
    await addOrder(db, { personId: 'p1', value: 1000, costToServe: 250 }, context);
    const record = (await loadPersonRecord(db, 'p1', now))!;
    expect(record.timeline.map((i) => i.type)).toEqual(['meeting', 'email', 'call']);
    expect(record.purchases).toBe(1);
    expect(record.person.stage).toBe('first-time customer');
    expect(record.value).toMatchObject({ revenue: 1000, costs: 250, base: 750 });
    expect(record.activity.status).toBe('active');
    expect(record.completeness.score).toBeGreaterThan(0);
    expect(record.completeness.missing).toContain('phones');
    expect(record.allowedStages).not.toContain('first-time customer');
    expect(record.allowedStages).toContain('lost');
  });
});
