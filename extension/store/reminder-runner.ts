import type { ClipsheetDb } from './db';
import { findNextReminderTime, takeDueReminders, type DueReminder } from './reminders';

export const REMINDER_ALARM = 'clipsheet-reminder';
/** Notification ids of reminders start with this, then the task id. */
export const REMINDER_NOTIFICATION = 'clipsheet-task:';
const SHOWN_ONE_BY_ONE = 3;

/** The browser parts reminders use; the background passes chrome's, tests may pass their own. */
export interface ReminderPorts {
  now(): Date;
  setAlarm(name: string, when: number): Promise<unknown> | void;
  clearAlarm(name: string): Promise<unknown> | void;
  notify(id: string, title: string, message: string): Promise<unknown> | void;
}

/**
 * Reminders for follow-ups: one alarm set for the next due task; when it rings, every due task not yet shown
 * gets a notification (a summary when there are many), and the alarm moves to the next one. Run `check()`
 * whenever tasks change and when the worker starts: a task due while the browser was closed is shown then.
 */
export function createReminderRunner(db: ClipsheetDb, ports: ReminderPorts) {
  let queue: Promise<unknown> = Promise.resolve();

  async function check(): Promise<DueReminder[]> {
    const due = await takeDueReminders(db, ports.now());
    // A notification the browser refuses (notifications turned off) must not stop the next alarm being set.
    const notify = (id: string, title: string, message: string) => Promise.resolve(ports.notify(id, title, message)).catch(() => undefined);
    if (due.length > SHOWN_ONE_BY_ONE) {
      await notify(`${REMINDER_NOTIFICATION}summary`, `Clipsheet: ${due.length} follow-ups due`, due.map((r) => `${r.task.title}${r.personName ? ` (${r.personName})` : ''}`).join('\n').slice(0, 500));
    } else {
      for (const { task, personName } of due) await notify(`${REMINDER_NOTIFICATION}${task.id}`, personName ? `Clipsheet: ${personName}` : 'Clipsheet', task.title);
    }
    const next = await findNextReminderTime(db, ports.now());
    if (next === undefined) await ports.clearAlarm(REMINDER_ALARM);
    else await ports.setAlarm(REMINDER_ALARM, next);
    return due;
  }

  return {
    /** Shows what is due and sets the alarm for what is next; calls run one after another, never interleaved. */
    check(): Promise<DueReminder[]> {
      const run = queue.then(check, check);
      queue = run.catch(() => undefined);
      return run;
    },
  };
}
