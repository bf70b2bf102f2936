import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseGmailDate } from '../../extension/captures/gmail-date';
import { isSizeBand, sizeBand } from '../../extension/captures/organisation-parts';
import { splitName } from '../../extension/captures/split-name';
import * as check from '../../extension/captures/validate';
import { ClipsheetDb } from '../../extension/store/db';
import { saveCapturedOrganisation } from '../../extension/store/save-organisation';
import type { OrganisationCapture } from '../../shared/capture/capture';

const field = (value: string) => ({ value, confidence: 0.95, strategy: 'json-ld' });

describe('splitName: only where safe', () => {
  test.each([
    ['Ada Lovelace', 'Ada', 'Lovelace'],
    ['سارا احمدی', 'سارا', 'احمدی'],
    ['نگار تهرانی‌زاده', 'نگار', 'تهرانی‌زاده'],
    ["Liam O'Brien", 'Liam', "O'Brien"],
  ])('%s', (full, given, family) => {
    expect(splitName(field(full))).toEqual({ givenName: { value: given, confidence: 0.76, strategy: 'split:json-ld' }, familyName: { value: family, confidence: 0.76, strategy: 'split:json-ld' } });
  });
  test.each(['Maria de la Cruz', 'Dr Ali Rezaei', 'سید علی', 'Ali', '王小明', '王 小明', 'A. Rezaei', 'Ali Rezaei PhD', 'Ali 2'])('%s is left whole', (full) => {
    expect(splitName(field(full))).toEqual({});
  });
});

describe('parseGmailDate: the tooltip in the rep’s time zone, or nothing', () => {
  test.each([
    ['Mon, Nov 3, 2025, 10:12 AM', [2025, 10, 3, 10, 12]],
    ['Mon, Nov 3, 2025, 12:05 AM', [2025, 10, 3, 0, 5]],
    ['Tue, 4 Nov 2025, 16:05', [2025, 10, 4, 16, 5]],
    ['Nov 4, 2025, 9:41 PM', [2025, 10, 4, 21, 41]],
    // Persian digits in an English interface.
    ['Tue, Nov ۴, ۲۰۲۵, ۹:۴۱ AM', [2025, 10, 4, 9, 41]],
    // Gmail in Persian on the Persian calendar (as ICU formats fa): day-month-year and year-month-day orders,
    // 24-hour and 12-hour clocks, bidi marks and the zero-width non-joiner inside the weekday.
    ['سه‌شنبه ۱۳ آبان ۱۴۰۴، ساعت ۹:۴۱', [2025, 10, 4, 9, 41]],
    ['۱۳ آبان ۱۴۰۴، ۹:۰۵ ب.ظ.', [2025, 10, 4, 21, 5]],
    ['۱۳ آبان ۱۴۰۴، ۱۲:۰۵ ق.ظ.', [2025, 10, 4, 0, 5]],
    ['\u200f۱۴۰۴ آبان ۱۳, سه\u200cشنبه ساعت ۹:۴۱\u200f', [2025, 10, 4, 9, 41]],
    ['۳۰ اسفند ۱۴۰۳، ۲۳:۵۹', [2025, 2, 20, 23, 59]],
    // Afghanistan's names for the same months, and Arabic-Indic digits with the Arabic yeh.
    ['۱۳ عقرب ۱۴۰۴، ۹:۴۱', [2025, 10, 4, 9, 41]],
    ['١ فروردين ١٤٠٤، ٨:٠٠', [2025, 2, 21, 8, 0]],
    // A Persian interface on the Gregorian calendar names the Gregorian months.
    ['چهارشنبه ۵ نوامبر ۲۰۲۵، ساعت ۱۰:۰۰ ق.ظ.', [2025, 10, 5, 10, 0]],
    ['۱ می ۲۰۲۵، ۱۴:۳۰', [2025, 4, 1, 14, 30]],
    // An English interface on the Persian calendar.
    ['Tue, Aban 13, 1404 AP, 9:41 AM', [2025, 10, 4, 9, 41]],
  ] as const)('%s', (text, [y, m, d, h, min]) => {
    expect(Date.parse(parseGmailDate(text)!)).toBe(new Date(y, m, d, h, min).getTime());
  });
  test.each([
    'دیروز',
    '9:41 AM (2 hours ago)',
    'Feb 31, 2025, 9:00 AM',
    'Nov 4, 2025, 13:41 PM',
    'Nov 4, 2025, 25:00',
    '',
    // Esfand 30 in a common year, a month with 30 days given 31, a time of 13 "after noon", no time at all.
    '۳۰ اسفند ۱۴۰۴، ۹:۰۰',
    '۳۱ مهر ۱۴۰۴، ۹:۰۰',
    '۱۳ آبان ۱۴۰۴، ۱۳:۰۵ ب.ظ.',
    '۱۳ آبان ۱۴۰۴',
    // A Persian year far outside any mailbox is a misread, not a date.
    '۱۳ آبان ۹۴۰۴، ۹:۴۱',
  ])('%j gives nothing', (text) => {
    expect(parseGmailDate(text)).toBeUndefined();
  });
});

