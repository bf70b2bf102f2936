/// <reference lib="webworker" />
import { ClipsheetDb } from './db';
import { planImport } from './import-csv';
import type { ImportRequest, ImportWorkerMessage } from './import-in-worker';

/**
 * Serves imports in a worker (entrypoints/import-worker.ts): the planning (reading rows, de-duplicating with
 * shared/identity, the schema's checks: most of a large import's work) off the side panel's thread, which
 * meanwhile writes what this posts (import-in-worker.ts). The worker reads the stored people itself, from the
 * extension's own IndexedDB, rather than have the page copy them.
 */
export function serveImports(scope: DedicatedWorkerGlobalScope): void {
  scope.onmessage = (event: MessageEvent<ImportRequest>) => void planInWorker(event.data, (message) => scope.postMessage(message));
}

async function planInWorker(request: ImportRequest, post: (message: ImportWorkerMessage) => void): Promise<void> {
  const { dbName, rows, mapping, owner, now, options } = request;
  try {
    const db = new ClipsheetDb(dbName);
    const stored = await db.people.toArray();
    db.close();
    const plan = planImport(stored, rows, mapping, { owner, now, newId: () => crypto.randomUUID() }, options);
    for (let step = plan.next(); ; step = plan.next()) {
      if (step.done) return post({ kind: 'report', report: step.value });
      if (step.value.people.length) post({ kind: 'chunk', chunk: step.value });
    }
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
  }
}
