import { browser } from '#imports';
import { parseSyncKey } from '../../shared/sync/key';
import { syncSettings, syncStatus, type SyncStatus } from '../settings';
import { countQueuedChanges } from '../store/changes';
import type { ClipsheetDb } from '../store/db';
import { SyncRefused, syncOnce } from './sync-engine';
import { sendToSheet } from './transport';

export const RETRY_ALARM = 'clipsheet-sync-retry';
const BASE_RETRY_MS = 30_000;
const MAX_RETRY_MS = 30 * 60_000;
const MAX_OVERTAKEN = 20;

/**
 * Runs sync rounds one at a time (a second request while one runs joins it), records the status the rep
 * sees, and after a failure schedules a retry with exponential backoff and jitter.
 */
export function createSyncRunner(db: ClipsheetDb) {
  let running: Promise<SyncStatus> | null = null;

  async function round(): Promise<SyncStatus> {
    const pending = () => countQueuedChanges(db);
    const settings = await syncSettings.getValue();
    const previous = await syncStatus.getValue();
    if (!settings?.url || !settings.key) {
      return save({ state: 'not-configured', pending: await pending(), failures: 0, lastSyncAt: previous.lastSyncAt });
    }
    await save({ ...previous, state: 'syncing', pending: await pending() });
    try {
      const key = parseSyncKey(settings.key);
      const report = await syncOnce(db, (request) => sendToSheet(settings.url, key, request), { newKey: () => crypto.randomUUID(), now: () => new Date().toISOString() });
      await browser.alarms.clear(RETRY_ALARM);
      const at = new Date().toISOString();
      const overtaken = [...report.overtaken.map((o) => ({ ...o, at })), ...(previous.overtaken ?? [])].slice(0, MAX_OVERTAKEN);
      return save({ state: 'idle', lastSyncAt: at, pending: await pending(), failures: 0, overtaken });
    } catch (error) {
      const refused = error instanceof SyncRefused && (error.code === 'revoked' || error.code === 'unknown_rep');
      const failures = previous.failures + 1;
      if (!refused) {
        const delay = Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** (failures - 1)) * (0.5 + Math.random() / 2);
        await browser.alarms.create(RETRY_ALARM, { when: Date.now() + delay });
      }
      return save({
        state: refused ? 'revoked' : 'error',
        lastSyncAt: previous.lastSyncAt,
        pending: await pending(),
        lastError: (error as Error).message,
        failures,
        overtaken: previous.overtaken,
      });
    }
  }

  async function save(status: SyncStatus): Promise<SyncStatus> {
    await syncStatus.setValue(status);
    return status;
  }

  return {
    run(): Promise<SyncStatus> {
      running ??= round().finally(() => (running = null));
      return running;
    },
  };
}
