import { toAsciiDigits } from '../../shared/identity/text';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// Gmail's date tooltips in English locales: "Tue, Nov 4, 2025, 9:41 AM" (US) and "Tue, 4 Nov 2025, 09:41" (UK).
const US = /([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),\s*(\d{4}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([AaPp][Mm])?/;
const UK = /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?\s+(\d{4}),?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([AaPp][Mm])?/;

/**
 * A Gmail date tooltip as an ISO date-time with the browser's offset: Gmail prints wall-clock time in the
 * rep's time zone, which is the zone the content script runs in. Anything else (relative dates, other
 * calendars) gives undefined: a date is never guessed.
 */
export function parseGmailDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const clean = toAsciiDigits(text);
  const us = US.exec(clean);
  const uk = us ? undefined : UK.exec(clean);
  const [month, day, year, hour, minute, half] = us
    ? [us[1], us[2], us[3], us[4], us[5], us[6]]
    : uk
      ? [uk[2], uk[1], uk[3], uk[4], uk[5], uk[6]]
      : [];
  const m = MONTHS.indexOf((month ?? '').toLowerCase());
  if (m < 0) return undefined;
  let h = Number(hour);
  if (half) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (/p/i.test(half) ? 12 : 0);
  }
  const date = new Date(Number(year), m, Number(day), h, Number(minute));
  // new Date rolls Feb 31 over into March: such a date was not a date.
  if (date.getMonth() !== m || date.getDate() !== Number(day) || h > 23 || Number(minute) > 59) return undefined;
  return withOffset(date);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** A Date as ISO 8601 in local time with its offset, e.g. 2025-11-04T09:41:00+03:30. */
export function withOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
