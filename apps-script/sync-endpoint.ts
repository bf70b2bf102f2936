import { ENTITIES, type EntityName } from '../shared/model';
import { applyChanges, changedSince } from '../shared/sync/apply';
import { envelopeSchema, requestSchema, type Change, type ChangeResult, type SyncResponse } from '../shared/sync/protocol';
import { appendLog, type LogLine } from './audit-log';
import { authenticate, RequestError } from './auth';
import { createClock } from './clock';
import { Table } from './table';

/** How long a request waits for another rep's request to finish before answering `busy`. */
const LOCK_WAIT_MS = 20_000;

type Doc = Record<string, unknown> & { id: string; revision: number; updatedAt: string };

/** Handles one sync request body (text/plain JSON): verifies it, applies it under the script lock, answers JSON. */
export function handleSyncRequest(body: string): SyncResponse {
  let envelope;
  try {
    envelope = envelopeSchema.parse(JSON.parse(body));
  } catch {
    return failure('malformed', 'The request is not a signed Clipsheet request.');
  }
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return failure('busy', 'The sheet is busy with other reps’ syncs; this will retry shortly.');
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const member = authenticate(spreadsheet, envelope, Date.now());
    const parsed = requestSchema.safeParse(safeJson(envelope.body));
    if (!parsed.success) return failure('malformed', `The request body is not valid: ${parsed.error.issues[0]?.message ?? 'unknown shape'}.`);
    const request = parsed.data;
    if (request.op === 'hello') return { ok: true, op: 'hello', spreadsheet: spreadsheet.getName(), rep: { name: member.name, email: member.email } };
    if (request.op === 'pull') {
      const table = requireTable(spreadsheet, request.entity);
      const page = changedSince(masterDocs(table), request.checkpoint, request.limit);
      return { ok: true, op: 'pull', ...page };
    }
    const clock = createClock();
    const results: ChangeResult[] = [];
    const log: LogLine[] = [];
    for (const [entity, changes] of groupByEntity(request.changes)) {
      const table = requireTable(spreadsheet, entity);
      const master = new Map(masterDocs(table).map((d) => [d.id, d]));
      const outcome = applyChanges(entity, master, changes, { now: clock.now, rep: member.email });
      for (const doc of outcome.written) table.put(doc);
      table.commit();
      results.push(...outcome.results);
      for (const doc of outcome.written)
        log.push({ at: doc.updatedAt, actor: member.email, action: 'sync write', sheet: ENTITIES[entity].sheet, id: doc.id, revision: doc.revision });
    }
    clock.save();
    appendLog(spreadsheet, log);
    SpreadsheetApp.flush();
    return { ok: true, op: 'push', results };
  } catch (error) {
    if (error instanceof RequestError) return failure(error.code, error.message);
    return failure('internal', `The sheet could not handle the request: ${(error as Error).message}`);
  } finally {
    lock.releaseLock();
  }
}

function requireTable(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, entity: EntityName): Table {
  const table = Table.open(spreadsheet, ENTITIES[entity]);
  if (!table) throw new RequestError('not_set_up', `The sheet "${ENTITIES[entity].sheet}" is missing: an admin must run Clipsheet > Set up spreadsheet.`);
  return table;
}

/** The rows of a table that hold a valid record; rows people broke by hand are left for data-quality checks. */
function masterDocs(table: Table): Doc[] {
  const docs: Doc[] = [];
  for (const { values } of table.rows()) {
    const parsed = table.entity.schema.safeParse(values);
    if (parsed.success) docs.push(parsed.data as Doc);
  }
  return docs;
}

function groupByEntity(changes: readonly Change[]): Map<EntityName, Change[]> {
  const groups = new Map<EntityName, Change[]>();
  for (const change of changes) groups.set(change.entity, [...(groups.get(change.entity) ?? []), change]);
  return groups;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const failure = (code: RequestError['code'], message: string): SyncResponse => ({ ok: false, error: { code, message } });
