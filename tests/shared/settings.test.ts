import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../shared/settings';

const parsed = (input: unknown): Settings => {
  const result = parseSettings(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.settings;
};

describe('defaults', () => {
  test('are the documented values', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      atRiskAfterDays: 60,
      inactiveAfterDays: 180,
      discountRatePerYear: 0.1,
      clvHorizonYears: 5,
      levelThresholds: { manyCustomersAtLeast: 1000, fewCustomersAtMost: 50, highMarginAtLeast: 0.4, lowMarginBelow: 0.15 },
      postSaleCheckDays: 3,
      proactiveTouchDays: 30,
      partnershipTouchDays: 7,
      overContact: { maxTouches: 4, periodDays: 30 },
      attention: { importanceAtLeast: 7, satisfactionBelow: 5 },
      neverLogDomains: [],
    });
  });

  test.each([[{}], [undefined], [null]])('%j parses to the defaults', (input) => {
    expect(parsed(input)).toEqual(DEFAULT_SETTINGS);
  });

  test('cannot be changed by a caller, even deep inside', () => {
    expect(() => {
      (DEFAULT_SETTINGS.overContact as { maxTouches: number }).maxTouches = 99;
    }).toThrow(TypeError);
    expect(DEFAULT_SETTINGS.overContact.maxTouches).toBe(4);
  });
});

describe('parseSettings fills what is missing', () => {
  test('a nested partial keeps its siblings at their defaults', () => {
    const settings = parsed({ levelThresholds: { highMarginAtLeast: 0.5 }, overContact: { maxTouches: 2 } });
    expect(settings.levelThresholds).toEqual({ ...DEFAULT_SETTINGS.levelThresholds, highMarginAtLeast: 0.5 });
    expect(settings.overContact).toEqual({ maxTouches: 2, periodDays: 30 });
    expect(settings.atRiskAfterDays).toBe(60);
  });

  test('never-log domains are trimmed and lower-cased; Persian domains are accepted', () => {
    expect(parsed({ neverLogDomains: [' Example.COM ', 'mail.acme.co.uk', 'نمونه.ایران'] }).neverLogDomains).toEqual(['example.com', 'mail.acme.co.uk', 'نمونه.ایران']);
  });

  test('unknown keys are ignored and reported, at any depth', () => {
    const result = parseSettings({ atRiskDays: 3, overContact: { max: 1 }, atRiskAfterDays: 30 });
    expect(result.ok && result.unknownKeys).toEqual(['atRiskDays', 'overContact.max']);
    expect(result.ok && result.settings.atRiskAfterDays).toBe(30);
  });
});

describe('parseSettings says what is wrong and where', () => {
  test.each<[string, unknown, string, RegExp]>([
    ['a negative day count', { atRiskAfterDays: -1 }, 'atRiskAfterDays', /at least 1 day \(got -1\)/],
    ['a fractional day count', { postSaleCheckDays: 2.5 }, 'postSaleCheckDays', /whole number of days \(got 2.5\)/],
    ['a number as text', { atRiskAfterDays: '60' }, 'atRiskAfterDays', /expected number.*\(got "60"\)/],
    ['at-risk after inactive', { atRiskAfterDays: 200 }, 'atRiskAfterDays', /less than inactiveAfterDays/],
    ['NaN discount rate', { discountRatePerYear: NaN }, 'discountRatePerYear', /expected number.*\(got NaN\)/],
    ['a discount rate above 100%', { discountRatePerYear: 5 }, 'discountRatePerYear', /at most 1/],
    ['few above many', { levelThresholds: { fewCustomersAtMost: 2000 } }, 'levelThresholds.fewCustomersAtMost', /less than manyCustomersAtLeast/],
    ['a margin as a percent', { levelThresholds: { highMarginAtLeast: 40 } }, 'levelThresholds.highMarginAtLeast', /between 0 and 1/],
    ['low above high margin', { levelThresholds: { lowMarginBelow: 0.5 } }, 'levelThresholds.lowMarginBelow', /must not exceed highMarginAtLeast/],
    ['no touches allowed', { overContact: { maxTouches: 0 } }, 'overContact.maxTouches', /\(got 0\)/],
    ['an email instead of a domain', { neverLogDomains: ['ops@acme.com'] }, 'neverLogDomains.0', /bare domain/],
    ['a URL instead of a domain', { neverLogDomains: ['https://acme.com/'] }, 'neverLogDomains.0', /bare domain/],
    ['domains as one string', { neverLogDomains: 'acme.com' }, 'neverLogDomains', /expected array/],
    ['settings that are not an object', 'fast', '(settings)', /expected object/],
  ])('%s', (_name, input, path, message) => {
    const result = parseSettings(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const issue = result.issues.find((i) => i.path === path);
    expect(issue, JSON.stringify(result.issues)).toBeDefined();
    expect(issue?.message).toMatch(message);
  });

  test('every bad field is reported at once', () => {
    const result = parseSettings({ atRiskAfterDays: 0, proactiveTouchDays: 'monthly' });
    expect(!result.ok && result.issues.map((i) => i.path)).toEqual(['atRiskAfterDays', 'proactiveTouchDays']);
  });
});

describe('parseSettings properties', () => {
  test('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = parseSettings(input);
        return result.ok ? result.settings.atRiskAfterDays < result.settings.inactiveAfterDays : result.issues.length > 0;
      }),
    );
  });

  test('parsed settings survive a JSON round trip unchanged (they are stored as JSON)', () => {
    const partial = fc.record(
      {
        atRiskAfterDays: fc.integer({ min: 1, max: 100 }),
        inactiveAfterDays: fc.integer({ min: 101, max: 3650 }),
        discountRatePerYear: fc.double({ min: 0, max: 1, noNaN: true }),
        overContact: fc.record({ maxTouches: fc.integer({ min: 1, max: 100 }) }, { requiredKeys: [] }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(partial, (input) => {
        const settings = parsed(input);
        return JSON.stringify(parsed(JSON.parse(JSON.stringify(settings)))) === JSON.stringify(settings);
      }),
    );
  });
});
