import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Server } from 'node:http';
import { AppsScriptRuntime } from './runtime';
import { createWebApp } from './web-app';
import type { Workbook } from './workbook';
import { loadWorkbook, saveWorkbook } from './workbook-file';

export interface LocalBackend {
  /** The web-app URL the extension syncs to. */
  url: string;
  /** The sync key of the local rep, ready to paste into the extension. */
  key: string;
  workbookFile: string;
  runtime: AppsScriptRuntime;
  server: Server;
  /** Saves the workbook now if anything changed (requests save on their own). */
  persist(): Promise<void>;
  close(): Promise<void>;
}

export const LOCAL_REP = { name: 'Local Rep', email: 'rep@clipsheet.local' };

/**
 * The local sheet backend: the built add-on running in the emulator, served as a web app, persisted to an
 * .xlsx, with one beside it per spreadsheet the script created. A new workbook is set up and given a local
 * rep, whose key is kept next to it (`.key`, mode 600).
 */
export async function startLocalBackend(options: { bundleDir: string; workbookFile: string; port?: number; host?: string }): Promise<LocalBackend> {
  const { workbook, script, others } = await loadWorkbook(options.workbookFile);
  // Anything changed means a new sidecar; only the workbooks written are saved again.
  let dirty = false;
  let written = new Set<Workbook>();
  const onChange = (changed?: Workbook) => {
    dirty = true;
    if (changed) written.add(changed);
  };
  const runtime = new AppsScriptRuntime({ bundleDir: options.bundleDir, workbook, others, state: script, onChange });
  const persist = async () => {
    if (!dirty) return;
    const changed = written;
    dirty = false;
    written = new Set();
    await saveWorkbook(options.workbookFile, runtime.workbook, runtime.state, { spreadsheets: runtime.spreadsheets.values(), changed });
  };

  const keyFile = `${options.workbookFile}.key`;
  if (!workbook.sheet('Customers')) runtime.call('setUpSpreadsheet');
  let key = existsSync(keyFile) ? readFileSync(keyFile, 'utf8').trim() : '';
  if (!key || !runtime.state.properties[`clipsheet.key.${key.split('.')[1]}`]) {
    key = runtime.call<string>('issueRepKey', LOCAL_REP.name, LOCAL_REP.email);
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, `${key}\n`, { mode: 0o600 });
  }
  await persist();

  const server = createWebApp({ runtime, persist });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/macros/s/local/exec`,
    key,
    workbookFile: options.workbookFile,
    runtime,
    server,
    persist,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await persist();
    },
  };
}

export const DEFAULT_WORKBOOK = join('.clipsheet', 'workbook.xlsx');
