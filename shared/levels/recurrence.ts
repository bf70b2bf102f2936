import type { RECURRENCES } from '../model/vocabulary';
import { formatTime, readTime } from '../ladder/dates';

export type Recurrence = (typeof RECURRENCES)[number];

// Enough for a daily reminder left undone for 270 years; beyond it the task is not worth rolling forward.
const MAX_STEPS = 100_000;

/**
 * The next time a recurring reminder [S9] is due: the first occurrence of `dueAt`'s series that is later than
 * `after` (usually now), so a daily call left undone for a week comes back tomorrow, not seven times. Steps are
 * taken in the runtime's local calendar, so 09:00 stays 09:00 across daylight-saving changes, and a monthly
 * reminder on the 31st falls on the last day of shorter months without drifting (31 Jan, 28 Feb, 31 Mar).
 * Undefined for 'none', or when a time cannot be read.
 */
export function nextOccurrence(dueAt: string | Date, recurrence: Recurrence, after: string | Date): string | undefined {
  const anchor = readTime(dueAt);
  const limit = readTime(after);
  if (recurrence === 'none' || anchor === undefined || limit === undefined) return undefined;
  for (let step = 1; step <= MAX_STEPS; step++) {
    const next = stepFrom(new Date(anchor), recurrence, step);
    if (next === undefined) return undefined;
    if (next > limit) return formatTime(next);
  }
  return undefined;
}

function stepFrom(anchor: Date, recurrence: Exclude<Recurrence, 'none'>, step: number): number | undefined {
  const date = new Date(anchor.getTime());
  if (recurrence === 'daily' || recurrence === 'weekly') {
    date.setDate(date.getDate() + step * (recurrence === 'weekly' ? 7 : 1));
  } else {
    const day = anchor.getDate();
    date.setDate(1);
    date.setMonth(date.getMonth() + step);
    const lastDay = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
    date.setDate(Math.min(day, lastDay));
  }
  return readTime(date);
}
