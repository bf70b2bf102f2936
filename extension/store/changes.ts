import type { EntityName, ProvenanceEntry } from '../../shared/model';
import type { ClipsheetDb } from './db';
import type { SaveContext } from './save-person';

/** Who changes the store and when: the owner of what is created, the moment, and fresh ids (as save-person.ts). */
export type StoreContext = SaveContext;

/**
 * Queues records for sync. Call it inside the transaction that changes them: the change and its outbox entry
 * commit together or not at all, so a change is never left unsynced.
 */
export async function queueForSync(db: ClipsheetDb, entity: EntityName, recordIds: Iterable<string>, context: StoreContext): Promise<void> {
  const entries = [...new Set(recordIds)].map((recordId) => ({ entity, recordId, key: context.newId(), at: context.now }));
  if (entries.length) await db.outbox.bulkAdd(entries);
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
