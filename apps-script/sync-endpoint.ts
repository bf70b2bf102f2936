import { ENTITIES, type EntityName } from '../shared/model';
import { applyChanges, changedSince } from '../shared/sync/apply';
import { envelopeSchema, requestSchema, type Change, type ChangeResult, type SyncRequest, type SyncResponse } from '../shared/sync/protocol';
import { ARCHIVE_SHEET_LABEL, archivedEdits, rollUpArchivedEdits } from './archive';
import { appendLog, type LogLine } from './audit-log';
import { authenticate, RequestError } from './auth';
import { createClock } from './clock';
import type { TeamMember } from './team';
import { Table } from './table';

/**
 * How long a push waits for other reps' pushes before answering `busy` (the client then retries with
 * backoff): everyday pushes of 20 reps at once queue for well under a minute (docs/sync.md).
 */
const LOCK_WAIT_MS = 60_000;

type Doc = Record<string, unknown> & { id: string; revision: number; updatedAt: string };
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * Handles one sync request body (text/plain JSON) and answers JSON, never an exception: verifies it, then
 * pushes under the script lock (writes serialise, so update stamps stay monotonic) or pulls without it
 * (a pull reads each sheet in one getValues, and every write it could miss carries a later stamp).
 */
export function handleSyncRequest(body: string): SyncResponse {
  let envelope;
  try {
    envelope = envelopeSchema.parse(JSON.parse(body));
  } catch {
    return failure('malformed', 'The request is not a signed Clipsheet request.');
  }
  try {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const properties = PropertiesService.getScriptProperties();
    const values = properties.getProperties();
    const member = authenticate(spreadsheet, envelope, Date.now(), values);
    const parsed = requestSchema.safeParse(safeJson(envelope.body));
    if (!parsed.success) return failure('malformed', `The request body is not valid: ${parsed.error.issues[0]?.message ?? 'unknown shape'}.`);
    const request = parsed.data;
    if (request.op === 'hello') return { ok: true, op: 'hello', spreadsheet: spreadsheet.getName(), rep: { name: member.name, email: member.email } };
    if (request.op === 'pull') return pull(spreadsheet, request);
    return push(spreadsheet, request.changes, member, () => createClock(properties, values));
  } catch (error) {
    if (error instanceof RequestError) return failure(error.code, error.message);
    return failure('internal', `The sheet could not handle the request: ${(error as Error).message}`);
  }
}

function pull(spreadsheet: Spreadsheet, request: Extract<SyncRequest, { op: 'pull' }>): SyncResponse {
  const table = requireTable(spreadsheet, request.entity);
  // Only rows past the checkpoint are validated: a page costs its own size, not the sheet's.
  const page = changedSince(rawDocs(table), request.checkpoint, request.limit);
  const documents = page.documents.flatMap((doc) => {
    const parsed = table.entity.schema.safeParse(doc);
    return parsed.success ? [parsed.data as Doc] : []; // rows broken by hand wait for the data-quality check
  });
  return { ok: true, op: 'pull', ...page, documents };
}

function push(spreadsheet: Spreadsheet, changes: readonly Change[], member: TeamMember, makeClock: () => ReturnType<typeof createClock>): SyncResponse {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return failure('busy', 'The sheet is busy with other reps’ syncs; this will retry shortly.');
  try {
    const clock = makeClock();
    const redirects = new Map<string, string>();
    const results: ChangeResult[] = [];
    const log: LogLine[] = [];
    const apply = (entity: EntityName, table: Table, master: Map<string, Doc>, group: readonly Change[], sheetName: string) => {
      const before = new Map(master);
      const outcome = applyChanges(entity, master, group, { now: clock.now, rep: member.email, redirects });
      for (const doc of outcome.written) table.put(doc);
      table.commit();
      results.push(...outcome.results);
      for (const doc of outcome.written)
        log.push({ at: doc.updatedAt, actor: member.email, action: 'sync write', sheet: sheetName, id: doc.id, revision: doc.revision, detail: String(doc.lastChange ?? '') });
      return { master: before, written: outcome.written };
    };
    for (const [entity, group] of groupByEntity(changes)) {
      const table = requireTable(spreadsheet, entity);
      const master = new Map(rawDocs(table).map((d) => [d.id, d]));
      // Edits of interactions moved to the archive spreadsheet are made there (archive.ts).
      const archived = entity === 'interaction' ? archivedEdits(group, master) : null;
      apply(entity, table, master, archived ? group.filter((c) => !archived.changes.includes(c)) : group, ENTITIES[entity].sheet);
      if (archived) {
        const archiveTable = Table.open(archived.archive, ENTITIES.interaction)!;
        const { master, written } = apply(entity, archiveTable, new Map(rawDocs(archiveTable).map((d) => [d.id, d])), archived.changes, ARCHIVE_SHEET_LABEL);
        rollUpArchivedEdits(spreadsheet, written.flatMap((doc) => (master.has(doc.id) ? [master.get(doc.id)!] : [])), written);
      }
    }
    clock.save();
    appendLog(spreadsheet, log);
    SpreadsheetApp.flush();
    return { ok: true, op: 'push', results };
  } finally {
    lock.releaseLock();
  }
}

function requireTable(spreadsheet: Spreadsheet, entity: EntityName): Table {
  const table = Table.open(spreadsheet, ENTITIES[entity]);
  if (!table) throw new RequestError('not_set_up', `The sheet "${ENTITIES[entity].sheet}" is missing: an admin must run Clipsheet > Set up spreadsheet.`);
  return table;
}

/** Every row as record values read from its cells, not yet validated (the rows a request touches are). */
function rawDocs(table: Table): Doc[] {
  return table.rows().map(({ values }) => values as Doc);
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
