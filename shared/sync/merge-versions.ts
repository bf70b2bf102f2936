import { canonicalHistory, mergeRecords, pickValue, type MergeableRecord } from '../identity';
import { canonicalJson } from '../identity/canonical';
import type { EntityName, HistoryEntry, ProvenanceEntry } from '../model';

type Doc = Record<string, unknown> & { id: string; revision: number; provenance?: Record<string, ProvenanceEntry>; history?: HistoryEntry[] };

// Kept from the sheet's version: they describe the row, not what anyone edited.
const ROW_STATE = new Set(['id', 'revision', 'createdAt', 'updatedAt', 'lastChange', 'provenance', 'history']);

/**
 * A rep's version of a record and the sheet's version of the same record, merged field by field: the newest
 * value by provenance wins, the other stays in history, lists are unioned and notes joined (people
 * and organisations go through the identity merge itself). The result is based on the sheet's revision,
 * ready to push again.
 */
export function mergeVersions(entity: EntityName, local: Doc, master: Doc, at: string): Doc {
  if (entity === 'person' || entity === 'organisation') {
    const merged = mergeRecords(local as unknown as MergeableRecord, master as unknown as MergeableRecord, { at }) as unknown as Doc;
    return { ...merged, revision: master.revision, updatedAt: master.updatedAt as string, lastChange: master.lastChange };
  }
  const merged: Doc = { ...master, provenance: {} };
  const history: HistoryEntry[] = [...(local.history ?? []), ...(master.history ?? [])];
  for (const field of new Set([...Object.keys(local), ...Object.keys(master)])) {
    if (ROW_STATE.has(field)) continue;
    const picked = pickValue(field, { value: local[field], provenance: local.provenance?.[field] }, { value: master[field], provenance: master.provenance?.[field] });
    if (picked.winner.value === undefined) delete merged[field];
    else merged[field] = picked.winner.value;
    if (picked.winner.provenance) merged.provenance![field] = picked.winner.provenance;
    if (picked.loser) history.push(dropUndefined({ field, value: picked.loser.value, ...picked.loser.provenance, replacedAt: at }) as HistoryEntry);
  }
  merged.history = canonicalHistory(history);
  return merged;
}

/** Whether two versions say the same thing (what changes on every write does not count). */
export function sameContent(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const strip = ({ revision: _r, updatedAt: _u, lastChange: _l, ...rest }: Record<string, unknown>) => rest;
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}

function dropUndefined(entry: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(entry).filter(([, v]) => v !== undefined));
}
