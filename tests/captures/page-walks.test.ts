import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { all, startExtraction } from '../../extension/captures/dom';
import { GMAIL } from '../../extension/captures/gmail-selectors';
import { extractLinkedinProfile } from '../../extension/captures/linkedin-profile';
import { LINKEDIN } from '../../extension/captures/linkedin-selectors';
import { CAPTURES } from '../../extension/captures/registry';
import { FIXTURES, flatten, loadFixtures, parseDocument } from './fixtures';

// Issue 4: in linkedom every selector query on the document walks the whole tree, so an extraction reads
// everything it needs across the page in one walk (`startExtraction`) and the rest inside an element.
const fixtures = loadFixtures().filter((f) => f.path.endsWith('.html'));
const fixture = (path: string) => readFileSync(join(FIXTURES, path), 'utf8');

// The selector queries run on the whole page (the document, <html> or <body>) during `run`.
function wholePageQueries(doc: Document, run: () => void): string[] {
  const owner = (node: object) => {
    let proto = Object.getPrototypeOf(node) as object;
    while (!Object.hasOwn(proto, 'querySelectorAll')) proto = Object.getPrototypeOf(proto) as object;
    return proto as Pick<Document, 'querySelector' | 'querySelectorAll'>;
  };
  const spies = [owner(doc), owner(doc.body)].flatMap((proto) => [vi.spyOn(proto, 'querySelector'), vi.spyOn(proto, 'querySelectorAll')]);
  run();
  const whole = new Set<unknown>([doc, doc.documentElement, doc.body]);
  return spies.flatMap((spy) => spy.mock.calls.filter((_, i) => whole.has(spy.mock.contexts[i])).map(([selector]) => String(selector)));
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('one walk of the whole page per extraction', () => {
  test.each([
    ['linkedin-profile', 'sites/www.linkedin.com/in/sara-ahmadi/index.html', 'https://www.linkedin.com/in/sara-ahmadi/'],
    ['linkedin-profile', 'sites/ir.linkedin.com/in/mina-farahani-4b2a19/index.html', 'https://www.linkedin.com/in/ada-lovelace/'],
    ['gmail-thread', 'sites/mail.google.com/mail/u/0/index.html', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJWDsKmJhRvpBqmNcWlZkxTtN'],
    ['web-page', 'sites/www.example-company.com/index.html', 'https://www.example-company.com/'],
  ])('%s on %s', (id, path, url) => {
    const doc = parseDocument(fixture(path));
    const extract = CAPTURES.find((c) => c.id === id)!.extract;
    expect(wholePageQueries(doc, () => extract(doc, url))).toHaveLength(1);
  });
});

describe('what one walk finds is what querySelectorAll finds, selector by selector', () => {
  // Overlapping selectors (Gmail's subject heading also carries the thread ids) must each get their elements.
  const lists = { linkedin: Object.values(LINKEDIN), gmail: Object.values(GMAIL) };
  test.each(fixtures.map((f) => [f.path, f] as const))('%s', (_path, spec) => {
    for (const selectors of Object.values(lists)) {
      const doc = parseDocument(spec.html);
      startExtraction(doc, selectors);
      for (const selector of selectors) expect(all(doc, selector), selector).toEqual([...doc.querySelectorAll(selector)]);
    }
  });
});

describe('the LinkedIn profile reads its heading, ARIA and class strategies inside <main>', () => {
  // Another person's top card outside the profile's main region (an overlay, a stale view) is not this person's.
  const page = (main: boolean) => {
    const card = '<section class="pv-top-card"><h1 class="text-heading-xlarge">Kian Rostami</h1><button aria-label="Current company: Kaveh Logistics. Click to skip">Kaveh Logistics</button></section>';
    const own = '<section class="pv-top-card"><h1 class="text-heading-xlarge">Sara Ahmadi</h1></section>';
    return parseDocument(main ? `<body><div role="dialog">${card}</div><main>${own}</main></body>` : `<body><div>${card}</div></body>`);
  };
  const url = 'https://www.linkedin.com/in/sara-ahmadi/';

  test('with a main region, what is outside it is not read', () => {
    expect(flatten(extractLinkedinProfile(page(true), url))).toMatchObject({ fullName: 'Sara Ahmadi' });
    expect(flatten(extractLinkedinProfile(page(true), url)).company).toBeUndefined();
  });

  test('without one, the whole page is read', () => {
    expect(flatten(extractLinkedinProfile(page(false), url))).toMatchObject({ fullName: 'Kian Rostami', company: 'Kaveh Logistics' });
  });
});
