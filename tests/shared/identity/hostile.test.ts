import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildPersonIndex,
  cleanEmail,
  companyDomainFromEmail,
  companyDomainFromWebsite,
  derivePersonKeys,
  mergePeople,
  normaliseCompanyName,
  normaliseEmail,
  normaliseLinkedInUrl,
  normaliseName,
  normalisePhone,
  parseUrl,
  type Normalised,
  type ProblemCode,
} from '../../../shared/identity';
import { anyText } from './arbitraries';
import { makePerson } from './fixtures';

const MB = 1_048_576;
const HOSTILE: Array<[string, unknown]> = [
  ['empty', ''],
  ['blank', ' \t\n '],
  ['invisible only', '\u200C\u200F\uFEFF'],
  ['1 MB of letters', 'a'.repeat(MB)],
  ['1 MB of @ and dots', '@.'.repeat(MB / 2)],
  ['1 MB of Persian', 'علی '.repeat(MB / 4)],
  ['1 MB behind a valid value', `ada@acme.ir${' '.repeat(MB)}`],
  ['formula', '=HYPERLINK("http://evil.example","click")'],
  ['formula with a leading space', ' =1+1'],
  ['DDE payload', "-2+3+cmd|' /C calc'!A0"],
  ['at-formula', '@SUM(A1:A9)'],
  ['control characters', 'ada\u0000\u0007\u001B[31m@acme.ir'],
  ['lone surrogate', 'ali\uD800@acme.ir'],
  ['broken percent', 'https://www.linkedin.com/in/%E0%A4%A'],
  ['script URL', 'javascript:alert(document.cookie)'],
  ['HTML', '<img src=x onerror=alert(1)>'],
  ['null', null],
  ['undefined', undefined],
  ['number', 42],
  ['NaN', Number.NaN],
  ['object', { toString: () => { throw new Error('boom'); } }],
  ['array', ['ada@acme.ir']],
  ['symbol', Symbol('x')],
  ['bigint', 10n],
];
const CODES: ProblemCode[] = ['not-text', 'empty', 'too-long', 'formula', 'malformed', 'no-country', 'free-mail', 'not-linkedin', 'no-public-id'];
const NORMALISERS: Array<[string, (raw: unknown) => Normalised<unknown>]> = [
  ['cleanEmail', cleanEmail],
  ['normaliseEmail', normaliseEmail],
  ['normalisePhone', (raw) => normalisePhone(raw, 'IR')],
  ['normaliseName', normaliseName],
  ['normaliseCompanyName', normaliseCompanyName],
  ['parseUrl', parseUrl],
  ['normaliseLinkedInUrl', normaliseLinkedInUrl],
  ['companyDomainFromEmail', companyDomainFromEmail],
  ['companyDomainFromWebsite', companyDomainFromWebsite],
];

// A key is safe when it cannot run in a sheet, carries no control character and is small.
function expectSafe(result: Normalised<unknown>): void {
  if (!result.ok) {
    expect(CODES).toContain(result.problem.code);
    expect(result.problem.message).toMatch(/\w/);
    return;
  }
  const text = typeof result.value === 'string' ? result.value : JSON.stringify(result.value);
  expect(text).not.toMatch(/^[=+\-@]|[\u0000-\u001F\u007F-\u009F]/); // eslint-disable-line no-control-regex
  expect(text.length).toBeLessThan(2_100);
}

describe('hostile input gives a typed problem or a safe value, never an exception', () => {
  describe.each(NORMALISERS)('%s', (_, normalise) => {
    test.each(HOSTILE)('%s', (_label, raw) => {
      expectSafe(normalise(raw));
    });

    test('any text at all', () => {
      fc.assert(fc.property(anyText, (raw) => expectSafe(normalise(raw))), { numRuns: 300 });
    });
  });

  test.each([
    ['1 MB name', normaliseName, 'too-long'],
    ['1 MB email', normaliseEmail, 'too-long'],
    ['1 MB phone', (raw: unknown) => normalisePhone(raw, 'IR'), 'too-long'],
    ['1 MB URL', normaliseLinkedInUrl, 'too-long'],
  ] as const)('%s is refused as %s before any parsing', (_, normalise, code) => {
    const result = normalise('9'.repeat(MB));
    expect(result.ok ? undefined : result.problem.code).toBe(code);
  });
});

describe('a hostile record is still matched and merged, never dropped', () => {
  const hostileRecord = {
    id: 'h1',
    fullName: '=HYPERLINK("http://evil.example","Ali")',
    emails: ['x'.repeat(MB), 'ali@acme.ir', null, 42, '\u0000'] as unknown as string[],
    phones: 'not a list' as unknown as string[],
    linkedinUrl: 'javascript:alert(1)',
    company: '\u0000'.repeat(10),
    website: { href: 'https://acme.ir' } as unknown as string,
  };

  test('its keys come from the values that are fine, its problems from the rest', () => {
    const keys = derivePersonKeys(hostileRecord, { defaultCountry: 'IR' });
    expect(keys.exact).toEqual(['email:ali@acme.ir']);
    expect(keys.fuzzy).toEqual([]);
    expect(keys.problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual(
      ['company:empty', 'email:empty', 'email:malformed', 'email:not-text', 'email:too-long', 'linkedinUrl:malformed', 'name:formula', 'phone:malformed', 'website:not-text'].sort(),
    );
  });

  test('the index takes it and finds it', () => {
    const index = buildPersonIndex([hostileRecord], { defaultCountry: 'IR' });
    expect(index.match({ emails: ['ALI@acme.ir'] })).toMatchObject({ kind: 'exact', id: 'h1' });
    expect(index.match(hostileRecord)).toMatchObject({ kind: 'new' }); // itself, by id
  });

  test('merging keeps a formula-like value as data (the sheet layer escapes it when writing)', () => {
    const formula = '=HYPERLINK("http://evil.example","x")';
    const merged = mergePeople(makePerson({ id: 'a', title: formula }), makePerson({ id: 'b', tags: [formula, '\u0007bell'] }), { at: '2026-03-01T00:00:00.000Z' });
    expect(merged.title).toBe(formula);
    expect(merged.tags).toEqual(expect.arrayContaining([formula, '\u0007bell']));
  });
});
