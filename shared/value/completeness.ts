import { isFiniteNumber } from './result';

/**
 * Profile completeness [S8]: how much of what a rep needs to work a contact is filled in.
 *
 *   score = (sum of weights of filled fields) / (sum of all weights),  in [0, 1]
 *
 * A field is filled when it holds a non-blank string, a non-empty list (with at least one non-blank item), a
 * finite number or a boolean. Ways to reach the person weigh most, then what tells us who they are.
 */

/** Default weights by Person field; teams may pass their own. */
export const COMPLETENESS_WEIGHTS: Readonly<Record<string, number>> = Object.freeze({
  fullName: 1,
  emails: 3,
  phones: 2,
  company: 2,
  title: 2,
  linkedinUrl: 2,
  location: 1,
  acquisitionSource: 1,
});

export interface Completeness {
  score: number;
  /** Fields with a positive weight that are not filled, heaviest first: what to ask for next. */
  missing: string[];
}

/** The weighted share of filled profile fields, 0..1; bad weights (negative, NaN) count as 0, and no weight at all gives 0. */
export function scoreCompleteness(profile: Readonly<Record<string, unknown>> | null | undefined, weights: Readonly<Record<string, number>> = COMPLETENESS_WEIGHTS): Completeness {
  const entries = Object.entries(weights ?? {}).filter(([, weight]) => isFiniteNumber(weight) && weight > 0);
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  if (!(total > 0) || !Number.isFinite(total)) return { score: 0, missing: [] };
  const record = typeof profile === 'object' && profile !== null ? profile : {};
  let filled = 0;
  const missing: [string, number][] = [];
  for (const [field, weight] of entries) {
    if (isFilled(record[field])) filled += weight;
    else missing.push([field, weight]);
  }
  return { score: Math.min(1, filled / total), missing: missing.sort((a, b) => b[1] - a[1]).map(([field]) => field) };
}

function isFilled(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.some(isFilled);
  return isFiniteNumber(value) || typeof value === 'boolean';
}
