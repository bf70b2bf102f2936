import { compareText } from './canonical';

/** What a list or notes merge keeps, and the items it had to leave out (they go to history). */
export interface ListMerge {
  readonly kept: string[];
  readonly dropped: string[];
}

/**
 * The union of two lists, one item per key (`Ada@Gmail.com` and `ada@gmail.com` are one address), sorted by
 * key, at most `limit` items. The spelling kept for a key is the least in code-unit order and the items kept
 * are the `limit` least keys: both are functions of the whole set of items, so merge order cannot change them.
 */
export function unionList(a: readonly unknown[], b: readonly unknown[], keyOf: (item: string) => string, limit: number): ListMerge {
  const spellings = new Map<string, string>();
  const seen = new Set<string>();
  for (const raw of [...a, ...b]) {
    const item = typeof raw === 'string' ? raw : String(raw);
    seen.add(item);
    const key = keyOf(item);
    const current = spellings.get(key);
    if (current === undefined || compareText(item, current) < 0) spellings.set(key, item);
  }
  const keys = [...spellings.keys()].sort(compareText);
  const kept = keys.slice(0, limit).map((key) => spellings.get(key)!);
  const keptSet = new Set(kept);
  return { kept, dropped: [...seen].filter((item) => !keptSet.has(item)).sort(compareText) };
}

/** The line that separates notes joined by a merge; splitting on it gives the notes back. */
export const NOTES_SEPARATOR = '\n\n---\n\n';

/**
 * Notes of two records kept side by side, never overwritten: each record's notes are split into blocks, the
 * blocks unioned and sorted, and joined until `limit` characters. Blocks that do not fit are returned as
 * dropped; the caller keeps them in history and hands them back to the next merge, so nothing is lost and the
 * result does not depend on merge order.
 */
export function joinNotes(notes: readonly unknown[], overflow: readonly string[], limit: number): ListMerge {
  const blocks = new Set<string>(overflow);
  for (const note of notes) {
    if (typeof note !== 'string') continue;
    for (const block of note.split(NOTES_SEPARATOR)) if (block.trim() !== '') blocks.add(block.trim());
  }
  const sorted = [...blocks].sort(compareText);
  const kept: string[] = [];
  let length = 0;
  for (const block of sorted) {
    const added = (kept.length > 0 ? NOTES_SEPARATOR.length : 0) + block.length;
    if (length + added > limit) break; // stop at the first misfit, so the kept part is a prefix of the sorted set
    kept.push(block);
    length += added;
  }
  return { kept, dropped: sorted.slice(kept.length) };
}
