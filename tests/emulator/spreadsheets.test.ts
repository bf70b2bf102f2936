import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startLocalBackend } from '../../emulator/local-backend';
import { spreadsheetFile } from '../../emulator/workbook-file';
import { project, projectDir } from './project';

const SCOPE = 'https://www.googleapis.com/auth/';
const NOT_FOUND = (method: string) => `Exception: Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`;

const CODE = `
function archive(name, rows, columns) {
  const book = rows ? SpreadsheetApp.create(name, rows, columns) : SpreadsheetApp.create(name);
  const sheet = book.getSheets()[0];
  sheet.getRange('A1:B1').setValues([['id', 'when']]);
  return { id: book.getId(), url: book.getUrl(), name: book.getName(), sheet: sheet.getName(), size: [sheet.getMaxRows(), sheet.getMaxColumns()], parent: sheet.getParent().getId() };
}
function readById(id, a1) { return SpreadsheetApp.openById(id).getSheetByName('Sheet1').getRange(a1).getValues(); }
function writeById(id, a1, values) { SpreadsheetApp.openById(id).getSheets()[0].getRange(a1).setValues(values); }
function openUrl(url) { const s = SpreadsheetApp.openByUrl(url); return [s.getId(), s.getName()]; }
function share(id, editors, viewers) { const s = SpreadsheetApp.openById(id); if (editors.length) s.addEditors(editors); if (viewers.length) s.addViewers(viewers); return [s.getOwner().getEmail(), s.getEditors().map((u) => u.getEmail()), s.getViewers().map((u) => u.getEmail())]; }
function whoAmI() { return Session.getEffectiveUser().getEmail(); }
function active() { const s = SpreadsheetApp.getActiveSpreadsheet(); return [s.getId(), s.getUrl()]; }
`;

type Made = { id: string; url: string; name: string; sheet: string; size: number[]; parent: string };

describe('several spreadsheets, as Apps Script has them', () => {
  test('create makes a spreadsheet of its own: one Sheet1 of 1000 x 26 (or the size asked), a Google-like id and URL', () => {
    const runtime = project(CODE);
    const made = runtime.call<Made>('archive', 'Archive 2026');
    expect(made).toEqual({ id: expect.stringMatching(/^[A-Za-z0-9_-]{44}$/), url: `https://docs.google.com/spreadsheets/d/${made.id}/edit`, name: 'Archive 2026', sheet: 'Sheet1', size: [1000, 26], parent: made.id });
    const small = runtime.call<Made>('archive', 'Small', 10, 3);
    expect(small.size).toEqual([10, 3]);
    expect(small.id).not.toBe(made.id);

    const archive = runtime.spreadsheets.get(made.id)!;
    expect(archive.readValues(archive.sheet('Sheet1')!, 1, 1, 1, 2)).toEqual([['id', 'when']]);
    expect(archive.engine).not.toBe(runtime.workbook.engine);
    expect(runtime.workbook.sheets).toEqual([]); // the bound spreadsheet is untouched, and stays the active one
    expect(runtime.call('active')).toEqual([runtime.workbook.id, `https://docs.google.com/spreadsheets/d/${runtime.workbook.id}/edit`]);
    expect([...runtime.spreadsheets.keys()]).toEqual([runtime.workbook.id, made.id, small.id]);
  });

  test('openById and openByUrl reach any spreadsheet the runtime knows, counted like the bound one', () => {
    const runtime = project(CODE);
    const { id, url } = runtime.call<Made>('archive', 'Archive');
    const read = runtime.measure('readById', id, 'A1:B1');
    expect(read.result).toEqual([['id', 'when']]);
    expect(read.byService).toEqual({ 'SpreadsheetApp.openById': 1, 'SpreadsheetApp.Range.getValues': 1, 'SpreadsheetApp.Sheet.getRange': 1, 'SpreadsheetApp.Spreadsheet.getSheetByName': 1 });
    expect(runtime.call('openUrl', url)).toEqual([id, 'Archive']);
    expect(runtime.call('openUrl', `https://docs.google.com/spreadsheets/d/${id}/edit#gid=0`)).toEqual([id, 'Archive']);
    const [mainId, mainUrl] = runtime.call<string[]>('active');
    expect(runtime.call('openUrl', mainUrl)).toEqual([mainId, 'Clipsheet']);
  });

  test('sharing: the owner is among the editors, viewers apart, nobody lowered; a bad address is refused', () => {
    const runtime = project(CODE);
    const { id } = runtime.callAs<Made>('ana@team.example', 'archive', 'Ana\'s');
    expect(runtime.callAs('ana@team.example', 'share', id, ['bo@team.example'], ['cy@team.example', 'bo@team.example', 'ana@team.example'])).toEqual([
      'ana@team.example', ['ana@team.example', 'bo@team.example'], ['cy@team.example'],
    ]);
    expect(() => runtime.callAs('ana@team.example', 'share', id, ['not an address'], [])).toThrow('Invalid email: not an address');
    // Session says whom the script acts as, the same person SpreadsheetApp lets open what they own.
    expect([runtime.callAs('ana@team.example', 'whoAmI'), runtime.call('whoAmI')]).toEqual(['ana@team.example', 'owner@clipsheet.local']);
  });

  test('an unknown id or URL throws Google’s exception', () => {
    const runtime = project(CODE);
    expect(() => runtime.call('readById', 'no-such-spreadsheet', 'A1')).toThrow(NOT_FOUND('openById'));
    expect(() => runtime.call('openUrl', 'https://docs.google.com/spreadsheets/d/no-such-spreadsheet/edit')).toThrow(NOT_FOUND('openByUrl'));
    expect(() => runtime.call('openUrl', 'https://example.com/')).toThrow(NOT_FOUND('openByUrl'));
  });

  test('spreadsheets.currentonly reaches only the bound spreadsheet: opening or creating one needs the spreadsheets scope', () => {
    const narrow = project(CODE, [`${SCOPE}spreadsheets.currentonly`]);
    const [id, url] = narrow.call<string[]>('active');
    const refused = (method: string) => `You do not have permission to call SpreadsheetApp.${method}. Required permissions: ${SCOPE}spreadsheets`;
    expect(() => narrow.call('archive', 'Archive')).toThrow(refused('create'));
    // By id or URL even the bound spreadsheet is "another": the method needs the scope, whatever it opens.
    expect(() => narrow.call('readById', id, 'A1')).toThrow(refused('openById'));
    expect(() => narrow.call('openUrl', url)).toThrow(refused('openByUrl'));

    const full = project(CODE, [`${SCOPE}spreadsheets`]);
    expect(full.call('readById', full.call<Made>('archive', 'Archive').id, 'A1')).toEqual([['id']]);
  });

  test('a custom function cannot open another spreadsheet', () => {
    const runtime = project(CODE);
    const { id } = runtime.call<Made>('archive', 'Archive');
    expect(() => runtime.callCustomFunction('readById', id, 'A1')).toThrow('You do not have permission to call SpreadsheetApp.openById');
  });
});

