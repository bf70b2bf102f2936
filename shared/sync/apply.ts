import { buildOrganisationIndex, buildPersonIndex, canonicalHistory, mergeRecords, redirectsOf, type IdentityIndex, type MergeableRecord } from '../identity';
import { asStoredInSheet, ENTITIES, type EntityName } from '../model';
import type { Change, ChangeResult, Checkpoint } from './protocol';

type Doc = Record<string, unknown> & { id: string; revision: number; updatedAt: string };

export interface ApplyContext {
  now: () => string;
  /** The rep's email: owner of what they create without one. */
  rep: string;
  /** Person and organisation ids merged away in this request, so later changes in the batch point at the survivor. */
  redirects: Map<string, string>;
}

/**
 * Applies pushed changes to the master's records of one entity (the sheet is the master).
 * - A change is applied only if the row is still at the revision the client assumed; otherwise the client
 *   gets the master state back as a conflict, merges, and pushes the merge as a new change.
 * - A change whose key was the last applied to its row is a duplicate: replaying a batch changes nothing.
 * - A new person who shares an exact key (email, LinkedIn URL, phone) with a row is merged into that row,
 *   which keeps its id; the new id is kept in the row's history and answered as `merged`. So is a new
 *   organisation with the LinkedIn page, domain or name of a row (see shared/identity's keys).
 */
