import { describe, expect, test } from 'vitest';
import { Person } from '../../shared/model';
import { signRequest } from '../../extension/sync/transport';
import { MAX_PUSH_CHANGES } from '../../shared/sync/protocol';
import { ISO, loadAddOn, person } from '../support/add-on';

const push = (records: Array<Record<string, unknown>>, key = 'k', assumedRevision: number | null = null) => ({
  op: 'push' as const,
  changes: records.map((record, i) => ({ entity: 'person' as const, key: `${key}-${String(i).padStart(8, '0')}`, assumedRevision, record })),
});

describe('push and pull against the built add-on', () => {
  test('a pushed person becomes a row found by header, with id, revision and update time', async () => {
    const { runtime, send } = loadAddOn();
    const answer = await send(push([person('p1', { fullName: 'Ada Lovelace', emails: ['ada@example.com'] })]));
    expect(answer).toMatchObject({ ok: true, op: 'push', results: [{ id: 'p1', status: 'applied', record: { revision: 1, owner: 'dana@team.example' } }] });
    const sheet = runtime.workbook.sheet('Customers')!;
    const [headers, row] = runtime.workbook.readValues(sheet, 1, 1, 2, Person.columns.length);
    const cell = (header: string) => row![headers!.indexOf(header)];
    expect(cell('Id')).toBe('p1');
    expect(cell('Full name')).toBe('Ada Lovelace');
    expect(cell('Revision')).toBe(1);
    expect(cell('Updated at')).toBeInstanceOf(Date);
  });

  test('replaying a batch the client never saw answered changes nothing', async () => {
    const { runtime, send } = loadAddOn();
    const batch = push([person('p1'), person('p2')]);
    await send(batch);
    const before = runtime.workbook.readSerialized(runtime.workbook.sheet('Customers')!, 1, 1, 4, Person.columns.length);
    const again = await send(batch);
    expect(again.ok && again.op === 'push' && again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(runtime.workbook.readSerialized(runtime.workbook.sheet('Customers')!, 1, 1, 4, Person.columns.length)).toEqual(before);
  });

  test('a change based on an old revision is a conflict that returns the master state', async () => {
    const { send } = loadAddOn();
    await send(push([person('p1')], 'a'));
    await send(push([person('p1', { title: 'CTO' })], 'b', 1));
    const stale = await send(push([person('p1', { title: 'CEO' })], 'c', 1));
    expect(stale).toMatchObject({ ok: true, results: [{ status: 'conflict', record: { title: 'CTO', revision: 2 } }] });
  });

  test('pull pages through changes in (updatedAt, id) order and resumes from its checkpoint', async () => {
    const { send } = loadAddOn();
    await send(push(Array.from({ length: 25 }, (_, i) => person(`p${i}`))));
    const seen: string[] = [];
    let checkpoint = null;
    for (let page = 0; page < 10; page++) {
      const answer = await send({ op: 'pull', entity: 'person', checkpoint, limit: 10 });
      if (!answer.ok || answer.op !== 'pull') throw new Error('pull failed');
      seen.push(...answer.documents.map((d) => String(d.id)));
      checkpoint = answer.checkpoint;
      if (!answer.hasMore) break;
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  test('captured text that looks like a formula is stored and read back as text, never run', async () => {
    const { runtime, send } = loadAddOn();
    const hostile = ['=HYPERLINK("http://evil.example","click")', '+98 912 000 0000', '-2+3', '@SUM(A1:A9)', '\t=1+1', '00123'];
    await send(push(hostile.map((text, i) => person(`h${i}`, { fullName: text, title: text }))));
    const sheet = runtime.workbook.sheet('Customers')!;
    const values = runtime.workbook.readValues(sheet, 2, 1, hostile.length, Person.columns.length);
    const nameColumn = Person.columns.findIndex((c) => c.header === 'Full name');
    expect(values.map((row) => row[nameColumn])).toEqual(hostile);
    expect(runtime.workbook.readFormulas(sheet, 2, 1, hostile.length, Person.columns.length).flat().filter(Boolean)).toEqual([]);
    const pulled = await send({ op: 'pull', entity: 'person', checkpoint: null, limit: 50 });
    expect(pulled.ok && pulled.op === 'pull' && pulled.documents.map((d) => d.title)).toEqual(hostile);
  });
});

describe('bad requests get a clear typed error and change nothing', () => {
  const customersRows = (addOn: ReturnType<typeof loadAddOn>) => addOn.runtime.workbook.lastRow(addOn.runtime.workbook.sheet('Customers')!);

  test.each([
    ['malformed JSON', () => '{"v":1,'],
    ['an HTML body', () => '<html>login</html>'],
    ['an empty body', () => ''],
  ])('%s', async (_name, body) => {
    const addOn = loadAddOn();
    expect(addOn.post(body())).toEqual({ ok: false, error: { code: 'malformed', message: expect.any(String) } });
    expect(customersRows(addOn)).toBe(1);
  });

  test('a wrong signature, a tampered body, a replay, a stale timestamp, an unknown key', async () => {
    const addOn = loadAddOn();
    const body = await signRequest(addOn.key, push([person('p1')]), Date.now());
    const envelope = JSON.parse(body);

    const wrongKey = await addOn.send(push([person('p1')]), { key: { keyId: addOn.key.keyId, secret: 'x'.repeat(43) } });
    expect(wrongKey).toMatchObject({ ok: false, error: { code: 'bad_signature' } });
    const tampered = addOn.post(JSON.stringify({ ...envelope, body: envelope.body.replace('Person p1', 'Person p2') }));
    expect(tampered).toMatchObject({ ok: false, error: { code: 'bad_signature' } });
    expect(customersRows(addOn)).toBe(1);

    expect(addOn.post(body)).toMatchObject({ ok: true });
    expect(addOn.post(body)).toMatchObject({ ok: false, error: { code: 'replayed' } });
    expect(await addOn.send({ op: 'hello' }, { now: Date.now() - 10 * 60_000 })).toMatchObject({ ok: false, error: { code: 'stale_timestamp' } });
    expect(await addOn.send({ op: 'hello' }, { key: { keyId: 'nosuchkey1', secret: 'y'.repeat(43) } })).toMatchObject({ ok: false, error: { code: 'unknown_rep' } });
    expect(customersRows(addOn)).toBe(2);
  });

  test('unknown fields and values of the wrong type are rejected per change, with the reason', async () => {
    const addOn = loadAddOn();
    const answer = await addOn.send({
      op: 'push',
      changes: [
        { entity: 'person', key: 'bad-00000001', assumedRevision: null, record: { ...person('p1'), favouriteColour: 'green' } },
        { entity: 'person', key: 'bad-00000002', assumedRevision: null, record: { ...person('p2'), stage: 'best friend' } },
        { entity: 'person', key: 'bad-00000003', assumedRevision: null, record: { ...person('p3'), fullName: 42 } },
        { entity: 'person', key: 'ok-000000004', assumedRevision: null, record: person('p4') },
      ],
    });
    if (!answer.ok || answer.op !== 'push') throw new Error('push failed');
    expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'applied']);
    expect(answer.results[0]!.error).toContain('favouriteColour');
    expect(answer.results[1]!.error).toContain('stage');
    expect(answer.results[2]!.error).toContain('fullName');
    expect(customersRows(addOn)).toBe(2);
  });

  test('an oversized batch is refused whole', async () => {
    const addOn = loadAddOn();
    const answer = await addOn.send(push(Array.from({ length: MAX_PUSH_CHANGES + 1 }, (_, i) => person(`p${i}`))) as never);
    expect(answer).toMatchObject({ ok: false, error: { code: 'malformed' } });
    expect(customersRows(addOn)).toBe(1);
  });

  test('a rep unticked in Team is refused with a plain message, and the key never reaches a cell or a log', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    const team = runtime.workbook.sheet('Team')!;
    const headers = runtime.workbook.readValues(team, 1, 1, 1, 20)[0]!;
    runtime.editByHand('Team', `R2C${headers.indexOf('Active') + 1}`.replace(/R2C(\d+)/, (_, c) => `${String.fromCharCode(64 + Number(c))}2`), [[false]]);
    expect(await addOn.send({ op: 'hello' })).toMatchObject({ ok: false, error: { code: 'revoked', message: expect.stringContaining('local data is kept') } });
    const everyCell = runtime.workbook.sheets.flatMap((s) => runtime.workbook.readValues(s, 1, 1, Math.max(1, runtime.workbook.lastRow(s)), Math.max(1, runtime.workbook.lastColumn(s))).flat());
    expect(everyCell.some((v) => String(v).includes(addOn.key.secret))).toBe(false);
    expect(runtime.logs.some((line) => line.includes(addOn.key.secret))).toBe(false);
  });
});

describe('cost: service calls per request', () => {
  test('pushing 200 new people into a sheet of 2,000 makes one read and one write on Customers', async () => {
    const addOn = loadAddOn();
    for (let batch = 0; batch < 4; batch++) await addOn.send(push(Array.from({ length: 500 }, (_, i) => person(`seed-${batch}-${i}`)), `seed${batch}`));
    const body = await signRequest(addOn.key, push(Array.from({ length: 200 }, (_, i) => person(`new-${i}`)), 'new'), Date.now());
    addOn.runtime.calls.reset();
    expect(addOn.post(body)).toMatchObject({ ok: true });
    const calls = addOn.runtime.calls.snapshot();
    expect(calls['SpreadsheetApp.Range.getValues']).toBe(1); // Customers; the rep's Team row is cached since their last request
    expect(calls['SpreadsheetApp.Range.setValues']).toBe(2); // Customers and the Log
    expect(calls['SpreadsheetApp.Range.setValue'] ?? 0).toBe(0);
    expect(calls['SpreadsheetApp.Sheet.appendRow'] ?? 0).toBe(0);
    // Two sheets touched (Customers, Log), at most seven spreadsheet calls each (find it, its data range, one
    // read, its size, growing it, the target range, one write), plus opening the spreadsheet and flushing.
    expect(addOn.runtime.calls.total('SpreadsheetApp.')).toBeLessThanOrEqual(2 * 7 + 2);
    expect(addOn.runtime.workbook.lastRow(addOn.runtime.workbook.sheet('Customers')!)).toBe(2201);
  });
});

test('the dates the add-on writes are real dates in the sheet', async () => {
  const { runtime, send } = loadAddOn();
  await send(push([person('p1', { createdAt: ISO })]));
  const sheet = runtime.workbook.sheet('Customers')!;
  const created = Person.columns.findIndex((c) => c.header === 'Created at') + 1;
  expect(runtime.workbook.engine.getCellValueDetailedType({ sheet: sheet.engineId, row: 1, col: created - 1 })).toBe('NUMBER_DATETIME');
  expect((runtime.workbook.readValues(sheet, 2, created, 1, 1)[0]![0] as Date).toISOString()).toBe(ISO);
});
