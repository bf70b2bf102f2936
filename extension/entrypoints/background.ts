import { browser, defineBackground } from '#imports';
import { onMessages } from '../messaging';
import { repEmail, syncSettings } from '../settings';
import { ClipsheetDb } from '../store/db';
import { saveCapturedPerson } from '../store/save-person';
import { createSyncRunner, RETRY_ALARM } from '../sync/sync-runner';

const PERIODIC_ALARM = 'clipsheet-sync';
const SYNC_AFTER_CHANGE_MS = 500;

export default defineBackground(() => {
  const db = new ClipsheetDb();
  const sync = createSyncRunner(db);
  let soon: ReturnType<typeof setTimeout> | undefined;
  // Several saves in a burst make one sync round.
  const syncSoon = () => {
    clearTimeout(soon);
    soon = setTimeout(() => void sync.run(), SYNC_AFTER_CHANGE_MS);
  };

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
    async 'find-person'({ linkedinUrl, email }) {
      const person =
        (linkedinUrl ? await db.people.where('linkedinUrl').equals(linkedinUrl).first() : undefined) ??
        (email ? await db.people.where('emails').equals(email).first() : undefined);
      return person ? { personId: person.id, fullName: person.fullName, stage: person.stage } : null;
    },
    'sync-now': () => sync.run(),
  });

  browser.alarms.create(PERIODIC_ALARM, { periodInMinutes: 5 });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === PERIODIC_ALARM || alarm.name === RETRY_ALARM) void sync.run();
  });
  syncSettings.watch(() => void sync.run());
  // The network coming back is a reason to try at once rather than wait for the backoff.
  self.addEventListener('online', () => void sync.run());
  void sync.run();
});
