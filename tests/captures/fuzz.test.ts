import fc from 'fast-check';
import { expect, test } from 'vitest';
import { parseGmailDate } from '../../extension/captures/gmail-date';
import { CAPTURES } from '../../extension/captures/registry';
import { extractSelection } from '../../extension/captures/selection';
import { parseVcard } from '../../extension/captures/vcard';
import { cleanEmail } from '../../shared/identity/email';
import type { Capture, CapturedField } from '../../shared/capture/capture';
import { loadFixtures, parseDocument } from './fixtures';

// Random and truncated HTML never throws out of an extractor, and whatever comes out still passed its checks.
const URLS = ['https://www.linkedin.com/in/x/', 'https://www.linkedin.com/company/x/', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmJhRvpBqmNcWlZkxTtN', 'https://www.example.org/', 'not a url'];
const runAll = (html: string) => {
  const doc = parseDocument(html);
  return CAPTURES.flatMap((c) => URLS.map((url) => c.extract(doc, url)));
};

function everyField(capture: Capture): CapturedField[] {
  if (capture.kind === 'page') return [...capture.people, ...capture.organisations].flatMap((c) => Object.values(c.fields) as CapturedField[]);
  return Object.values(capture.fields) as CapturedField[];
}

// Tag soup built from the pieces extractors look for: JSON-LD, Gmail and LinkedIn attributes, microdata, links.
const piece = fc.oneof(
  fc.string(),
  fc.constantFrom('<h1>', '</h1>', '<main>', '</main>', '<section>', '<li>', '<h3>', '<dt>', '<dd>', '<div role="dialog">', '<code id="bpr-guid-1">', '</code>', '</script>', '<div id="experience">'),
  fc.json().map((json) => `<script type="application/ld+json">${json}</script>`),
  fc.record({ type: fc.constantFrom('Person', 'Organization', 'Thing'), name: fc.string(), email: fc.string() }).map((o) => `<script type="application/ld+json">{"@type":"${o.type}","name":${JSON.stringify(o.name)},"email":${JSON.stringify(o.email)}}</script>`),
  fc.tuple(fc.constantFrom('email', 'data-message-id', 'data-legacy-message-id', 'data-anonymize', 'itemprop', 'aria-label', 'title', 'href', 'class'), fc.string()).map(([attr, value]) => `<span ${attr}="${value.replace(/"/g, '')}">${value}</span>`),
  fc.constantFrom('<a href="mailto:ali@example.com">Ali Rezaei</a>', '<a href="tel:+98 21 1234 5678">call</a>', '<div itemscope itemtype="https://schema.org/Person"><span itemprop="name">', '<div class="vcard"><span class="fn">'),
);

test('random tag soup never throws, and every email that comes out is a valid address', () => {
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
      for (const capture of runAll(pieces.join(''))) {
        for (const field of everyField(capture)) expect(typeof field.value).toBe('string');
        if (capture.kind === 'person' && capture.fields.email) expect(cleanEmail(capture.fields.email.value).ok).toBe(true);
      }
    }),
    { numRuns: 150 },
  );
});

test('every fixture cut at any point never throws', () => {
  const fixtures = loadFixtures().filter((f) => f.path.endsWith('.html'));
  fc.assert(
    fc.property(fc.constantFrom(...fixtures), fc.double({ min: 0, max: 1, noNaN: true }), (fixture, at) => {
      const cut = fixture.html.slice(0, Math.floor(fixture.html.length * at));
      const entry = CAPTURES.find((c) => c.id === fixture.capture)!;
      expect(() => entry.extract(parseDocument(cut), fixture.url)).not.toThrow();
    }),
    { numRuns: 200 },
  );
});

test('selections, vCards and date tooltips of any text never throw', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 400 }), (text) => {
      expect(extractSelection(text, 'https://www.example.org/').kind).toBe('page');
      expect(Array.isArray(parseVcard(`BEGIN:VCARD\n${text}\nEND:VCARD`))).toBe(true);
      const date = parseGmailDate(text);
      if (date !== undefined) expect(Number.isNaN(Date.parse(date))).toBe(false);
    }),
    { numRuns: 300 },
  );
});
