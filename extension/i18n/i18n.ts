import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en, enVocabulary, type MessageKey } from './en';
import { fa, faVocabulary } from './fa';

export const LANGUAGES = ['en', 'fa'] as const;
export type Language = (typeof LANGUAGES)[number];
export type VocabularyGroup = keyof typeof enVocabulary;

const MESSAGES: Record<Language, Record<MessageKey, string>> = { en, fa };
const VOCABULARY: Record<Language, Record<VocabularyGroup, Record<string, string>>> = { en: enVocabulary, fa: faVocabulary };

/** What the views need to speak the rep's language: words, direction, and dates in their calendar. */
export interface Translator {
  lang: Language;
  dir: 'ltr' | 'rtl';
  /** The locale dates and numbers are shown in: Persian with the Persian calendar, else the browser's. */
  locale: string;
  t(key: MessageKey, params?: Record<string, string | number>): string;
  /** A vocabulary value (a stage, a level, an interaction type...) in the rep's language. */
  term(group: VocabularyGroup, value: string | undefined): string;
  date(iso: string | undefined): string;
  dateTime(iso: string | undefined): string;
  number(value: number, options?: Intl.NumberFormatOptions): string;
}

/** A language from a setting or the browser's language: Persian for fa-*, else English. */
export function pickLanguage(value: string | undefined): Language {
  return value?.toLowerCase().startsWith('fa') ? 'fa' : 'en';
}

/** The translator for a language; `browserLocale` decides English dates (en-GB writes 04/05, en-US 5/4). */
export function createTranslator(lang: Language, browserLocale = 'en'): Translator {
  const locale = lang === 'fa' ? 'fa-IR-u-ca-persian' : browserLocale.toLowerCase().startsWith('fa') ? 'en' : browserLocale;
  const messages = MESSAGES[lang];
  const numbers = new Intl.NumberFormat(locale);
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dateTimes = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const format = (formatter: Intl.DateTimeFormat, iso: string | undefined) => {
    const ms = iso ? Date.parse(iso) : NaN;
    return Number.isFinite(ms) ? formatter.format(ms) : '';
  };
  return {
    lang,
    dir: lang === 'fa' ? 'rtl' : 'ltr',
    locale,
    t(key, params) {
      const text = messages[key] ?? en[key] ?? key;
      return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? (typeof params[name] === 'number' ? numbers.format(params[name]) : String(params[name])) : whole)) : text;
    },
    term(group, value) {
      if (value === undefined || value === '') return '';
      return VOCABULARY[lang][group][value] ?? VOCABULARY.en[group][value] ?? value;
    },
    date: (iso) => format(dates, iso),
    dateTime: (iso) => format(dateTimes, iso),
    number: (value, options) => (options ? new Intl.NumberFormat(locale, options) : numbers).format(value),
  };
}

export const TranslatorContext = createContext<Translator>(createTranslator('en'));

/** The translator the nearest provider gives. */
export const useTranslator = () => useContext(TranslatorContext);
