import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { COMPLETENESS_WEIGHTS, scoreCompleteness } from '../../../shared/value';

// Default weights: fullName 1, emails 3, phones 2, company 2, title 2, linkedinUrl 2, location 1, acquisitionSource 1 (total 14).
const full = {
  fullName: 'Ada Lovelace',
  emails: ['ada@example.com'],
  phones: ['+44 20 0000 0000'],
  company: 'Analytical Engines',
  title: 'Analyst',
  linkedinUrl: 'https://www.linkedin.com/in/ada',
  location: 'London',
  acquisitionSource: 'referral',
};

describe('scoreCompleteness = filled weight / total weight', () => {
  test.each<[string, Record<string, unknown>, number]>([
    ['a full profile', full, 1],
    ['an empty profile', {}, 0],
    ['name and email: (1 + 3) / 14', { fullName: 'Ada', emails: ['ada@example.com'] }, 4 / 14],
    ['blank text and lists of blanks are not filled: 1 / 14', { fullName: 'Ada', company: '   ', emails: [''], phones: [] }, 1 / 14],
    ['fields outside the weights do not count', { fullName: 'Ada', notes: 'lots of notes' }, 1 / 14],
  ])('%s', (_name, profile, score) => {
    expect(scoreCompleteness(profile).score).toBeCloseTo(score, 12);
  });

  test('missing fields come heaviest first, ties in weight order', () => {
    expect(scoreCompleteness({ fullName: 'Ada', title: 'Analyst' }).missing).toEqual(['emails', 'phones', 'company', 'linkedinUrl', 'location', 'acquisitionSource']);
  });

  test('teams can pass their own weights; numbers and booleans count as filled', () => {
    expect(scoreCompleteness({ emails: ['a@b.c'], importance: 0, doNotContact: false }, { emails: 1, phones: 1, importance: 1, doNotContact: 1 })).toEqual({
      score: 0.75,
      missing: ['phones'],
    });
  });

  test.each<[string, unknown, unknown]>([
    ['a null profile', null, COMPLETENESS_WEIGHTS],
    ['a text profile', 'Ada', COMPLETENESS_WEIGHTS],
    ['only bad weights', full, { emails: -1, phones: NaN, company: Infinity }],
    ['no weights', full, {}],
  ])('%s gives 0 without throwing', (_name, profile, weights) => {
    expect(scoreCompleteness(profile as Record<string, unknown>, weights as Record<string, number>).score).toBe(0);
  });

  test('the score stays in [0, 1] and filling a field never lowers it', () => {
    const fields = Object.keys(COMPLETENESS_WEIGHTS);
    fc.assert(
      fc.property(fc.subarray(fields), fc.constantFrom(...fields), (filled, extra) => {
        const profile = Object.fromEntries(filled.map((f) => [f, full[f as keyof typeof full]]));
        const before = scoreCompleteness(profile).score;
        const after = scoreCompleteness({ ...profile, [extra]: full[extra as keyof typeof full] }).score;
        return before >= 0 && after <= 1 && after >= before;
      }),
    );
  });
});
