import type { CapturedField, PersonCapture, PersonCaptureField } from '../../shared/capture/capture';
import { PERSON_CAPTURE_FIELDS } from '../../shared/capture/capture';
import { cleanText, hasType, ldString, readJsonLd, readMeta } from './dom';

type Strategy = { name: string; confidence: number; read: (doc: Document) => string | undefined };

/**
 * A LinkedIn person profile, from the most stable evidence to the least: JSON-LD, then semantic markup
 * (the page's one h1, canonical link), then Open Graph, then LinkedIn's class names.
 */
const STRATEGIES: Partial<Record<PersonCaptureField, Strategy[]>> = {
  fullName: [
    { name: 'json-ld', confidence: 0.95, read: (doc) => ldString(personLd(doc)?.name) },
    { name: 'h1', confidence: 0.8, read: (doc) => cleanText(doc.querySelector('main h1, h1')?.textContent) },
    { name: 'og:title', confidence: 0.7, read: (doc) => readMeta(doc, 'og:title')?.replace(/\s*[|–-]\s*LinkedIn.*$/i, '') },
  ],
  headline: [
    { name: 'json-ld', confidence: 0.9, read: (doc) => ldString(personLd(doc)?.description) },
    { name: 'class:text-body-medium', confidence: 0.5, read: (doc) => cleanText(doc.querySelector('main .text-body-medium')?.textContent) },
  ],
  photoUrl: [
    { name: 'json-ld', confidence: 0.9, read: (doc) => ldString(personLd(doc)?.image, 'contentUrl') },
    { name: 'og:image', confidence: 0.6, read: (doc) => readMeta(doc, 'og:image') },
  ],
};

export function extractLinkedinProfile(doc: Document, url: string): PersonCapture {
  const fields: PersonCapture['fields'] = {};
  for (const [field, strategies] of Object.entries(STRATEGIES) as Array<[PersonCaptureField, Strategy[]]>) {
    for (const strategy of strategies) {
      const value = safely(() => strategy.read(doc));
      if (value) {
        fields[field] = { value, confidence: strategy.confidence, strategy: strategy.name };
        break;
      }
    }
  }
  const profileUrl = canonicalProfileUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? url) ?? canonicalProfileUrl(url);
  if (profileUrl) fields.linkedinUrl = { value: profileUrl, confidence: 0.95, strategy: 'url' } satisfies CapturedField;
  return { kind: 'person', source: 'linkedin', url, fields, missing: PERSON_CAPTURE_FIELDS.filter((f) => !fields[f]) };
}

function personLd(doc: Document): Record<string, unknown> | undefined {
  return readJsonLd(doc).find((node) => hasType(node, 'Person'));
}

/** `https://www.linkedin.com/in/<slug>/`, whatever locale path, query or subdomain the page had. */
export function canonicalProfileUrl(href: string): string | undefined {
  const match = /^https?:\/\/(?:[a-z]{2,3}\.|www\.)?linkedin\.com\/in\/([^/?#]+)/i.exec(href.trim());
  return match ? `https://www.linkedin.com/in/${match[1]!.toLowerCase()}/` : undefined;
}

function safely(read: () => string | undefined): string | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

// Fixtures: tests/fixtures/linkedin/profile-ada.html
