import { browser } from '#imports';
import type { StoreContext } from './changes';
import type { ClipsheetDb } from './db';
import { writeImportChunks, type ColumnMapping, type ImportChunk, type ImportOptions, type ImportReport, type PlanOptions } from './import-csv';

/** What the page sends the import worker. */
export interface ImportRequest {
  dbName: string;
  rows: readonly string[][];
  mapping: ColumnMapping;
  owner: string;
  now: string;
  options: PlanOptions;
}

/** What the import worker sends back: the people to write a chunk at a time, then the report (or what failed). */
export type ImportWorkerMessage = { kind: 'chunk'; chunk: ImportChunk } | { kind: 'report'; report: ImportReport } | { kind: 'error'; message: string };

/**
 * importPeople with its planning in a worker (import-worker.ts) and its writing here: the two run side by side
 * on two cores, and the panel stays responsive while a large file imports. Same decisions, same chunks, same
 * outbox entries as importPeople; the people's ids are the worker's (random UUIDs).
 */
export async function importPeopleInWorker(db: ClipsheetDb, rows: readonly string[][], mapping: ColumnMapping, context: StoreContext, options: ImportOptions = {}): Promise<ImportReport> {
  // Built by WXT as an unlisted script (entrypoints/import-worker.ts), served from the extension's own origin.
  const worker = new Worker(browser.runtime.getURL('/import-worker.js'), { name: 'clipsheet-import' });
  const waiting: ImportChunk[] = [];
  let wake: (() => void) | undefined;
  let report: ImportReport | undefined;
  let failure: Error | undefined;
  worker.onmessage = (event: MessageEvent<ImportWorkerMessage>) => {
    const message = event.data;
    if (message.kind === 'chunk') waiting.push(message.chunk);
    else if (message.kind === 'report') report = message.report;
    else failure = new Error(message.message);
    wake?.();
  };
  worker.onerror = (event) => {
    failure = new Error(event.message || 'The import worker failed.');
    wake?.();
  };
  async function* chunks(): AsyncGenerator<ImportChunk> {
    for (;;) {
      const next = waiting.shift();
      if (next) yield next;
      else if (failure) throw failure;
      else if (report) return;
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  try {
    const { chunkSize, neverLogDomains, neverLogAddresses } = options;
    worker.postMessage({ dbName: db.name, rows, mapping, owner: context.owner, now: context.now, options: { chunkSize, neverLogDomains, neverLogAddresses } } satisfies ImportRequest);
    await writeImportChunks(db, chunks(), context, (done) => options.onProgress?.(done, rows.length));
  } finally {
    worker.terminate();
  }
  options.onProgress?.(rows.length, rows.length);
  return report!;
}
