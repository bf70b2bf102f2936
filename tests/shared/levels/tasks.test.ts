import { describe, expect, test } from 'vitest';
import { planLevelTasks, type ExistingTask, type PlanTasksInput } from '../../../shared/levels';
import { LEVELS } from '../../../shared/model/vocabulary';
import { DEFAULT_SETTINGS } from '../../../shared/settings';

// Defaults: post-sale check 3 days after a sale, proactive touch every 30 days, partnership every 7,
// at most 4 open tasks due within the next 30 days.
const now = '2026-06-30T12:00:00.000Z';
const day = (offset: number) => new Date(Date.parse(now) + offset * 86_400_000).toISOString();
const plan = (input: Partial<PlanTasksInput>) => planLevelTasks({ level: 'basic', now, sales: [], tasks: [], ...input });
const open = (dueAt: string, automatic?: string): ExistingTask => ({ dueAt, status: 'open', automatic });

describe('what each level plans', () => {
  test.each(['basic', 'reactive'] as const)('%s plans nothing, even after a sale', (level) => {
    expect(plan({ level, sales: [day(-1)], lastContactAt: day(-100) })).toEqual([]);
  });

  test('accountable: a check call 3 days after the sale, nothing periodic', () => {
    expect(plan({ level: 'accountable', sales: [day(-1)], lastContactAt: day(-100) })).toEqual([
      { title: 'Post-sale check call: were expectations met?', dueAt: day(2), recurrence: 'none', automatic: 'post-sale check' },
    ]);
  });

  test('proactive: the next touch 30 days after the last contact', () => {
    expect(plan({ level: 'proactive', lastContactAt: day(-20) })).toEqual([
      { title: 'Periodic touch: ask about use and new needs', dueAt: day(10), recurrence: 'none', automatic: 'periodic touch' },
    ]);
  });

  test('partnership: a weekly touch, and the post-sale check as well', () => {
    expect(plan({ level: 'partnership', sales: [day(-2)], lastContactAt: day(-2) }).map((d) => [d.automatic, d.dueAt])).toEqual([
      ['post-sale check', day(1)],
      ['periodic touch', day(5)],
    ]);
  });

  test('an overdue touch, or a contact never reached, is due now', () => {
    expect(plan({ level: 'proactive', lastContactAt: day(-45) })[0].dueAt).toBe(now);
    expect(plan({ level: 'partnership' })[0].dueAt).toBe(now);
  });

  test('a touch beyond the 30-day window is left for a later run', () => {
    expect(plan({ level: 'proactive', lastContactAt: now })).toEqual([]);
    expect(plan({ level: 'proactive', lastContactAt: day(-1) })).toHaveLength(1);
  });

  test('do-not-contact plans nothing at any level', () => {
    for (const level of LEVELS) expect(plan({ level, sales: [day(-1)], doNotContact: true })).toEqual([]);
  });
});

describe('post-sale checks are not duplicated', () => {
  test('an existing check due after the sale covers it, whatever its status', () => {
    for (const status of ['open', 'done', 'cancelled']) {
      expect(plan({ level: 'accountable', sales: [day(-1)], tasks: [{ dueAt: day(5), status, automatic: 'post-sale check' }] })).toEqual([]);
    }
  });

  test('a check from an earlier sale does not cover a later one', () => {
    const drafts = plan({ level: 'accountable', sales: [day(-1)], tasks: [{ dueAt: day(-7), status: 'done', automatic: 'post-sale check' }] });
    expect(drafts.map((d) => d.dueAt)).toEqual([day(2)]);
  });

  test('two sales a day apart get one call; sales a week apart get two', () => {
    expect(plan({ level: 'accountable', sales: [day(-1), day(-2)] }).map((d) => d.dueAt)).toEqual([day(1)]);
    expect(plan({ level: 'accountable', sales: [day(0), day(-7)] }).map((d) => d.dueAt)).toEqual([day(-4), day(3)]);
  });

  test('sales older than one period, in the future, or unreadable are ignored', () => {
    expect(plan({ level: 'accountable', sales: [day(-31), day(2), 'yesterday', ''] })).toEqual([]);
  });
});

describe('the over-contact limit', () => {
  test('open tasks due within the window use up the budget', () => {
    const tasks = [open(day(1)), open(day(2)), open(day(-3))];
    const drafts = plan({ level: 'partnership', sales: [day(-20), day(-10)], tasks });
    expect(drafts.map((d) => d.automatic)).toEqual(['post-sale check']); // 3 open + 1 = 4; the second check and the touch are dropped
  });

  test('done or cancelled tasks and tasks due after the window do not count', () => {
    const closed = [1, 2, 3, 4].map((d) => ({ dueAt: day(d), status: d % 2 ? 'done' : 'cancelled' }));
    const tasks = [...closed, open(day(40)), open(day(45)), open(day(50)), open(day(55))];
    expect(plan({ level: 'partnership', tasks })).toHaveLength(1);
  });

  test('a full budget plans nothing; the limit comes from settings', () => {
    const tasks = [0, 1, 2, 3].map((d) => open(day(d)));
    expect(plan({ level: 'partnership', tasks })).toEqual([]);
    const settings = { ...DEFAULT_SETTINGS, overContact: { maxTouches: 5, periodDays: 30 } };
    expect(planLevelTasks({ level: 'partnership', now, sales: [], tasks }, settings)).toHaveLength(1);
  });

  test('an open touch is not planned twice', () => {
    expect(plan({ level: 'proactive', tasks: [open(day(3), 'periodic touch')] })).toEqual([]);
  });
});

describe('hostile input plans nothing rather than throwing', () => {
  test.each<[string, Partial<PlanTasksInput>]>([
    ['an unknown level', { level: 'vip' as never, sales: [day(-1)] }],
    ['an invalid now', { level: 'partnership', now: 'tomorrow' }],
    ['now at the end of time', { level: 'partnership', now: new Date(8.64e15) }],
  ])('%s', (_name, input) => {
    expect(() => plan(input)).not.toThrow();
    expect(plan(input)).toEqual([]);
  });

  test('unreadable task dates count as due later and never throw', () => {
    expect(plan({ level: 'partnership', tasks: [open('not a date'), open('')] })).toHaveLength(1);
  });
});
