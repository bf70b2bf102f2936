/**
 * The Persian (Solar Hijri, "Jalali") calendar, which Gmail and other Persian interfaces show dates in,
 * converted to real moments. Only the years a mailbox can hold are accepted (1300-1499 AP, i.e. March 1921 to
 * March 2121): over them the arithmetic rule below matches the astronomical calendar Iran uses, and outside them
 * a year is more likely a misread than a date.
 */
const FIRST_YEAR = 1300;
const LAST_YEAR = 1499;
// 1 Farvardin 1300 AP, the first day of FIRST_YEAR, in the Gregorian calendar.
const FIRST_NOWRUZ = { year: 1921, monthIndex: 2, day: 21 };

/** Whether a Persian year has 366 days (Esfand 30): the 33-year rule ICU, and so Chromium's Intl, uses. */
export function isPersianLeapYear(year: number): boolean {
  return (25 * year + 11) % 33 < 8;
}

/** Days in a Persian month (1-12): six of 31, five of 30, and Esfand with 29 or, in a leap year, 30. */
export function persianMonthLength(year: number, month: number): number {
  if (month <= 6) return 31;
  if (month <= 11) return 30;
  return isPersianLeapYear(year) ? 30 : 29;
}

/** A Persian date and wall-clock time as a local Date; undefined if that day does not exist or is out of range. */
export function persianToDate(year: number, month: number, day: number, hour = 0, minute = 0): Date | undefined {
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > persianMonthLength(year, month)) return undefined;
  let days = 0;
  for (let y = FIRST_YEAR; y < year; y++) days += isPersianLeapYear(y) ? 366 : 365;
  days += month <= 7 ? (month - 1) * 31 : 186 + (month - 7) * 30;
  // Date counts the days past the end of March on into later months, in local time (so across DST too).
  return new Date(FIRST_NOWRUZ.year, FIRST_NOWRUZ.monthIndex, FIRST_NOWRUZ.day + days + day - 1, hour, minute);
}
