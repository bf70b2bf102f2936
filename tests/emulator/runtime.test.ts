import { describe, expect, test } from 'vitest';
import { project } from './project';

const CODE = `
function setUp() { SpreadsheetApp.getActiveSpreadsheet().insertSheet('Data'); }
function ask() { const ui = SpreadsheetApp.getUi(); const a = ui.prompt('Who?', ui.ButtonSet.OK_CANCEL); return [a.getSelectedButton(), a.getResponseText()]; }
function confirm() { const ui = SpreadsheetApp.getUi(); return ui.alert('Sure?', 'Really?', ui.ButtonSet.YES_NO); }
function showUi() { SpreadsheetApp.getUi().alert('hi'); }
function write(a1, v) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange(a1).setValue(v); return 1; }
function read(a1) { return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange(a1).getValue(); }
function double(x) { return x * 2; }
function whoAmI() { return Session.getActiveUser().getEmail(); }
function notation(a1) { const r = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Data').getRange(a1); return [r.getA1Notation(), r.getNumRows(), r.protect().getRange().getA1Notation()]; }
function active() { const r = SpreadsheetApp.getActiveSpreadsheet().getActiveRange(); return [r.getSheet().getName(), r.getA1Notation(), r.getRow()]; }
function hourly(n) { return ScriptApp.newTrigger('double').timeBased().everyHours(n).create().getUniqueId(); }
function onEditTrigger() { ScriptApp.newTrigger('recordEdit').forSpreadsheet(SpreadsheetApp.getActive()).onEdit().create(); }
function recordEdit(e) { PropertiesService.getScriptProperties().setProperty('edit', JSON.stringify([e.range.getA1Notation(), e.value ?? null, e.oldValue ?? null, e.user.getEmail()])); }
function sidebar() { SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Page').setTitle('Side')); }
function doGet() { showUi(); }
`;

describe('what an execution may do depends on how it started, as in Apps Script', () => {
  test('prompts and yes/no alerts take the answers queued by the test, in order; none queued is an error', () => {
    const runtime = project(CODE);
    runtime.answers.push({ button: 'OK', text: 'Dana' }, { button: 'NO' });
    expect(runtime.call('ask')).toEqual(['OK', 'Dana']);
    expect(runtime.call('confirm')).toBe('NO');
    expect(() => runtime.call('ask')).toThrow(/no answer was queued/);
    expect(runtime.ui.map((e) => e.kind)).toEqual(['prompt', 'alert', 'prompt']);
  });

  test('no UI in a web app or a time-driven trigger', () => {
    const runtime = project(CODE);
    expect(() => runtime.request('GET', {})).toThrow('Cannot call SpreadsheetApp.getUi() from this context');
    runtime.state.triggers.push({ id: 't1', handler: 'showUi', event: 'CLOCK', everyHours: 1 });
    expect(() => runtime.runTimeDriven()).toThrow('Cannot call SpreadsheetApp.getUi() from this context');
    expect(() => runtime.call('showUi')).not.toThrow();
  });

  test('a custom function may compute and read, never write', () => {
    const runtime = project(CODE);
    runtime.call('setUp');
    runtime.call('write', 'A1', 5);
    expect(runtime.callCustomFunction('double', 21)).toBe(42);
    expect(runtime.callCustomFunction('read', 'A1')).toBe(5);
    expect(() => runtime.callCustomFunction('write', 'A1', 6)).toThrow('You do not have permission to call SpreadsheetApp.Range.setValue');
    expect(runtime.call('read', 'A1')).toBe(5);
  });

  test('with oauthScopes declared, a call outside them fails with Google’s message', () => {
    const runtime = project(CODE, ['https://www.googleapis.com/auth/spreadsheets.currentonly']);
    runtime.call('setUp');
    expect(() => runtime.call('whoAmI')).toThrow('You do not have permission to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email');
    expect(() => runtime.call('showUi')).toThrow(/script\.container\.ui/);
    expect(() => runtime.call('hourly', 1)).toThrow(/script\.scriptapp/);
    expect(project(CODE).call('whoAmI')).toBe('owner@clipsheet.local'); // no oauthScopes: inferred, all allowed
  });

  test('an anonymous web-app visitor is no active user', () => {
    const runtime = project(`${CODE}\nfunction doPost() { return ContentService.createTextOutput(Session.getActiveUser().getEmail()); }`);
    expect(runtime.request('POST', {}, '').content).toBe('');
  });
});

describe('SpreadsheetApp details the add-on relies on', () => {
  test('open-ended ranges keep their notation, reach the sheet’s edge, and so do protections over them', () => {
    const runtime = project(CODE);
    runtime.call('setUp');
    expect(runtime.call('notation', 'B:C')).toEqual(['B:C', 1000, 'B:C']);
    expect(runtime.call('notation', 'D2:D')).toEqual(['D2:D', 999, 'D2:D']);
  });

  test('the active range is the selection', () => {
    const runtime = project(CODE);
    runtime.call('setUp');
    runtime.select('Data', 'C7:D9');
    expect(runtime.call('active')).toEqual(['Data', 'C7:D9', 7]);
  });

  test('time-driven schedules accept only what Apps Script accepts', () => {
    const runtime = project(CODE);
    expect(runtime.call('hourly', 1)).toEqual(expect.any(String));
    expect(() => runtime.call('hourly', 3)).toThrow('everyHours must be 1, 2, 4, 6, 8 or 12');
  });

  test('a hand edit writes, warns on warning-only protections, and fires on-edit triggers with Sheets’ event', () => {
    const runtime = project(CODE);
    runtime.call('setUp');
    runtime.call('notation', 'B:B'); // protects B (not warning-only: the owner may edit)
    runtime.workbook.sheet('Data')!.protections[0]!.warningOnly = true;
    runtime.call('write', 'B2', 'old');
    runtime.call('onEditTrigger');
    runtime.editByHand('Data', 'B2', [['new']], 'dana@team.example');
    expect(JSON.parse(runtime.state.properties.edit!)).toEqual(['B2', 'new', 'old', 'dana@team.example']);
    expect(runtime.ui.at(0)).toMatchObject({ kind: 'alert', title: 'Heads up!' });
  });

  test('script writes never fire triggers', () => {
    const runtime = project(CODE);
    runtime.call('setUp');
    runtime.call('onEditTrigger');
    runtime.call('write', 'A1', 'by script');
    expect(runtime.state.properties.edit).toBeUndefined();
  });

  test('a sidebar shows the project’s HTML file', () => {
    const runtime = project(CODE);
    runtime.call('sidebar');
    expect(runtime.ui).toEqual([{ kind: 'sidebar', title: 'Side', content: '<p>hello</p>' }]);
  });
});
