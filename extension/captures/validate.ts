import { cleanEmail } from '../../shared/identity/email';
import { parseLinkedInUrl } from '../../shared/identity/linkedin';
import { toAsciiDigits } from '../../shared/identity/text';
import { cleanText } from './dom';

/**
 * Checks every found value before it becomes a field: a value that fails is dropped and the next strategy
 * is tried, so a class name that now holds something else yields nothing rather than wrong data.
 * Only the small identity modules are imported: the content scripts must stay small (libphonenumber and
 * the public suffix list are the background's business).
 */
export type Validator = (value: string) => string | undefined;

const MAX_TEXT = 300;
// 2025-11-03, 03/11/2025, 3.11.25: digits and separators that are a date, not a phone number.
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;

/** Short text: collapsed, not a URL, not absurdly long. */
export const text: Validator = (value) => {
  const clean = cleanText(value);
  return clean && clean.length <= MAX_TEXT && !/^https?:\/\//i.test(clean) ? clean : undefined;
};

/** A person's or company's name: text with at least one letter and no @ or URL. */
export const name: Validator = (value) => {
  const clean = text(value);
  return clean && /\p{L}/u.test(clean) && !clean.includes('@') && clean.length <= 120 ? clean : undefined;
};

/** An email address as stored (cleaned, lower case); anything else is dropped. */
export const email: Validator = (value) => {
  const result = cleanEmail(value.replace(/^mailto:/i, '').split('?')[0]);
  return result.ok ? result.value : undefined;
};

/** A phone number as shown, with Persian digits read as ASCII; 7 to 15 digits, phone punctuation only. */
export const phone: Validator = (value) => {
  const clean = cleanText(toAsciiDigits(value.replace(/^tel:/i, '')))?.replace(/\s*(?:ext\.?|x)\s*\d+$/i, '');
  if (!clean || !/^\+?[\d\s().\-/]+$/.test(clean) || DATE.test(clean)) return undefined;
  const digits = clean.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 15 ? clean : undefined;
};

/** An absolute http(s) URL. */
export const webUrl: Validator = (value) => {
  const clean = value.trim();
  if (!/^https?:\/\/[^\s/]+\.[^\s/]+/i.test(clean) || clean.length > 2000) return undefined;
  return clean;
};

/** An absolute http(s) URL that is not LinkedIn's own (a person's or company's website). */
export const externalUrl: Validator = (value) => (/^https?:\/\/([^/]+\.)?linkedin\.com/i.test(value) ? undefined : webUrl(value));

/** A person's canonical LinkedIn URL. */
export const linkedinProfile: Validator = (value) => {
  const page = parseLinkedInUrl(value);
  return page.ok && page.value.kind === 'person' ? page.value.url : undefined;
};

/** A company's (or school's) canonical LinkedIn URL. */
export const linkedinCompany: Validator = (value) => {
  const page = parseLinkedInUrl(value);
  return page.ok && page.value.kind !== 'person' ? page.value.url : undefined;
};
