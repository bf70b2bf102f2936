import type { HistoryEntry, Interaction } from '../model';

/**
 * Where each merged-away id (of people, or of organisations) now lives, read from the `id` entries that
 * `mergeRecords` leaves in history. Followed to the end (a -> b -> c gives a -> c), live records winning over
 * tombstones.
 */
export function redirectsOf(people: Iterable<{ id: string; deleted?: boolean; history?: readonly HistoryEntry[] }>): Map<string, string> {
  const direct = new Map<string, string>();
  // Tombstones first, so that a live survivor's claim on an id overwrites a stale one.
  const ordered = [...people].sort((x, y) => Number(y.deleted === true) - Number(x.deleted === true));
  for (const person of ordered) {
    for (const entry of person.history ?? []) {
      if (entry.field === 'id' && typeof entry.value === 'string' && entry.value !== person.id) direct.set(entry.value, person.id);
    }
  }
  const resolved = new Map<string, string>();
  for (const from of direct.keys()) {
    let to = direct.get(from)!;
    const seen = new Set([from]);
    while (direct.has(to) && !seen.has(to)) {
      seen.add(to);
      to = direct.get(to)!;
    }
    resolved.set(from, to);
  }
  return resolved;
}

/** The same interactions, each pointing at surviving people only (ids deduplicated); unchanged ones are the same objects. */
export function repointInteractions(interactions: readonly Interaction[], redirects: ReadonlyMap<string, string>): Interaction[] {
  return interactions.map((interaction) => {
    const personIds = interaction.personIds ?? [];
    if (!personIds.some((id) => redirects.has(id))) return interaction;
    return { ...interaction, personIds: [...new Set(personIds.map((id) => redirects.get(id) ?? id))] };
  });
}

/** The same records (deals, tasks) with a merged-away `personId` replaced by its survivor. */
export function repointPersonIds<T extends { personId?: string }>(records: readonly T[], redirects: ReadonlyMap<string, string>): T[] {
  return repointReference(records, 'personId', redirects);
}

/** The same records (people, interactions, deals) with a merged-away `organisationId` replaced by its survivor. */
export function repointOrganisationIds<T extends { organisationId?: string }>(records: readonly T[], redirects: ReadonlyMap<string, string>): T[] {
  return repointReference(records, 'organisationId', redirects);
}

// Unchanged records are the same objects, so callers write back only what moved.
function repointReference<K extends string, T extends { [key in K]?: string }>(records: readonly T[], field: K, redirects: ReadonlyMap<string, string>): T[] {
  return records.map((record) => {
    const from = record[field];
    const to = from === undefined ? undefined : redirects.get(from);
    return to === undefined ? record : { ...record, [field]: to };
  });
}
