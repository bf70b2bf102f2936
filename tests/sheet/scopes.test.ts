import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { AppsScriptRuntime } from '../../emulator/runtime';
import { Workbook } from '../../emulator/workbook';
import { BUNDLE_DIR } from '../support/add-on';
import { columnOf } from './helpers';

/**
 * appsscript.json asks for the narrowest scopes that work. The full spreadsheets scope is the narrowest that
 * lets the add-on create and open its interactions archive (archive.ts): `spreadsheets.currentonly` reaches
 * the bound spreadsheet only, and SpreadsheetApp takes no `drive.file`. The emulator enforces the manifest's scopes as
 * Apps Script does, so: everything the add-on does works with them, and dropping any one breaks something.
 */
const manifest = JSON.parse(readFileSync(join(BUNDLE_DIR, 'appsscript.json'), 'utf8')) as { oauthScopes: string[]; webapp: Record<string, string>; runtimeVersion: string };

function withScopes(scopes: string[]): AppsScriptRuntime {
  const dir = mkdtempSync(join(tmpdir(), 'clipsheet-scopes-'));
  cpSync(BUNDLE_DIR, dir, { recursive: true });
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ ...manifest, oauthScopes: scopes }));
  const workbook = new Workbook();
  workbook.addSheet('Sheet1');
  return new AppsScriptRuntime({ bundleDir: dir, workbook });
}

/** Every surface once: menu, set up, a rep, a hand edit, the sidebar, the archive, the schedule, a formula. */
function everything(runtime: AppsScriptRuntime): void {
  runtime.open();
  runtime.call('setUpSpreadsheet');
  runtime.answers.push({ button: 'OK', text: 'Dana' }, { button: 'OK', text: 'dana@team.example' }, { button: 'OK', text: '' });
  runtime.call('menuAddRep');
  const name = `${columnOf(runtime, 'Customers', 'Full name')}2`;
  runtime.editByHand('Customers', name, [['Ada Lovelace']]);
  runtime.select('Customers', name);
  runtime.call('menuOpenSidebar');
  runtime.call('sidebarLoad');
  runtime.call('archiveInteractionsBefore', new Date().toISOString());
  runtime.runTimeDriven();
  runtime.callCustomFunction('CLIPSHEET_LEVEL', 30, 0.5);
}

describe('the manifest', () => {
  test('is V8, and the web app runs as the owner for anyone (reps sign with their own keys)', () => {
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.webapp).toEqual({ executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' });
    expect(manifest.oauthScopes.every((s) => !/\/auth\/drive/.test(s))).toBe(true); // no access to other Drive files
  });

  test('its scopes are enough for every surface', () => {
    expect(() => everything(withScopes(manifest.oauthScopes))).not.toThrow();
  });

  test.each(manifest.oauthScopes)('without %s something fails', (scope) => {
    expect(() => everything(withScopes(manifest.oauthScopes.filter((s) => s !== scope)))).toThrow('You do not have permission to call');
  });
});
