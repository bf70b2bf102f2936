import { mergeRecords, redirectsOf, repointInteractions, repointOrganisationIds, repointPersonIds, type MergeableRecord } from '../../shared/identity';
import { ENTITIES, type EntityName, type Interaction } from '../../shared/model';
import { canonicalJson } from '../../shared/identity/canonical';
import { mergeVersions, sameContent } from '../../shared/sync/merge-versions';
import { MAX_PULL_PAGE, MAX_PUSH_CHANGES, MAX_PUSH_CHARS, type Change, type ChangeResult, type SyncRequest, type SyncResponse } from '../../shared/sync/protocol';
import { changeKeyOf, queuedKey, queuedRecords, queueForSync, recordsOf } from '../store/changes';
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

// Outbox entries read at a time while gathering a batch (one can name thousands of records).
const ENTRY_PAGE = 64;

/** One record's queued change: the entry that queued it and the key it is pushed under. */
interface QueuedChange {
  entity: EntityName;
  recordId: string;
  key: string;
  seq: number;
}

async function pushAll(db: ClipsheetDb, send: Send, options: SyncOptions, report: SyncReport): Promise<void> {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const batch = await nextChanges(db, MAX_PUSH_CHANGES);
    if (!batch.length) return;
    await pushBatch(db, send, batch, options, report);
  }
}

/** The oldest queued changes, at most `limit`, each record of an entry naming many as a change of its own. */
async function nextChanges(db: ClipsheetDb, limit: number): Promise<QueuedChange[]> {
  const batch: QueuedChange[] = [];
  let after = 0;
  while (batch.length < limit) {
    const entries = await db.outbox.where('seq').above(after).limit(ENTRY_PAGE).toArray();
    for (const entry of entries) {
      for (const recordId of recordsOf(entry)) {
        if (batch.length === limit) return batch;
        batch.push({ entity: entry.entity, recordId, key: changeKeyOf(entry, recordId), seq: entry.seq! });
      }
    }
    if (entries.length < ENTRY_PAGE) return batch;
    after = entries[entries.length - 1]!.seq!;
  }
  return batch;
}

async function pushBatch(db: ClipsheetDb, send: Send, batch: QueuedChange[], options: SyncOptions, report: SyncReport): Promise<void> {
  // Several local edits of one record travel as one change: its latest state, under its latest key.
  const latest = new Map<string, QueuedChange>();
  for (const change of batch) latest.set(queuedKey(change.entity, change.recordId), change);
  const records = await readRecords(db, [...latest.values()]);
  const changes: Change[] = [];
  const gone: QueuedChange[] = [];
  let chars = 0;
  for (const [id, queued] of latest) {
    const record = records.get(id);
    if (!record) {
      gone.push(queued); // nothing left to send
      continue;
    }
    chars += JSON.stringify(record).length;
    if (changes.length && chars > MAX_PUSH_CHARS) break; // the rest go in the next request
    changes.push({ entity: queued.entity, key: queued.key, assumedRevision: (record.revision as number) || null, record });
  }
  if (gone.length) await db.transaction('rw', db.outbox, () => unqueue(db, covered(batch, gone)));
  if (!changes.length) return;
  const response = await send({ op: 'push', changes });
  if (!response.ok) throw new SyncRefused(response.error.code, response.error.message);
  if (response.op !== 'push') throw new SyncRefused('malformed', 'The sheet answered a push with something else.');

  const sent = new Set(changes.map((c) => c.key));
  const byKey = new Map([...latest.values()].filter((c) => sent.has(c.key)).map((c) => [c.key, c]));
  const answered = response.results.flatMap((result) => {
    const change = byKey.get(result.key);
    return change ? [{ change, result }] : [];
  });
  // The whole answer is taken in at once: every record it settles leaves the outbox in the same transaction.
  await db.transaction('rw', [db.people, db.interactions, db.deals, db.tasks, db.organisations, db.outbox], async () => {
    await unqueue(db, covered(batch, answered.map(({ change }) => change)));
    // Edits made while the request was out are newer than what was sent: they stay queued.
    const queue = await outboxQueue(db, options);
    const applied = new Map<EntityName, Doc[]>();
    const writeApplied = async () => {
      for (const [entity, docs] of applied) await db.tableOf(entity).bulkPut(docs);
      applied.clear();
    };
    for (const { change, result } of answered) {
      if (result.status === 'applied' || result.status === 'duplicate') {
        // Written together after the loop (or before anything that reads other records): one write for many.
        const master = result.record as Doc;
        const local = queue.has(change.entity, change.recordId) ? ((await db.tableOf(change.entity).get(change.recordId)) as Doc | undefined) : undefined;
        report.pushed++;
        const docs = applied.get(change.entity) ?? applied.set(change.entity, []).get(change.entity)!;
        docs.push(local ? { ...local, revision: master.revision } : master);
        continue;
      }
      await writeApplied();
      await settle(db, change, result, queue, options, report);
    }
    await writeApplied();
  });
}

