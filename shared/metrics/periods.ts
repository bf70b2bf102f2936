/**
 * The periods a manager picks on the dashboard: months, quarters and years (UTC calendar), the last twelve
 * complete months, and all time. Each period carries its own boundaries as instants, and the sheet's formulas
 * compare against those same instants (written to the Dashboard data sheet), so the formulas and these
 * functions can never disagree about where a month begins, whatever the spreadsheet's time zone.
 */

export type PeriodKind = 'month' | 'quarter' | 'year' | 'last 12 months' | 'all time';

export interface Period {
  label: string;
  kind: PeriodKind;
  /** First instant inside the period (epoch ms). */
  start: number;
  /** First instant after the period (exclusive). */
  end: number;
  /** The period of the same length just before, for retention; absent for all time. */
  previous?: { start: number; end: number };
}

export const ALL_TIME = 'All time';
export const LAST_12_MONTHS = 'Last 12 months';
/** Weeks shown in the activity grid, ending with the week the period ends in. */
export const ACTIVITY_WEEKS = 8;
const DAY = 86_400_000;
// Anything a team recorded is later than this; "all time" starts here.
const EPOCH_OF_RECORDS = Date.UTC(2000, 0, 1);

const monthStart = (year: number, month: number) => Date.UTC(year, month, 1);
const pad = (n: number) => String(n).padStart(2, '0');

/** The month (UTC) an instant falls in, as a month index (year * 12 + month, month 0-based). */
export function monthIndexOf(ms: number): number {
  const date = new Date(ms);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The first instant of a month index. */
export function startOfMonthIndex(index: number): number {
  return monthStart(Math.floor(index / 12), index % 12);
}

/** `YYYY-MM` of a month index. */
export function monthLabel(index: number): string {
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}`;
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A month period's label, `2026-06 (Jun)`: a bare `2026-06` or `2026` picked from a drop-down would be read
 * by Sheets as a date or a number, and would no longer match its own label.
 */
export function monthPeriodLabel(index: number): string {
  return `${monthLabel(index)} (${MONTH_NAMES[index % 12]})`;
}

/** Months (current one included, newest first), quarters, years, the last 12 complete months and all time. */
export function listPeriods(now: number, counts = { months: 24, quarters: 8, years: 3 }): Period[] {
  const current = monthIndexOf(now);
  const periods: Period[] = [];
  const span = (kind: PeriodKind, label: string, first: number, months: number): Period => ({
    label,
    kind,
    start: startOfMonthIndex(first),
    end: startOfMonthIndex(first + months),
    previous: { start: startOfMonthIndex(first - months), end: startOfMonthIndex(first) },
  });
  periods.push(span('last 12 months', LAST_12_MONTHS, current - 12, 12));
  periods.push({ label: ALL_TIME, kind: 'all time', start: EPOCH_OF_RECORDS, end: startOfMonthIndex(current + 1) });
  for (let i = 0; i < counts.months; i++) periods.push(span('month', monthPeriodLabel(current - i), current - i, 1));
  const quarter = current - (current % 3);
  for (let i = 0; i < counts.quarters; i++) {
    const first = quarter - 3 * i;
    periods.push(span('quarter', `${Math.floor(first / 12)} Q${(first % 12) / 3 + 1}`, first, 3));
  }
  const year = current - (current % 12);
  for (let i = 0; i < counts.years; i++) periods.push(span('year', `Year ${Math.floor((year - 12 * i) / 12)}`, year - 12 * i, 12));
  return periods;
}

/** The period a dashboard opens on: the last complete month. */
export function defaultPeriodLabel(now: number): string {
  return monthPeriodLabel(monthIndexOf(now) - 1);
}

/** Monday 00:00 UTC of the week an instant falls in. */
export function startOfWeek(ms: number): number {
  const day = Math.floor(ms / DAY);
  // 1970-01-01 was a Thursday: day 0 is weekday 3 counting from Monday = 0.
  return (day - ((day + 3) % 7)) * DAY;
}

/** The starts of the ACTIVITY_WEEKS weeks ending with the week that holds the period's last instant, oldest first. */
export function activityWeekStarts(period: Pick<Period, 'end'>): number[] {
  const last = startOfWeek(period.end - 1);
  return Array.from({ length: ACTIVITY_WEEKS }, (_, i) => last - (ACTIVITY_WEEKS - 1 - i) * 7 * DAY);
}

/** Whether an instant lies in [start, end). */
export function isWithin(ms: number | undefined, range: { start: number; end: number }): boolean {
  return ms !== undefined && ms >= range.start && ms < range.end;
}
