import { toAsciiDigits } from '../../shared/identity/text';
import { persianToDate } from './persian-calendar';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
// The Persian months in Latin letters, as an English interface set to the Persian calendar prints them
// ("Aban 13, 1404 AP, 9:41 AM"); none starts like an English month, so the word alone says which calendar.
const PERSIAN_MONTHS_LATIN = ['farvardin', 'ordibehesht', 'khordad', 'tir', 'mordad', 'shahrivar', 'mehr', 'aban', 'azar', 'dey', 'bahman', 'esfand'];
// Gmail's date tooltips in English locales: "Tue, Nov 4, 2025, 9:41 AM" (US) and "Tue, 4 Nov 2025, 09:41" (UK).
const US = /([A-Za-z]+)\.?\s+(\d{1,2}),\s*(\d{4})(?:\s*AP)?,?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([AaPp][Mm])?/;
const UK = /(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})(?:\s*AP)?,?\s+(?:at\s+)?(\d{1,2}):(\d{2})\s*([AaPp][Mm])?/;

// Month names in Persian script: the Persian calendar as Iran names it ("۱۳ آبان ۱۴۰۴") and as Afghanistan
// does ("۱۳ عقرب ۱۴۰۴"), and the Gregorian months as a Persian interface on the Gregorian calendar names them
// ("۴ نوامبر ۲۰۲۵"), with the spellings both in use for May, June, July and August.
const PERSIAN_SCRIPT_MONTHS: Record<string, { calendar: 'persian' | 'gregorian'; month: number }> = {};
const addMonths = (calendar: 'persian' | 'gregorian', names: string[]) =>
  names.forEach((alternatives, i) => alternatives.split('|').forEach((name) => (PERSIAN_SCRIPT_MONTHS[name] = { calendar, month: i + 1 })));
addMonths('persian', ['فروردین', 'اردیبهشت', 'خرداد', 'تیر', 'مرداد', 'شهریور', 'مهر', 'آبان', 'آذر', 'دی', 'بهمن', 'اسفند']);
addMonths('persian', ['حمل', 'ثور', 'جوزا', 'سرطان', 'اسد', 'سنبله', 'میزان', 'عقرب', 'قوس', 'جدی', 'دلو', 'حوت']);
addMonths('gregorian', ['ژانویه', 'فوریه', 'مارس', 'آوریل', 'مه|می', 'ژوئن|جون', 'ژوئیه|ژوییه|جولای', 'اوت|آگوست', 'سپتامبر', 'اکتبر', 'نوامبر', 'دسامبر']);
const MONTH_WORD = `(${Object.keys(PERSIAN_SCRIPT_MONTHS).join('|')})`;
// Day month year ("۱۳ آبان ۱۴۰۴، ساعت ۹:۴۱") or year month day ("۱۴۰۴ آبان ۱۳, سه‌شنبه ساعت ۹:۴۱"), then the
// time within a few words, with the Persian "before/after noon" when the clock has 12 hours.
// In the long forms the month takes the ezafe ("۱ ژانویهٔ ۱۹۷۰").
const PERSIAN_DMY = new RegExp(`(?<!\\d)(\\d{1,2})\\s+${MONTH_WORD}\u0654?\\s+(\\d{4})`);
const PERSIAN_YMD = new RegExp(`(?<!\\d)(\\d{4})\\s+${MONTH_WORD}\u0654?\\s+(\\d{1,2})(?!\\d)`);
const PERSIAN_TIME = /^[^\d]{0,24}?(\d{1,2}):(\d{2})(?::\d{2})?\s*(ق\.?\s*ظ\.?|ب\.?\s*ظ\.?|قبل\s*از\s*ظهر|بعد\s*از\s*ظهر)?/;
// Bidi marks Gmail wraps around mixed-direction text, and the zero-width non-joiner inside Persian words.
const INVISIBLE = /[\u200c-\u200f\u061c\u202a-\u202e\u2066-\u2069]/g;

/** A date as the tooltip wrote it, before it is checked: which calendar, the day, and the clock time. */
interface WrittenDate {
  calendar: 'persian' | 'gregorian';
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  half?: 'am' | 'pm';
}

/**
 * A Gmail date tooltip as an ISO date-time with the browser's offset: Gmail prints wall-clock time in the
 * rep's time zone, which is the zone the content script runs in. English (US and UK orders) and Persian
 * interfaces, in the Gregorian or the Persian calendar, with Latin or Persian digits. Anything else (relative
 * dates such as "دیروز", other calendars, a day that does not exist) gives undefined: a date is never guessed.
 */
export function parseGmailDate(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const clean = toAsciiDigits(text).replace(INVISIBLE, '').replace(/[يى]/g, 'ی').replace(/ك/g, 'ک');
  const written = readLatin(clean) ?? readPersianScript(clean);
  return written && toLocalTime(written);
}

function readLatin(text: string): WrittenDate | undefined {
  const us = US.exec(text);
  const uk = us ? undefined : UK.exec(text);
  const [word, day, year, hour, minute, half] = us ? [us[1], us[2], us[3], us[4], us[5], us[6]] : uk ? [uk[2], uk[1], uk[3], uk[4], uk[5], uk[6]] : [];
  if (!word) return undefined;
  const name = word.toLowerCase();
  const persian = PERSIAN_MONTHS_LATIN.indexOf(name);
  const month = persian >= 0 ? persian + 1 : MONTHS.indexOf(name.slice(0, 3)) + 1;
  if (month < 1) return undefined;
  const clock = { hour: Number(hour), minute: Number(minute), half: half ? (/p/i.test(half) ? 'pm' : 'am') : undefined } as const;
  return { calendar: persian >= 0 ? 'persian' : 'gregorian', year: Number(year), month, day: Number(day), ...clock };
}

function readPersianScript(text: string): WrittenDate | undefined {
  const dmy = PERSIAN_DMY.exec(text);
  const ymd = dmy ? undefined : PERSIAN_YMD.exec(text);
  const match = dmy ?? ymd;
  if (!match) return undefined;
  const [day, word, year] = dmy ? [dmy[1], dmy[2], dmy[3]] : [ymd![3], ymd![2], ymd![1]];
  const time = PERSIAN_TIME.exec(text.slice(match.index + match[0].length));
  const month = PERSIAN_SCRIPT_MONTHS[word!];
  if (!time || !month) return undefined;
  const half = time[3] ? (/^ب|^بعد/.test(time[3]) ? 'pm' : 'am') : undefined;
  return { ...month, year: Number(year), day: Number(day), hour: Number(time[1]), minute: Number(time[2]), half };
}

function toLocalTime({ calendar, year, month, day, hour, minute, half }: WrittenDate): string | undefined {
  let h = hour;
  if (half) {
    // Persian 12-hour clocks count 0-11 ("۰:۰۵ ق.ظ." is five past midnight), English ones 1-12.
    if (h > 12) return undefined;
    h = (h % 12) + (half === 'pm' ? 12 : 0);
  }
  if (h > 23 || minute > 59) return undefined;
  const date = calendar === 'persian' ? persianToDate(year, month, day, h, minute) : new Date(year, month - 1, day, h, minute);
  // new Date rolls Feb 31 over into March: such a date was not a date. (persianToDate refuses it itself.)
  if (!date || (calendar === 'gregorian' && (date.getMonth() !== month - 1 || date.getDate() !== day))) return undefined;
  return withOffset(date);
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');

/** A Date as ISO 8601 in local time with its offset, e.g. 2025-11-04T09:41:00+03:30. */
export function withOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:00${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}
