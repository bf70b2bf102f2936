import { describe, expect, test } from 'vitest';
import { companyDomainFromEmail, companyDomainFromWebsite, isFreeMailDomain } from '../../../shared/identity';

describe('company domains by the Public Suffix List', () => {
  test.each([
    ['ali@acme.ir', 'acme.ir'],
    ['ali@mail.acme.co.uk', 'acme.co.uk'],
    ['Ali <ali@Sales.Acme.COM>', 'acme.com'],
    ['ali@mapna.co.ir', 'mapna.co.ir'],
    ['ali@ut.ac.ir', 'ut.ac.ir'],
    ['user@مثال.ایران', 'xn--mgbh0fb.xn--mgba3a4f16a'],
  ])('email %j -> %j', (email, domain) => {
    expect(companyDomainFromEmail(email)).toEqual({ ok: true, value: domain });
  });

  test.each([
    ['https://blog.acme.ir/fa', 'acme.ir'],
    ['www.acme.co.uk', 'acme.co.uk'],
    ['acme.github.io', 'acme.github.io'], // private suffixes count: rival.github.io is another company
    ['http://shop.acme.com.au:8080/', 'acme.com.au'],
  ])('website %j -> %j', (website, domain) => {
    expect(companyDomainFromWebsite(website)).toEqual({ ok: true, value: domain });
  });

  test.each([
    'ali@gmail.com',
    'ali@googlemail.com',
    'ali@yahoo.com',
    'ali@yahoo.co.uk',
    'ali@ymail.com',
    'ali@outlook.com',
    'ali@hotmail.de',
    'ali@live.com',
    'ali@icloud.com',
    'ali@proton.me',
    'ali@protonmail.com',
    'ali@yandex.ru',
    'ali@mail.ru',
    'ali@chmail.ir',
    'ali@mailfa.com',
  ])('free mail %j gives no company', (email) => {
    expect(companyDomainFromEmail(email)).toMatchObject({ ok: false, problem: { code: 'free-mail' } });
  });

  test.each(['acme.ir', 'yahoo-inc.com', 'mail.acme.com', 'livenation.com'])('%j is not free mail', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });

  test.each([
    ['https://co.uk/', 'malformed'],
    ['https://github.io', 'malformed'],
    ['not a site', 'malformed'],
    ['=HYPERLINK("https://acme.ir")', 'formula'],
  ])('website %j is refused as %s', (website, code) => {
    const result = companyDomainFromWebsite(website);
    expect(result.ok ? undefined : result.problem.code).toBe(code);
  });
});
