import { parseSettings, type Settings } from '../../../shared/settings';
import { parseSyncKey } from '../../../shared/sync/key';
import type { NeverLogList } from '../../../shared/capture/plan-thread';
import type { SyncStatus } from '../../settings';

/** The options form's values, as typed. */
export interface OptionsValues {
  url: string;
  key: string;
  email: string;
  name: string;
  /** '' follows the browser's language. */
  language: '' | 'en' | 'fa';
  atRiskAfterDays: string;
  inactiveAfterDays: string;
  /** One per line. */
  neverLogDomains: string;
  neverLogAddresses: string;
}

/** What the options page reads and writes; the page gets chrome.storage's, tests an in-memory one. */
export interface OptionsPorts {
  locale: string;
  load(): Promise<OptionsValues>;
  save(values: ValidOptions): Promise<void>;
  /** Asks the background to sync now (only when a sheet is configured). */
  syncNow(): Promise<SyncStatus>;
  watchStatus(callback: (status: SyncStatus) => void): () => void;
}

export interface ValidOptions {
  /** null: no sheet; the workspace keeps everything local. */
  sync: { url: string; key: string } | null;
  email: string;
  name: string;
  language: OptionsValues['language'];
  /** The rep's rules, as extension/settings.ts's localRules keeps them (a partial of shared/settings). */
  rules: Partial<Settings>;
  neverLog: NeverLogList;
}

export type OptionsField = 'url' | 'key' | 'email' | 'atRiskAfterDays' | 'inactiveAfterDays' | 'neverLogDomains' | 'neverLogAddresses';
export type OptionsCheck = { ok: true; value: ValidOptions } | { ok: false; problems: Array<{ field: OptionsField; message: string }> };

const lines = (text: string) => [...new Set(text.split(/[\n,]+/).map((line) => line.trim().toLowerCase()).filter(Boolean))];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks the options form. Sync is optional (both URL and key, or neither); the rules go through
 * shared/settings' parseSettings, so the side panel and the sheet agree on what is valid.
 */
export function checkOptions(values: OptionsValues, messages: { urlInvalid: string }): OptionsCheck {
  const problems: Array<{ field: OptionsField; message: string }> = [];
  const url = values.url.trim();
  const key = values.key.trim();
  if (url || key) {
    if (!/^https?:\/\/\S+$/.test(url)) problems.push({ field: 'url', message: messages.urlInvalid });
    try {
      parseSyncKey(key);
    } catch (error) {
      problems.push({ field: 'key', message: (error as Error).message });
    }
  }
  const email = values.email.trim();
  if (email && !EMAIL.test(email)) problems.push({ field: 'email', message: `"${email}" is not an email address` });
  const rules: Record<string, unknown> = { atRiskAfterDays: Number(values.atRiskAfterDays), inactiveAfterDays: Number(values.inactiveAfterDays), neverLogDomains: lines(values.neverLogDomains) };
  const parsed = parseSettings(rules);
  if (!parsed.ok) for (const issue of parsed.issues) problems.push({ field: (issue.path.split('.')[0] === 'neverLogDomains' ? 'neverLogDomains' : issue.path) as OptionsField, message: issue.message });
  const addresses = lines(values.neverLogAddresses);
  for (const address of addresses) if (!EMAIL.test(address)) problems.push({ field: 'neverLogAddresses', message: `"${address}" is not an email address` });
  if (problems.length || !parsed.ok) return { ok: false, problems };
  return {
    ok: true,
    value: {
      sync: url && key ? { url, key } : null,
      email,
      name: values.name.trim(),
      language: values.language,
      rules: { atRiskAfterDays: parsed.settings.atRiskAfterDays, inactiveAfterDays: parsed.settings.inactiveAfterDays },
      neverLog: { domains: parsed.settings.neverLogDomains, addresses },
    },
  };
}
