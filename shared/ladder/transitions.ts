import { DISQUALIFY_REASONS, LOST_REASONS, STAGES, type Stage } from '../model/vocabulary';
import { findPurchaseStage, readPurchaseCount } from './derive';
import { isLadderStage, isStage } from './stages';

export type DisqualifyReason = (typeof DISQUALIFY_REASONS)[number];
export type LostReason = (typeof LOST_REASONS)[number];

/** What a stage change needs besides the two stages. */
export interface TransitionContext {
  /** Won orders so far (countPurchases): first-time and repeat must agree with them. */
  purchases: number;
  /** Required for disqualified (DISQUALIFY_REASONS) and lost (LOST_REASONS). */
  reason?: string;
  /** Free text kept with the reason [S5]; required when the reason is 'other'. */
  note?: string;
}

export type TransitionErrorCode =
  | 'unknown-stage'
  | 'not-allowed'
  | 'invalid-purchases'
  | 'purchases-disagree'
  | 'missing-reason'
  | 'invalid-reason'
  | 'missing-note'
  | 'note-too-long';

export interface TransitionError {
  code: TransitionErrorCode;
  message: string;
  /** For reason errors: the reasons the target stage accepts. */
  allowedReasons?: readonly string[];
}

/** `stageReason` is what goes in the person's Stage reason column: the reason, then the note if any. */
export type TransitionResult = { ok: true; stage: Stage; stageReason?: string } | { ok: false; error: TransitionError };

// Person.stageReason holds at most 500 characters; the longest reason plus ': ' fits well within the margin.
const MAX_NOTE = 450;

/** Whether a move is allowed at all, before reasons: undefined if it is, else the error saying why not. */
export function checkTransition(from: Stage, to: Stage, purchases: number): TransitionError | undefined {
  if (!isStage(from) || !isStage(to)) {
    return { code: 'unknown-stage', message: `"${String(isStage(from) ? to : from)}" is not a stage; expected one of: ${STAGES.join(', ')}` };
  }
  // Disqualifying is always possible: a customer can turn out unprofitable or a bad credit risk.
  if (to === 'disqualified') return undefined;
  if (to === 'lost') {
    // A suspect was never engaged and a disqualified contact was never wanted: neither can be lost.
    return from === 'suspect' || from === 'disqualified'
      ? { code: 'not-allowed', message: `a ${from} cannot be lost; disqualify or leave them instead` }
      : undefined;
  }
  const count = readPurchaseCount(purchases);
  if (count === undefined) {
    return { code: 'invalid-purchases', message: `purchases must be a whole number of won orders >= 0 (got ${String(purchases)})` };
  }
  return checkPurchasesAgree(to, count);
}

// First-time and repeat are facts about purchase history; suspect and prospect mean "has not bought yet".
// Client, advocate and partner are a person's judgement and need no count (an imported client may have no orders).
function checkPurchasesAgree(to: Stage, count: number): TransitionError | undefined {
  const proven = findPurchaseStage(count);
  const agrees =
    to === 'suspect' || to === 'prospect'
      ? count === 0
      : to === 'first-time customer' || to === 'repeat customer'
        ? proven === to
        : true;
  if (agrees) return undefined;
  const needs = { suspect: 'no purchases', prospect: 'no purchases', 'first-time customer': 'exactly 1 purchase', 'repeat customer': '2 or more purchases' };
  return {
    code: 'purchases-disagree',
    message: `${to} needs ${needs[to as keyof typeof needs]}, and this contact has ${count}${proven ? ` (purchase history says ${proven})` : ''}`,
  };
}

/** Moves a contact to a stage, or says what is missing: a reason, a note, agreeing purchases, or an allowed move. */
export function transitionStage(from: Stage, to: Stage, context: TransitionContext): TransitionResult {
  const notAllowed = checkTransition(from, to, context.purchases);
  if (notAllowed) return { ok: false, error: notAllowed };
  if (isLadderStage(to)) return { ok: true, stage: to }; // back on the ladder: any old loss reason no longer applies
  const allowedReasons: readonly string[] = to === 'disqualified' ? DISQUALIFY_REASONS : LOST_REASONS;
  const reason = typeof context.reason === 'string' ? context.reason.trim().toLowerCase() : '';
  if (reason === '') {
    return { ok: false, error: { code: 'missing-reason', message: `moving to ${to} needs a reason: ${allowedReasons.join(', ')}`, allowedReasons } };
  }
  if (!allowedReasons.includes(reason)) {
    return { ok: false, error: { code: 'invalid-reason', message: `"${reason}" is not a reason for ${to}; use one of: ${allowedReasons.join(', ')}`, allowedReasons } };
  }
  const note = typeof context.note === 'string' ? context.note.trim() : '';
  if (reason === 'other' && note === '') {
    return { ok: false, error: { code: 'missing-note', message: `reason "other" needs a note saying what happened` } };
  }
  if (note.length > MAX_NOTE) {
    return { ok: false, error: { code: 'note-too-long', message: `the note has ${note.length} characters; at most ${MAX_NOTE} fit the Stage reason column` } };
  }
  return { ok: true, stage: to, stageReason: note === '' ? reason : `${reason}: ${note}` };
}

/** The stages a contact may move to from here (for pickers); side states still need a reason when chosen. */
export function listAllowedStages(from: Stage, purchases: number): Stage[] {
  return STAGES.filter((to) => to !== from && checkTransition(from, to, purchases) === undefined);
}
