import Dexie from 'dexie';
import type { Task } from '../../shared/model';
import type { ClipsheetDb } from './db';

/** A reminder to show: the task and the name of the person it is about. */
export interface DueReminder {
  task: Task;
  personName?: string;
}

/**
 * The open tasks due by `now` whose reminder has not been shown for their current due time, marked shown in the
 * same transaction so two wake-ups of the worker never show one reminder twice. A snoozed task (new due time)
 * reminds again.
 */
export async function takeDueReminders(db: ClipsheetDb, now: Date): Promise<DueReminder[]> {
  const at = now.toISOString();
  return db.transaction('rw', db.tasks, db.reminders, db.people, async () => {
    const due = await db.tasks
      .where('[status+dueAt]')
      .between(['open', Dexie.minKey], ['open', at], true, true)
      .filter((task) => !task.deleted)
      .toArray();
    const shown = await db.reminders.bulkGet(due.map((task) => task.id));
    const fresh = due.filter((task, i) => shown[i]?.dueAt !== task.dueAt);
    await db.reminders.bulkPut(fresh.map((task) => ({ taskId: task.id, dueAt: task.dueAt, shownAt: at })));
    const people = await db.people.bulkGet(fresh.map((task) => task.personId ?? ''));
    return fresh.map((task, i) => ({ task, personName: people[i]?.fullName }));
  });
}

/** When the next reminder is due after `now` (epoch ms), for the alarm; undefined when nothing is planned. */
export async function findNextReminderTime(db: ClipsheetDb, now: Date): Promise<number | undefined> {
  const next = await db.tasks
    .where('[status+dueAt]')
    .between(['open', now.toISOString()], ['open', Dexie.maxKey], false, true)
    .filter((task) => !task.deleted)
    .first();
  return next ? Date.parse(next.dueAt) : undefined;
}
