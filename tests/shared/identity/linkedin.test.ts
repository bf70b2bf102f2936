import { describe, expect, test } from 'vitest';
import { normaliseLinkedInUrl, parseLinkedInUrl } from '../../../shared/identity';

const ADA = 'https://www.linkedin.com/in/ada-lovelace';

describe('normaliseLinkedInUrl: every form of a profile gives one canonical URL', () => {
  test.each([
    'https://www.linkedin.com/in/ada-lovelace/',
    'https://www.linkedin.com/in/ada-lovelace',
    'http://linkedin.com/in/ada-lovelace',
    'www.linkedin.com/in/ada-lovelace',
    'linkedin.com/in/Ada-Lovelace',
    'https://uk.linkedin.com/in/ada-lovelace', // country subdomain
    'https://ir.linkedin.com/in/ada-lovelace/',
    'https://m.linkedin.com/in/ada-lovelace', // mobile
    'https://www.linkedin.com/mwlite/in/ada-lovelace',
    'https://www.linkedin.com/in/ada-lovelace/fr/', // locale path
    'https://www.linkedin.com/in/ada-lovelace/?locale=fa_IR&trk=public_profile',
    'https://www.linkedin.com/in/ada-lovelace/details/experience/',
    'https://www.linkedin.com/in/ada-lovelace#about',
    'HTTPS://WWW.LINKEDIN.COM/IN/ADA-LOVELACE/',
    ' \u200Fhttps://www.linkedin.com/in/ada-lovelace\u200E ',
    'https://www.linkedin.com/sales/lead/ada-lovelace,NAME_SEARCH,x1y2', // Sales Navigator carrying the public id
    'https://www.linkedin.com/sales/people/ACwAAAB1234567890abcdef,NAME_SEARCH?publicIdentifier=ada-lovelace',
  ])('%j', (raw) => {
    expect(normaliseLinkedInUrl(raw)).toEqual({ ok: true, value: ADA });
  });

  test.each([
    // The pre-2015 /pub/ form: hex parts reversed, inner parts padded (LinkedIn's own redirect).
    ['https://sy.linkedin.com/pub/krzysztof-marzec/a7/576/b50?trk=biz_employee_pub', 'https://www.linkedin.com/in/krzysztof-marzec-b50576a7'],
    ['https://uk.linkedin.com/pub/abdi-ahmed/100/384/6b0', 'https://www.linkedin.com/in/abdi-ahmed-6b0384100'],
    ['https://www.linkedin.com/pub/name/1/23/456', 'https://www.linkedin.com/in/name-4560231'],
    ['https://www.linkedin.com/pub/name/1/2/3/', 'https://www.linkedin.com/in/name-0030021'],
    // Persian vanity names: percent-encoded or not, one key.
    ['https://www.linkedin.com/in/%D8%B9%D9%84%DB%8C-%D8%B1%D8%B6%D8%A7%DB%8C%DB%8C/', 'https://www.linkedin.com/in/%D8%B9%D9%84%DB%8C-%D8%B1%D8%B6%D8%A7%DB%8C%DB%8C'],
    ['https://www.linkedin.com/in/علی-رضایی', 'https://www.linkedin.com/in/%D8%B9%D9%84%DB%8C-%D8%B1%D8%B6%D8%A7%DB%8C%DB%8C'],
    // Organisations
    ['https://www.linkedin.com/company/acme-corp/about/', 'https://www.linkedin.com/company/acme-corp'],
    ['https://ir.linkedin.com/company/Acme-Corp/jobs?trk=x', 'https://www.linkedin.com/company/acme-corp'],
    ['https://www.linkedin.com/company/booking.com/', 'https://www.linkedin.com/company/booking.com'],
    ['https://www.linkedin.com/company/1035/', 'https://www.linkedin.com/company/1035'],
    ['https://www.linkedin.com/school/university-of-tehran/', 'https://www.linkedin.com/school/university-of-tehran'],
    ['https://www.linkedin.com/showcase/acme-cloud', 'https://www.linkedin.com/showcase/acme-cloud'],
  ])('%j -> %j', (raw, canonical) => {
    expect(normaliseLinkedInUrl(raw)).toEqual({ ok: true, value: canonical });
  });

  test('parseLinkedInUrl says what the page is', () => {
    expect(parseLinkedInUrl('https://uk.linkedin.com/company/acme/')).toEqual({
      ok: true,
      value: { kind: 'company', id: 'acme', url: 'https://www.linkedin.com/company/acme' },
    });
  });

  test.each([
    ['https://www.linkedin.com/sales/lead/ACwAAAB1234567890abcdef,NAME_SEARCH,x1y2', 'no-public-id'],
    ['https://www.linkedin.com/sales/people/ACwAAAB1234567890abcdef', 'no-public-id'],
    ['https://www.linkedin.com/sales/search/people?query=x', 'no-public-id'],
    ['https://lnkd.in/abc123', 'not-linkedin'],
    ['https://evil.com/in/ada-lovelace', 'not-linkedin'],
    ['https://linkedin.com.evil.com/in/ada-lovelace', 'not-linkedin'],
    ['https://notlinkedin.com/in/ada-lovelace', 'not-linkedin'],
    ['https://www.linkedin.com@evil.com/in/ada-lovelace', 'not-linkedin'],
    ['https://www.linkedin.com/', 'malformed'],
    ['https://www.linkedin.com/feed/update/urn:li:activity:1', 'malformed'],
    ['https://www.linkedin.com/in/', 'malformed'],
    ['https://www.linkedin.com/in/ada%20lovelace', 'malformed'],
    ['https://www.linkedin.com/in/%zz', 'malformed'],
    ['https://www.linkedin.com/pub/dir/ada/lovelace', 'malformed'],
    ['https://www.linkedin.com/pub/name/xyz/1/2', 'malformed'],
    ['=HYPERLINK("https://www.linkedin.com/in/ada-lovelace")', 'formula'],
    ['', 'empty'],
  ])('%j is refused as %s', (raw, code) => {
    const result = normaliseLinkedInUrl(raw);
    expect(result.ok ? undefined : result.problem.code).toBe(code);
  });
});
