import { browser, defineBackground } from '#imports';
import { onMessages } from '../messaging';
import { repEmail, syncSettings } from '../settings';
import { ClipsheetDb } from '../store/db';
import { saveCapturedPerson } from '../store/save-person';
import { createSyncRunner, RETRY_ALARM } from '../sync/sync-runner';
import { clipTab, saveWithContext } from '../captures/clip-tab';
import { findKnownPeople } from '../store/find-known';
import { createReminderRunner, REMINDER_ALARM, REMINDER_NOTIFICATION } from '../store/reminder-runner';
import { focusPerson } from '../settings';

const PERIODIC_ALARM = 'clipsheet-sync';
const SYNC_AFTER_CHANGE_MS = 500;
// The extension ships no icon yet; a notification needs one (a 1x1 green PNG).
const NOTIFICATION_ICON = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export default defineBackground(() => {
  const db = new ClipsheetDb();
  const sync = createSyncRunner(db);
  let soon: ReturnType<typeof setTimeout> | undefined;
  // Several saves in a burst make one sync round.
  const syncSoon = () => {
    clearTimeout(soon);
    soon = setTimeout(() => void sync.run(), SYNC_AFTER_CHANGE_MS);
  };

  const clipping = { db, newId: () => crypto.randomUUID() };
  // Follow-up reminders (issue 5): one alarm for the next due task, a notification when it rings.
  const reminders = createReminderRunner(db, {
    now: () => new Date(),
    setAlarm: (name, when) => browser.alarms.create(name, { when }),
    clearAlarm: (name) => browser.alarms.clear(name),
    notify: (id, title, message) => browser.notifications?.create(id, { type: 'basic', iconUrl: NOTIFICATION_ICON, title, message, priority: 1 }),
  });
  onMessages({
    async 'save-person'({ capture }) {
      const { person, created } = await saveCapturedPerson(db, capture, {
        owner: await repEmail.getValue(),
        now: new Date().toISOString(),
        newId: () => crypto.randomUUID(),
      });
      syncSoon();
      return { personId: person.id, created };
    },
    'sync-now': () => sync.run(),
    async 'save-capture'({ capture }) {
      const summary = await saveWithContext(clipping, capture);
      syncSoon();
      return summary;
    },
    'find-known': ({ people }) => findKnownPeople(db, people),
    async 'local-change'({ entities }) {
      syncSoon();
      if (entities.includes('task')) await reminders.check();
      return null;
    },
    async 'clip-tab'({ tabId, selection }) {
      const summary = await clipTab(clipping, tabId, selection);
      syncSoon();
      return summary;
    },
  });

  // Clipping any page: the toolbar button, the context menu and the keyboard shortcut grant activeTab for
  // the tab they act on.
  const clipAndTell = (tabId: number | undefined, selection: boolean) => {
    if (tabId === undefined) return;
    clipTab(clipping, tabId, selection).then(
      (summary) => {
        syncSoon();
        notify(summary.message);
      },
      (error: Error) => notify(error.message),
    );
  };
  const notify = (message: string) =>
    void browser.notifications?.create({ type: 'basic', iconUrl: NOTIFICATION_ICON, title: 'Clipsheet', message }).catch(() => undefined);
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: 'clip-page', title: 'Clip this page to Clipsheet', contexts: ['page'] });
    browser.contextMenus.create({ id: 'clip-selection', title: 'Clip selection to Clipsheet', contexts: ['selection'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => clipAndTell(tab?.id, info.menuItemId === 'clip-selection'));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'clip-page') clipAndTell(tab?.id, false);
  });
  // Fires only if the action has no popup; the popup (and the side panel) clip through 'clip-tab'.
  browser.action?.onClicked.addListener((tab) => clipAndTell(tab.id, false));

  browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_ALARM || alarm.name === RETRY_ALARM) void sync.run();
    if (alarm.name === REMINDER_ALARM) void reminders.check();
  });
  // A clicked reminder opens the workspace on the person it is about.
  browser.notifications?.onClicked.addListener((id) => {
    if (!id.startsWith(REMINDER_NOTIFICATION)) return;
    void db.tasks.get(id.slice(REMINDER_NOTIFICATION.length)).then(async (task) => {
      if (task?.personId) await focusPerson.setValue({ personId: task.personId, at: Date.now() });
      const url = browser.runtime.getURL(`/sidepanel.html${task?.personId ? `#/person/${task.personId}` : ''}` as '/');
      const [window] = await browser.windows.getAll({ windowTypes: ['normal'] });
      await (window?.id !== undefined ? browser.sidePanel.open({ windowId: window.id }) : Promise.reject(new Error('no window'))).catch(() => browser.tabs.create({ url }));
      void browser.notifications.clear(id);
    });
  });
  syncSettings.watch(() => void sync.run());
  // The network coming back is a reason to try at once rather than wait for the backoff.
  self.addEventListener('online', () => void sync.run());
  void sync.run();
  void reminders.check();
});
