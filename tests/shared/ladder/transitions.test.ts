import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { deriveStage, listAllowedStages, transitionStage, type TransitionContext, type TransitionErrorCode } from '../../../shared/ladder';
import { DISQUALIFY_REASONS, LOST_REASONS, STAGES, type Stage } from '../../../shared/model/vocabulary';

describe('transitionStage: allowed moves', () => {
  test.each<[Stage, Stage, TransitionContext, Stage, string | undefined]>([
    ['suspect', 'prospect', { purchases: 0 }, 'prospect', undefined],
    ['prospect', 'suspect', { purchases: 0 }, 'suspect', undefined],
    ['prospect', 'first-time customer', { purchases: 1 }, 'first-time customer', undefined],
    ['suspect', 'first-time customer', { purchases: 1 }, 'first-time customer', undefined],
    ['first-time customer', 'repeat customer', { purchases: 2 }, 'repeat customer', undefined],
    ['repeat customer', 'client', { purchases: 4 }, 'client', undefined],
    // Hand-set rungs are a person's judgement: an imported client may have no orders on record.
    ['prospect', 'partner', { purchases: 0 }, 'partner', undefined],
    ['client', 'repeat customer', { purchases: 3 }, 'repeat customer', undefined],
    ['prospect', 'disqualified', { purchases: 0, reason: 'no fit' }, 'disqualified', 'no fit'],
    ['client', 'disqualified', { purchases: 5, reason: ' Unprofitable ' }, 'disqualified', 'unprofitable'],
    ['repeat customer', 'lost', { purchases: 2, reason: 'competitor', note: 'moved to Acme' }, 'lost', 'competitor: moved to Acme'],
    ['prospect', 'lost', { purchases: 0, reason: 'other', note: 'company closed' }, 'lost', 'other: company closed'],
    ['lost', 'lost', { purchases: 2, reason: 'price' }, 'lost', 'price'],
    // Winning back and requalifying: back on the ladder, and the old reason is cleared.
    ['lost', 'repeat customer', { purchases: 3, reason: 'price' }, 'repeat customer', undefined],
    ['disqualified', 'prospect', { purchases: 0 }, 'prospect', undefined],
  ])('%s -> %s with %j', (from, to, context, stage, stageReason) => {
    expect(transitionStage(from, to, context)).toEqual(stageReason === undefined ? { ok: true, stage } : { ok: true, stage, stageReason });
  });
});

describe('transitionStage: refusals name what is missing', () => {
  test.each<[Stage, Stage, TransitionContext, TransitionErrorCode, RegExp]>([
    ['prospect', 'disqualified', { purchases: 0 }, 'missing-reason', /needs a reason: low credit, unprofitable, no fit, other/],
    ['prospect', 'disqualified', { purchases: 0, reason: '  ' }, 'missing-reason', /needs a reason/],
    ['prospect', 'disqualified', { purchases: 0, reason: 'price' }, 'invalid-reason', /"price" is not a reason for disqualified/],
    ['client', 'lost', { purchases: 3 }, 'missing-reason', /price, product, service, competitor, no need, no contact, other/],
    ['client', 'lost', { purchases: 3, reason: 'no fit' }, 'invalid-reason', /not a reason for lost/],
    ['client', 'lost', { purchases: 3, reason: 'other' }, 'missing-note', /needs a note/],
    ['client', 'lost', { purchases: 3, reason: 'other', note: 'x'.repeat(451) }, 'note-too-long', /451 characters/],
    ['suspect', 'lost', { purchases: 0, reason: 'price' }, 'not-allowed', /suspect cannot be lost/],
    ['disqualified', 'lost', { purchases: 0, reason: 'price' }, 'not-allowed', /disqualified cannot be lost/],
    ['prospect', 'first-time customer', { purchases: 0 }, 'purchases-disagree', /needs exactly 1 purchase, and this contact has 0/],
    ['prospect', 'repeat customer', { purchases: 1 }, 'purchases-disagree', /2 or more purchases.*says first-time customer/],
    ['first-time customer', 'first-time customer', { purchases: 3 }, 'purchases-disagree', /says repeat customer/],
    ['repeat customer', 'prospect', { purchases: 2 }, 'purchases-disagree', /prospect needs no purchases/],
    ['prospect', 'first-time customer', { purchases: NaN }, 'invalid-purchases', /whole number/],
    ['prospect', 'client', { purchases: -1 }, 'invalid-purchases', /whole number/],
    ['prospect', 'Client' as Stage, { purchases: 1 }, 'unknown-stage', /"Client" is not a stage/],
    ['lost/inactive' as Stage, 'prospect', { purchases: 0 }, 'unknown-stage', /"lost\/inactive" is not a stage/],
  ])('%s -> %s with %j: %s', (from, to, context, code, message) => {
    const result = transitionStage(from, to, context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(message);
  });

  test('reason errors carry the reasons the target accepts', () => {
    const result = transitionStage('prospect', 'disqualified', { purchases: 0 });
    expect(!result.ok && result.error.allowedReasons).toEqual(DISQUALIFY_REASONS);
  });

  test('hostile context values are refused, not thrown', () => {
    const hostile = { purchases: '2', reason: 42, note: {} } as unknown as TransitionContext;
    expect(() => transitionStage('prospect', 'lost', hostile)).not.toThrow();
    expect(transitionStage('prospect', 'lost', hostile).ok).toBe(false);
    expect(transitionStage('prospect', 'repeat customer', hostile).ok).toBe(false);
  });
});

describe('listAllowedStages', () => {
  test.each<[Stage, number, Stage[]]>([
    ['suspect', 0, ['prospect', 'client', 'advocate', 'partner', 'disqualified']],
    ['prospect', 1, ['first-time customer', 'client', 'advocate', 'partner', 'disqualified', 'lost']],
    ['client', 2, ['repeat customer', 'advocate', 'partner', 'disqualified', 'lost']],
    ['lost', 2, ['repeat customer', 'client', 'advocate', 'partner', 'disqualified']],
    ['disqualified', 0, ['suspect', 'prospect', 'client', 'advocate', 'partner']],
  ])('from %s with %i purchases: %j', (from, purchases, expected) => {
    expect(listAllowedStages(from, purchases)).toEqual(expected);
  });
});

describe('transitions and derivation agree', () => {
  const reasonFor = (to: Stage) => (to === 'disqualified' ? DISQUALIFY_REASONS[0] : LOST_REASONS[0]);

  test('a stage set by a transition is one derivation leaves alone', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), fc.constantFrom(...STAGES), fc.nat({ max: 20 }), (from, to, purchases) => {
        const result = transitionStage(from, to, { purchases, reason: reasonFor(to) });
        return !result.ok || deriveStage(result.stage, purchases) === result.stage;
      }),
    );
  });

  test('the picker offers exactly the moves a transition with a reason accepts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...STAGES), fc.nat({ max: 5 }), (from, purchases) => {
        const accepted = STAGES.filter((to) => to !== from && transitionStage(from, to, { purchases, reason: reasonFor(to) }).ok);
        expect(listAllowedStages(from, purchases)).toEqual(accepted);
      }),
    );
  });
});
