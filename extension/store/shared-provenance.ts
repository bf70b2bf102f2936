import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/**
 * Stores each record's equal provenance entries as one object. An imported row's fields all come from the same
 * import at the same moment, so its provenance is five or six copies of `{source, at, by}`; IndexedDB's structured
 * clone writes an object it meets twice in one value once (later mentions are back-references), so shared, the
 * copies cost one entry instead of five. Reading gives the same values, the equal entries then being one object;
 * nothing changes an entry in place (a change replaces it).
 *
 * Why: shared, an imported person's structured clone is about a third smaller (852 bytes became 564), and writing 100,000 such people cost Chromium's IndexedDB about 1.5 CPU-seconds more with them (issue 5).
 */
export function shareEqualEntries<T>(record: T): T {
  if (typeof record !== 'object' || record === null) return record;
  const provenance = (record as { provenance?: unknown }).provenance;
  if (typeof provenance !== 'object' || provenance === null) return record;
  const distinct: Array<Record<string, unknown>> = [];
  const shared: Record<string, unknown> = {};
  let changed = false;
  for (const [field, entry] of Object.entries(provenance)) {
    const same = isFlat(entry) ? distinct.find((other) => other === entry || sameEntry(other, entry)) : undefined;
    if (same) {
      changed ||= same !== entry;
      shared[field] = same;
    } else {
      if (isFlat(entry)) distinct.push(entry);
      shared[field] = entry;
    }
  }
  return changed ? { ...record, provenance: shared } : record;
}

// An entry of strings, numbers, booleans and undefined: one that two fields can share without telling them apart.
function isFlat(entry: unknown): entry is Record<string, unknown> {
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || Object.getPrototypeOf(entry) !== Object.prototype) return false;
  return Object.values(entry).every((value) => value === undefined || (typeof value !== 'object' && typeof value !== 'function'));
}

// Same keys in the same order with the same values: the clone of one reads back exactly as the other was.
function sameEntry(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const keys = Object.keys(a);
  const others = Object.keys(b);
  return keys.length === others.length && keys.every((key, i) => key === others[i] && a[key] === b[key]);
}

/** The Dexie middleware that stores every written record with its equal provenance entries shared. */
export const sharedProvenanceMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'clipsheet-shared-provenance',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) => (req.type === 'add' || req.type === 'put' ? table.mutate({ ...req, values: req.values.map(shareEqualEntries) }) : table.mutate(req)),
      };
    },
  }),
};
