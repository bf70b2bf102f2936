import { describe, expect, test } from 'vitest';
import { buildPersonIndex, derivePersonKeys, type PersonLike } from '../../../shared/identity';

// A mixed Persian/English store, as a Tehran sales team's sheet holds it.
const store = [
  { id: 'p-ada', fullName: 'Ada Lovelace', emails: ['ada.lovelace@gmail.com'], linkedinUrl: 'https://uk.linkedin.com/in/ada-lovelace', company: 'Analytical Engines Ltd' },
  { id: 'p-ali', fullName: 'علی رضایی', phones: ['0912 123 4567'], company: 'شرکت فولاد مبارکه', emails: ['ali@mobarakeh.ir'] },
  { id: 'p-sara', fullName: 'Sara Ahmadi', emails: ['sara@acme.ir'], website: 'https://www.acme.ir' },
  { id: 'p-kian', fullName: 'کیان کاظمی', organisationId: 'o-mapna' },
  { id: 'p-dup1', fullName: 'Reza Karimi', emails: ['shared@acme.ir'] },
  { id: 'p-dup2', fullName: 'R. Karimi', emails: ['Shared@ACME.ir'] },
  { id: 'p-gone', fullName: 'Gone Person', emails: ['gone@acme.ir'], deleted: true },
];
const index = buildPersonIndex(store, { defaultCountry: 'IR' });

