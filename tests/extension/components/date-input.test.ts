import { expect, test } from 'vitest';
import { fromLocalInput, toLocalInput, tomorrowAt } from '../../../extension/components/date-input';

test('a datetime-local value is read in local time, with or without seconds', () => {
  expect(fromLocalInput('2030-01-02T09:30')).toBe(new Date(2030, 0, 2, 9, 30).toISOString());
  expect(fromLocalInput('2030-01-02T09:30:15')).toBe(new Date(2030, 0, 2, 9, 30, 15).toISOString());
  expect(fromLocalInput('')).toBeUndefined();
  expect(fromLocalInput('tomorrow')).toBeUndefined();
});

test('what toLocalInput writes, fromLocalInput reads back', () => {
  const at = tomorrowAt(9, new Date(2026, 4, 4, 17, 45));
  expect(toLocalInput(at)).toBe('2026-05-05T09:00');
  expect(fromLocalInput(toLocalInput(at))).toBe(at.toISOString());
});