export function applyChanges(entity: EntityName, master: Map<string, Doc>, changes: readonly Change[], context: ApplyContext): { results: ChangeResult[]; written: Doc[] } {
  const { schema, fields, columns } = ENTITIES[entity];
  // What the sheet computes stays the sheet's: a client's copy of it is only ever an older reading.
  const derivedKeys = columns.filter((column) => column.derived).map((column) => column.key);
  const results: ChangeResult[] = [];
  const written = new Map<string, Doc>();
  const identities = entity in BUILD_INDEX ? lazyIdentities(master, BUILD_INDEX[entity as keyof typeof BUILD_INDEX]) : undefined;

  const validate = (record: Record<string, unknown>): { doc: Doc } | { error: string } => {
    const parsed = schema.safeParse(record);
    if (parsed.success) return { doc: schema.parse(asStoredInSheet(columns, parsed.data)) as Doc };
    return { error: parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || entity}: ${i.message}`).join('; ') };
  };
  const write = (doc: Doc) => {
    identities?.add(doc, master.get(doc.id));
    master.set(doc.id, doc);
    written.set(doc.id, doc);
  };

  for (const change of changes) {
    const id = typeof change.record.id === 'string' ? change.record.id : '';
    const unknown = Object.keys(change.record).filter((key) => !(key in fields));
    if (unknown.length) {
      results.push({ key: change.key, id, status: 'rejected', error: `Unknown fields for ${entity}: ${unknown.join(', ')}` });
      continue;
    }
    const record = followRedirects(entity, change.record, context.redirects);
    const existing = master.get(id);
    if (existing?.lastChange === change.key) {
      results.push({ key: change.key, id, status: 'duplicate', record: existing });
      continue;
    }
    if (existing && existing.revision !== change.assumedRevision) {
      results.push({ key: change.key, id, status: 'conflict', record: existing });
      continue;
    }
    const stamp = (fields: Record<string, unknown>, base?: Doc) => ({
      ...withoutKeys(fields, derivedKeys),
      ...pickKeys(base, derivedKeys),
      revision: (base?.revision ?? 0) + 1,
      createdAt: base?.createdAt ?? fields.createdAt ?? context.now(),
      updatedAt: context.now(),
      owner: fields.owner || base?.owner || context.rep,
      lastChange: change.key,
    });

    if (!existing && identities) {
      const incoming = validate(stamp(record));
      if ('error' in incoming) {
        results.push({ key: change.key, id, status: 'rejected', error: incoming.error });
        continue;
      }
      const survivor = identities.survivorFor(incoming.doc);
      if (survivor) {
        if (alreadyMerged(survivor, id, change.key)) {
          results.push({ key: change.key, id, status: 'merged', record: survivor });
          continue;
        }
        const merged = validate(stamp(mergeInto(survivor, incoming.doc, context.now(), change.key), survivor));
        if ('error' in merged) {
          results.push({ key: change.key, id, status: 'rejected', error: merged.error });
          continue;
        }
        write(merged.doc);
        context.redirects.set(id, survivor.id);
        results.push({ key: change.key, id, status: 'merged', record: merged.doc });
        continue;
      }
    }
    const next = validate(stamp(record, existing));
    if ('error' in next) {
      results.push({ key: change.key, id, status: 'rejected', error: next.error });
      continue;
    }
    write(next.doc);
    results.push({ key: change.key, id: next.doc.id, status: 'applied', record: next.doc });
  }
  return { results, written: [...written.values()] };
}

// The entities whose new records are matched by identity before they become rows.
const BUILD_INDEX = { person: buildPersonIndex, organisation: buildOrganisationIndex } as const;

/** The master's records, indexed by identity on first use: who a new person or organisation really is. */
function lazyIdentities(master: Map<string, Doc>, build: (records: Doc[]) => IdentityIndex<object>) {
  let index: IdentityIndex<object> | undefined;
  let aliases: Map<string, string> | undefined;
  const ensure = () => {
    if (index) return index;
    const live = [...master.values()];
    aliases = redirectsOf(live as unknown as MergeableRecord[]);
    return (index = build(live));
  };
  return {
    /** A row written in this request: its earlier version, if indexed, is forgotten first. */
    add(doc: Doc, previous: Doc | undefined) {
      if (!index) return; // built later from the master map, which will hold it
      if (previous) index.remove(previous);
      index.add(doc);
      for (const entry of (doc as unknown as MergeableRecord).history ?? []) if (entry.field === 'id' && typeof entry.value === 'string') aliases!.set(entry.value, doc.id);
    },
    /** The row a new record must merge into: the one its id was already merged into, or an exact match. */
    survivorFor(record: Doc): Doc | undefined {
      const index = ensure();
      const alias = aliases!.get(record.id);
      if (alias) return master.get(alias);
      const match = index.match(record);
      return match.kind === 'exact' ? master.get(match.id) : undefined;
    },
  };
}

/**
 * A replay of the change that merged `id` into this row. The row's last change names it only until the row
 * changes again (a later push, a hand edit), so the history entry of the merged-away id names it too.
 */
function alreadyMerged(survivor: Doc, id: string, key: string): boolean {
  if (survivor.lastChange === key) return true;
  return ((survivor as unknown as MergeableRecord).history ?? []).some((entry) => entry.field === 'id' && entry.value === id && entry.change === key);
}

/** An incoming record merged by change `key` into an existing row, which keeps its id whoever was created first. */
function mergeInto(survivor: Doc, incoming: Doc, at: string, key: string): Record<string, unknown> {
  // Merged as a version of the row, so the row's id and creation time stand; the incoming id then goes to
  // history named with this change.
  const asVersion = { ...incoming, id: survivor.id, createdAt: survivor.createdAt };
  const merged = mergeRecords(survivor as unknown as MergeableRecord, asVersion as unknown as MergeableRecord, { at });
  return { ...merged, history: canonicalHistory([...(merged.history ?? []), { field: 'id', value: incoming.id, replacedAt: at, change: key }]) };
}

/** References to merged-away people and organisations rewritten to their survivors. */
function followRedirects(entity: EntityName, record: Record<string, unknown>, redirects: ReadonlyMap<string, string>): Record<string, unknown> {
  if (!redirects.size) return record;
  const followed = { ...record };
  if (entity === 'interaction' && Array.isArray(record.personIds)) followed.personIds = [...new Set((record.personIds as string[]).map((id) => redirects.get(id) ?? id))];
  for (const field of ['personId', 'organisationId']) {
    const to = typeof record[field] === 'string' ? redirects.get(record[field] as string) : undefined;
    if (to !== undefined) followed[field] = to;
  }
  return followed;
}

/** Records changed after a checkpoint, oldest first, ordered by (updatedAt, id) so pages never skip a row. */
export function changedSince<T extends { id: string; updatedAt: string }>(
  records: readonly T[],
  checkpoint: Checkpoint | null,
  limit: number,
): { documents: T[]; checkpoint: Checkpoint | null; hasMore: boolean } {
  const after = (r: T) => !checkpoint || r.updatedAt > checkpoint.updatedAt || (r.updatedAt === checkpoint.updatedAt && r.id > checkpoint.id);
  const sorted = records.filter(after).sort((a, b) => (a.updatedAt === b.updatedAt ? (a.id < b.id ? -1 : 1) : a.updatedAt < b.updatedAt ? -1 : 1));
  const documents = sorted.slice(0, limit);
  const last = documents[documents.length - 1];
  return { documents, checkpoint: last ? { updatedAt: last.updatedAt, id: last.id } : checkpoint, hasMore: sorted.length > limit };
}

function withoutKeys(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  if (!keys.some((key) => key in record)) return record;
  const rest = { ...record };
  for (const key of keys) delete rest[key];
  return rest;
}

function pickKeys(record: Record<string, unknown> | undefined, keys: readonly string[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  if (record) for (const key of keys) if (key in record) picked[key] = record[key];
  return picked;
}
