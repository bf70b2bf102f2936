import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppsScriptRuntime } from '../../emulator/runtime';

/** A tiny hand-written project, so the emulator is tested apart from the add-on: the folder `clasp push` uploads. */
export function projectDir(code: string, scopes?: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'clipsheet-emulator-'));
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ runtimeVersion: 'V8', ...(scopes ? { oauthScopes: scopes } : {}) }));
  writeFileSync(join(dir, 'Page.html'), '<p>hello</p>');
  return dir;
}

/** That project running on a new, empty workbook. */
export function project(code: string, scopes?: string[]): AppsScriptRuntime {
  return new AppsScriptRuntime({ bundleDir: projectDir(code, scopes) });
}
