import { LADDER_STAGES, SIDE_STAGES, STAGES, type Stage } from '../model/vocabulary';

/**
 * The customer ladder [S1] as an order: each rung's rank is its index in LADDER_STAGES, so "higher" always means
 * further along suspect -> ... -> partner. Side states (disqualified, lost) have no rank: they are off the ladder.
 */

export type LadderStage = (typeof LADDER_STAGES)[number];
export type SideStage = (typeof SIDE_STAGES)[number];

/** Rungs only a person sets; purchase history never derives them (and never takes them away). */
export const HAND_SET_STAGES = ['client', 'advocate', 'partner'] as const satisfies readonly LadderStage[];

/** The coarse CRM framework [S1], in order. */
export const FRAMEWORK_PHASES = ['identify', 'acquire', 'retain', 'develop'] as const;
export type FrameworkPhase = (typeof FRAMEWORK_PHASES)[number];

// Identify finds and qualifies leads; acquire wins the first sale; retain keeps customers buying; develop grows
// the relationship (cross-sell, up-sell, referrals), which is what advocates and partners are.
const PHASE_OF: Record<LadderStage, FrameworkPhase> = {
  suspect: 'identify',
  prospect: 'identify',
  'first-time customer': 'acquire',
  'repeat customer': 'retain',
  client: 'retain',
  advocate: 'develop',
  partner: 'develop',
};

/** Whether a value is one of the stages (sheet cells and messages arrive as any string). */
export function isStage(value: unknown): value is Stage {
  return typeof value === 'string' && (STAGES as readonly string[]).includes(value);
}

/** Whether a value is a rung of the ladder rather than a side state. */
export function isLadderStage(value: unknown): value is LadderStage {
  return typeof value === 'string' && (LADDER_STAGES as readonly string[]).includes(value);
}

/** Whether a value is a side state: disqualified or lost. */
export function isSideStage(value: unknown): value is SideStage {
  return typeof value === 'string' && (SIDE_STAGES as readonly string[]).includes(value);
}

/** The rung's position on the ladder, 0 for suspect up to 6 for partner. */
export function rankStage(stage: LadderStage): number {
  return LADDER_STAGES.indexOf(stage);
}

/** The higher of two rungs. */
export function pickHigherStage(a: LadderStage, b: LadderStage): LadderStage {
  return rankStage(a) >= rankStage(b) ? a : b;
}

/** The framework phase of a stage; side states belong to none (they are left, or won back into a phase). */
export function findFrameworkPhase(stage: Stage): FrameworkPhase | undefined {
  return isLadderStage(stage) ? PHASE_OF[stage] : undefined;
}
