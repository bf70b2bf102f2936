import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lettersToColumn } from '../../emulator/a1';
import { parseSyncKey } from '../../shared/sync/key';
import { BUNDLE_DIR, ISO, loadAddOn, person } from '../support/add-on';
import { cell, columnOf, rowsOf } from './helpers';

type AddOn = ReturnType<typeof loadAddOn>;
const push = (addOn: AddOn, records: Array<Record<string, unknown>>, key: string) =>
  addOn.send({ op: 'push', changes: records.map((record, i) => ({ entity: 'person' as const, key: `${key}-${String(i).padStart(6, '0')}`, assumedRevision: null, record })) });

test('opening the spreadsheet adds the Clipsheet menu; every item calls a function of the bundle', () => {
  const { runtime } = loadAddOn();
  runtime.open();
  const items = runtime.menus.get('Clipsheet')!;
  expect(items.map(([caption]) => caption)).toEqual([
    'Set up spreadsheet',
    'Open sidebar',
    'Add a rep…',
    'Revoke a rep…',
    'Check data quality',
    'Recompute segments and dashboard now',
    'Archive old interactions…',
  ]);
  const code = readFileSync(join(BUNDLE_DIR, 'Code.js'), 'utf8');
  for (const [, fn] of items) expect(code).toMatch(new RegExp(`^function ${fn}\\(`, 'm'));
});

