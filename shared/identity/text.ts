import { accept, reject, type Normalised } from './problem';

// Invisible format characters that copy-paste from RTL pages sprinkles into text: soft hyphen, zero-width
// space/non-joiner/joiner, LRM/RLM, bidi embeddings and isolates, word joiner, BOM. None of them is ever part
// of an identity, and ZWNJ (نیم‌فاصله) is written or omitted freely in Persian names.
const INVISIBLE = /[\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
// C0 and C1 controls, DEL and the Unicode line/paragraph separators: read as a space.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- as above
const ANY_INVISIBLE_OR_CONTROL = /[\u0000-\u001F\u007F-\u009F\u00AD\u200B-\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;
const EASTERN_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Text with Persian (۰-۹) and Arabic-Indic (٠-٩) digits read as ASCII digits. */
export function toAsciiDigits(text: string): string {
  return text.replace(EASTERN_DIGIT, (d) => String(d.charCodeAt(0) & 0x0f));
}

/** Text without invisible format characters and with control characters turned into spaces. */
export function stripInvisibles(text: string): string {
  // Most text has neither; testing first spares two string copies per value on the hot path.
  return ANY_INVISIBLE_OR_CONTROL.test(text) ? text.replace(INVISIBLE, '').replace(CONTROL, ' ') : text;
}

export interface GuardOptions {
  field: string;
  /** Longer raw input is refused before any other work, so a 1 MB paste costs nothing. */
  maxLength: number;
  /** Leading characters that make a spreadsheet run the text as a formula. */
  formula?: RegExp;
}

/** Leading characters that make Sheets or Excel run text as a formula (OWASP CSV injection). */
export const FORMULA_TRIGGER = /^[=+\-@]/;

/** Raw input as clean, trimmed text, or the problem with it (not text, empty, too long, formula-like). */
export function guardText(raw: unknown, options: GuardOptions): Normalised<string> {
  const { field, maxLength } = options;
  // Sheets hands numbers back for cells that look numeric (a phone typed without `+`).
  const text = typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : raw;
  if (typeof text !== 'string') return reject(field, 'not-text', `${field} is not text`);
  if (text.length > maxLength) return reject(field, 'too-long', `${field} is longer than ${maxLength} characters`);
  const clean = stripInvisibles(text).trim();
  if (clean === '') return reject(field, 'empty', `${field} is empty`);
  if ((options.formula ?? FORMULA_TRIGGER).test(clean)) return reject(field, 'formula', `${field} looks like a spreadsheet formula`);
  return accept(clean);
}
