import { normaliseHostname } from './hostname';
import { accept, reject, type Normalised } from './problem';
import { FORMULA_TRIGGER, guardText } from './text';

const FIELD = 'email';
// RFC 5321: 64 octets of local part, 254 for the whole path; the guard allows a display name around it.
const MAX_INPUT = 320;
const MAX_LOCAL = 64;
// Dot-atom characters (RFC 5322) plus any non-ASCII letter (RFC 6531). Quoted local parts are refused:
// no provider a rep writes to hands them out, and they make every later comparison ambiguous.
const LOCAL_ATOM = /^[^\s"(),:;<>@[\\\]]+$/;

// Providers documented to ignore a `+tag` (and, for Gmail, dots) when delivering. Elsewhere `a+b@` and
// `a@` may be different mailboxes, so nothing is stripped: a wrong automatic merge is worse than a missed one.
const GMAIL = new Set(['gmail.com', 'googlemail.com']);
const PLUS_IGNORED = new Set([
  ...GMAIL,
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'hotmail.co.uk',
  'outlook.fr',
  'hotmail.fr',
  'live.co.uk',
  'live.fr',
]);

/** An address as stored: trimmed, display name and `mailto:` removed, lower case, IDN domain as punycode. */
export function cleanEmail(raw: unknown): Normalised<string> {
  const guarded = guardText(raw, { field: FIELD, maxLength: MAX_INPUT });
  if (!guarded.ok) return guarded;
  let text = guarded.value.replace(/^mailto:/i, '');
  // `Ada Lovelace <ada@example.com>`, as copied from a mail client.
  const bracketed = /<([^<>]*)>$/.exec(text);
  if (bracketed) text = bracketed[1]!.trim();
  // Checked again once unwrapped: `mailto:=1+1@x.ir` must not become a key that a sheet would run.
  if (FORMULA_TRIGGER.test(text)) return reject(FIELD, 'formula', `${FIELD} looks like a spreadsheet formula`);
  const at = text.lastIndexOf('@');
  if (at <= 0 || at === text.length - 1) return reject(FIELD, 'malformed', `${FIELD} has no local part or no domain`);
  const rawLocal = text.slice(0, at);
  const local = rawLocal.normalize('NFC').toLowerCase();
  if (local.length > MAX_LOCAL || !LOCAL_ATOM.test(local) || /^\.|\.\.|\.$/.test(local)) {
    return reject(FIELD, 'malformed', `${FIELD} has an invalid local part`);
  }
  const rawDomain = text.slice(at + 1);
  const domain = normaliseHostname(rawDomain, FIELD);
  if (!domain.ok) return domain;
  // Most addresses are stored clean already: then the text itself, not a copy joined from its two halves,
  // which every later slice and Map lookup of it would have to flatten first.
  return accept(local === rawLocal && domain.value === rawDomain ? text : `${local}@${domain.value}`);
}

/** The address as a match key: `cleanEmail` plus the provider's own aliasing rules (Gmail dots, plus tags). */
export function normaliseEmail(raw: unknown): Normalised<string> {
  const clean = cleanEmail(raw);
  return clean.ok ? aliasEmail(clean.value) : clean;
}

/** The match key of an address `cleanEmail` already accepted (the provider's aliasing rules only). */
export function aliasEmail(clean: string): Normalised<string> {
  const at = clean.lastIndexOf('@');
  let domain = clean.slice(at + 1);
  // Other providers: nothing is stripped, so the key is the address itself, not a copy joined from its halves.
  if (at > 0 && !PLUS_IGNORED.has(domain)) return accept(clean);
  let local = clean.slice(0, at);
  if (PLUS_IGNORED.has(domain)) local = local.split('+')[0]!;
  if (GMAIL.has(domain)) {
    local = local.replace(/\./g, '');
    domain = 'gmail.com';
  }
  if (local === '') return reject(FIELD, 'malformed', `${FIELD} has only a tag as its local part`);
  return accept(`${local}@${domain}`);
}

/** The domain part of an address that `cleanEmail` accepted. */
export const domainOfEmail = (email: string): string => email.slice(email.lastIndexOf('@') + 1);