// Property: whatever minute between 1921 and 2121 ICU formats in a Persian or Persian-calendar locale (the
// shapes Gmail's Persian interface takes), the tooltip reads back as that minute.
test.each(['fa', 'fa-AF', 'fa-u-ca-gregory', 'en-u-ca-persian'])('a %s date and time, as Intl formats it, reads back as the same minute', (locale) => {
  const styles = [
    { dateStyle: 'full', timeStyle: 'short' },
    { dateStyle: 'medium', timeStyle: 'short', hour12: true },
    // hourCycle, not hour12: false, which some ICU versions print as 24:00 for midnight.
    { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' },
  ] as const;
  fc.assert(
    fc.property(fc.date({ min: new Date(1921, 2, 21), max: new Date(2121, 2, 20), noInvalidDate: true }), fc.constantFrom(...styles), (date, style) => {
      const minute = new Date(date.getFullYear(), date.getMonth(), date.getDate(), date.getHours(), date.getMinutes());
      const text = new Intl.DateTimeFormat(locale, style).format(minute);
      expect(Date.parse(parseGmailDate(text) ?? ''), text).toBe(minute.getTime());
    }),
    { numRuns: 300 },
  );
});

describe('checks drop what is not what it claims to be', () => {
  test.each([
    [check.email, 'mailto:Ali@Example.COM?subject=hi', 'ali@example.com'],
    [check.email, 'not an address', undefined],
    [check.phone, '۰۹۱۲ ۳۴۵ ۶۷۸۹', '0912 345 6789'],
    [check.phone, '12-34', undefined],
    [check.phone, '2025-11-03', undefined],
    [check.name, 'ali@example.com', undefined],
    [check.linkedinProfile, 'https://www.linkedin.com/company/acme/', undefined],
    [check.linkedinCompany, 'https://ir.linkedin.com/company/Acme/about/?trk=x', 'https://www.linkedin.com/company/acme'],
  ] as const)('%#: %s', (validator, input, output) => {
    expect(validator(input)).toBe(output);
  });
  test('size bands from head counts and as printed', () => {
    expect([1, 7, 42, 312, 20000].map(sizeBand)).toEqual(['1 employee', '2-10 employees', '11-50 employees', '201-500 employees', '10,001+ employees']);
    expect(isSizeBand('We have 51-200 employees and growing')).toBeUndefined();
    expect(isSizeBand('۵۱-۲۰۰ کارمند')).toBe('۵۱-۲۰۰ کارمند');
  });
});

describe('saveCapturedOrganisation', () => {
  const capture = (fields: Record<string, string>): OrganisationCapture => ({ kind: 'organisation', source: 'linkedin', url: 'https://www.linkedin.com/company/parsian-robotics/', fields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, field(v)])), missing: [] });
  const context = (minute = 0) => ({ owner: 'rep@clipsheet.local', now: `2026-11-23T08:0${minute}:00.000Z`, newId: () => Math.random().toString(36).slice(2) });

  test('the same company from LinkedIn and from its own site (by domain, then by name) is one organisation', async () => {
    const db = new ClipsheetDb(`org-test-${process.pid}-${Math.random()}`);
    const first = await saveCapturedOrganisation(db, capture({ name: 'Parsian Robotics', website: 'https://parsian-robotics.example/', linkedinUrl: 'https://www.linkedin.com/company/parsian-robotics' }), context());
    expect(first).toMatchObject({ created: true, organisation: { domain: 'parsian-robotics.example', stage: 'suspect' } });
    const byDomain = await saveCapturedOrganisation(db, capture({ name: 'Parsian Robotics Co.', website: 'https://www.parsian-robotics.example/fa', industry: 'Robotics' }), context(1));
    expect(byDomain).toMatchObject({ created: false, organisation: { id: first.organisation.id, name: 'Parsian Robotics Co.', industry: 'Robotics' } });
    expect(byDomain.organisation.history).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'name', value: 'Parsian Robotics' }), expect.objectContaining({ field: 'website', value: 'https://parsian-robotics.example/' })]),
    );
    const byName = await saveCapturedOrganisation(db, capture({ name: 'parsian robotics co' }), context(2));
    expect(byName.organisation.id).toBe(first.organisation.id);
    expect(await db.organisations.count()).toBe(1);
    expect(await db.outbox.count()).toBe(3);
  });

  test('the same name on another domain is another organisation, proposed as a possible duplicate', async () => {
    const db = new ClipsheetDb(`org-test-${process.pid}-${Math.random()}`);
    const tehran = await saveCapturedOrganisation(db, capture({ name: 'شرکت پارس', website: 'https://pars.ir/' }), context());
    const dubai = await saveCapturedOrganisation(db, capture({ name: 'پارس', website: 'https://pars.ae/' }), context(1));
    expect(dubai).toMatchObject({ created: true, possibleDuplicates: [tehran.organisation.id] });
    expect(await db.organisations.count()).toBe(2);
    // Arabic letters for Persian ones and the company's own domain: the Tehran one, merged, nothing proposed.
    const again = await saveCapturedOrganisation(db, capture({ name: 'شركت پارس', website: 'https://www.pars.ir/about' }), context(2));
    expect(again).toMatchObject({ created: false, organisation: { id: tehran.organisation.id }, possibleDuplicates: [] });
  });
});
