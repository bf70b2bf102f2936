import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lettersToColumn } from '../../emulator/a1';
import { parseSyncKey } from '../../shared/sync/key';
import { BUNDLE_DIR, loadAddOn, person } from '../support/add-on';
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
    expect(rowsOf(runtime, 'Log').at(-1)).toMatchObject({ Action: 'check data quality' });
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
    runtime.runTimeDriven();
    expect(counted('People')).toBe(3);
    expect(runtime.ui).toHaveLength(shown);
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
