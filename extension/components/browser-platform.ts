import { browser } from '#imports';
import { DEFAULT_SETTINGS, parseSettings } from '../../shared/settings';
import { pickLanguage } from '../i18n/i18n';
import { sendMessage } from '../messaging';
import { language, localRules, repEmail, repName, syncStatus } from '../settings';
import { neverLogList } from '../store/never-log';
import type { Platform, WorkspaceSettings } from './platform';

/** The workspace's platform in an extension page: chrome.storage settings, the background, downloads. */
export function createBrowserPlatform(): Platform {
  const locale = navigator.language || 'en';
  async function load(): Promise<WorkspaceSettings> {
    const [lang, email, name, rules, neverLog] = await Promise.all([language.getValue(), repEmail.getValue(), repName.getValue(), localRules.getValue(), neverLogList.getValue()]);
    const parsed = parseSettings(rules);
    return { language: lang || pickLanguage(locale), repEmail: email, repName: name, rules: parsed.ok ? parsed.settings : DEFAULT_SETTINGS, neverLog };
  }
  return {
    locale,
    loadSettings: load,
    async saveSettings(changes) {
      if (changes.language) await language.setValue(changes.language);
      if (changes.repEmail !== undefined) await repEmail.setValue(changes.repEmail);
      if (changes.repName !== undefined) await repName.setValue(changes.repName);
    },
    watchSettings(callback) {
      const stops = [language.watch, repEmail.watch, repName.watch, localRules.watch, neverLogList.watch].map((watch) => watch(() => void load().then(callback)));
      return () => stops.forEach((stop) => stop());
    },
    watchSync(callback) {
      void syncStatus.getValue().then(callback);
      return syncStatus.watch((status) => callback(status));
    },
    changed(entities) {
      // The background may be asleep; the message wakes it. A failure only delays sync and reminders.
      void sendMessage('local-change', { entities }).catch(() => undefined);
    },
    download(fileName, mimeType, content) {
      const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    },
    openOptions() {
      void browser.runtime.openOptionsPage();
    },
  };
}
