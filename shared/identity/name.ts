import { accept, reject, type Normalised } from './problem';
import { rememberText } from './remember';
import { FORMULA_TRIGGER, guardText, toAsciiDigits } from './text';

const MAX_INPUT = 500; // the model's bound on a name

// Arabic yeh (ي), alef maksura (ى) and kaf (ك) are what an Arabic keyboard layout types for Persian ی and ک;
// the same name typed on two machines must give one key [S8].
const ARABIC_LETTER = /[\u064A\u0649\u0643]/g;
const PERSIAN_LETTER: Record<string, string> = { '\u064A': '\u06CC', '\u0649': '\u06CC', '\u0643': '\u06A9' };
// Harakat (vowel marks), superscript alef and tatweel (kashida): optional in Persian writing, never identity.
const ARABIC_MARK = /[\u064B-\u065F\u0670\u0640]/g;
const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;
const PUNCTUATION = /[.,،؛;:()[\]{}"'«»]/g;

// Only titles that are never a name themselves, and only before the name: "Dr Ali Rezaei", "مهندس رضایی".
// Seyed (سید) or Haj (حاج) are kept: families and colleagues use them as part of the name.
const HONORIFICS = new Set([
  'mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam',
  'آقای', 'آقا', 'خانم', 'دکتر', 'مهندس', 'جناب', 'سرکار', 'استاد',
]);

// Legal forms at the end of a company name: "Acme Ltd" and "Acme" are one organisation.
const LEGAL_FORMS = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'plc', 'gmbh', 'ag', 'sa', 'sarl', 'bv', 'corp', 'corporation', 'co',
  'سهامی', 'خاص', 'عام', 'مسئولیت', 'محدود', 'با',
]);
const COMPANY_PREFIXES = new Set(['شرکت', 'the']);

/** Text folded for comparison: NFKC, Persian/Arabic letter variants unified, marks removed, lower case. */
export function foldText(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text.toLowerCase(); // NFKC and the Arabic folds leave ASCII alone
  // NFKC rather than only NFC: Arabic presentation forms (ﻙ, ﯾ) and full-width letters from old software
  // are compatibility characters that NFC leaves alone.
  let folded = toAsciiDigits(text.normalize('NFKC'));
  // A removed mark may have blocked a composition, and lower case may yield a character NFKC maps: normalise
  // again until nothing changes (once for most text, twice at most in practice), so the key is idempotent.
  for (let round = 0; round < 4; round++) {
    const next = folded.replace(ARABIC_LETTER, (c) => PERSIAN_LETTER[c]!).replace(ARABIC_MARK, '').toLowerCase();
    if (next === folded) break;
    folded = toAsciiDigits(next.normalize('NFKC'));
  }
  return folded;
}

const tokensOf = (text: string): string[] => text.split(/\s+/).filter(Boolean);
// Whitespace other than single spaces between words, in text that `guardText` trimmed.
const ODD_WHITESPACE = /\s\s|[^\S ]/;

// Given and family names repeat across a team's people far more than whole names do, so each word is folded
// once. Folding works letter by letter and never joins across whitespace, so folding word by word gives the
// words of the folded whole; a word may fold into several (NFKC maps ¨ to a space and a mark), or into none.
const foldWord = rememberText((word) => tokensOf(foldText(word as string)).join(' '));

/** A person's name as a match key: folded, whitespace collapsed, leading honorifics removed. */
export function normaliseName(raw: unknown): Normalised<string> {
  const guarded = guardText(raw, { field: 'name', maxLength: MAX_INPUT });
  if (!guarded.ok) return guarded;
  // The key is built as one string, its words separated by single spaces: this runs for every record, and
  // most names are already single-spaced words, so there is no array of words to build and join.
  const text = guarded.value;
  const words = ODD_WHITESPACE.test(text) ? tokensOf(text) : undefined;
  let key: string;
  if (PRINTABLE_ASCII.test(text)) key = words ? words.join(' ').toLowerCase() : text.toLowerCase();
  else {
    key = '';
    for (const word of words ?? text.split(' ')) {
      const folded = foldWord(word);
      if (folded !== '') key = key === '' ? folded : `${key} ${folded}`;
    }
  }
  // Keep the last word even if it looks like a title: "Dr" alone is all we know of that person.
  for (let space = key.indexOf(' '); space > 0 && HONORIFICS.has(withoutDot(key.slice(0, space))); space = key.indexOf(' ')) {
    key = key.slice(space + 1);
  }
  return toKey('name', key);
}

const withoutDot = (word: string): string => (word.endsWith('.') ? word.slice(0, -1) : word);

/** A company name as a match key: folded, punctuation and legal forms ("Ltd", "سهامی خاص") removed. */
export const normaliseCompanyName = rememberText((raw: unknown): Normalised<string> => {
  const guarded = guardText(raw, { field: 'company', maxLength: MAX_INPUT });
  if (!guarded.ok) return guarded;
  const tokens = tokensOf(foldText(guarded.value).replace(PUNCTUATION, ' '));
  while (tokens.length > 1 && COMPANY_PREFIXES.has(tokens[0]!)) tokens.shift();
  while (tokens.length > 1 && LEGAL_FORMS.has(tokens[tokens.length - 1]!)) tokens.pop();
  return toKey('company', tokens.join(' '));
});

// Stripping a title or punctuation can expose a formula trigger or leave nothing; the key is refused then,
// exactly as the raw text would be, so that normalising a key again gives the same key.
function toKey(field: string, key: string): Normalised<string> {
  if (key === '') return reject(field, 'empty', `${field} has no letters to match on`);
  if (FORMULA_TRIGGER.test(key)) return reject(field, 'formula', `${field} looks like a spreadsheet formula`);
  return accept(key);
}