/** The records the changes name, by `entity:id`, read one entity at a time. */
async function readRecords(db: ClipsheetDb, changes: QueuedChange[]): Promise<Map<string, Doc>> {
  const records = new Map<string, Doc>();
  for (const entity of new Set(changes.map((change) => change.entity))) {
    const ids = changes.filter((change) => change.entity === entity).map((change) => change.recordId);
    const found = await db.tableOf(entity).bulkGet(ids);
    found.forEach((record, i) => record && records.set(queuedKey(entity, ids[i]!), record as Doc));
  }
  return records;
}

/** Every queued change in the batch of the given changes' records: pushing a record's latest state settles them all. */
function covered(batch: QueuedChange[], changes: QueuedChange[]): QueuedChange[] {
  const records = new Set(changes.map((change) => queuedKey(change.entity, change.recordId)));
  return batch.filter((change) => records.has(queuedKey(change.entity, change.recordId)));
}

/** Takes changes out of the outbox: an entry goes when none of its records is left, else keeps the others. */
async function unqueue(db: ClipsheetDb, changes: QueuedChange[]): Promise<void> {
  const bySeq = new Map<number, Set<string>>();
  for (const change of changes) bySeq.set(change.seq, (bySeq.get(change.seq) ?? new Set()).add(change.recordId));
  const seqs = [...bySeq.keys()];
  const entries = await db.outbox.bulkGet(seqs);
  const emptied: number[] = [];
  const kept: OutboxEntry[] = [];
  entries.forEach((entry, i) => {
    if (!entry) return;
    const left = recordsOf(entry).filter((id) => !bySeq.get(seqs[i]!)!.has(id));
    if (left.length === 0) emptied.push(seqs[i]!);
    else kept.push({ ...entry, recordIds: left });
  });
  await db.outbox.bulkDelete(emptied);
  await db.outbox.bulkPut(kept);
}

/** What is queued, read once in a transaction, and how to queue more in it: redirects and merges queue their records. */
async function outboxQueue(db: ClipsheetDb, options: SyncOptions) {
  const queued = await queuedRecords(db);
  return {
    has: (entity: EntityName, id: string) => queued.has(queuedKey(entity, id)),
    async add(entity: EntityName, ids: string[]) {
      await queueForSync(db, entity, ids, { newId: options.newKey, now: options.now() });
      for (const id of ids) queued.add(queuedKey(entity, id));
    },
  };
}
type OutboxQueue = Awaited<ReturnType<typeof outboxQueue>>;

