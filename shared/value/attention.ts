import { DEFAULT_SETTINGS, type Settings } from '../settings';
import { isFiniteNumber } from './result';

/**
 * Importance x satisfaction [S4]: the customers who matter most and are least happy are served first.
 * Both scores are on Person's 0..10 scale. A customer is important-but-dissatisfied when
 * importance >= importanceAtLeast and satisfaction < satisfactionBelow (settings: 7 and 5 by default).
 * The list is ordered by gap (importance - satisfaction) descending, then importance descending, then input order.
 */

export interface AttentionRow {
  id: string;
  importance?: number;
  satisfaction?: number;
}

export interface AttentionEntry {
  id: string;
  importance: number;
  satisfaction: number;
  gap: number;
}

/** The important-but-dissatisfied customers, most urgent first; rows without both scores in 0..10 are left out. */
export function listImportantButDissatisfied(
  rows: readonly AttentionRow[],
  thresholds: Settings['attention'] = DEFAULT_SETTINGS.attention,
): AttentionEntry[] {
  if (!Array.isArray(rows)) return [];
  const inScale = (score: unknown): score is number => isFiniteNumber(score) && score >= 0 && score <= 10;
  return rows
    .flatMap((row, index) =>
      row && inScale(row.importance) && inScale(row.satisfaction) && row.importance >= thresholds.importanceAtLeast && row.satisfaction < thresholds.satisfactionBelow
        ? [{ entry: { id: row.id, importance: row.importance, satisfaction: row.satisfaction, gap: row.importance - row.satisfaction }, index }]
        : [],
    )
    .sort((a, b) => b.entry.gap - a.entry.gap || b.entry.importance - a.entry.importance || a.index - b.index)
    .map(({ entry }) => entry);
}