describe('the local backend keeps created spreadsheets', () => {
  // Just enough of the add-on's surface for startLocalBackend: set up, and a rep key it can check.
  const BACKEND = `${CODE}
function setUpSpreadsheet() { SpreadsheetApp.getActiveSpreadsheet().insertSheet('Customers'); }
function issueRepKey() { PropertiesService.getScriptProperties().setProperty('clipsheet.key.local', 'secret'); return 'csk.local.secret'; }
function writeMain(a1, value) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Customers').getRange(a1).setValue(value); }
`;

  test('a created spreadsheet belongs to whoever ran the script: others open it once it is shared with them', async () => {
    const bundleDir = projectDir(BACKEND + 'function share(id, emails) { SpreadsheetApp.openById(id).addEditors(emails); }');
    const workbookFile = join(mkdtempSync(join(tmpdir(), 'clipsheet-backend-')), 'workbook.xlsx');
    const first = await startLocalBackend({ bundleDir, workbookFile });
    const { id } = first.runtime.callAs<Made>('ana@team.example', 'archive', 'Ana\'s');
    expect(() => first.runtime.call('readById', id, 'A1')).toThrow('You do not have permission to access the requested document.');
    first.runtime.callAs('ana@team.example', 'share', id, ['owner@clipsheet.local']);
    expect(first.runtime.call('readById', id, 'A1')).toEqual([['id']]);
    await first.close();
    // The sharing is kept with the spreadsheet across a restart.
    const second = await startLocalBackend({ bundleDir, workbookFile });
    try {
      expect(second.runtime.call('readById', id, 'A1')).toEqual([['id']]);
      expect(() => second.runtime.callAs('bo@team.example', 'readById', id, 'A1')).toThrow('You do not have permission');
    } finally {
      await second.close();
    }
  });

  test('each in its own .xlsx beside the workbook, back by id after a restart; only the workbooks written are saved again', async () => {
    const bundleDir = projectDir(BACKEND);
    const workbookFile = join(mkdtempSync(join(tmpdir(), 'clipsheet-backend-')), 'workbook.xlsx');
    const first = await startLocalBackend({ bundleDir, workbookFile });
    const { id } = first.runtime.call<Made>('archive', 'Archive');
    first.runtime.call('writeById', id, 'A2:B2', [['p1', 42]]);
    await first.close();

    const file = spreadsheetFile(workbookFile, id);
    expect(file).toBe(join(workbookFile, '..', `workbook.${id}.xlsx`));
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(readFileSync(`${workbookFile}.state.json`, 'utf8')).spreadsheets).toMatchObject([{ id, name: 'Archive' }]);

    const second = await startLocalBackend({ bundleDir, workbookFile });
    try {
      expect(second.runtime.call('readById', id, 'A1:B2')).toEqual([['id', 'when'], ['p1', 42]]);
      expect(second.runtime.spreadsheets.get(id)?.name).toBe('Archive');
      const saved = statSync(file).mtimeMs;
      second.runtime.call('writeMain', 'A1', 'only the bound spreadsheet');
      await second.persist();
      expect(statSync(file).mtimeMs).toBe(saved);
    } finally {
      await second.close();
    }
  });
});
