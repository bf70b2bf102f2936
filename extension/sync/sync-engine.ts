import { ENTITIES, type EntityName } from '../../shared/model';
import { MAX_PULL_PAGE, MAX_PUSH_CHANGES, type Change, type SyncRequest, type SyncResponse } from '../../shared/sync/protocol';
import type { ClipsheetDb, OutboxEntry } from '../store/db';

/** Sends one request to the sheet; the transport (signing, fetch) is given so tests can use any backend. */
export type Send = (request: SyncRequest) => Promise<SyncResponse>;

export class SyncRefused extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

type Doc = Record<string, unknown> & { id: string; revision?: number };
const PULLED_ENTITIES: EntityName[] = ['person', 'organisation', 'interaction', 'deal', 'task'];

export interface SyncReport {
  pushed: number;
  conflicts: number;
  rejected: Array<{ id: string; error: string }>;
  pulled: number;
}

/** One full round: push everything queued, then pull what changed in the sheet. */
export async function syncOnce(db: ClipsheetDb, send: Send): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, conflicts: 0, rejected: [], pulled: 0 };
  for (let round = 0; round < 100; round++) {
    const batch = await db.outbox.orderBy('seq').limit(MAX_PUSH_CHANGES).toArray();
    if (!batch.length) break;
    const pushed = await pushBatch(db, send, batch, report);
    if (!pushed) break; // only conflicts left in this batch: pull first, then the next round resolves them
  }
  for (const entity of PULLED_ENTITIES) report.pulled += await pullEntity(db, send, entity);
  return report;
}

async function pushBatch(db: ClipsheetDb, send: Send, batch: OutboxEntry[], report: SyncReport): Promise<number> {
  // Several local edits of one record travel as one change: its latest state, under its latest key.
  const latest = new Map<string, OutboxEntry>();
  for (const entry of batch) latest.set(`${entry.entity}:${entry.recordId}`, entry);
  const changes: Change[] = [];
  for (const entry of latest.values()) {
    const record = await db.tableOf(entry.entity).get(entry.recordId);
    if (!record) continue;
    changes.push({ entity: entry.entity, key: entry.key, assumedRevision: (record.revision as number) || null, record });
  }
  const response = await send({ op: 'push', changes });
  if (!response.ok) throw new SyncRefused(response.error.code, response.error.message);
  if (response.op !== 'push') throw new SyncRefused('malformed', 'The sheet answered a push with something else.');

  let applied = 0;
  const byKey = new Map([...latest.values()].map((e) => [e.key, e]));
  for (const result of response.results) {
    const entry = byKey.get(result.key);
    if (!entry) continue;
    const covered = batch.filter((e) => e.entity === entry.entity && e.recordId === entry.recordId).map((e) => e.seq!);
    if (result.status === 'applied' || result.status === 'duplicate') {
      applied++;
      await db.transaction('rw', db.tableOf(entry.entity), db.outbox, async () => {
        await db.tableOf(entry.entity).put(result.record as Doc);
        await db.outbox.bulkDelete(covered);
      });
    } else if (result.status === 'conflict') {
      report.conflicts++;
      // TODO(2026-11-23): merge field by field with the domain core's merge; for now the local edit is
      // rebased on the master's revision and pushed again, so the newest edit wins.
      await db.tableOf(entry.entity).update(entry.recordId, { revision: (result.record as Doc).revision });
    } else {
      report.rejected.push({ id: result.id, error: result.error ?? 'rejected' });
      await db.outbox.bulkDelete(covered);
    }
  }
  report.pushed += applied;
  return applied;
}

async function pullEntity(db: ClipsheetDb, send: Send, entity: EntityName): Promise<number> {
  let pulled = 0;
  for (;;) {
    const stored = await db.checkpoints.get(entity);
    const checkpoint = stored ? { updatedAt: stored.updatedAt, id: stored.id } : null;
    const response = await send({ op: 'pull', entity, checkpoint, limit: MAX_PULL_PAGE });
    if (!response.ok) throw new SyncRefused(response.error.code, response.error.message);
    if (response.op !== 'pull') throw new SyncRefused('malformed', 'The sheet answered a pull with something else.');
    const table = db.tableOf(entity);
    await db.transaction('rw', table, db.outbox, db.checkpoints, async () => {
      for (const doc of response.documents) {
        const parsed = ENTITIES[entity].schema.safeParse(doc);
        if (!parsed.success) continue;
        // A record with local edits still queued keeps them; the next push reconciles.
        const pending = await db.outbox.where('[entity+recordId]').equals([entity, parsed.data.id]).count();
        if (!pending) await table.put(parsed.data as Doc);
      }
      if (response.checkpoint) await db.checkpoints.put({ entity, ...response.checkpoint });
    });
    pulled += response.documents.length;
    if (!response.hasMore) return pulled;
  }
}
