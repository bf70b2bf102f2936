import { mergePeople, redirectsOf, repointInteractions, repointPersonIds } from '../../shared/identity';
import { ENTITIES, type EntityName, type Interaction, type Person } from '../../shared/model';
import { canonicalJson } from '../../shared/identity/canonical';
import { mergeVersions, sameContent } from '../../shared/sync/merge-versions';
import { MAX_PULL_PAGE, MAX_PUSH_CHANGES, MAX_PUSH_CHARS, type Change, type ChangeResult, type SyncRequest, type SyncResponse } from '../../shared/sync/protocol';
import type { ClipsheetDb, OutboxEntry } from '../store/db';

/** Sends one request to the sheet; the transport (signing, fetch) is given so tests can use any backend. */
export type Send = (request: SyncRequest) => Promise<SyncResponse>;

export interface SyncOptions {
  /** A fresh idempotency key for a change this engine creates (a merge to push). */
  newKey: () => string;
  now: () => string;
}

export class SyncRefused extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

type Doc = Record<string, unknown> & { id: string; revision: number; updatedAt: string };
const PULLED_ENTITIES: EntityName[] = ['person', 'organisation', 'interaction', 'deal', 'task'];
const MAX_ROUNDS = 50;
// Describe the row rather than anyone's edit: never reported as overtaken.
const ROW_STATE = new Set(['revision', 'updatedAt', 'lastChange', 'provenance', 'history', 'notes']);

/** A rep's edit that a newer edit overtook: merged automatically, shown to the rep so they can check it. */
export interface Overtaken {
  entity: EntityName;
  id: string;
  fields: string[];
}

export interface SyncReport {
  pushed: number;
  conflicts: number;
  overtaken: Overtaken[];
  merged: number;
  rejected: Array<{ id: string; error: string }>;
  pulled: number;
}

/**
 * One full round (docs/sync.md): push everything queued, pull what changed in the sheet, and push again
 * whatever the pull or a conflict left to reconcile. Safe to interrupt anywhere: every step is a Dexie
 * transaction and every push carries idempotency keys, so the next round picks up where this one stopped.
 */
export async function syncOnce(db: ClipsheetDb, send: Send, options: SyncOptions): Promise<SyncReport> {
  const report: SyncReport = { pushed: 0, conflicts: 0, overtaken: [], merged: 0, rejected: [], pulled: 0 };
  await pushAll(db, send, options, report);
  for (const entity of PULLED_ENTITIES) report.pulled += await pullEntity(db, send, entity, options);
  await pushAll(db, send, options, report);
  return report;
}

async function pushAll(db: ClipsheetDb, send: Send, options: SyncOptions, report: SyncReport): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await db.outbox.orderBy('seq').limit(MAX_PUSH_CHANGES).toArray();
    if (!batch.length) return;
    await pushBatch(db, send, batch, options, report);
  }
}

async function pushBatch(db: ClipsheetDb, send: Send, batch: OutboxEntry[], options: SyncOptions, report: SyncReport): Promise<void> {
  // Several local edits of one record travel as one change: its latest state, under its latest key.
  const latest = new Map<string, OutboxEntry>();
  for (const entry of batch) latest.set(`${entry.entity}:${entry.recordId}`, entry);
  const changes: Change[] = [];
  let chars = 0;
  for (const entry of latest.values()) {
    const record = await db.tableOf(entry.entity).get(entry.recordId);
    if (!record) {
      await db.outbox.bulkDelete(covered(batch, entry)); // nothing left to send
      continue;
    }
    chars += JSON.stringify(record).length;
    if (changes.length && chars > MAX_PUSH_CHARS) break; // the rest go in the next request
    changes.push({ entity: entry.entity, key: entry.key, assumedRevision: (record.revision as number) || null, record });
  }
  if (!changes.length) return;
  const response = await send({ op: 'push', changes });
  if (!response.ok) throw new SyncRefused(response.error.code, response.error.message);
  if (response.op !== 'push') throw new SyncRefused('malformed', 'The sheet answered a push with something else.');

  const sent = new Set(changes.map((c) => c.key));
  const byKey = new Map([...latest.values()].filter((e) => sent.has(e.key)).map((e) => [e.key, e]));
  for (const result of response.results) {
    const entry = byKey.get(result.key);
    if (entry) await settle(db, entry, covered(batch, entry), result, options, report);
  }
}

const covered = (batch: OutboxEntry[], entry: OutboxEntry) => batch.filter((e) => e.entity === entry.entity && e.recordId === entry.recordId).map((e) => e.seq!);

