import { describe, expect, test } from 'vitest';
import { isPersianLeapYear, persianMonthLength, persianToDate } from '../../extension/captures/persian-calendar';

// ICU's Persian calendar (Node's and Chromium's Intl) is the reference: every day of 1300-1499 AP, converted
// by persianToDate, must be the day Intl names with the same Persian year, month and day.
const persianParts = new Intl.DateTimeFormat('en-u-ca-persian-nu-latn', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: 'UTC' });

describe('persianToDate', () => {
  test('agrees with Intl on every day from 1 Farvardin 1300 to 29 Esfand 1499', () => {
    const mismatches: string[] = [];
    for (let year = 1300; year <= 1499; year++)
      for (let month = 1; month <= 12; month++)
        for (let day = 1; day <= persianMonthLength(year, month); day++) {
          const date = persianToDate(year, month, day)!;
          const utc = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
          const parts = Object.fromEntries(persianParts.formatToParts(utc).map((p) => [p.type, p.value]));
          if (`${parts.year}-${parts.month}-${parts.day}` !== `${year}-${month}-${day}`) mismatches.push(`${year}-${month}-${day}`);
        }
    expect(mismatches).toEqual([]);
  });

  test.each([
    [1404, 1, 1, [2025, 2, 21]],
    [1403, 12, 30, [2025, 2, 20]],
    [1404, 8, 13, [2025, 10, 4]],
    [1399, 10, 11, [2020, 11, 31]],
  ] as const)('%i-%i-%i is the Gregorian day %j', (year, month, day, [y, m, d]) => {
    expect(persianToDate(year, month, day, 9, 41)).toEqual(new Date(y, m, d, 9, 41));
  });

  test.each([
    [1404, 12, 30, 'Esfand 30 of a common year'],
    [1404, 7, 31, 'Mehr has 30 days'],
    [1404, 13, 1, 'no thirteenth month'],
    [1404, 0, 1, 'no month zero'],
    [1299, 1, 1, 'before the years a mailbox holds'],
    [1500, 1, 1, 'after them'],
    [1404.5, 1, 1, 'not a whole year'],
  ] as const)('%i-%i-%i does not exist (%s)', (year, month, day, _why) => {
    expect(persianToDate(year, month, day)).toBeUndefined();
  });

  test('leap years: 1403 has Esfand 30, 1404 does not', () => {
    expect([isPersianLeapYear(1403), isPersianLeapYear(1404)]).toEqual([true, false]);
  });
});