describe('PersonIndex.match', () => {
  test.each<[string, PersonLike, unknown]>([
    ['email, Gmail aliasing', { emails: ['AdaLovelace+crm@googlemail.com'] }, { kind: 'exact', id: 'p-ada', key: 'email:adalovelace@gmail.com' }],
    ['LinkedIn, locale path', { linkedinUrl: 'https://www.linkedin.com/in/Ada-Lovelace/fr/' }, { kind: 'exact', id: 'p-ada', key: 'in:ada-lovelace' }],
    ['phone in E.164', { phones: ['+98 912 123 4567'] }, { kind: 'exact', id: 'p-ali', key: 'phone:+989121234567' }],
    ['phone in Persian digits', { phones: ['۰۹۱۲۱۲۳۴۵۶۷'] }, { kind: 'exact', id: 'p-ali', key: 'phone:+989121234567' }],
    ['exact beats fuzzy', { fullName: 'Sara Ahmadi', website: 'acme.ir', emails: ['ada.lovelace@gmail.com'] }, { kind: 'exact', id: 'p-ada' }],
    ['the strongest shared key is named', { linkedinUrl: 'linkedin.com/in/ada-lovelace', emails: ['ada.lovelace@gmail.com'] }, { kind: 'exact', key: 'in:ada-lovelace' }],
    [
      'Arabic letters, same company',
      { fullName: 'علي رضايي', company: 'فولاد مباركه (سهامی عام)' },
      { kind: 'candidates', ids: ['p-ali'], reasons: [{ id: 'p-ali', rule: 'same-name-and-company', key: 'علی رضایی\u0000company:فولاد مبارکه' }] },
    ],
    [
      'same name, email on the company website domain',
      { fullName: 'Dr. Sara Ahmadi', emails: ['s.ahmadi@sales.acme.ir'] },
      { kind: 'candidates', ids: ['p-sara'], reasons: [{ id: 'p-sara', rule: 'same-name-and-domain', key: 'sara ahmadi\u0000domain:acme.ir' }] },
    ],
    ['same name, same organisation', { fullName: 'كيان كاظمي', organisationId: 'o-mapna' }, { kind: 'candidates', ids: ['p-kian'], reasons: [{ rule: 'same-name-and-organisation' }] }],
    ['same name, free-mail address only', { fullName: 'Sara Ahmadi', emails: ['sara.a@gmail.com'] }, { kind: 'new' }],
    ['same name alone', { fullName: 'Sara Ahmadi' }, { kind: 'new' }],
    ['same company, other name', { fullName: 'Sara Karimi', website: 'acme.ir' }, { kind: 'new' }],
    [
      'a key two stored people share',
      { emails: ['shared@acme.ir'] },
      { kind: 'candidates', ids: ['p-dup1', 'p-dup2'], reasons: [{ rule: 'shared-exact-key' }, { rule: 'shared-exact-key' }] },
    ],
    ['exact keys pointing at two people', { emails: ['ada.lovelace@gmail.com'], phones: ['+989121234567'] }, { kind: 'candidates', ids: ['p-ada', 'p-ali'] }],
    ['a tombstone is never a match', { emails: ['gone@acme.ir'] }, { kind: 'new' }],
    ['a record does not match itself', { id: 'p-ada', emails: ['ada.lovelace@gmail.com'] }, { kind: 'new' }],
    ['nothing at all', {}, { kind: 'new', problems: [] }],
  ])('%s', (_, incoming, expected) => {
    expect(index.match(incoming)).toMatchObject(expected as object);
  });

  test('values that give no key are reported and the record is still matched on the others', () => {
    const result = index.match({ fullName: '=HYPERLINK("http://evil","x")', emails: ['not an email', 'ada.lovelace@gmail.com'], phones: ['call me'] });
    expect(result).toMatchObject({ kind: 'exact', id: 'p-ada' });
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['email', 'malformed'],
      ['phone', 'malformed'],
      ['name', 'formula'],
    ]);
  });

  test('a company page in a person\'s LinkedIn field is reported, not used', () => {
    const keys = derivePersonKeys({ linkedinUrl: 'https://www.linkedin.com/company/acme' });
    expect(keys.exact).toEqual([]);
    expect(keys.problems).toMatchObject([{ field: 'linkedinUrl', code: 'malformed' }]);
  });

  test('people added after the build are found; tombstones are not indexed', () => {
    const growing = buildPersonIndex([], { defaultCountry: 'IR' });
    expect(growing.add({ id: 'n1', emails: ['new@acme.ir'] })).toEqual([]);
    expect(growing.add({ id: 'n2', emails: ['x@acme.ir'], deleted: true })).toEqual([]);
    expect(growing.size).toBe(1);
    expect(growing.match({ emails: ['NEW@acme.ir'] })).toMatchObject({ kind: 'exact', id: 'n1' });
    expect(growing.match({ emails: ['x@acme.ir'] })).toMatchObject({ kind: 'new' });
  });

  test('a person indexed twice (after an edit) is still one match', () => {
    const twice = buildPersonIndex([
      { id: 'a', emails: ['a@acme.ir'] },
      { id: 'a', emails: ['a@acme.ir'], phones: ['+989121234567'] },
    ]);
    expect(twice.match({ emails: ['a@acme.ir'] })).toMatchObject({ kind: 'exact', id: 'a' });
  });

  test('a person edited (removed, then added again) is found by their new email, not the old one', () => {
    const before = { id: 'a', fullName: 'Ali Rezaei', emails: ['ali@old.ir'] };
    const edited = buildPersonIndex([before, { id: 'b', emails: ['b@old.ir'] }]);
    edited.remove(before);
    edited.add({ ...before, emails: ['ali@new.ir'] });
    expect(edited.match({ emails: ['ALI@old.ir'] })).toMatchObject({ kind: 'new' });
    expect(edited.match({ emails: ['ali@new.ir'] })).toMatchObject({ kind: 'exact', id: 'a' });
    expect(edited.match({ emails: ['b@old.ir'] })).toMatchObject({ kind: 'exact', id: 'b' });
    expect(edited.size).toBe(2);
  });

  test('the key named is the least shared one, whatever order the lists are in', () => {
    const pair = buildPersonIndex([{ id: 'x', emails: ['b@acme.ir', 'a@acme.ir'] }]);
    expect(pair.match({ emails: ['b@acme.ir', 'a@acme.ir'] })).toMatchObject({ kind: 'exact', key: 'email:a@acme.ir' });
  });

  test('a national number matches only when the team has a default country', () => {
    const noCountry = buildPersonIndex(store);
    expect(noCountry.match({ phones: ['0912 123 4567'] })).toMatchObject({ kind: 'new', problems: [{ code: 'no-country' }] });
  });
});
