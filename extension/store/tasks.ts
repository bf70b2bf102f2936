import Dexie from 'dexie';
import { nextOccurrence, planLevelTasks, type Recurrence } from '../../shared/levels';
import { Task, type Person } from '../../shared/model';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { newRecord, queueForSync, toStoredTime, type StoreContext } from './changes';
import type { ClipsheetDb } from './db';
import { refreshNextFollowUp } from './people';

export interface TaskInput {
  personId?: string;
  title: string;
  dueAt: string;
  recurrence?: Recurrence;
}

const taskTables = (db: ClipsheetDb) => [db.tasks, db.people, db.outbox];

/** Adds a follow-up or reminder; it becomes the person's next follow-up if it is the earliest. */
export async function addTask(db: ClipsheetDb, input: TaskInput, context: StoreContext): Promise<Task> {
  const task = Task.schema.parse({
    ...newRecord(context),
    personId: input.personId,
    title: input.title.trim(),
    dueAt: toStoredTime(input.dueAt),
    recurrence: input.recurrence ?? 'none',
    status: 'open',
  });
  await db.transaction('rw', taskTables(db), async () => {
    await db.tasks.add(task);
    await queueForSync(db, 'task', [task.id], context);
    await refreshNextFollowUp(db, task.personId, context);
  });
  return task;
}

async function changeTask(db: ClipsheetDb, taskId: string, context: StoreContext, change: (task: Task) => Partial<Task>): Promise<Task | undefined> {
  return db.transaction('rw', taskTables(db), async () => {
    const task = await db.tasks.get(taskId);
    if (!task || task.deleted) return undefined;
    const updated = Task.schema.parse({ ...task, ...change(task), updatedAt: context.now });
    await db.tasks.put(updated);
    await queueForSync(db, 'task', [taskId], context);
    await refreshNextFollowUp(db, task.personId, context);
    return updated;
  });
}

/**
 * Marks a task done. A recurring one (daily, weekly, monthly [S9]) comes back as a new open task at its next
 * occurrence after now, so the done one stays in the record as history. Returns the next task, if any.
 */
export async function completeTask(db: ClipsheetDb, taskId: string, context: StoreContext): Promise<{ done?: Task; next?: Task }> {
  return db.transaction('rw', taskTables(db), async () => {
    const done = await changeTask(db, taskId, context, () => ({ status: 'done' }));
    if (!done) return {};
    const dueAt = nextOccurrence(done.dueAt, done.recurrence, context.now);
    if (!dueAt) return { done };
    const next = Task.schema.parse({ ...newRecord(context), owner: done.owner, personId: done.personId, title: done.title, dueAt, recurrence: done.recurrence, status: 'open', automatic: done.automatic });
    await db.tasks.add(next);
    await queueForSync(db, 'task', [next.id], context);
    await refreshNextFollowUp(db, next.personId, context);
    return { done, next };
  });
}

/** Moves a task to a new due time; its reminder fires again then. */
export const snoozeTask = (db: ClipsheetDb, taskId: string, dueAt: string, context: StoreContext) =>
  changeTask(db, taskId, context, () => ({ dueAt: toStoredTime(dueAt) }));

/** Cancels a task: it stays in history, and an automatic one is not planned again. */
export const cancelTask = (db: ClipsheetDb, taskId: string, context: StoreContext) => changeTask(db, taskId, context, () => ({ status: 'cancelled' }));

/** Levels that plan automatic tasks (shared/levels): accountable and above. */
const PLANNING_LEVELS = ['accountable', 'proactive', 'partnership'] as const;

/**
 * Creates the tasks each person's relationship level calls for now [S3] (post-sale checks, periodic touches),
 * with shared/levels' planLevelTasks and its over-contact limit. Idempotent: planning again adds nothing.
 */
export async function planAutomaticTasks(db: ClipsheetDb, context: StoreContext, settings: Settings = DEFAULT_SETTINGS, personIds?: string[]): Promise<Task[]> {
  const people: Person[] = personIds
    ? ((await db.people.bulkGet(personIds)).filter(Boolean) as Person[])
    : await db.people.where('level').anyOf([...PLANNING_LEVELS]).toArray();
  const created: Task[] = [];
  for (const person of people) {
    if (person.deleted || !person.level) continue;
    await db.transaction('rw', [db.tasks, db.deals, db.people, db.outbox], async () => {
      const [deals, tasks] = await Promise.all([db.deals.where('personId').equals(person.id).toArray(), db.tasks.where('personId').equals(person.id).toArray()]);
      const sales = deals.filter((deal) => deal.kind === 'order' && deal.status === 'won' && !deal.deleted).map((deal) => deal.closedAt ?? deal.openedAt);
      const drafts = planLevelTasks(
        { level: person.level!, now: context.now, sales, lastContactAt: person.lastContactAt, tasks: tasks.filter((task) => !task.deleted), doNotContact: person.doNotContact },
        settings,
      );
      if (!drafts.length) return;
      const records = drafts.map((draft) => Task.schema.parse({ ...newRecord(context), owner: person.owner || context.owner, personId: person.id, status: 'open', ...draft }));
      await db.tasks.bulkAdd(records);
      await queueForSync(db, 'task', records.map((task) => task.id), context);
      await refreshNextFollowUp(db, person.id, context);
      created.push(...records);
    });
  }
  return created;
}

/** The follow-ups a rep works through: overdue, due today (before `endOfToday`), and the coming days. */
export interface FollowUps {
  overdue: Task[];
  today: Task[];
  upcoming: Task[];
}

/** Open tasks by due time from the [status+dueAt] index; `startOfToday`/`endOfToday` are the rep's local day. */
export async function listFollowUps(db: ClipsheetDb, window: { startOfToday: string; endOfToday: string; upcomingUntil: string }): Promise<FollowUps> {
  const open = await db.tasks
    .where('[status+dueAt]')
    .between(['open', Dexie.minKey], ['open', window.upcomingUntil], true, false)
    .filter((task) => !task.deleted)
    .toArray();
  return {
    overdue: open.filter((task) => task.dueAt < window.startOfToday),
    today: open.filter((task) => task.dueAt >= window.startOfToday && task.dueAt < window.endOfToday),
    upcoming: open.filter((task) => task.dueAt >= window.endOfToday),
  };
}
