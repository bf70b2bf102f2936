import { ENTITIES, type EntityName } from '../model';
import type { Change, ChangeResult, Checkpoint } from './protocol';

type Doc = Record<string, unknown> & { id: string; revision: number; updatedAt: string };

/**
 * Applies pushed changes to the master's records of one entity (the sheet is the master). A change is
 * applied only if the row is still at the revision the client assumed; otherwise the client gets the
 * master state back as a conflict. A change whose key was the last applied to its row is a duplicate:
 * replaying a batch the client never saw answered changes nothing.
 */
export function applyChanges(
  entity: EntityName,
  master: Map<string, Doc>,
  changes: readonly Change[],
  context: { now: () => string; rep: string },
): { results: ChangeResult[]; written: Doc[] } {
  const { schema, fields } = ENTITIES[entity];
  const results: ChangeResult[] = [];
  const written = new Map<string, Doc>();

  for (const change of changes) {
    const id = typeof change.record.id === 'string' ? change.record.id : '';
    const unknown = Object.keys(change.record).filter((key) => !(key in fields));
    if (unknown.length) {
      results.push({ key: change.key, id, status: 'rejected', error: `Unknown fields for ${entity}: ${unknown.join(', ')}` });
      continue;
    }
    const existing = master.get(id);
    if (existing && existing.lastChange === change.key) {
      results.push({ key: change.key, id, status: 'duplicate', record: existing });
      continue;
    }
    if (existing && existing.revision !== change.assumedRevision) {
      results.push({ key: change.key, id, status: 'conflict', record: existing });
      continue;
    }
    const parsed = schema.safeParse({
      ...change.record,
      revision: (existing?.revision ?? 0) + 1,
      createdAt: existing?.createdAt ?? change.record.createdAt ?? context.now(),
      updatedAt: context.now(),
      owner: change.record.owner || context.rep,
      lastChange: change.key,
    });
    if (!parsed.success) {
      const problems = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || entity}: ${i.message}`);
      results.push({ key: change.key, id, status: 'rejected', error: problems.join('; ') });
      continue;
    }
    const doc = parsed.data as Doc;
    master.set(doc.id, doc);
    written.set(doc.id, doc);
    results.push({ key: change.key, id: doc.id, status: 'applied', record: doc });
  }
  return { results, written: [...written.values()] };
}

/** Records changed after a checkpoint, oldest first, ordered by (updatedAt, id) so pages never skip a row. */
export function changedSince<T extends { id: string; updatedAt: string }>(
  records: readonly T[],
  checkpoint: Checkpoint | null,
  limit: number,
): { documents: T[]; checkpoint: Checkpoint | null; hasMore: boolean } {
  const after = (r: T) =>
    !checkpoint || r.updatedAt > checkpoint.updatedAt || (r.updatedAt === checkpoint.updatedAt && r.id > checkpoint.id);
  const sorted = records.filter(after).sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1));
  const documents = sorted.slice(0, limit);
  const last = documents[documents.length - 1];
  return { documents, checkpoint: last ? { updatedAt: last.updatedAt, id: last.id } : checkpoint, hasMore: sorted.length > limit };
}