/** Takes in the sheet's answer to one change that was not simply applied. */
async function settle(db: ClipsheetDb, change: QueuedChange, result: ChangeResult, queue: OutboxQueue, options: SyncOptions, report: SyncReport): Promise<void> {
  const table = db.tableOf(change.entity);
  const newer = queue.has(change.entity, change.recordId);
  const local = (await table.get(change.recordId)) as Doc | undefined;
  const master = result.record as Doc | undefined;
  switch (result.status) {
    case 'conflict': {
      report.conflicts++;
      const merged = local ? mergeVersions(change.entity, local, master!, options.now()) : master!;
      const lost = local ? Object.keys(local).filter((f) => !ROW_STATE.has(f) && canonicalJson(local[f]) !== canonicalJson(merged[f]) && !Array.isArray(local[f])) : [];
      if (lost.length) report.overtaken.push({ entity: change.entity, id: change.recordId, fields: lost });
      await table.put(merged);
      if (!newer && !sameContent(merged, master!)) await queue.add(change.entity, [merged.id]);
      return;
    }
    case 'merged': {
      report.merged++;
      let survivor = master!;
      if (newer && local) survivor = { ...(mergeRecords(local as unknown as MergeableRecord, master as unknown as MergeableRecord, { at: options.now() }) as unknown as Doc), id: master!.id, revision: master!.revision };
      await table.put(survivor);
      if (survivor !== master) await queue.add(change.entity, [survivor.id]);
      await redirectLocally(db, change.entity, new Map([[change.recordId, master!.id]]), queue);
      return;
    }
    case 'rejected':
      report.rejected.push({ id: result.id, error: result.error ?? 'rejected' });
  }
}

/**
 * People or organisations merged away (by the sheet, or by a teammate) leave this store, and everything that
 * pointed at them points at the survivor, queued for sync. A merged-away record with edits still queued stays
 * until pushed.
 */
async function redirectLocally(db: ClipsheetDb, entity: EntityName, redirects: Map<string, string>, queue: OutboxQueue): Promise<void> {
  const from = [...redirects.keys()];
  const table = db.tableOf(entity);
  for (const id of from) {
    if (!queue.has(entity, id)) await table.delete(id);
  }
  if (entity === 'organisation') {
    const referrers = [
      ['person', await db.people.where('organisationId').anyOf(from).toArray()],
      ['interaction', await db.interactions.where('organisationId').anyOf(from).toArray()],
      ['deal', await db.deals.where('organisationId').anyOf(from).toArray()],
    ] as const;
    for (const [referrer, records] of referrers) {
      const moved = repointOrganisationIds(records as Array<Doc & { organisationId?: string }>, redirects).filter((record, i) => record !== records[i]);
      await db.tableOf(referrer).bulkPut(moved);
      await queue.add(referrer, moved.map((record) => record.id));
    }
    return;
  }
  const moved = repointInteractions((await db.interactions.where('personIds').anyOf(from).toArray()) as Interaction[], redirects);
  await db.interactions.bulkPut(moved);
  await queue.add('interaction', moved.map((record) => record.id));
  for (const [referrer, referrers] of [['deal', db.deals], ['task', db.tasks]] as const) {
    const records = await referrers.where('personId').anyOf(from).toArray();
    const repointed = repointPersonIds(records as Array<Doc & { personId?: string }>, redirects);
    await db.tableOf(referrer).bulkPut(repointed);
    await queue.add(referrer, repointed.map((record) => record.id));
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
      const queue = await outboxQueue(db, options);
      const docs: Doc[] = [];
      for (const document of response.documents) {
        const parsed = ENTITIES[entity].schema.safeParse(document);
        // A record with local edits still queued keeps them; its next push meets the conflict and merges.
        if (parsed.success && !queue.has(entity, parsed.data.id)) docs.push(parsed.data as Doc);
      }
      await table.bulkPut(docs);
      if (entity === 'person' || entity === 'organisation') {
        const redirects = redirectsOf(docs as unknown as MergeableRecord[]);
        if (redirects.size) await redirectLocally(db, entity, redirects, queue);
      }
      if (response.checkpoint) await db.checkpoints.put({ entity, ...response.checkpoint });
    });
    pulled += response.documents.length;
    if (!response.hasMore) return pulled;
  }
}
