import { describe, expect, test } from 'vitest';
import { columnToLetters } from '../../emulator/a1';
import { loadAddOn, person } from '../support/add-on';
import { cell, columnOf, headersOf, rowsOf } from './helpers';

type AddOn = ReturnType<typeof loadAddOn>;
const push = (addOn: AddOn, records: Array<Record<string, unknown>>, key: string, assumedRevision: number | null = null) =>
  addOn.send({ op: 'push', changes: records.map((record, i) => ({ entity: 'person' as const, key: `${key}-${String(i).padStart(6, '0')}`, assumedRevision, record })) });
const pullAll = async (addOn: AddOn) => {
  const answer = await addOn.send({ op: 'pull', entity: 'person', checkpoint: null, limit: 100 });
  if (!answer.ok || answer.op !== 'pull') throw new Error('pull failed');
  return answer.documents;
};

async function withPeople() {
  const addOn = loadAddOn();
  await push(addOn, [person('p1', { fullName: 'Ada Lovelace' }), person('p2', { fullName: 'Alan Turing' })], 'seed');
  return addOn;
}

describe('the on-edit trigger stamps rows people edit by hand, so sync sends the edit to the reps', () => {
  test('an edited row gets the next revision, a later update time, sheet provenance, and no last change', async () => {
    const addOn = await withPeople();
    const { runtime } = addOn;
    const before = cell(runtime, 'Customers', 'Updated at', 2) as Date;
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Title')}2`, [['Countess']], 'dana@team.example');
    const row = rowsOf(runtime, 'Customers')[0]!;
    expect(row).toMatchObject({ Id: 'p1', Title: 'Countess', Revision: 2, 'Last change': '' });
    expect((row['Updated at'] as Date).getTime()).toBeGreaterThan(before.getTime());
    expect(JSON.parse(row.Provenance as string)).toEqual({ title: { source: 'sheet', at: (row['Updated at'] as Date).toISOString(), by: 'dana@team.example' } });
    const pulled = await pullAll(addOn);
    expect(pulled.find((d) => d.id === 'p1')).toMatchObject({ title: 'Countess', revision: 2 });
    // A rep still holding revision 1 now gets the hand edit back as a conflict, not an overwrite.
    const stale = await push(addOn, [person('p1', { fullName: 'Ada Lovelace', title: 'Mathematician' })], 'stale', 1);
    expect(stale).toMatchObject({ ok: true, results: [{ status: 'conflict', record: { title: 'Countess' } }] });
  });

  test('a row typed by hand gets an id, revision 1, times, a first stage and its editor as owner', async () => {
    const addOn = await withPeople();
    const { runtime } = addOn;
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Full name')}4`, [['Grace Hopper']], 'dana@team.example');
    const row = rowsOf(runtime, 'Customers')[2]!;
    expect(row).toMatchObject({ 'Full name': 'Grace Hopper', Revision: 1, Stage: 'suspect', Owner: 'dana@team.example', Id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(row['Created at']).toEqual(row['Updated at']);
    expect((await pullAll(addOn)).map((d) => d.fullName)).toContain('Grace Hopper');
  });

  test('a paste of several rows stamps each; stamps never go backwards, even if the server clock does', async () => {
    const addOn = await withPeople();
    const { runtime } = addOn;
    const future = Date.now() + 3_600_000;
    runtime.state.properties['clipsheet.lastStamp'] = String(future);
    const name = columnOf(runtime, 'Customers', 'Full name');
    runtime.editByHand('Customers', `${name}2:${name}5`, [['Ada'], ['Alan'], ['Grace'], ['Katherine']]);
    const stamps = rowsOf(runtime, 'Customers').map((r) => (r['Updated at'] as Date).getTime());
    expect(stamps).toHaveLength(4);
    for (const [i, stamp] of stamps.entries()) expect(stamp).toBe(future + 1 + i);
    expect(rowsOf(runtime, 'Customers').map((r) => r.Revision)).toEqual([2, 2, 1, 1]);
  });

  test('edits of the header, of people’s own columns, and of other sheets stamp nothing', async () => {
    const addOn = await withPeople();
    const { runtime } = addOn;
    const sheet = runtime.workbook.sheet('Customers')!;
    const own = headersOf(runtime, 'Customers').length + 1;
    runtime.workbook.insertColumns(sheet, own, 1);
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Title')}1`, [['Title']]);
    runtime.editByHand('Customers', `${columnToLetters(own)}1`, [['My column']]);
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'My column')}2`, [['anything']]);
    runtime.editByHand('Dashboard', 'A1', [['a note for the team']]);
    expect(rowsOf(runtime, 'Customers').map((r) => r.Revision)).toEqual([1, 1]);
  });

  test('clearing a whole row stamps nothing; ticking Deleted is how a person deletes, and it syncs', async () => {
    const addOn = await withPeople();
    const { runtime } = addOn;
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Deleted')}3`, [[true]]);
    expect(rowsOf(runtime, 'Customers')[1]).toMatchObject({ Id: 'p2', Deleted: true, Revision: 2 });
    expect((await pullAll(addOn)).find((d) => d.id === 'p2')).toMatchObject({ deleted: true });
    const width = headersOf(runtime, 'Customers').length;
    runtime.editByHand('Customers', `A2:${columnToLetters(width)}2`, [Array.from({ length: width }, () => '')]);
    expect(rowsOf(runtime, 'Customers')[0]).toMatchObject({ Id: '', Revision: '', 'Updated at': '' });
  });

  test('editing a system column by hand shows Sheets’ warning first', async () => {
    const addOn = await withPeople();
    const { runtime } = addOn;
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Revision')}2`, [[7]]);
    expect(runtime.ui.at(-1)).toMatchObject({ kind: 'alert', content: expect.stringContaining('Clipsheet system column') });
  });

  test('a hand edit costs a handful of calls, however big the sheet: two reads, writes only where stamps go', async () => {
    const addOn = await withPeople();
    const { runtime } = addOn;
    for (let batch = 0; batch < 4; batch++) await push(addOn, Array.from({ length: 500 }, (_, i) => person(`bulk-${batch}-${i}`)), `bulk${batch}`);
    const { byService, calls } = runtime.measureWith(() => runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Title')}1500`, [['Engineer']]));
    expect(byService['SpreadsheetApp.Range.getValues']).toBe(2); // the header row and the edited row
    expect(byService['SpreadsheetApp.Range.setValues']).toBe(2); // Revision..Updated at, Provenance..Last change
    expect(calls).toBeLessThanOrEqual(25);
    expect(rowsOf(runtime, 'Customers')[1498]).toMatchObject({ Title: 'Engineer', Revision: 2 });
  });
});

test('unticking Active in Team by hand refuses the rep’s next request, though sync had their row cached', async () => {
  const addOn = await withPeople();
  expect(await addOn.send({ op: 'hello' })).toMatchObject({ ok: true });
  addOn.runtime.editByHand('Team', `${columnOf(addOn.runtime, 'Team', 'Active')}2`, [[false]]);
  expect(await addOn.send({ op: 'hello' })).toMatchObject({ ok: false, error: { code: 'revoked' } });
});
