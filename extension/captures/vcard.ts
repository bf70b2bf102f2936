import type { PersonCaptureField } from '../../shared/capture/capture';
import { absoluteUrl } from './dom';
import type { RawRecord } from './records';
import { TRUST } from './strategy';

const MAX_TEXT = 100_000;

/** The vCard files a page links to (`.vcf` links, `text/vcard` links), absolute, at most five. */
export function vcardLinks(doc: Document, url: string): string[] {
  const hrefs = [...doc.querySelectorAll('a[href$=".vcf" i], a[type="text/vcard"], link[type="text/vcard"], a[type="text/x-vcard"]')].map((el) => absoluteUrl(el.getAttribute('href'), url));
  return [...new Set(hrefs.filter((h): h is string => !!h))].slice(0, 5);
}

/** Every card in a vCard (RFC 6350, and the 2.1/3.0 forms phones export) as raw person values. */
export function parseVcard(text: string): Array<RawRecord<PersonCaptureField>> {
  // Folded lines continue with a space or tab (RFC 6350 §3.2).
  const lines = text.slice(0, MAX_TEXT).replace(/\r?\n[ \t]/g, '').split(/\r?\n/);
  const cards: Array<RawRecord<PersonCaptureField>> = [];
  let values: RawRecord<PersonCaptureField>['values'] | undefined;
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const [rawKey, ...params] = line.slice(0, colon).split(';');
    const key = rawKey!.replace(/^item\d+\./i, '').toUpperCase();
    const value = unescape(line.slice(colon + 1).trim());
    if (key === 'BEGIN' && /^vcard$/i.test(value)) values = {};
    else if (key === 'END' && values) {
      cards.push({ strategy: 'vcard', confidence: TRUST.structured, values });
      values = undefined;
    } else if (values && value && !params.some((p) => /^ENCODING=(?:B|BASE64|QUOTED-PRINTABLE)$/i.test(p))) read(values, key, value);
  }
  return cards;
}

function read(values: RawRecord<PersonCaptureField>['values'], key: string, value: string) {
  const set = (field: PersonCaptureField, v: string | undefined) => (values[field] ??= v || undefined);
  if (key === 'FN') set('fullName', value);
  else if (key === 'N') {
    const [family, given] = value.split(';');
    set('familyName', family);
    set('givenName', given);
  } else if (key === 'EMAIL') set('email', value.replace(/^mailto:/i, ''));
  else if (key === 'TEL') set('phone', value.replace(/^tel:/i, ''));
  else if (key === 'ORG') set('company', value.split(';')[0]);
  else if (key === 'TITLE') set('title', value);
  else if (key === 'URL') set(/linkedin\.com\/in\//i.test(value) ? 'linkedinUrl' : 'website', value);
  else if (key === 'PHOTO' && /^https?:/i.test(value)) set('photoUrl', value);
  else if (key === 'ADR') set('location', value.split(';').slice(3, 7).filter(Boolean).join(', '));
}

const unescape = (value: string) => value.replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, ' ');
