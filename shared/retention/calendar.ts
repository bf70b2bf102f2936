/**
 * Calendar days as integers (days since 1970-01-01), parsed and printed without `Date`: a date in a
 * purchase log names a day, not an instant, and `new Date('1997-01-01')` or local-time parsing would
 * shift it by the machine's time zone. Arithmetic after Hinnant, "chrono-compatible low-level date algorithms".
 */

/** The time unit of frequency, recency and T. A month is the mean Gregorian month (365.25 / 12 days). */
export type RetentionPeriod = 'day' | 'week' | 'month';

/** Days in one period; recency and T are day differences divided by this. */
export const PERIOD_DAYS: Readonly<Record<RetentionPeriod, number>> = { day: 1, week: 7, month: 365.25 / 12 };

/** Whether `text` names a period. */
export function isRetentionPeriod(text: string): text is RetentionPeriod {
  return text === 'day' || text === 'week' || text === 'month';
}

/** Day number of a proleptic Gregorian date (month 1-12). */
export function dayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The [year, month, day] of a day number. */
export function civilFromDay(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DELIMITED = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Day number of `YYYYMMDD`, `YYYY-MM-DD`, `YYYY/MM/DD` or `YYYY.MM.DD`, or null when the text is not a
 * real date. An ISO timestamp with `Z` or an offset counts on its UTC day; without one, on the day written.
 */
export function parseCalendarDay(text: string): number | null {
  const trimmed = text.trim();
  const compact = COMPACT.exec(trimmed);
  const delimited = compact ? null : DELIMITED.exec(trimmed);
  const parts = compact ? [compact[1], compact[2], compact[3]] : delimited ? [delimited[1], delimited[3], delimited[4]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const hours = Number(delimited?.[5] ?? 0);
  const minutes = Number(delimited?.[6] ?? 0);
  if (hours > 23 || minutes > 59) return null;
  const zone = delimited?.[7];
  if (!zone || zone === 'Z') return dayFromCivil(year, month, day);
  const digits = zone.replace(':', '');
  const offset = (zone.startsWith('-') ? -1 : 1) * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  return dayFromCivil(year, month, day) + Math.floor((hours * 60 + minutes - offset) / 1440);
}

/** `YYYY-MM-DD` of a day number. */
export function formatCalendarDay(dayNumber: number): string {
  const [year, month, day] = civilFromDay(dayNumber);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
