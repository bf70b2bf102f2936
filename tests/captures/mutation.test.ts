import { describe, expect, test } from 'vitest';
import { CAPTURES } from '../../extension/captures/registry';
import { flatten, loadFixtures, parseDocument, type FixtureSpec } from './fixtures';

// The page changing under us. Sites rename their (often minified) class names with every release: with every
// class scrambled, the fields that stable strategies find (each fixture's "Stable" list) must still come out,
// and nothing may come out that differs from the real value. With the page's structure emptied, nothing at all.
const fixtures = loadFixtures().filter((f) => f.capture !== 'selection');
const extract = (fixture: FixtureSpec, doc: Document) => flatten(CAPTURES.find((c) => c.id === fixture.capture)!.extract(doc, fixture.url));

function scrambleClasses(doc: Document, seed: number): Document {
  let n = seed;
  for (const element of doc.querySelectorAll('[class]')) {
    const scrambled = element.getAttribute('class')!.split(/\s+/).map(() => `_${(n = (n * 1103515245 + 12345) % 2 ** 31).toString(36)}`);
    element.setAttribute('class', scrambled.join(' '));
  }
  return doc;
}

function emptyStructure(doc: Document): Document {
  for (const element of doc.querySelectorAll('head > *:not(meta[charset])')) element.remove();
  doc.body?.replaceChildren();
  return doc;
}

describe.each(fixtures.map((f) => [f.path, f] as const))('%s', (_path, fixture) => {
  test('with class names scrambled, stable fields are still found and no value is wrong', () => {
    const flat = extract(fixture, scrambleClasses(parseDocument(fixture.html), fixture.path.length));
    const classOnly = (field: string) => fixture.classOnly.some((c) => (c.endsWith('.*') ? field.startsWith(c.slice(0, -1)) : field === c));
    const stable = Object.keys(fixture.expected).filter((field) => !field.endsWith('.length') && !classOnly(field));
    for (const field of stable) expect(flat[field], field).toBe(fixture.expected[field]);
    // The header's class-only list is exact, so the scramble is seen to bite: exactly those fields are lost.
    expect(Object.keys(flat).filter((k) => !k.endsWith('.length')).sort()).toEqual(stable.sort());
    // A count may drop (a record found only by class names is gone); a value may never differ.
    for (const [field, value] of Object.entries(flat)) if (!field.endsWith('.length')) expect(value, `${field} (not promised by the header)`).toBe(fixture.expected[field]);
  });

  test('with the structure emptied, nothing is extracted', () => {
    const flat = extract(fixture, emptyStructure(parseDocument(fixture.html)));
    const found = Object.entries(flat).filter(([key, value]) => !(key.endsWith('.length') && value === '0'));
    expect(found).toEqual([]);
  });
});
