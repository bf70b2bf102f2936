/** How long an admin action waits for a sync request to finish before giving up with a message. */
const LOCK_WAIT_MS = 30_000;

/**
 * Runs work under the script lock, the one sync requests hold, so admin actions and hand-edit stamps never
 * interleave with a sync's read-then-write (PLATFORM.md: tryLock returns false, check it; flush before
 * releasing).
 */
export function withScriptLock<T>(work: () => T, busyMessage = 'Clipsheet is busy with a sync; try again in a minute.'): T {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(busyMessage);
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
