import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildPersonIndex,
  cleanEmail,
  mergePeople,
  NOTES_OVERFLOW,
  NOTES_SEPARATOR,
  normaliseCompanyName,
  normaliseEmail,
  normaliseLinkedInUrl,
  normaliseName,
  normalisePhone,
  PersonIndex,
  redirectsOf,
  repointInteractions,
  type MatchResult,
  type Normalised,
} from '../../../shared/identity';
import { Person } from '../../../shared/model';
import { anyText, companyText, emailText, linkedinText, nameText, person, phoneText } from './arbitraries';
import { makeInteraction } from './fixtures';

const AT = '2026-03-01T00:00:00.000Z';

describe('normalisation is idempotent', () => {
  test.each<[string, (raw: unknown) => Normalised<string>, fc.Arbitrary<string>]>([
    ['cleanEmail', cleanEmail, emailText],
    ['normaliseEmail', normaliseEmail, emailText],
    ['normalisePhone', (raw) => normalisePhone(raw, 'IR'), phoneText],
    ['normaliseName', normaliseName, nameText],
    ['normaliseCompanyName', normaliseCompanyName, companyText],
    ['normaliseLinkedInUrl', normaliseLinkedInUrl, linkedinText],
  ])('%s', (_, normalise, spellings) => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(spellings, anyText), (raw) => {
        const once = normalise(raw);
        if (!once.ok) return;
        accepted++;
        expect(normalise(once.value)).toEqual(once);
      }),
      { numRuns: 500 },
    );
    expect(accepted).toBeGreaterThan(100); // the property was about real values, not only refusals
  });

  test('normaliseEmail sees through cleanEmail', () => {
    fc.assert(
      fc.property(fc.oneof(emailText, anyText), (raw) => {
        const clean = cleanEmail(raw);
        if (clean.ok) expect(normaliseEmail(clean.value)).toEqual(normaliseEmail(raw));
      }),
    );
  });
});

describe('matching is symmetric', () => {
  const record = fc.record({
    fullName: nameText,
    company: fc.option(companyText, { nil: undefined }),
    emails: fc.array(emailText, { maxLength: 2 }),
    phones: fc.array(phoneText, { maxLength: 1 }),
    linkedinUrl: fc.option(linkedinText, { nil: undefined }),
    website: fc.option(fc.constantFrom('https://www.acme.ir', 'mapna.co.ir', 'https://gmail.com'), { nil: undefined }),
    organisationId: fc.option(fc.constantFrom('o-1', 'o-2'), { nil: undefined }),
  });
  const verdict = (result: MatchResult) =>
    result.kind === 'exact' ? { kind: 'exact', key: result.key } : result.kind === 'candidates' ? { kind: 'candidates', reasons: result.reasons.map((r) => [r.rule, r.key]) } : { kind: 'new' };

  test('a matches b exactly when b matches a, by the same key or reasons', () => {
    const kinds = new Set<string>();
    fc.assert(
      fc.property(record, record, (a, b) => {
        const aInB = buildPersonIndex([{ ...b, id: 'b' }], { defaultCountry: 'IR' }).match(a);
        const bInA = buildPersonIndex([{ ...a, id: 'a' }], { defaultCountry: 'IR' }).match(b);
        kinds.add(aInB.kind);
        expect(verdict(aInB)).toEqual(verdict(bInA));
      }),
      { numRuns: 1_000 },
    );
    expect([...kinds].sort()).toEqual(['candidates', 'exact', 'new']);
  });

  test('keys derived once and handed to add and match give the answers the index derives itself', () => {
    fc.assert(
      fc.property(fc.array(record, { maxLength: 6 }), record, (stored, incoming) => {
        const ids = stored.map((r, i) => ({ ...r, id: `s${i}` }));
        const derived = new PersonIndex({ defaultCountry: 'IR' });
        const handed = new PersonIndex({ defaultCountry: 'IR' });
        for (const r of ids) expect(handed.add(r, handed.keysOf(r))).toEqual(derived.add(r));
        expect(handed.match(incoming, handed.keysOf(incoming))).toEqual(derived.match(incoming));
        for (const r of ids) expect(handed.match(r, handed.keysOf(r))).toEqual(derived.match(r));
      }),
      { numRuns: 300 },
    );
  });
});

