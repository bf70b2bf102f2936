import { storage } from '#imports';

/** Where and as whom this browser syncs: the sheet's web-app URL and the rep's sync key. */
export interface SyncSettings {
  url: string;
  key: string;
}

/** What the rep sees of sync: when it last worked, what waits, and the last error in plain words. */
export interface SyncStatus {
  state: 'idle' | 'syncing' | 'error' | 'not-configured' | 'revoked';
  lastSyncAt?: string;
  pending: number;
  lastError?: string;
  /** Consecutive failures, for backoff. */
  failures: number;
  /** Recent edits of this rep that newer edits overtook (merged automatically; the rep may want to check). */
  overtaken?: Array<{ entity: string; id: string; fields: string[]; at: string }>;
}

export const syncSettings = storage.defineItem<SyncSettings | null>('local:syncSettings', { fallback: null, version: 1 });
export const syncStatus = storage.defineItem<SyncStatus>('local:syncStatus', { fallback: { state: 'not-configured', pending: 0, failures: 0 }, version: 1 });
/** The rep's own address: owner of what they capture, and the "outbound" side of their email. */
export const repEmail = storage.defineItem<string>('local:repEmail', { fallback: '', version: 1 });
