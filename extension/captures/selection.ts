import type { PageCapture, PersonCaptureField } from '../../shared/capture/capture';
import { toAsciiDigits } from '../../shared/identity/text';
import { toPerson } from './records';
import { TRUST } from './strategy';
import * as check from './validate';

const MAX_TEXT = 5_000;
const EMAIL = /[^\s<>()"',;:]+@[^\s<>()"',;:]+\.[^\s<>()"',;:]+/g;
const PHONE = /(?:\+|00)?\d[\d\s().\-/]{6,18}\d/g;
// Job words in English and Persian: a line holding one is a title line ("Head of Sales at Acme", "مدیر فروش").
const TITLE_WORD = /\b(?:CEO|CTO|CFO|COO|founder|co-founder|director|manager|head|lead|engineer|consultant|officer|president|partner|analyst|specialist|buyer|owner|VP|vice)\b|مدیر|کارشناس|مهندس|مشاور|بنیان‌?گذار|رئیس|معاون|سرپرست|کارمند/i;
const TITLE_AT_COMPANY = /^(.+?)\s+(?:at|@|\||–|-|در|،|,)\s+(.+)$/;

/**
 * The rep's text selection ("Clip selection"): an email signature, a speaker bio, a business card typed into
 * a page, in English or Persian. A name is the first short line that reads as one; an email or phone is kept
 * only when the selection holds exactly one; a title line may name the company after "at"/"در".
 */
export function extractSelection(text: string, url: string): PageCapture {
  const lines = text.slice(0, MAX_TEXT).split(/\r?\n|\s*\|\s*(?=\S)/).map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const emails = unique([...text.slice(0, MAX_TEXT).matchAll(EMAIL)].map((m) => check.email(m[0].replace(/[.]+$/, ''))));
  const phones = unique(lines.filter((l) => !l.includes('@')).flatMap((l) => [...toAsciiDigits(l).matchAll(PHONE)].map((m) => check.phone(m[0]))));
  const name = lines.find((l) => looksLikeName(l));
  const titleLine = lines.find((l) => l !== name && TITLE_WORD.test(l) && l.length <= 120 && !l.includes('@'));
  const split = titleLine ? TITLE_AT_COMPANY.exec(titleLine) : null;
  const values: Partial<Record<PersonCaptureField, string>> = {
    fullName: name,
    title: split ? split[1] : titleLine,
    company: split?.[2],
    email: emails.length === 1 ? emails[0] : undefined,
    phone: phones.length === 1 ? phones[0] : undefined,
  };
  const person = toPerson({ values, strategy: 'selection', confidence: TRUST.text }, url, 'web');
  return { kind: 'page', source: 'web', url, people: person ? [person] : [], organisations: [] };
}

// 2-4 words of letters, Latin words capitalised, no title word, no digits or @: "Ali Rezaei", "علی رضایی".
function looksLikeName(line: string): boolean {
  const words = line.split(' ');
  if (words.length < 2 || words.length > 4 || /[\d@:/]/.test(line) || TITLE_WORD.test(line)) return false;
  return words.every((w) => /^\p{L}[\p{L}\p{M}'’.\u200C-]*$/u.test(w) && (!/^[a-z]/i.test(w) || /^[A-Z]/.test(w)));
}

const unique = (values: Array<string | undefined>) => [...new Set(values.filter((v): v is string => !!v))];

// Fixtures: pages/selection/email-signature.txt, pages/selection/persian-card.txt, pages/selection/two-people.txt, pages/selection/no-person.txt
