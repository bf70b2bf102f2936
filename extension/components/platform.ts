import type { NeverLogList } from '../../shared/capture/plan-thread';
import type { EntityName } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import type { Language } from '../i18n/i18n';

/** The rep's own settings as the workspace reads them (extension/settings.ts keeps them). */
export interface WorkspaceSettings {
  language: Language;
  repEmail: string;
  repName: string;
  /** Team rules: inactivity thresholds, never-log domains, level intervals (shared/settings). */
  rules: Settings;
  /** Addresses and domains never logged [S8] (extension/store/never-log.ts). */
  neverLog: NeverLogList;
}

/** What the sync status line shows. */
export interface SyncSummary {
  state: 'idle' | 'syncing' | 'error' | 'not-configured' | 'revoked';
  pending: number;
}

/**
 * What the workspace needs from the browser, and nothing else: settings, telling the background that records
 * changed (so it syncs and reschedules reminders), saving a file. Pages get the chrome.* implementation
 * (browser-platform.ts); component tests get a plain in-memory one.
 */
export interface Platform {
  /** The browser's language, for English dates (en-GB or en-US) and the default language. */
  locale: string;
  loadSettings(): Promise<WorkspaceSettings>;
  saveSettings(changes: Partial<WorkspaceSettings>): Promise<void>;
  /** Calls back when settings change elsewhere (the options page); returns the unsubscribe function. */
  watchSettings(callback: (settings: WorkspaceSettings) => void): () => void;
  watchSync(callback: (summary: SyncSummary) => void): () => void;
  /** Records of these entities changed locally. */
  changed(entities: EntityName[]): void;
  download(fileName: string, mimeType: string, content: string): void;
  openOptions(): void;
}
