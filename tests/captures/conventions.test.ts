import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { GMAIL, GMAIL_EXPECTED } from '../../extension/captures/gmail-selectors';
import { LINKEDIN, LINKEDIN_EXPECTED } from '../../extension/captures/linkedin-selectors';
import { isPage, NOBODY_PAGES, PAGE_EXAMPLES, PAGES, type PageName } from '../../extension/captures/pages';
import { CAPTURES } from '../../extension/captures/registry';
import { FIXTURES, loadFixtures, parseDocument } from './fixtures';

// The rules that keep captures maintainable (refined-github's features test): every capture registered and
// with a fixture, every selector with an expectation that still holds, every page predicate exact.
const CAPTURE_DIR = join(import.meta.dirname, '..', '..', 'extension', 'captures');
const captureFiles = readdirSync(CAPTURE_DIR).filter((f) => f.endsWith('.ts') && /export function extract\w+\(doc: Document/.test(readFileSync(join(CAPTURE_DIR, f), 'utf8')));
const fixtures = loadFixtures();

describe('captures', () => {
  test.each(captureFiles)('%s is registered under its file name', (file) => {
    expect(CAPTURES.map((c) => c.id)).toContain(file.replace(/\.ts$/, ''));
  });

  test.each(CAPTURES.map((c) => c.id))('%s has at least one fixture, and its file names its fixtures at the end', (id) => {
    expect(fixtures.filter((f) => f.capture === id).length).toBeGreaterThan(0);
    const source = readFileSync(join(CAPTURE_DIR, `${id}.ts`), 'utf8').trimEnd();
    const last = source.split('\n').at(-1)!;
    expect(last).toMatch(/^\/\/ Fixtures: /);
    for (const named of last.replace('// Fixtures: ', '').split(', ')) expect(existsSync(join(FIXTURES, named)), named).toBe(true);
  });

  test.each(fixtures.map((f) => [f.path, f] as const))('%s is at a URL its capture runs on', (_path, fixture) => {
    const entry = CAPTURES.find((c) => c.id === fixture.capture);
    if (fixture.capture === 'selection') return void expect(fixture.path).toMatch(/\.txt$/);
    expect(isPage(entry!.page, fixture.url)).toBe(true);
  });
});

describe('selectors', () => {
  const all = [...Object.entries(LINKEDIN).map(([name, css]) => ['linkedin', name, css, LINKEDIN_EXPECTED[name as keyof typeof LINKEDIN]] as const), ...Object.entries(GMAIL).map(([name, css]) => ['gmail', name, css, GMAIL_EXPECTED[name as keyof typeof GMAIL]] as const)];
  test.each(all)('%s %s matches as many elements as its fixture says', (_site, _name, css, expected) => {
    expect(expected, 'every selector has an expectation').toBeDefined();
    const html = readFileSync(join(FIXTURES, expected.fixture), 'utf8');
    expect(parseDocument(html).querySelectorAll(css).length).toBe(expected.count);
  });
});

describe('page predicates', () => {
  const names = Object.keys(PAGES) as PageName[];
  test.each(names)('%s accepts its own examples and rejects everyone else’s', (name) => {
    expect(PAGE_EXAMPLES[name].length).toBeGreaterThan(0);
    for (const own of PAGE_EXAMPLES[name]) expect(isPage(name, own), own).toBe(true);
    for (const other of names.filter((n) => n !== name).flatMap((n) => PAGE_EXAMPLES[n])) expect(isPage(name, other), other).toBe(false);
    for (const nobody of NOBODY_PAGES.filter((url) => !(name === 'webPage' && url.startsWith('https://')))) expect(isPage(name, nobody), nobody).toBe(false);
  });
});
