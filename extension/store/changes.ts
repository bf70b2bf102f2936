import type { EntityName, ProvenanceEntry } from '../../shared/model';
import type { ClipsheetDb, OutboxEntry } from './db';
import type { SaveContext } from './save-person';

/** Who changes the store and when: the owner of what is created, the moment, and fresh ids (as save-person.ts). */
export type StoreContext = SaveContext;

/**
 * Queues records for sync: one outbox entry for the change, naming every record it wrote (an import chunk's
 * 2,500 people are one entry; each entry is a write, and one per record was about a quarter of an import's writing).
 * Call it inside the transaction that changes them: the change and its outbox entry commit together or not at
 * all, so a change is never left unsynced.
 */
export async function queueForSync(db: ClipsheetDb, entity: EntityName, recordIds: Iterable<string>, context: Pick<StoreContext, 'newId' | 'now'>): Promise<void> {
  const ids = [...new Set(recordIds)];
  if (ids.length === 0) return;
  const entry = ids.length === 1 ? { recordId: ids[0] } : { recordIds: ids };
  await db.outbox.add({ entity, ...entry, key: context.newId(), at: context.now });
}

/** The records an outbox entry queues: one, or many (an entry written by queueForSync for several). */
export const recordsOf = (entry: OutboxEntry): string[] => entry.recordIds ?? (entry.recordId === undefined ? [] : [entry.recordId]);

// The sheet checks a key's length (shared/sync/protocol.ts); an id too long to fit is replaced by its hash.
const MAX_KEY_LENGTH = 128;

/**
 * The idempotency key of one record's change in an entry: the entry's own key when it names one record; for
 * many, the entry's key and the record's id, so each change has a key of its own that is the same on every resend.
 */
export function changeKeyOf(entry: OutboxEntry, recordId: string): string {
  if (!entry.recordIds) return entry.key;
  const key = `${entry.key}:${recordId}`;
  return key.length <= MAX_KEY_LENGTH ? key : `${entry.key}:${hashOf(recordId)}`;
}

// cyrb53: a 53-bit string hash, stable across runs and browsers.
function hashOf(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** `entity:id` of a queued record, as queuedRecords holds it. */
export const queuedKey = (entity: EntityName, recordId: string) => `${entity}:${recordId}`;

/** Every record with a change still queued, as `entity:id` (queuedKey). */
export async function queuedRecords(db: ClipsheetDb): Promise<Set<string>> {
  const queued = new Set<string>();
  for (const entry of await db.outbox.toArray()) for (const id of recordsOf(entry)) queued.add(queuedKey(entry.entity, id));
  return queued;
}

/** How many record changes wait to be pushed (a record changed twice counts twice, as two entries did before). */
export async function countQueuedChanges(db: ClipsheetDb): Promise<number> {
  return (await db.outbox.toArray()).reduce((count, entry) => count + recordsOf(entry).length, 0);
}

/** Provenance of a value the rep typed in the side panel [S8]. */
export const typedByRep = (context: StoreContext): ProvenanceEntry => ({ source: 'manual', at: context.now, by: context.owner || undefined });

/** The common fields of a record created now. */
export const newRecord = (context: StoreContext) => ({
  id: context.newId(),
  revision: 0,
  createdAt: context.now,
  updatedAt: context.now,
  deleted: false,
  owner: context.owner,
  provenance: {},
  history: [],
});

/** An instant as the store keeps it: UTC ISO, so that index order is time order. */
export function toStoredTime(value: string | Date): string {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) throw new Error(`"${String(value)}" is not a date and time`);
  return new Date(ms).toISOString();
}
