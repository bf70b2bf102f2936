import { describe, expect, test } from 'vitest';
import { CAPTURES } from '../../extension/captures/registry';
import { extractSelection } from '../../extension/captures/selection';
import { flatten, loadFixtures, parseDocument, type FixtureSpec } from './fixtures';

// Every fixture's header lists everything the capture must find, exhaustively: a value found that the
// header does not promise fails the test, so a wrong value (worse than none) cannot slip in unnoticed.
const fixtures = loadFixtures();
// The text selection is the one capture that reads text, not a Document.
const ALL = [...CAPTURES.map((c) => c.id), 'selection'];
const run = (fixture: FixtureSpec) =>
  fixture.capture === 'selection' ? extractSelection(fixture.html, fixture.url) : CAPTURES.find((c) => c.id === fixture.capture)!.extract(parseDocument(fixture.html), fixture.url);

describe.each(fixtures.map((f) => [f.path, f] as const))('%s', (_path, fixture) => {
  test('names a registered capture', () => {
    expect(ALL).toContain(fixture.capture);
  });

  test('extracts exactly what its header promises', () => {
    const flat = flatten(run(fixture));
    expect(flat).toEqual(fixture.expected);
    for (const field of fixture.missing) expect(flat[field], field).toBeUndefined();
  });
});

test('there is at least one fixture per capture', () => {
  for (const id of ALL) expect(fixtures.filter((f) => f.capture === id).length, id).toBeGreaterThan(0);
});
