import type { LostReason } from './transitions';
import type { Stage } from '../model/vocabulary';
import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { countWholeDays, readTime } from './dates';
import { isLadderStage } from './stages';

/**
 * Inactivity [S1]: a contact with no interaction for `atRiskAfterDays` is at-risk, and for `inactiveAfterDays`
 * inactive, which suggests moving them to lost with reason 'no contact'. A suggestion, not a move: the rep
 * decides, and the win-back list starts from these.
 */

export type ActivityStatus = 'active' | 'at-risk' | 'inactive' | 'not-tracked' | 'unknown';

export interface ActivityInput {
  stage: Stage;
  /** The last interaction (Person.lastContactAt), ISO or Date. */
  lastContactAt?: string | Date;
  /** Used when there was never an interaction, typically the record's createdAt: the clock starts there. */
  since?: string | Date;
  now: string | Date;
}

export interface ActivityAssessment {
  status: ActivityStatus;
  /** Whole days since the last contact (0 if it is in the future); undefined when status is unknown or not tracked. */
  daysSinceContact?: number;
  /** Present when inactive: the move the rep is invited to make. */
  suggestion?: { stage: 'lost'; reason: LostReason };
}

/** Whether the contact is active, at-risk or inactive, from the days since their last interaction. */
export function assessActivity(
  input: ActivityInput,
  settings: Pick<Settings, 'atRiskAfterDays' | 'inactiveAfterDays'> = DEFAULT_SETTINGS,
): ActivityAssessment {
  // Suspects were never engaged, and side states have already left: silence means nothing for them.
  if (!isLadderStage(input.stage) || input.stage === 'suspect') return { status: 'not-tracked' };
  const now = readTime(input.now);
  const last = readTime(input.lastContactAt) ?? readTime(input.since);
  if (now === undefined || last === undefined) return { status: 'unknown' };
  // A contact dated in the future (clock skew, a typo) counts as today rather than as negative silence.
  const days = Math.max(0, countWholeDays(last, now));
  if (days >= settings.inactiveAfterDays) {
    return { status: 'inactive', daysSinceContact: days, suggestion: { stage: 'lost', reason: 'no contact' } };
  }
  return { status: days >= settings.atRiskAfterDays ? 'at-risk' : 'active', daysSinceContact: days };
}
