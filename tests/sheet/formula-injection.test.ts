import { describe, expect, test } from 'vitest';
import { loadAddOn, person } from '../support/add-on';
import { columnOf, rowsOf } from './helpers';

/**
 * Captured data never runs in the sheet. Sheets reads text that starts with = + - (and Excel @) as a
 * formula, so every path that writes people's text (sync, hand-edit stamps, admin dialogs, the sidebar, the
 * Log, Set up's repairs) must keep it text. The emulator computes formulas like Sheets: a slip would show.
 */
const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+1+2', '-2+3', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '=IMPORTXML("http://evil.example","//a")', "'quoted"];

function noFormulas(runtime: ReturnType<typeof loadAddOn>['runtime'], sheetName: string) {
  const sheet = runtime.workbook.sheet(sheetName)!;
  const { workbook } = runtime;
  return workbook.readFormulas(sheet, 1, 1, Math.max(1, workbook.lastRow(sheet)), Math.max(1, workbook.lastColumn(sheet))).flat().filter(Boolean);
}

describe('formula-like text round-trips as text on every write path', () => {
  test('sync push, then a hand edit of the same rows (whose stamps rewrite system cells), then pull', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    await addOn.send({ op: 'push', changes: HOSTILE.map((text, i) => ({ entity: 'person' as const, key: `h-${String(i).padStart(8, '0')}`, assumedRevision: null, record: person(`h${i}`, { fullName: text, notes: text, tags: [text] }) })) });
    const title = columnOf(runtime, 'Customers', 'Title');
    runtime.editByHand('Customers', `${title}2:${title}${HOSTILE.length + 1}`, HOSTILE.map(() => ['edited']));
    expect(noFormulas(runtime, 'Customers')).toEqual([]);
    expect(rowsOf(runtime, 'Customers').map((r) => r['Full name'])).toEqual(HOSTILE);
    const pulled = await addOn.send({ op: 'pull', entity: 'person', checkpoint: null, limit: 50 });
    if (!pulled.ok || pulled.op !== 'pull') throw new Error('pull failed');
    expect(pulled.documents.map((d) => [d.fullName, d.notes, d.title])).toEqual(HOSTILE.map((t) => [t, t, 'edited']));
  });

  test('names and emails typed into Add a rep, and the Log lines about them', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    runtime.answers.push({ button: 'OK', text: '=HYPERLINK("http://evil.example","me")' }, { button: 'OK', text: '+1@evil.example' }, { button: 'OK', text: '' });
    runtime.call('menuAddRep');
    expect(rowsOf(runtime, 'Team').at(-1)).toMatchObject({ Name: '=HYPERLINK("http://evil.example","me")', Email: '+1@evil.example' });
    expect(rowsOf(runtime, 'Log').at(-1)).toMatchObject({ Detail: '+1@evil.example' });
    expect(noFormulas(runtime, 'Team')).toEqual([]);
    expect(noFormulas(runtime, 'Log')).toEqual([]);
  });

  test('a stage note from the sidebar, and text Set up rewrites while giving pasted rows ids', async () => {
    const addOn = loadAddOn();
    const { runtime } = addOn;
    await addOn.send({ op: 'push', changes: [{ entity: 'person', key: 'k-00000001', assumedRevision: null, record: person('p1', { fullName: '-1+1' }) }] });
    const moved = runtime.call<{ ok: boolean }>('sidebarSetStage', 'p1', 'lost', 'other', '=1+1 moved away');
    expect(moved.ok).toBe(true);
    const sheet = runtime.workbook.sheet('Customers')!;
    const width = runtime.workbook.lastColumn(sheet);
    const pasted = Array.from({ length: width }, () => '');
    pasted[runtime.workbook.readValues(sheet, 1, 1, 1, width)[0]!.indexOf('Full name')] = "'=2+2"; // quote-prefixed by the person who pasted it
    runtime.workbook.writeValues(sheet, 3, 1, [pasted]);
    runtime.call('setUpSpreadsheet');
    expect(rowsOf(runtime, 'Customers').map((r) => [r['Full name'], r['Stage reason']])).toEqual([['-1+1', 'other: =1+1 moved away'], ['=2+2', '']]);
    expect(noFormulas(runtime, 'Customers')).toEqual([]);
  });
});