// For one merge time `at`, results are deep-equal: history is kept as a set in canonical order. The tight
// limits make notes and lists overflow into history and come back, the path most likely to depend on order.
describe.each([
  ['model limits', { at: AT, defaultCountry: 'IR' as const }],
  ['tight limits', { at: AT, defaultCountry: 'IR' as const, notesLimit: 30, listLimit: 2 }],
])('merge is commutative and associative on the result (%s)', (_, options) => {
  const merge = (a: Person, b: Person) => mergePeople(a, b, options);

  test('merge(a, b) equals merge(b, a)', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        expect(merge(a, b)).toEqual(merge(b, a));
      }),
      { numRuns: 1_000 },
    );
  });

  test('merge(merge(a, b), c) equals merge(a, merge(b, c))', () => {
    fc.assert(
      fc.property(person, person, person, (a, b, c) => {
        expect(merge(merge(a, b), c)).toEqual(merge(a, merge(b, c)));
      }),
      { numRuns: 1_000 },
    );
  });

  test('the result is a valid person and every input value is in it or in its history', () => {
    fc.assert(
      fc.property(person, person, (a, b) => {
        const merged = Person.schema.parse(merge(a, b));
        const notes = merged.notes?.split(NOTES_SEPARATOR) ?? [];
        const inHistory = (field: string, value: unknown) => merged.history.some((entry) => entry.field === field && entry.value === value);
        const kept = (field: string, value: unknown) => {
          const current = (merged as Record<string, unknown>)[field];
          return (Array.isArray(current) ? current.includes(value) : current === value) || inHistory(field, value);
        };
        for (const input of [a, b]) {
          for (const field of ['fullName', 'title', 'company', 'location', 'owner', 'stage', 'doNotContact', 'lastContactAt']) {
            const value = (input as Record<string, unknown>)[field];
            if (value !== undefined) expect(kept(field, value), `${field}: ${String(value)}`).toBe(true);
          }
          for (const field of ['emails', 'phones', 'tags'] as const) for (const item of input[field]) expect(kept(field, item), item).toBe(true);
          for (const block of input.notes?.split(NOTES_SEPARATOR) ?? []) expect(notes.includes(block) || inHistory(NOTES_OVERFLOW, block), block).toBe(true);
          expect(input.id === merged.id || inHistory('id', input.id)).toBe(true);
          for (const entry of input.history) {
            const returned = entry.field === NOTES_OVERFLOW ? notes.includes(String(entry.value)) || inHistory(NOTES_OVERFLOW, entry.value) : entry.field === 'id' && entry.value === merged.id;
            expect(returned || merged.history.some((e) => JSON.stringify(e) === JSON.stringify(entry)), JSON.stringify(entry)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('merging loses no interaction', () => {
  test('after merging a cluster in any order, every interaction exists and points at the survivor', () => {
    const cluster = fc.uniqueArray(person, { minLength: 2, maxLength: 4, selector: (p) => p.id });
    const links = fc.array(fc.subarray(['p1', 'p2', 'p3', 'p4', 'outsider'], { minLength: 1 }), { maxLength: 12 });
    fc.assert(
      // The cluster comes in a generated order, so the merge order varies too.
      fc.property(cluster, links, (people, personIdLists) => {
        const survivor = people.reduce((merged, next) => mergePeople(merged, next, { at: AT }));
        const clusterIds = new Set(people.map((p) => p.id));
        const interactions = personIdLists.map((ids, i) => makeInteraction(`i${i}`, ids));
        const repointed = repointInteractions(interactions, redirectsOf([survivor, ...people.map((p) => ({ ...p, deleted: true }))]));
        expect(repointed.map((i) => i.id)).toEqual(interactions.map((i) => i.id));
        repointed.forEach((interaction, i) => {
          const before = interactions[i]!.personIds;
          const expected = new Set(before.map((id) => (clusterIds.has(id) ? survivor.id : id)));
          expect(new Set(interaction.personIds)).toEqual(expected);
          expect(interaction.personIds.length).toBe(expected.size);
        });
      }),
      { numRuns: 500 },
    );
  });
});
