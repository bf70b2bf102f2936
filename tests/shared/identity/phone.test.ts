import { describe, expect, test } from 'vitest';
import { normalisePhone } from '../../../shared/identity';

describe('normalisePhone gives E.164 wherever the country is known', () => {
  test.each([
    ['0912 123 4567', 'IR', '+989121234567'],
    ['۰۹۱۲ ۱۲۳ ۴۵۶۷', 'IR', '+989121234567'], // Persian digits
    ['٠٩١٢١٢٣٤٥٦٧', 'IR', '+989121234567'], // Arabic-Indic digits
    ['۰۹۱۲-123-۴۵۶۷', 'IR', '+989121234567'], // mixed, as autocorrect leaves it
    ['(021) 8888 1234', 'IR', '+982188881234'],
    ['00989121234567', 'IR', '+989121234567'],
    ['+98 (912) 123-4567', undefined, '+989121234567'],
    ['00989121234567', undefined, '+989121234567'],
    ['+44 20 7946 0958 ext. 12', undefined, '+442079460958'],
    ['(415) 555-2671', 'US', '+14155552671'],
    ['\u202A+98 912 123 4567\u202C', undefined, '+989121234567'], // bidi embedding around a number in RTL text
    [9121234567, 'IR', '+989121234567'], // a sheet cell read back as a number
  ] as const)('%j in %s -> %s', (raw, country, expected) => {
    expect(normalisePhone(raw, country)).toEqual({ ok: true, value: expected });
  });

  test.each([
    ['0912 123 4567', undefined, 'no-country'],
    ['call me', 'IR', 'malformed'],
    ['12', 'IR', 'malformed'],
    ['+98 912', undefined, 'malformed'],
    ['=HYPERLINK("tel:+989121234567")', 'IR', 'formula'],
    ['@SUM(1)', 'IR', 'formula'],
    ['', 'IR', 'empty'],
    ['1'.repeat(65), 'IR', 'too-long'],
    [Number.NaN, 'IR', 'not-text'],
  ] as const)('%j in %s is refused as %s', (raw, country, code) => {
    const result = normalisePhone(raw, country);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ field: 'phone', code });
  });
});
