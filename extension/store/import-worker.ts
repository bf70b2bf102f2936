/// <reference lib="webworker" />
import { ClipsheetDb } from './db';
import { importPeople } from './import-csv';
import type { ImportRequest, ImportWorkerMessage } from './import-in-worker';

/**
 * Serves imports in a worker (entrypoints/import-worker.ts): the whole of importPeople, planning (reading rows,
 * de-duplicating with shared/identity, the schema's checks) and writing, off the side panel's thread, in the
 * extension's own IndexedDB. The worker reads the stored people itself rather than have the page copy them, and
 * writes what it decides rather than post it to the page: at 100,000 contacts, posting the people and writing them
 * from the page cost the page 7.6-8.3 CPU-seconds besides the worker's 4.3 for planning; the worker writing them
 * itself spends 8.6-10.6 in all (issue 5, bench/workspace.bench.ts's import).
 */
export function serveImports(scope: DedicatedWorkerGlobalScope): void {
  scope.onmessage = (event: MessageEvent<ImportRequest>) => void importInWorker(event.data, (message) => scope.postMessage(message));
}

async function importInWorker(request: ImportRequest, post: (message: ImportWorkerMessage) => void): Promise<void> {
  const { dbName, rows, mapping, owner, now, options } = request;
  const db = new ClipsheetDb(dbName);
  try {
    const report = await importPeople(db, rows, mapping, { owner, now, newId: () => crypto.randomUUID() }, { ...options, onProgress: (done) => post({ kind: 'progress', done }) });
    post({ kind: 'report', report });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  } finally {
    db.close();
  }
}
