// The core entry with the metadata passed in: the package's default entry is this same function and the same
// (min) metadata behind a wrapper that copies its arguments on every call, which this runs for every number.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/min/metadata';
import { accept, reject, type Normalised } from './problem';
import { guardText, toAsciiDigits } from './text';

export type { CountryCode };

const FIELD = 'phone';
// A number with its extension and formatting fits easily; anything longer is not one phone number.
const MAX_INPUT = 64;
// `+` and `-` start real phone numbers, so only `=` and `@` count as formula triggers here.
const FORMULA = /^[=@]/;

/**
 * A phone number in E.164 (`+989121234567`) for matching. Persian and Arabic-Indic digits are read as digits;
 * a national number needs `defaultCountry`, otherwise the result is a `no-country` problem, never a guess.
 */
export function normalisePhone(raw: unknown, defaultCountry?: CountryCode): Normalised<string> {
  const guarded = guardText(raw, { field: FIELD, maxLength: MAX_INPUT, formula: FORMULA });
  if (!guarded.ok) return guarded;
  let text = toAsciiDigits(guarded.value);
  // Without a country, `00` can only be the international prefix (it is in most of the world, Iran included).
  if (!defaultCountry) text = text.replace(/^00(?=[1-9])/, '+');
  if (!/[0-9]/.test(text)) return reject(FIELD, 'malformed', `${FIELD} has no digits`);
  if (!defaultCountry && !text.startsWith('+')) {
    return reject(FIELD, 'no-country', `${FIELD} has no country code and no default country was given`);
  }
  let parsed: ReturnType<typeof parsePhoneNumberFromString>;
  try {
    parsed = parsePhoneNumberFromString(text, defaultCountry ? { defaultCountry, extract: false } : { extract: false }, metadata);
  } catch {
    parsed = undefined; // the library reports most bad input as undefined, but a throw must not lose the record
  }
  if (!parsed?.isPossible()) return reject(FIELD, 'malformed', `${FIELD} is not a possible phone number`);
  return accept(parsed.number);
}
