import type { SegmentResult } from '../shared/segments';
import type { ManifestEntry } from './dashboard-grid';

/** What a recompute did, for the menu, the Log, scripts and tests (pure types: tests import them in Node). */
export interface RecomputeResult {
  at: string;
  customers: number;
  segments: SegmentResult[];
  predictions: string;
  /** Sheet name -> its traced cells, for audits and tests. */
  dashboards: Record<string, ManifestEntry[]>;
}
