import type { OrganisationCaptureField, PersonCaptureField } from '../../shared/capture/capture';
import { all, cleanText, readMeta } from './dom';
import type { RawRecord } from './records';
import { TRUST } from './strategy';
import * as check from './validate';

const MAX_LINKS = 200;
const first = (root: Element, css: string) => root.querySelector(css);
const textOf = (root: Element, css: string) => cleanText(first(root, css)?.textContent);
const hrefOf = (root: Element, css: string) => first(root, css)?.getAttribute('href') ?? undefined;

/** hCards (microformats 1 `vcard`, microformats 2 `h-card`). */
export const HCARDS = '.vcard, .h-card';
/** `mailto:` and `tel:` links. */
export const CONTACT_LINKS = 'a[href^="mailto:" i], a[href^="tel:" i]';

/** hCard (microformats 1 `vcard`) and h-card (microformats 2): a published standard, so its class names are stable. */
export function readHCards(doc: Document): Array<RawRecord<PersonCaptureField>> {
  return all(doc, HCARDS).slice(0, 50).map((card) => ({
    strategy: 'hcard',
    confidence: TRUST.structured,
    values: {
      fullName: textOf(card, '.fn, .p-name'),
      givenName: textOf(card, '.given-name, .p-given-name'),
      familyName: textOf(card, '.family-name, .p-family-name'),
      title: textOf(card, '.title, .p-job-title'),
      company: textOf(card, '.org, .p-org'),
      email: hrefOf(card, 'a.email, a.u-email') ?? textOf(card, '.email, .u-email'),
      phone: hrefOf(card, 'a.tel, a.p-tel') ?? textOf(card, '.tel, .p-tel'),
      website: hrefOf(card, 'a.url, a.u-url'),
      photoUrl: first(card, 'img.photo, img.u-photo')?.getAttribute('src') ?? undefined,
      location: textOf(card, '.locality, .p-locality'),
    },
  }));
}

/**
 * `mailto:` and `tel:` links. A mailto whose link text is a name ("Ali Rezaei") is that person; a bare
 * address or phone is only kept as the page's organisation's, and only when it is unambiguous (see web-page).
 */
export function readContactLinks(doc: Document) {
  const people: Array<RawRecord<PersonCaptureField>> = [];
  const emails = new Set<string>();
  const phones = new Set<string>();
  for (const link of all(doc, CONTACT_LINKS).slice(0, MAX_LINKS)) {
    const href = link.getAttribute('href')!;
    if (/^tel:/i.test(href)) {
      const phone = check.phone(decodeSafely(href));
      // The link text is how the page writes the number ("+98 41 3555 0101"); kept when it is the same number.
      const shown = check.phone(link.textContent ?? '');
      if (phone) phones.add(shown && digits(shown) === digits(phone) ? shown : phone);
      continue;
    }
    const email = check.email(decodeSafely(href));
    if (!email) continue;
    const shown = personalName(link.textContent ?? '');
    if (shown) people.push({ strategy: 'mailto', confidence: TRUST.semantic, values: { fullName: shown, email } });
    else emails.add(email);
  }
  return { people, emails: [...emails], phones: [...phones] };
}

/** Open Graph: a profile page (`og:type` profile) is a person; any other page names its site. */
export function readOpenGraph(doc: Document, url: URL): { person?: RawRecord<PersonCaptureField>; organisation?: RawRecord<OrganisationCaptureField> } {
  const type = readMeta(doc, 'og:type');
  if (type === 'profile') {
    const given = readMeta(doc, 'profile:first_name');
    const family = readMeta(doc, 'profile:last_name');
    const fullName = given && family ? `${given} ${family}` : readMeta(doc, 'og:title');
    return { person: { strategy: 'og:profile', confidence: TRUST.meta, values: { fullName, givenName: given, familyName: family, photoUrl: readMeta(doc, 'og:image') } } };
  }
  const site = readMeta(doc, 'og:site_name');
  if (!site) return {};
  return { organisation: { strategy: 'og:site_name', confidence: TRUST.meta, values: { name: site, website: `${url.origin}/` } } };
}

const digits = (phone: string) => phone.replace(/\D/g, '');
// Words that make link text a role or a sentence ("the team", "Sales Office"), not a person's name.
const NOT_NAME = /^(?:the|our|us|team|sales|support|info|contact|office|hello|hi|me|email|mail|write|say|to|at|and|any|time|تیم|پشتیبانی|فروش|تماس|با|ما)$/i;

/** Link text that reads as a person's name: 2-4 words, no digits, Latin words capitalised, no role words. */
function personalName(text: string): string | undefined {
  const name = check.name(text);
  const words = name?.split(/\s+/) ?? [];
  if (!name || /\d/.test(name) || words.length < 2 || words.length > 4) return undefined;
  return words.every((w) => !NOT_NAME.test(w) && (!/^[a-z]/i.test(w) || /^[A-Z]/.test(w))) ? name : undefined;
}

function decodeSafely(href: string): string {
  try {
    return decodeURIComponent(href.split('?')[0]!);
  } catch {
    return href.split('?')[0]!;
  }
}
