import { browser } from '#imports';
import type { StoreContext } from './changes';
import type { ClipsheetDb } from './db';
import type { ColumnMapping, ImportOptions, ImportReport, PlanOptions } from './import-csv';

/** What the page sends the import worker. */
export interface ImportRequest {
  dbName: string;
  rows: readonly string[][];
  mapping: ColumnMapping;
  owner: string;
  now: string;
  options: PlanOptions;
}

/** What the import worker sends back: how many rows are written as it goes, then the report (or what failed). */
export type ImportWorkerMessage = { kind: 'progress'; done: number } | { kind: 'report'; report: ImportReport } | { kind: 'error'; message: string };

/**
 * importPeople run in a worker (import-worker.ts): the same decisions, chunks and outbox entries, written to
 * the same database by the worker, while the panel stays responsive and the cores are left to the worker and
 * IndexedDB. The people's ids are the worker's (random UUIDs).
 */
export async function importPeopleInWorker(db: ClipsheetDb, rows: readonly string[][], mapping: ColumnMapping, context: StoreContext, options: ImportOptions = {}): Promise<ImportReport> {
  // Built by WXT as an unlisted script (entrypoints/import-worker.ts), served from the extension's own origin.
  const worker = new Worker(browser.runtime.getURL('/import-worker.js'), { name: 'clipsheet-import' });
  try {
    return await new Promise<ImportReport>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
        const message = event.data;
        if (message.kind === 'progress') options.onProgress?.(message.done, rows.length);
        else if (message.kind === 'report') resolve(message.report);
        else reject(new Error(message.message));
      };
      worker.onerror = (event) => reject(new Error(event.message || 'The import worker failed.'));
      const { chunkSize, neverLogDomains, neverLogAddresses } = options;
      worker.postMessage({ dbName: db.name, rows, mapping, owner: context.owner, now: context.now, options: { chunkSize, neverLogDomains, neverLogAddresses } } satisfies ImportRequest);
    });
  } finally {
    worker.terminate();
  }
}
