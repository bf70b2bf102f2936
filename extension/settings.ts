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

/** The workspace's language; '' follows the browser's (Persian for fa-*, else English). */
export const language = storage.defineItem<'' | 'en' | 'fa'>('local:language', { fallback: '', version: 1 });
/** The rep's name, shown with their email. */
export const repName = storage.defineItem<string>('local:repName', { fallback: '', version: 1 });
/** The rep's copy of the team rules (shared/settings: inactivity thresholds...); parsed with parseSettings when read. */
export const localRules = storage.defineItem<Record<string, unknown>>('local:rules', { fallback: {}, version: 1 });
/** A person the workspace should show when it opens or is open (a reminder was clicked). */
export const focusPerson = storage.defineItem<{ personId: string; at: number } | null>('local:focusPerson', { fallback: null, version: 1 });
