import type { Interaction, Person } from '../model';

/**
 * Where each merged-away person id now lives, read from the `id` entries that `mergePeople` leaves in history.
 * Followed to the end (a -> b -> c gives a -> c), live records winning over tombstones.
 */
export function redirectsOf(people: Iterable<Person>): Map<string, string> {
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
  return records.map((record) => {
    const to = record.personId === undefined ? undefined : redirects.get(record.personId);
    return to === undefined ? record : { ...record, personId: to };
  });
}
