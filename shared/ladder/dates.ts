/**
 * The few date helpers the domain rules share. Callers pass `now` in; nothing here reads the clock, so a rule
 * gives the same answer in a test, in the extension and in an Apps Script trigger.
 */

export const DAY_MS = 86_400_000;

/** A moment as epoch milliseconds, from a Date, an ISO string or epoch ms; undefined if it is not a valid time. */
export function readTime(value: unknown): number | undefined {
  const ms =
    value instanceof Date ? value.getTime() : typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : typeof value === 'number' ? value : NaN;
  // Date's own range (+-8.64e15 ms): beyond it toISOString throws, which must never reach a caller.
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? ms : undefined;
}

/** Epoch milliseconds as an ISO 8601 string in UTC. */
export function formatTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Whole days from `from` to `to` (rounded down), negative when `to` is earlier. */
export function countWholeDays(from: number, to: number): number {
  return Math.floor((to - from) / DAY_MS);
}
