import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import type { ClipsheetDb } from '../../../extension/store/db';
import { addTask } from '../../../extension/store/tasks';
import { logInteraction } from '../../../extension/store/interactions';
import { addOrder } from '../../../extension/store/deals';
import { dismissProposal, findMergeProposals, mergeProposal, mergeTwoPeople } from '../../../extension/store/merge';
import { Organisation } from '../../../shared/model';
import { searchPeople } from '../../../extension/store/search-people';
import { aPerson, contextAt, freshDb } from '../support';
import { queuedRecords } from '../../../extension/store/changes';

let db: ClipsheetDb;
const now = '2026-05-04T09:00:00.000Z';
beforeEach(async () => {
  db = freshDb();
  await db.people.bulkPut([
    aPerson({ id: 'a', fullName: 'Ali Rezaei', company: 'Pars Tak Ltd', createdAt: '2026-01-01T00:00:00.000Z', phones: ['+98 912 000 0001'] }),
    // One name typed on a Persian and on an Arabic keyboard (ی/ي), at one company: a fuzzy candidate.
    aPerson({ id: 'b', fullName: 'علي رضايي', company: 'Pars Tak', createdAt: '2026-02-01T00:00:00.000Z' }),
    aPerson({ id: 'g', fullName: 'علی رضایی', company: 'پارس تک', website: 'https://parstak.test' }),
    aPerson({ id: 'h', fullName: 'علی رضایی', company: 'Pars Tak Co' }),
    aPerson({ id: 'c', fullName: 'Ali Rezaei', company: 'Pars Tak', createdAt: '2026-03-01T00:00:00.000Z', title: 'CTO', emails: ['ali@parstak.test'] }),
    aPerson({ id: 'd', fullName: 'Sara K', emails: ['SARA.K@parstak.test'] }),
    aPerson({ id: 'e', fullName: 'Sara Karimi', emails: ['sara.k@parstak.test'] }), // one email, written differently
    aPerson({ id: 'f', fullName: 'Nobody Else', company: 'Elsewhere' }),
  ]);
});

test('proposals come from the identity index: exact shared keys and same name at the same company', async () => {
  const proposals = await findMergeProposals(db);
  expect(proposals.map((p) => [p.pair, p.rule]).sort()).toEqual([
    ['a c', 'same-name-and-company'],
    ['b h', 'same-name-and-company'],
    ['d e', 'shared-exact-key'],
  ]);
});

test('a dismissed pair is not proposed again', async () => {
  await dismissProposal(db, 'e', 'd', now);
  expect((await findMergeProposals(db)).map((p) => p.pair).sort()).toEqual(['a c', 'b h']);
});

test("merging keeps the older record's id, every value, and moves the history onto the survivor", async () => {
  const context = contextAt(now);
  const logged = await logInteraction(db, { personId: 'c', type: 'meeting', summary: 'Met at the fair' }, context);
  const task = await addTask(db, { personId: 'c', title: 'Send deck', dueAt: '2026-05-05T09:00:00.000Z' }, context);
  const order = await addOrder(db, { personId: 'c', value: 100 }, context);
  await db.outbox.clear();

  const merged = await mergeTwoPeople(db, 'c', 'a', context);
  expect(merged).toMatchObject({ id: 'a', title: 'CTO', emails: ['ali@parstak.test'], phones: ['+98 912 000 0001'], stage: 'first-time customer', nextFollowUpAt: task.dueAt });
  expect(merged.history).toContainEqual(expect.objectContaining({ field: 'id', value: 'c' }));
  expect((await db.people.get('c'))!.deleted).toBe(true);
  expect((await db.interactions.get(logged.ok ? logged.interaction.id : ''))!.personIds).toEqual(['a']);
  expect((await db.tasks.get(task.id))!.personId).toBe('a');
  expect((await db.deals.get(order.ok ? order.deal.id : ''))!.personId).toBe('a');
  expect(await searchPeople(db, 'ali rezaei')).toEqual(['a']);
  expect(await queuedRecords(db)).toEqual(new Set(['person:a', 'person:c', `interaction:${logged.ok && logged.interaction.id}`, `task:${task.id}`, `deal:${order.ok && order.deal.id}`]));
});

describe('organisations', () => {
  const org = (id: string, fields: Partial<Organisation>) => Organisation.schema.parse({ id, revision: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', owner: 'rep@clipsheet.test', stage: 'prospect', ...fields });

  test('the same name on two domains is proposed; merging moves people, interactions and deals to the survivor', async () => {
    await db.organisations.bulkPut([org('o-ir', { name: 'Pars Tak Ltd', domain: 'parstak.ir', createdAt: '2025-01-01T00:00:00.000Z' }), org('o-test', { name: 'Pars Tak', domain: 'parstak.test' }), org('o-other', { name: 'Elsewhere' })]);
    await db.people.update('f', { organisationId: 'o-test' });
    const context = contextAt(now);
    const logged = await logInteraction(db, { personId: 'f', type: 'call', summary: 'Called the office' }, context);
    await db.interactions.update(logged.ok ? logged.interaction.id : '', { organisationId: 'o-test' });
    const order = await addOrder(db, { personId: 'f', value: 100 }, context);
    await db.deals.update(order.ok ? order.deal.id : '', { organisationId: 'o-test' });
    await db.outbox.clear();

    const proposals = (await findMergeProposals(db)).filter((p) => p.entity === 'organisation');
    expect(proposals.map((p) => [p.pair, p.rule])).toEqual([['o-ir o-test', 'conflicting-identifiers']]);
    const merged = await mergeProposal(db, proposals[0]!, context);
    expect(merged).toMatchObject({ id: 'o-ir', name: 'Pars Tak' });
    expect((await db.organisations.get('o-test'))!.deleted).toBe(true);
    expect((await db.people.get('f'))!.organisationId).toBe('o-ir');
    expect((await db.interactions.get(logged.ok ? logged.interaction.id : ''))!.organisationId).toBe('o-ir');
    expect((await db.deals.get(order.ok ? order.deal.id : ''))!.organisationId).toBe('o-ir');
    expect(await queuedRecords(db)).toEqual(new Set(['organisation:o-ir', 'organisation:o-test', 'person:f', `interaction:${logged.ok && logged.interaction.id}`, `deal:${order.ok && order.deal.id}`]));
    expect((await findMergeProposals(db)).filter((p) => p.entity === 'organisation')).toEqual([]);
  });
});
