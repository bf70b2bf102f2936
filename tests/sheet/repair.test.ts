import { describe, expect, test } from 'vitest';
import { lettersToColumn, parseA1 } from '../../emulator/a1';
import { Person, STAGES } from '../../shared/model';
import { loadAddOn, person } from '../support/add-on';
import { columnOf, headersOf, rowsOf } from './helpers';

type AddOn = ReturnType<typeof loadAddOn>;
const push = (addOn: AddOn, records: Array<Record<string, unknown>>, key: string, assumedRevision: number | null = null) =>
  addOn.send({ op: 'push', changes: records.map((record, i) => ({ entity: 'person' as const, key: `${key}-${String(i).padStart(6, '0')}`, assumedRevision, record })) });
const column = (addOn: AddOn, header: string) => lettersToColumn(columnOf(addOn.runtime, 'Customers', header));
const byId = (addOn: AddOn) => new Map(rowsOf(addOn.runtime, 'Customers').map((r) => [r.Id, r]));

async function seeded() {
  const addOn = loadAddOn();
  await push(addOn, [person('p1', { fullName: 'Ada Lovelace', title: 'Countess' }), person('p2', { fullName: 'Alan Turing', title: 'Fellow' }), person('p3', { fullName: 'Grace Hopper', title: 'Admiral' })], 'seed');
  return addOn;
}