describe('menu actions', () => {
  test('Set up reports what it did in an alert', () => {
    const { runtime } = loadAddOn();
    runtime.workbook.removeSheet(runtime.workbook.sheet('Tasks')!);
    runtime.call('menuSetUp');
    expect(runtime.ui.at(-1)).toMatchObject({ kind: 'alert', title: 'Clipsheet is set up', content: expect.stringContaining('• created Tasks') });
  });

  test('Add a rep asks name, email and role, shows a key that works once, and logs who without the key', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    runtime.answers.push({ button: 'OK', text: 'Sam Rep' }, { button: 'OK', text: 'sam@team.example' }, { button: 'OK', text: 'manager' });
    runtime.call('menuAddRep');
    const shown = runtime.ui.at(-1)!;
    expect(shown).toMatchObject({ kind: 'alert', title: 'Sync key' });
    const key = parseSyncKey(shown.content.match(/cs1\.\S+/)![0]);
    expect(await addOn.send({ op: 'hello' }, { key })).toMatchObject({ ok: true, rep: { name: 'Sam Rep', email: 'sam@team.example' } });
    expect(rowsOf(runtime, 'Team').find((r) => r.Email === 'sam@team.example')).toMatchObject({ Name: 'Sam Rep', Role: 'manager', Active: true, 'Key id': key.keyId });
    const log = rowsOf(runtime, 'Log').at(-1)!;
    expect(log).toMatchObject({ Action: 'add rep', Detail: 'sam@team.example', Actor: 'owner@clipsheet.local' });
    expect(JSON.stringify(rowsOf(runtime, 'Log'))).not.toContain(key.secret);
  });

  test('cancelling a prompt changes nothing; a bad role or email is refused with a message', () => {
    const { runtime } = loadAddOn();
    const team = JSON.stringify(rowsOf(runtime, 'Team'));
    runtime.answers.push({ button: 'CANCEL' });
    runtime.call('menuAddRep');
    runtime.answers.push({ button: 'OK', text: 'Sam' }, { button: 'OK', text: 'sam@team.example' }, { button: 'OK', text: 'boss' });
    runtime.call('menuAddRep');
    expect(runtime.ui.at(-1)!.content).toContain('"boss" is not a role');
    runtime.answers.push({ button: 'OK', text: 'Sam' }, { button: 'OK', text: 'not an email' }, { button: 'OK', text: '' });
    expect(() => runtime.call('menuAddRep')).toThrow('"not an email" is not an email address');
    expect(JSON.stringify(rowsOf(runtime, 'Team'))).toBe(team);
  });

  test('Revoke a rep asks for the email, confirms, and the key stops working at once', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    runtime.answers.push({ button: 'OK', text: 'dana@team.example' }, { button: 'NO' });
    runtime.call('menuRevokeRep');
    expect(await addOn.send({ op: 'hello' })).toMatchObject({ ok: true });
    runtime.answers.push({ button: 'OK', text: 'DANA@team.example' }, { button: 'YES' });
    runtime.call('menuRevokeRep');
    expect(runtime.ui.at(-1)!.content).toBe('Dana Rep can no longer sync.');
    expect(await addOn.send({ op: 'hello' })).toMatchObject({ ok: false, error: { code: 'unknown_rep' } });
    expect(rowsOf(runtime, 'Team')[0]).toMatchObject({ Active: false, Revision: 2 });
    expect(rowsOf(runtime, 'Log').at(-1)).toMatchObject({ Action: 'revoke rep', Detail: 'DANA@team.example' });
  });

  test('Check data quality finds duplicates typed by hand, stale contacts, thin profiles and unreadable rows', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await push(addOn, [
      person('p1', { fullName: 'Ada Lovelace', emails: ['ada@example.com'], company: 'Analytical', title: 'Countess', phones: ['+44 20 7946 0000'], linkedinUrl: 'https://www.linkedin.com/in/ada', location: 'London', acquisitionSource: 'referral' }),
      person('p2', { fullName: 'Alan Turing', stage: 'client', lastContactAt: daysAgo(400) }),
      person('p3', { fullName: 'Grace Hopper', stage: 'repeat customer', lastContactAt: daysAgo(100) }),
      person('p4', { fullName: 'Katherine Johnson', stage: 'prospect', lastContactAt: daysAgo(90) }),
    ], 'dq');
    // The team adds Ada again by hand, her email in capitals; someone pastes a stage that does not exist.
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Emails')}6`, [['ADA@Example.com']]);
    runtime.editByHand('Customers', `${columnOf(runtime, 'Customers', 'Full name')}6`, [['Ada L.']]);
    runtime.workbook.writeValues(runtime.workbook.sheet('Customers')!, 4, lettersToColumn(columnOf(runtime, 'Customers', 'Stage')), [['best friend']]);
    expect(cell(runtime, 'Customers', 'Full name', 4)).toBe('Grace Hopper');
    runtime.call('menuCheckDataQuality');
    const text = runtime.ui.at(-1)!.content;
    expect(text).toMatch(/^4 people\./); // Ada, Alan, Katherine and the hand-typed Ada; Grace's row is unreadable
    expect(text).toMatch(/Duplicates: 1 certain .*, 0 possible/);
    expect(text).toContain('email:ada@example.com');
    expect(text).toContain('Stale: 1 at risk, 1 inactive');
    expect(text).toContain('Incomplete profiles: 3');
    expect(text).toContain('Rows sync cannot read: 1.');
    expect(text).toContain('Customers row 4: stage:');
    // Every sheet's grid counts against Google's 10 million cells, empty or not.
    const cells = runtime.workbook.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
    expect(text).toContain(`Cells: ${cells.toLocaleString('en-US')} of Google's 10,000,000 per spreadsheet`);
    expect(rowsOf(runtime, 'Log').at(-1)).toMatchObject({ Action: 'check data quality' });
  });

  test('organisations: a push with the domain of a row merges into it; data quality counts what hands and other domains leave', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    const org = (id: string, fields: Record<string, unknown>) => ({ id, revision: 0, createdAt: ISO, updatedAt: ISO, owner: '', stage: 'prospect', ...fields });
    const pushed = await addOn.send({
      op: 'push',
      changes: [
        org('o-mapna', { name: 'MAPNA Group', domain: 'mapna.com', linkedinUrl: 'https://www.linkedin.com/company/mapna' }),
        org('o-again', { name: 'مپنا', website: 'https://www.mapna.com/fa' }), // the same domain: the same organisation
        org('o-pars', { name: 'Pars', website: 'https://pars.ir' }),
        org('o-pars-ae', { name: 'Pars', website: 'https://pars.ae' }), // the same name on another domain: another one
      ].map((record, i) => ({ entity: 'organisation' as const, key: `org-${String(i).padStart(6, '0')}`, assumedRevision: null, record })),
    });
    expect(pushed).toMatchObject({ ok: true, results: [{ status: 'applied' }, { status: 'merged', record: { id: 'o-mapna', name: 'مپنا' } }, { status: 'applied' }, { status: 'applied' }] });
    expect(rowsOf(runtime, 'Organisations').map((row) => row.Id)).toEqual(['o-mapna', 'o-pars', 'o-pars-ae']);
    // Someone types MAPNA in again by hand, with its LinkedIn page.
    runtime.editByHand('Organisations', `${columnOf(runtime, 'Organisations', 'Name')}5`, [['Mapna Co.']]);
    runtime.editByHand('Organisations', `${columnOf(runtime, 'Organisations', 'LinkedIn')}5`, [['https://uk.linkedin.com/company/MAPNA/']]);
    runtime.editByHand('Organisations', `${columnOf(runtime, 'Organisations', 'Stage')}5`, [['prospect']]);
    runtime.call('menuCheckDataQuality');
    const text = runtime.ui.at(-1)!.content;
    expect(text).toMatch(/4 organisations\. Duplicates: 1 certain .*, 1 possible/);
    expect(text).toContain('linkedin:company/mapna');
    expect(text).toContain('o-pars and o-pars-ae (conflicting-identifiers)');
  });

  test('Recompute now and the hourly trigger run the same hook (data-quality counts on the Dashboard); the trigger shows no UI', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    await push(addOn, [person('p1'), person('p2')], 'r');
    runtime.call('menuRecompute');
    // The dashboard's layout belongs to the dashboard: find the data-quality labels wherever it puts them.
    const counted = (label: string) => {
      const sheet = runtime.workbook.sheet('Dashboard')!;
      const cells = runtime.workbook.readValues(sheet, 1, 1, runtime.workbook.lastRow(sheet), 2);
      return cells.find(([text]) => text === label)?.[1];
    };
    expect([counted('People'), counted('Certain duplicates'), counted('Incomplete profiles'), counted('Rows sync cannot read')]).toEqual([2, 0, 2, 0]);
    expect(runtime.ui.at(-1)).toMatchObject({ kind: 'toast' });
    expect(rowsOf(runtime, 'Log').at(-1)).toMatchObject({ Action: 'recompute' });
    await push(addOn, [person('p3')], 'r2');
    const shown = runtime.ui.length;
    // The cells every sheet's grid holds as the run begins (the sheets the first recompute added included).
    const cells = runtime.workbook.sheets.reduce((sum, sheet) => sum + sheet.maxRows * sheet.maxColumns, 0);
    runtime.runTimeDriven();
    expect(counted('People')).toBe(3);
    // The sheets the add-on alone writes hold no empty grid beyond one spare row: a new sheet's 1000 x 26 would count.
    const grid = (name: string) => [runtime.workbook.sheet(name)!.maxRows, runtime.workbook.sheet(name)!.maxColumns];
    expect(grid('Customer value')).toEqual([3 + 1 + 1, 21]);
    expect(grid('Predictions')).toEqual([6 + 1, 10]);
    expect(counted('Cells used (Google allows 10,000,000)')).toBe(cells);
    const interactions = runtime.workbook.sheet('Interactions')!;
    expect(counted('Interactions that still fit')).toBe(interactions.maxRows - 1 + Math.floor((10_000_000 - cells) / interactions.maxColumns));
    expect(runtime.ui).toHaveLength(shown);
  });

  test('the hourly trigger validates the large sheets a slice per run and sums what each slice last found', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    await push(addOn, [person('p1'), person('p2')], 'q');
    const interaction = (id: string) => ({ id, revision: 0, createdAt: ISO, updatedAt: ISO, owner: '', personIds: ['p1'], type: 'call', at: ISO });
    const pushed = await addOn.send({ op: 'push', changes: ['i1', 'i2', 'i3', 'i4', 'i5'].map((id, i) => ({ entity: 'interaction' as const, key: `interaction-${i}`, assumedRevision: null, record: interaction(id) })) });
    expect(pushed).toMatchObject({ ok: true });
    // Someone types an interaction type that does not exist into two rows (sheet rows 3 and 6).
    const typeColumn = lettersToColumn(columnOf(runtime, 'Interactions', 'Type'));
    const interactions = runtime.workbook.sheet('Interactions')!;
    runtime.workbook.writeValues(interactions, 3, typeColumn, [['chat over coffee']]);
    runtime.workbook.writeValues(interactions, 6, typeColumn, [['smoke signal']]);
    const unreadable = () => {
      const sheet = runtime.workbook.sheet('Dashboard')!;
      return runtime.workbook.readValues(sheet, 1, 1, runtime.workbook.lastRow(sheet), 2).find(([label]) => label === 'Rows sync cannot read')?.[1];
    };
    const rowsReadBySweep = () => {
      const sweep = JSON.parse(runtime.state.properties['clipsheet.quality.sweep']!) as { slices: Record<string, Array<{ first: number; rows: number }>> };
      return sweep.slices.Interactions?.map((slice) => [slice.first, slice.rows]) ?? [];
    };

    runtime.state.properties['clipsheet.quality.rowsPerRun'] = '3';
    runtime.runTimeDriven();
    // The first run read three rows (sheet rows 2-4, one of them bad); the other sheets have no data rows yet.
    expect(rowsReadBySweep()).toEqual([[2, 3]]);
    expect(unreadable()).toBe(1);
    runtime.runTimeDriven();
    expect(rowsReadBySweep()).toEqual([[2, 3], [5, 2]]);
    expect(unreadable()).toBe(2);

    // The bad rows are fixed. The next run goes on to the other sheets (the built-in segments, the team), so
    // the two rows are still counted as their slices last found them; within a few runs the sweep comes back.
    runtime.workbook.writeValues(interactions, 3, typeColumn, [['call']]);
    runtime.workbook.writeValues(interactions, 6, typeColumn, [['meeting']]);
    runtime.runTimeDriven();
    expect(unreadable()).toBe(2);
    for (let run = 0; run < 10; run++) runtime.runTimeDriven(); // 17 built-in segments at 3 rows a run
    expect(unreadable()).toBe(0);

    // Without the knob, a sheet this size is read whole on every run.
    delete runtime.state.properties['clipsheet.quality.rowsPerRun'];
    runtime.workbook.writeValues(interactions, 4, typeColumn, [['telepathy']]);
    runtime.runTimeDriven();
    expect(unreadable()).toBe(1);
    expect(rowsReadBySweep()).toEqual([[2, 5]]);
  });

  test('Open sidebar shows the inlined Preact sidebar', () => {
    const { runtime } = loadAddOn();
    runtime.call('menuOpenSidebar');
    const sidebar = runtime.ui.at(-1)!;
    expect(sidebar).toMatchObject({ kind: 'sidebar', title: 'Clipsheet' });
    expect(sidebar.content).toMatch(/^<!DOCTYPE html>[\s\S]*<script>[\s\S]+<\/script>/);
    expect(sidebar.content).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/); // one file, nothing fetched
  });
});

