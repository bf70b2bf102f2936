import 'fake-indexeddb/auto';
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
  ] as const)('%s', (text, [y, m, d, h, min]) => {
    expect(Date.parse(parseGmailDate(text)!)).toBe(new Date(y, m, d, h, min).getTime());
  });
  test.each(['دیروز', '9:41 AM (2 hours ago)', 'Feb 31, 2025, 9:00 AM', 'Nov 4, 2025, 13:41 PM', 'Nov 4, 2025, 25:00', ''])('%j gives nothing', (text) => {
    expect(parseGmailDate(text)).toBeUndefined();
  });
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
