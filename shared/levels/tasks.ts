import { LEVELS, type Level, type RECURRENCES } from '../model/vocabulary';
import { DAY_MS, formatTime, readTime } from '../ladder/dates';
import { DEFAULT_SETTINGS, type Settings } from '../settings';

/**
 * The follow-up work each relationship level implies [S3], as task drafts the adapters turn into Task records:
 * basic and reactive plan nothing (reactive means support is reachable, not that we call); accountable adds a
 * post-sale check call; proactive and partnership add a periodic touch. Levels are cumulative: a partner still
 * gets the post-sale check.
 *
 * Touches roll from the last contact instead of recurring on a calendar: only the next one is drafted, so an
 * unplanned call pushes the next touch back. That is why drafts carry recurrence 'none'.
 */

export const AUTOMATIC_TAGS = ['post-sale check', 'periodic touch'] as const;
export type AutomaticTag = (typeof AUTOMATIC_TAGS)[number];

/** A task to create; the adapter adds id, owner, personId and status. */
export interface TaskDraft {
  title: string;
  dueAt: string;
  recurrence: (typeof RECURRENCES)[number];
  automatic: AutomaticTag;
}

/** The parts of a contact's existing tasks (any status) that planning reads. */
export interface ExistingTask {
  dueAt: string;
  status: string;
  automatic?: string;
}

export interface PlanTasksInput {
  level: Level;
  now: string | Date;
  /** When each sale closed (closedAt of the contact's won orders). */
  sales: readonly (string | Date)[];
  lastContactAt?: string | Date;
  tasks: readonly ExistingTask[];
  doNotContact?: boolean;
}

type PlanSettings = Pick<Settings, 'postSaleCheckDays' | 'proactiveTouchDays' | 'partnershipTouchDays' | 'overContact'>;

const TITLES = {
  check: 'Post-sale check call: were expectations met?',
  proactive: 'Periodic touch: ask about use and new needs',
  partnership: 'Partnership touch: review the joint work',
};

/**
 * The drafts a contact's level calls for now. Post-sale checks come first, oldest sale first, then the touch;
 * the over-contact limit counts open tasks due before now + periodDays and drops drafts beyond maxTouches.
 */
export function planLevelTasks(input: PlanTasksInput, settings: PlanSettings = DEFAULT_SETTINGS): TaskDraft[] {
  const now = readTime(input.now);
  const rank = LEVELS.indexOf(input.level);
  if (now === undefined || rank < 0 || input.doNotContact === true) return [];
  const windowEnd = now + settings.overContact.periodDays * DAY_MS;
  // Near the end of Date's range a due date could not be written as ISO; plan nothing rather than throw.
  if (readTime(now + Math.max(settings.overContact.periodDays, settings.postSaleCheckDays) * DAY_MS) === undefined) return [];
  const drafts: TaskDraft[] = [];
  if (rank >= LEVELS.indexOf('accountable')) drafts.push(...planPostSaleChecks(input, now, settings));
  if (input.level === 'proactive' || input.level === 'partnership') {
    const touch = planTouch(input, now, windowEnd, settings);
    if (touch) drafts.push(touch);
  }
  const planned = input.tasks.filter((task) => task.status === 'open' && (readTime(task.dueAt) ?? Infinity) < windowEnd).length;
  return drafts.slice(0, Math.max(0, settings.overContact.maxTouches - planned));
}

// A sale is covered by any post-sale check (even a done or cancelled one) due on or after it: one call checks two
// sales a day apart, and a check the rep moved or cancelled is not recreated. Sales older than one over-contact
// period are history, not a reason to call.
function planPostSaleChecks(input: PlanTasksInput, now: number, settings: PlanSettings): TaskDraft[] {
  const checks = input.tasks
    .filter((task) => task.automatic === 'post-sale check')
    .map((task) => readTime(task.dueAt))
    .filter((due): due is number => due !== undefined);
  const oldest = now - settings.overContact.periodDays * DAY_MS;
  const sales = input.sales
    .map(readTime)
    .filter((at): at is number => at !== undefined && at > oldest && at <= now)
    .sort((a, b) => a - b);
  const drafts: TaskDraft[] = [];
  for (const sale of sales) {
    if (checks.some((due) => due >= sale)) continue;
    const due = sale + settings.postSaleCheckDays * DAY_MS;
    checks.push(due);
    drafts.push({ title: TITLES.check, dueAt: formatTime(due), recurrence: 'none', automatic: 'post-sale check' });
  }
  return drafts;
}

// The next touch is due one interval after the last contact, or now if that has passed or there was no contact;
// one beyond the over-contact window is left for a later run.
function planTouch(input: PlanTasksInput, now: number, windowEnd: number, settings: PlanSettings): TaskDraft | undefined {
  if (input.tasks.some((task) => task.automatic === 'periodic touch' && task.status === 'open')) return undefined;
  const partnership = input.level === 'partnership';
  const interval = (partnership ? settings.partnershipTouchDays : settings.proactiveTouchDays) * DAY_MS;
  const last = readTime(input.lastContactAt);
  const due = last === undefined ? now : Math.max(now, last + interval);
  if (due >= windowEnd) return undefined;
  return { title: partnership ? TITLES.partnership : TITLES.proactive, dueAt: formatTime(due), recurrence: 'none', automatic: 'periodic touch' };
}