describe('Archive old interactions', () => {
  const interaction = (id: string, at: string) => ({ id, revision: 0, createdAt: at, updatedAt: at, owner: 'dana@team.example', personIds: ['p1'], type: 'call', at });
  const load = async () => {
    const addOn = loadAddOn();
    const now = new Date();
    const monthsAgo = (months: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 15)).toISOString();
    await addOn.send({ op: 'push', changes: [interaction('two-years', monthsAgo(24)), interaction('month', monthsAgo(1))].map((record, i) => ({ entity: 'interaction' as const, key: `load-${i}-000000`, assumedRevision: null, record })) });
    return addOn;
  };

  test('asks how many months to keep, confirms, moves the older ones and says where', async () => {
    const { runtime } = await load();
    runtime.answers.push({ button: 'OK', text: '' }, { button: 'YES' });
    runtime.call('menuArchive');
    const now = new Date();
    const cutoff = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 12, 1)).toISOString().slice(0, 10);
    expect(runtime.ui.at(-2)).toMatchObject({ kind: 'alert', content: expect.stringContaining(`before ${cutoff}`) });
    expect(runtime.ui.at(-1)).toMatchObject({ kind: 'alert', title: 'Archive old interactions', content: expect.stringMatching(new RegExp(`^1 interactions before ${cutoff} moved to the archive:\\nhttps://docs.google.com/spreadsheets/d/`)) });
    expect(rowsOf(runtime, 'Interactions').map((r) => r.Id)).toEqual(['month']);
  });

  test('a number of months that is not one, or a "no", moves nothing', async () => {
    const { runtime } = await load();
    runtime.answers.push({ button: 'OK', text: 'six' });
    runtime.call('menuArchive');
    expect(runtime.ui.at(-1)).toMatchObject({ kind: 'alert', content: '"six" is not a number of months from 1 to 120.' });
    runtime.answers.push({ button: 'OK', text: '6' }, { button: 'NO' });
    runtime.call('menuArchive');
    expect(rowsOf(runtime, 'Interactions')).toHaveLength(2);
    expect(runtime.state.properties['clipsheet.archive']).toBeUndefined();
  });
});
