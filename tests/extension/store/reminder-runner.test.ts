import 'fake-indexeddb/auto';
import { expect, test } from 'vitest';
import { createReminderRunner, REMINDER_ALARM } from '../../../extension/store/reminder-runner';
import { addTask } from '../../../extension/store/tasks';
import { aPerson, contextAt, freshDb } from '../support';

function recorder(now: Date) {
  const calls: string[] = [];
  return {
    calls,
    clock: { now },
    ports: {
      now: () => now,
      setAlarm: (name: string, when: number) => void calls.push(`alarm ${name} ${new Date(when).toISOString()}`),
      clearAlarm: (name: string) => void calls.push(`clear ${name}`),
      notify: (id: string, title: string, message: string) => void calls.push(`notify ${id} | ${title} | ${message}`),
    },
  };
}

test('a due task is shown once, and the alarm is set for the next one', async () => {
  const db = freshDb();
  await db.people.put(aPerson({ id: 'ada', fullName: 'Ada Lovelace' }));
  const context = contextAt('2026-05-04T08:00:00.000Z');
  const due = await addTask(db, { personId: 'ada', title: 'Call Ada', dueAt: '2026-05-04T09:00:00.000Z' }, context);
  await addTask(db, { title: 'Plan the week', dueAt: '2026-05-04T17:00:00.000Z' }, context);

  const before = recorder(new Date('2026-05-04T08:30:00.000Z'));
  await createReminderRunner(db, before.ports).check();
  expect(before.calls).toEqual([`alarm ${REMINDER_ALARM} 2026-05-04T09:00:00.000Z`]);

  const rings = recorder(new Date('2026-05-04T09:00:02.000Z'));
  const runner = createReminderRunner(db, rings.ports);
  await Promise.all([runner.check(), runner.check()]); // two wake-ups at once still show it once
  expect(rings.calls.filter((call) => call.startsWith('notify'))).toEqual([`notify clipsheet-task:${due.id} | Clipsheet: Ada Lovelace | Call Ada`]);
  expect(rings.calls.at(-1)).toBe(`alarm ${REMINDER_ALARM} 2026-05-04T17:00:00.000Z`);
});

test('many due at once make one summary; with nothing left the alarm is cleared', async () => {
  const db = freshDb();
  const context = contextAt('2026-05-04T08:00:00.000Z');
  for (let i = 0; i < 5; i++) await addTask(db, { title: `Task ${i}`, dueAt: `2026-05-0${i + 1}T09:00:00.000Z` }, context);
  const late = recorder(new Date('2026-05-06T00:00:00.000Z'));
  await createReminderRunner(db, late.ports).check();
  expect(late.calls).toEqual([`notify clipsheet-task:summary | Clipsheet: 5 follow-ups due | Task 0\nTask 1\nTask 2\nTask 3\nTask 4`, `clear ${REMINDER_ALARM}`]);
});

test('a notification the browser refuses does not stop the next alarm', async () => {
  const db = freshDb();
  const context = contextAt('2026-05-04T08:00:00.000Z');
  await addTask(db, { title: 'Now', dueAt: '2026-05-04T08:00:00.000Z' }, context);
  await addTask(db, { title: 'Later', dueAt: '2026-05-04T18:00:00.000Z' }, context);
  const refused = recorder(new Date('2026-05-04T09:00:00.000Z'));
  await createReminderRunner(db, { ...refused.ports, notify: () => Promise.reject(new Error('notifications are off')) }).check();
  expect(refused.calls).toEqual([`alarm ${REMINDER_ALARM} 2026-05-04T18:00:00.000Z`]);
});
