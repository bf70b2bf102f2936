import { LADDER_STAGES } from '../model/vocabulary';
import { QUADRANTS } from '../value/quadrant';

/**
 * The segments every team starts with [S7], written in the same rule language a manager edits, so a built-in
 * segment reads like any other and can be copied and changed. Thresholds live in Settings (the at-risk days,
 * the importance and satisfaction cut-offs), which the facts already apply: the rules need no numbers.
 */

export interface BuiltInSegment {
  /** Stable id of the Segments row, so Set up and recompute find it again after people rename it. */
  id: string;
  name: string;
  rule: string;
  playbook: string;
}

const STAGE_NAMES: Record<(typeof LADDER_STAGES)[number], [string, string]> = {
  suspect: ['Suspects', 'Qualify: find the need and the decision maker, or disqualify.'],
  prospect: ['Prospects', 'Move to a first order: demo, proposal, follow up within a week.'],
  'first-time customer': ['First-time customers', 'Post-sale check call; make the second purchase easy.'],
  'repeat customer': ['Repeat customers', 'Periodic touch; offer the next product that fits.'],
  client: ['Clients', 'Account plan and regular reviews; cross-sell and up-sell.'],
  advocate: ['Advocates', 'Ask for referrals and case studies; thank them.'],
  partner: ['Partners', 'Joint planning; continuous contact at several levels.'],
};

const QUADRANT_PLAYBOOKS: Record<(typeof QUADRANTS)[number], string> = {
  bargain: 'Low price, low cost: serve efficiently, keep it simple.',
  aggressive: 'Low price, high cost: cut cost to serve or raise prices.',
  passive: 'High price, low cost: protect the relationship; they are the most profitable.',
  demanding: 'High price, high cost: deliver the service they pay for; watch the margin.',
};

const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** The built-in segments, in the order they are listed in the Segments sheet. */
export const BUILT_IN_SEGMENTS: readonly BuiltInSegment[] = [
  ...LADDER_STAGES.map((stage) => ({ name: STAGE_NAMES[stage][0], rule: `stage = ${stage}`, playbook: STAGE_NAMES[stage][1] })),
  { name: 'Important but dissatisfied', rule: 'important but dissatisfied', playbook: 'First in line: call this week, fix the complaint, then check again.' },
  { name: 'At risk', rule: 'activity in (at-risk, inactive)', playbook: 'No contact for the at-risk period: call now; if inactive, decide win-back or lost.' },
  { name: 'Win-back', rule: 'stage = lost', playbook: 'Winning back is cheaper than finding new: learn why they left, make an offer.' },
  { name: 'Top 20% by value', rule: 'value tier = top 20%', playbook: 'Proactive or partnership level; never let them wait.' },
  { name: 'Never contacted', rule: 'never contacted', playbook: 'First touch within a week, or disqualify.' },
  ...QUADRANTS.map((quadrant) => ({ name: `${quadrant[0]!.toUpperCase()}${quadrant.slice(1)} customers`, rule: `quadrant = ${quadrant}`, playbook: QUADRANT_PLAYBOOKS[quadrant] })),
  { name: 'Churn risk', rule: 'churn risk >= 50% AND purchases >= 1', playbook: 'The purchase model thinks they may have gone: reach out before they are lost.' },
].map((segment) => ({ id: `builtin-${slug(segment.name)}`, ...segment }));