/** Takes in the sheet's answer to one change, in one transaction. */
async function settle(db: ClipsheetDb, entry: OutboxEntry, seqs: number[], result: ChangeResult, options: SyncOptions, report: SyncReport): Promise<void> {
  const table = db.tableOf(entry.entity);
  await db.transaction('rw', [db.people, db.interactions, db.deals, db.tasks, db.organisations, db.outbox], async () => {
    await db.outbox.bulkDelete(seqs);
    // Edits made while the request was out are newer than what was sent: they stay queued.
    const newer = await db.outbox.where('[entity+recordId]').equals([entry.entity, entry.recordId]).count();
    const local = (await table.get(entry.recordId)) as Doc | undefined;
    const master = result.record as Doc | undefined;
    switch (result.status) {
      case 'applied':
      case 'duplicate':
        report.pushed++;
        await table.put(newer && local ? { ...local, revision: master!.revision } : master!);
        return;
      case 'conflict': {
        report.conflicts++;
        const merged = local ? mergeVersions(entry.entity, local, master!, options.now()) : master!;
        const lost = local ? Object.keys(local).filter((f) => !ROW_STATE.has(f) && canonicalJson(local[f]) !== canonicalJson(merged[f]) && !Array.isArray(local[f])) : [];
        if (lost.length) report.overtaken.push({ entity: entry.entity, id: entry.recordId, fields: lost });
        await table.put(merged);
        if (!newer && !sameContent(merged, master!)) await db.outbox.add({ entity: entry.entity, recordId: merged.id, key: options.newKey(), at: options.now() });
        return;
      }
      case 'merged': {
        report.merged++;
        let survivor = master!;
        if (newer && local) survivor = { ...(mergePeople(local as unknown as Person, master as unknown as Person, { at: options.now() }) as unknown as Doc), id: master!.id, revision: master!.revision };
        await table.put(survivor);
        if (survivor !== master) await db.outbox.add({ entity: 'person', recordId: survivor.id, key: options.newKey(), at: options.now() });
        await redirectLocally(db, new Map([[entry.recordId, master!.id]]), options);
        return;
      }
      case 'rejected':
        report.rejected.push({ id: result.id, error: result.error ?? 'rejected' });
    }
  });
}

/**
 * People merged away (by the sheet, or by a teammate) leave this store, and everything that pointed at them
 * points at the survivor, queued for sync. A merged-away person with edits still queued stays until pushed.
 */
async function redirectLocally(db: ClipsheetDb, redirects: Map<string, string>, options: SyncOptions): Promise<void> {
  const from = [...redirects.keys()];
  for (const id of from) {
    if (!(await db.outbox.where('[entity+recordId]').equals(['person', id]).count())) await db.people.delete(id);
  }
  const queue = (entity: EntityName, id: string) => db.outbox.add({ entity, recordId: id, key: options.newKey(), at: options.now() });
  const interactions = await db.interactions.where('personIds').anyOf(from).toArray();
  for (const moved of repointInteractions(interactions as Interaction[], redirects)) {
    await db.interactions.put(moved);
    await queue('interaction', moved.id);
  }
  for (const [entity, table] of [['deal', db.deals], ['task', db.tasks]] as const) {
    const records = await table.where('personId').anyOf(from).toArray();
    for (const moved of repointPersonIds(records as Array<Doc & { personId?: string }>, redirects)) {
      await db.tableOf(entity).put(moved);
      await queue(entity, moved.id);
    }
  }
}

async function pullEntity(db: ClipsheetDb, send: Send, entity: EntityName, options: SyncOptions): Promise<number> {
  let pulled = 0;
  for (let page = 0; ; page++) {
    const stored = await db.checkpoints.get(entity);
    const checkpoint = stored ? { updatedAt: stored.updatedAt, id: stored.id } : null;
    const response = await send({ op: 'pull', entity, checkpoint, limit: MAX_PULL_PAGE });
    if (!response.ok) throw new SyncRefused(response.error.code, response.error.message);
    if (response.op !== 'pull') throw new SyncRefused('malformed', 'The sheet answered a pull with something else.');
    const table = db.tableOf(entity);
    await db.transaction('rw', [db.people, db.interactions, db.deals, db.tasks, db.organisations, db.outbox, db.checkpoints], async () => {
      const docs: Doc[] = [];
      for (const document of response.documents) {
        const parsed = ENTITIES[entity].schema.safeParse(document);
        if (!parsed.success) continue;
        // A record with local edits still queued keeps them; its next push meets the conflict and merges.
        if (!(await db.outbox.where('[entity+recordId]').equals([entity, parsed.data.id]).count())) {
          await table.put(parsed.data as Doc);
          docs.push(parsed.data as Doc);
        }
      }
      if (entity === 'person') {
        const redirects = redirectsOf(docs as unknown as Person[]);
        if (redirects.size) await redirectLocally(db, redirects, options);
      }
      if (response.checkpoint) await db.checkpoints.put({ entity, ...response.checkpoint });
    });
    pulled += response.documents.length;
    if (!response.hasMore) return pulled;
  }
}
