import type { InteractionRow } from './rows';

/**
 * Interactions moved to the archive spreadsheet still count on the dashboard. The live sheet keeps one row
 * per day, owner, type, experience and voice-of-customer category with the number of interactions archived
 * under it (the `Archived interactions` sheet), so every live count of interactions is the count over the
 * Interactions sheet plus the sum over this one. A day is enough: every period the dashboard selects starts
 * and ends at a UTC midnight, so an interaction is inside a period exactly when its day is.
 */
export interface RollupRow {
  /** The UTC midnight of the day (epoch ms). */
  day: number;
  owner: string;
  type: string;
  experience?: string;
  voiceOfCustomer?: string;
  interactions: number;
}

/** The interaction fields a count over archived interactions can filter on: the rollup keeps only these. */
export const ROLLUP_FIELDS = ['at', 'owner', 'type', 'experience', 'voiceOfCustomer'] as const;

const DAY = 86_400_000;

/** The rollup of archived interactions: tombstoned rows and rows without an id count nowhere, as in the live sheet. */
export function rollUpInteractions(rows: readonly InteractionRow[]): RollupRow[] {
  return rollUpChange([], rows);
}

/**
 * What interactions leaving the archive's count (`removed`: an archived row's old version, before an edit)
 * and joining it (`added`: rows just archived, or the edited version) change in the rollup: one row per group
 * whose count changed, by how much (negative when more left it than joined). The sheet appends these rows
 * instead of rewriting itself: a group's live count is the sum of its rows, and the next recompute folds them
 * into one row per group.
 */
export function rollUpChange(removed: readonly InteractionRow[], added: readonly InteractionRow[]): RollupRow[] {
  const keyOf = (r: Omit<RollupRow, 'interactions'>) => JSON.stringify([r.day, r.owner, r.type, r.experience ?? '', r.voiceOfCustomer ?? '']);
  const groups = new Map<string, RollupRow>();
  const tally = (row: InteractionRow, delta: number) => {
    if (row.deleted || !row.id) return;
    const group = { day: Math.floor(row.at / DAY) * DAY, owner: row.owner, type: row.type, experience: row.experience, voiceOfCustomer: row.voiceOfCustomer, interactions: 0 };
    const key = keyOf(group);
    const found = groups.get(key) ?? groups.set(key, group).get(key)!;
    found.interactions += delta;
  };
  for (const row of removed) tally(row, -1);
  for (const row of added) tally(row, 1);
  return [...groups.values()].filter((r) => r.interactions !== 0).sort((a, b) => a.day - b.day || a.owner.localeCompare(b.owner) || a.type.localeCompare(b.type)
    || (a.experience ?? '').localeCompare(b.experience ?? '') || (a.voiceOfCustomer ?? '').localeCompare(b.voiceOfCustomer ?? ''));
}
