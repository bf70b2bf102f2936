import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildOrganisationIndex, deriveOrganisationKeys, mergeOrganisations, type MatchResult, type OrganisationLike } from '../../../shared/identity';
import { Organisation } from '../../../shared/model';
import { anyText, companyPageText, companyText, organisation, websiteText } from './arbitraries';

// A Tehran team's book: Persian and English names, a group with a subsidiary on its domain, a free-mail site.
const store: Array<OrganisationLike & { id: string }> = [
  { id: 'o-mapna', name: 'MAPNA Group', domain: 'mapna.com', linkedinUrl: 'https://www.linkedin.com/company/mapna/' },
  { id: 'o-mapna-turbine', name: 'MAPNA Turbine', website: 'https://turbine.mapna.com', linkedinUrl: 'https://www.linkedin.com/company/mapna-turbine' },
  { id: 'o-mobarakeh', name: 'شرکت فولاد مبارکه (سهامی عام)' },
  { id: 'o-pars-ir', name: 'پارس', website: 'https://pars.ir' },
  { id: 'o-gone', name: 'Gone Ltd', domain: 'gone.example', deleted: true },
];
const index = buildOrganisationIndex(store);

describe('OrganisationIndex.match', () => {
  test.each<[string, OrganisationLike, unknown]>([
    ['LinkedIn page, another locale and path', { linkedinUrl: 'https://uk.linkedin.com/company/MAPNA/about/?trk=x' }, { kind: 'exact', id: 'o-mapna', key: 'linkedin:company/mapna' }],
    ['domain, from a website', { name: 'Pars Co.', website: 'http://WWW.pars.ir/fa' }, { kind: 'exact', id: 'o-pars-ir', key: 'domain:pars.ir' }],
    [
      'a domain two stored organisations share (a group and its subsidiary)',
      { website: 'http://www.mapna.com/fa' },
      { kind: 'candidates', ids: ['o-mapna', 'o-mapna-turbine'], reasons: [{ rule: 'shared-exact-key' }, { rule: 'shared-exact-key' }] },
    ],
    ['name: Arabic letters, no legal form', { name: 'فولاد مباركه' }, { kind: 'exact', id: 'o-mobarakeh', key: 'name:فولاد مبارکه' }],
    ['name plus a domain the stored one lacks', { name: 'Foolad Mobarakeh', domain: 'msc.ir' }, { kind: 'new' }],
    ['same name, another domain', { name: 'Pars', website: 'https://pars.ae' }, { kind: 'new' }],
    ['same Persian name, another domain', { name: 'شرکت پارس', website: 'https://pars.ae' }, { kind: 'candidates', ids: ['o-pars-ir'], reasons: [{ rule: 'conflicting-identifiers', key: 'name:پارس' }] }],
    [
      'same domain, another LinkedIn page: a subsidiary',
      { name: 'MAPNA Boiler', domain: 'mapna.com', linkedinUrl: 'https://www.linkedin.com/company/mapna-boiler' },
      { kind: 'candidates', ids: ['o-mapna', 'o-mapna-turbine'], reasons: [{ id: 'o-mapna', rule: 'conflicting-identifiers' }, { id: 'o-mapna-turbine', rule: 'conflicting-identifiers' }] },
    ],
    ['the LinkedIn page outranks a domain it disagrees with', { linkedinUrl: 'linkedin.com/company/mapna-turbine', domain: 'mapna.ir' }, { kind: 'exact', id: 'o-mapna-turbine' }],
    ['a free-mail website is no domain', { name: 'Someone Else', website: 'https://gmail.com' }, { kind: 'new', problems: [] }],
    ['a tombstone is never a match', { domain: 'gone.example' }, { kind: 'new' }],
    ['a record does not match itself', { id: 'o-mapna', linkedinUrl: 'https://www.linkedin.com/company/mapna/' }, { kind: 'new' }],
    ['nothing at all', {}, { kind: 'new', problems: [] }],
  ])('%s', (_, incoming, expected) => {
    expect(index.match(incoming)).toMatchObject(expected as object);
  });

  test('hostile values are reported and the record is still matched on the others', () => {
    const result = index.match({ name: '=HYPERLINK("http://evil","x")', domain: 'x'.repeat(10_000), website: 'javascript:alert(1)', linkedinUrl: 'https://www.linkedin.com/company/mapna' });
    expect(result).toMatchObject({ kind: 'exact', id: 'o-mapna' });
    expect(result.problems.map((p) => [p.field, p.code])).toEqual([
      ['domain', 'malformed'],
      ['website', 'malformed'],
      ['company', 'formula'],
    ]);
  });

  test('a person’s profile in an organisation’s LinkedIn field is reported, not used', () => {
    const keys = deriveOrganisationKeys({ linkedinUrl: 'https://www.linkedin.com/in/ali-rezaei' });
    expect(keys.exact).toEqual([]);
    expect(keys.problems).toMatchObject([{ field: 'linkedinUrl', code: 'malformed' }]);
  });

  test('never throws, whatever the fields hold', () => {
    fc.assert(
      fc.property(fc.record({ name: fc.oneof(companyText, anyText), domain: anyText, website: fc.oneof(websiteText, anyText), linkedinUrl: fc.oneof(companyPageText, anyText) }, { requiredKeys: [] }), (incoming) => {
        expect(() => index.match(incoming)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('the index follows edits', () => {
  test('an organisation removed is no longer found; its edited version is found by its new keys only', () => {
    const growing = buildOrganisationIndex([{ id: 'o1', name: 'Acme', domain: 'acme.ir' }, { id: 'o2', name: 'Zar' }]);
    growing.remove({ id: 'o1', name: 'Acme', domain: 'acme.ir' });
    expect(growing.size).toBe(1);
    expect(growing.match({ domain: 'acme.ir' })).toMatchObject({ kind: 'new' });
    growing.add({ id: 'o1', name: 'Acme Steel', domain: 'acmesteel.ir' });
    expect(growing.match({ domain: 'acme.ir' })).toMatchObject({ kind: 'new' });
    expect(growing.match({ name: 'ACME Steel Ltd' })).toMatchObject({ kind: 'exact', id: 'o1' });
    expect(growing.match({ name: 'zar' })).toMatchObject({ kind: 'exact', id: 'o2' });
    growing.remove({ id: 'o9', name: 'Zar' }); // never added: nothing changes
    expect(growing.match({ name: 'zar' })).toMatchObject({ kind: 'exact', id: 'o2' });
    expect(growing.size).toBe(2);
  });

  test('after any adds and removes, the index answers as one built afresh from what is left', () => {
    const op = fc.record({ remove: fc.boolean(), record: organisation });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), organisation, (ops, probe) => {
        const incremental = buildOrganisationIndex([]);
        const current = new Map<string, Organisation>();
        for (const { remove, record } of ops) {
          const before = current.get(record.id);
          if (before) incremental.remove(before);
          current.delete(record.id);
          if (!remove) {
            incremental.add(record);
            current.set(record.id, record);
          }
        }
        const fresh = buildOrganisationIndex(current.values());
        expect(incremental.size).toBe(fresh.size);
        expect(verdict(incremental.match({ ...probe, id: 'probe' }))).toEqual(verdict(fresh.match({ ...probe, id: 'probe' })));
      }),
      { numRuns: 500 },
    );
  });
});

describe('organisation matching is symmetric', () => {
  test('a matches b exactly when b matches a, by the same key or reasons', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(organisation, organisation, (a, b) => {
        const live = (o: Organisation) => ({ ...o, deleted: false });
        const aInB = buildOrganisationIndex([{ ...live(b), id: 'b' }]).match(live(a));
        const bInA = buildOrganisationIndex([{ ...live(a), id: 'a' }]).match(live(b));
        kinds.add(aInB.kind);
        expect(verdict(aInB)).toEqual(verdict(bInA));
      }),
      { numRuns: 1_000 },
    );
    expect([...kinds].sort()).toEqual(['candidates', 'exact', 'new']);
  });
});

describe('mergeOrganisations', () => {
  const options = { at: '2026-03-01T00:00:00.000Z' };
  const merge = (a: Organisation, b: Organisation) => mergeOrganisations(a, b, options);

  test('is commutative and associative on the result, and gives a valid organisation', () => {
    fc.assert(
      fc.property(organisation, organisation, organisation, (a, b, c) => {
        expect(merge(a, b)).toEqual(merge(b, a));
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
        expect(Organisation.schema.safeParse(merge(a, b)).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  test('keeps the older id and every value that lost, with its provenance', () => {
    const older = { ...base('o-old', '2025-01-01T00:00:00.000Z'), name: 'MAPNA', industry: 'Energy', provenance: { industry: { source: 'sheet', at: '2025-01-01T00:00:00.000Z' } } };
    const newer = { ...base('o-new', '2026-01-01T00:00:00.000Z'), name: 'MAPNA Group', industry: 'Power', tags: ['vip'], provenance: { industry: { source: 'linkedin', at: '2026-01-01T00:00:00.000Z' } } };
    const merged = merge(older as Organisation, newer as Organisation);
    expect(merged).toMatchObject({ id: 'o-old', industry: 'Power', tags: ['vip'] });
    expect(merged.history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'id', value: 'o-new' }),
        expect.objectContaining({ field: 'industry', value: 'Energy', source: 'sheet' }),
      ]),
    );
  });
});

function base(id: string, at: string) {
  return { id, revision: 1, createdAt: at, updatedAt: at, deleted: false, owner: '', stage: 'prospect', tags: [], provenance: {}, history: [] };
}

const verdict = (result: MatchResult) =>
  result.kind === 'exact' ? { kind: 'exact', key: result.key } : result.kind === 'candidates' ? { kind: 'candidates', reasons: result.reasons.map((r) => [r.rule, r.key]) } : { kind: 'new' };
