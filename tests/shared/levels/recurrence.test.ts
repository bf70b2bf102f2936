import { describe, expect, test } from 'vitest';
import { nextOccurrence } from '../../../shared/levels';

// Local-calendar arithmetic: the expectations are built with the same local Date constructor, so the test holds
// in any time zone the suite runs in.
const local = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h).toISOString();

describe('nextOccurrence', () => {
  test.each([
    ['daily', local(2026, 3, 1), local(2026, 3, 1, 10), local(2026, 3, 2)],
    ['weekly', local(2026, 3, 1), local(2026, 3, 1, 10), local(2026, 3, 8)],
    ['monthly', local(2026, 3, 1), local(2026, 3, 1, 10), local(2026, 4, 1)],
  ] as const)('%s: the next one after now', (recurrence, dueAt, now, expected) => {
    expect(nextOccurrence(dueAt, recurrence, now)).toBe(expected);
  });

  test('a reminder left undone for days comes back once, at its next slot after now', () => {
    expect(nextOccurrence(local(2026, 3, 1), 'daily', local(2026, 3, 9, 12))).toBe(local(2026, 3, 10));
    expect(nextOccurrence(local(2026, 3, 1), 'weekly', local(2026, 3, 20))).toBe(local(2026, 3, 22));
  });

  test('monthly on the 31st clamps to short months without drifting', () => {
    const jan31 = local(2026, 1, 31);
    expect(nextOccurrence(jan31, 'monthly', jan31)).toBe(local(2026, 2, 28));
    expect(nextOccurrence(jan31, 'monthly', local(2026, 3, 1))).toBe(local(2026, 3, 31));
    expect(nextOccurrence(jan31, 'monthly', local(2026, 4, 1))).toBe(local(2026, 4, 30));
  });

  test('the wall-clock time is kept, across a daylight-saving change where the zone has one (8 March in New York)', () => {
    const next = new Date(nextOccurrence(local(2026, 3, 1, 9), 'daily', local(2026, 3, 9, 8))!);
    expect([next.getDate(), next.getHours()]).toEqual([9, 9]);
  });

  test("'none' and unreadable times have no next occurrence", () => {
    expect(nextOccurrence(local(2026, 3, 1), 'none', local(2026, 3, 2))).toBeUndefined();
    expect(nextOccurrence('not a date', 'daily', local(2026, 3, 2))).toBeUndefined();
    expect(nextOccurrence(local(2026, 3, 1), 'daily', 'soon')).toBeUndefined();
  });
});