describe('Set up repairs a sheet people have changed, and keeps what they did', () => {
  test('a cleared or renamed header is restored in place, and its column keeps its data', async () => {
    const addOn = await seeded();
    const { runtime } = addOn;
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Full name')}1`, [['']]);
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Title')}1`, [['Job']]);
    const headersBefore = headersOf(runtime, 'Customers').length;
    const report = runtime.call<string[]>('setUpSpreadsheet');
    expect(report).toEqual(expect.arrayContaining([expect.stringMatching(/restored the header "Full name" in column [A-Z]+$/), expect.stringContaining('restored the header "Title" in column')]));
    expect(headersOf(runtime, 'Customers')).toHaveLength(headersBefore);
    expect(byId(addOn).get('p2')).toMatchObject({ 'Full name': 'Alan Turing', Title: 'Fellow' });
  });

  test('a deleted column comes back after the last column, people’s own included', async () => {
    const addOn = await seeded();
    const { runtime } = addOn;
    const sheet = runtime.workbook.sheet('Customers')!;
    runtime.workbook.deleteColumns(sheet, column(addOn, 'Title'), 1);
    const last = runtime.workbook.lastColumn(sheet);
    runtime.workbook.insertColumns(sheet, last + 1, 1);
    runtime.workbook.writeValues(sheet, 1, last + 1, [['My notes'], ['call back']]);
    expect(runtime.call<string[]>('setUpSpreadsheet')).toContain('Customers: added the missing column "Title" at the end');
    expect(headersOf(runtime, 'Customers').slice(-2)).toEqual(['My notes', 'Title']);
    await push(addOn, [person('p1', { fullName: 'Ada Lovelace', title: 'Analyst' })], 'after', 1);
    expect(byId(addOn).get('p1')).toMatchObject({ Title: 'Analyst', 'My notes': 'call back' });
  });

  test('reordered columns stay where people put them; protections and drop-downs follow them', async () => {
    const addOn = await seeded();
    const { runtime } = addOn;
    const sheet = runtime.workbook.sheet('Customers')!;
    runtime.workbook.move(sheet, 'column', column(addOn, 'Stage'), 1, 1); // Stage first
    runtime.workbook.move(sheet, 'column', column(addOn, 'Revision'), 1, column(addOn, 'Notes')); // a system column among people's
    const order = headersOf(runtime, 'Customers');
    runtime.call('setUpSpreadsheet');
    expect(headersOf(runtime, 'Customers')).toEqual(order);
    const warned = new Set(sheet.protections.flatMap((p) => {
      const g = parseA1(p.a1);
      return Array.from({ length: g.endColumn! - g.startColumn + 1 }, (_, i) => order[g.startColumn - 1 + i]);
    }));
    expect(warned).toEqual(new Set(Person.columns.filter((c) => c.system).map((c) => c.header)));
    const stage = columnOf(runtime, 'Customers', 'Stage');
    expect(sheet.validations[`${stage}2:${stage}1000`]).toMatchObject({ values: [...STAGES] });
    await push(addOn, [person('p3', { fullName: 'Grace Hopper', title: 'Rear Admiral', stage: 'client' })], 'moved', 1);
    expect(byId(addOn).get('p3')).toMatchObject({ Stage: 'client', Title: 'Rear Admiral', Revision: 2 });
  });

  test('a person’s own column between Clipsheet’s columns is never written', async () => {
    const addOn = await seeded();
    const { runtime } = addOn;
    const sheet = runtime.workbook.sheet('Customers')!;
    const at = column(addOn, 'Title');
    runtime.workbook.insertColumns(sheet, at, 1);
    runtime.workbook.writeValues(sheet, 1, at, [['Gift sent'], ['=1+1'], ['yes'], ['']]);
    runtime.call('setUpSpreadsheet');
    await push(addOn, ['p1', 'p2', 'p3'].map((id) => person(id, { fullName: `Updated ${id}` })), 'all', 1);
    await push(addOn, [person('p4')], 'new');
    expect(runtime.workbook.readSerialized(sheet, 1, at, 5, 1).flat()).toEqual(['Gift sent', '=1+1', 'yes', null, null]);
    expect(byId(addOn).get('p1')).toMatchObject({ 'Full name': 'Updated p1', 'Gift sent': 2 });
  });

  test('rows sorted by hand: sync finds each row by its id', async () => {
    const addOn = await seeded();
    const { runtime } = addOn;
    const sheet = runtime.workbook.sheet('Customers')!;
    runtime.workbook.sortRows(sheet, 2, 1, 3, runtime.workbook.lastColumn(sheet), [{ column: column(addOn, 'Full name'), ascending: false }]);
    expect(rowsOf(runtime, 'Customers').map((r) => r.Id)).toEqual(['p3', 'p2', 'p1']);
    runtime.call('setUpSpreadsheet');
    await push(addOn, [person('p2', { fullName: 'Alan Turing', title: 'Codebreaker' })], 'sorted', 1);
    expect(rowsOf(runtime, 'Customers').map((r) => [r.Id, r.Title])).toEqual([['p3', 'Admiral'], ['p2', 'Codebreaker'], ['p1', 'Countess']]);
  });

  test('rows that arrived without an id (pasted while no trigger ran) get one, and sync then sends them', async () => {
    const addOn = await seeded();
    const { runtime } = addOn;
    const sheet = runtime.workbook.sheet('Customers')!;
    const row = Array.from({ length: headersOf(runtime, 'Customers').length }, () => '');
    row[column(addOn, 'Full name') - 1] = 'Katherine Johnson';
    row[column(addOn, 'Stage') - 1] = 'prospect';
    runtime.workbook.writeValues(sheet, 5, 1, [row]);
    expect(runtime.call<string[]>('setUpSpreadsheet')).toContain('Customers: gave 1 row added by hand an id');
    const added = rowsOf(runtime, 'Customers')[3]!;
    expect(added).toMatchObject({ 'Full name': 'Katherine Johnson', Revision: 1, Id: expect.stringMatching(/^[0-9a-f-]{36}$/), Owner: 'owner@clipsheet.local' });
    expect(added['Updated at']).toBeInstanceOf(Date);
    const pulled = await addOn.send({ op: 'pull', entity: 'person', checkpoint: null, limit: 10 });
    expect(pulled.ok && pulled.op === 'pull' && pulled.documents.map((d) => d.fullName)).toContain('Katherine Johnson');
  });
});
