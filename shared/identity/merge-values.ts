import type { ProvenanceEntry } from '../model';
import { canonicalJson, compareInstants, compareNumbers, compareText, instantOf } from './canonical';

/** A field's value with where it came from. */
export interface Sourced {
  readonly value: unknown;
  readonly provenance?: ProvenanceEntry;
}

// On equal timestamps a rep's own edit beats a sheet edit, which beats a capture; any fixed order would keep
// merge commutative, this one also keeps what a human typed.
const SOURCE_RANK = new Map<string, number>([
  ['manual', 6],
  ['sheet', 5],
  ['linkedin', 4],
  ['gmail', 3],
  ['web', 2],
  ['import', 1],
]);

// Fields where a rule outranks recency: do-not-contact is sticky (privacy [S8]: an old "yes" is still a yes),
// and the latest contact is the latest whatever recorded it last.
const PREFERENCE = new Map<string, (value: unknown) => number>([
  ['doNotContact', (value) => (value === true ? 1 : 0)],
  ['lastContactAt', instantOf],
]);

/** Orders provenance by time, then source, then content: a total order, so "newest" is always one entry. */
export function compareProvenance(x: ProvenanceEntry | undefined, y: ProvenanceEntry | undefined): number {
  if (!x || !y) return compareNumbers(x ? 1 : 0, y ? 1 : 0);
  return (
    compareInstants(x.at, y.at) ||
    compareNumbers(SOURCE_RANK.get(x.source) ?? 0, SOURCE_RANK.get(y.source) ?? 0) ||
    compareText(canonicalJson(x), canonicalJson(y))
  );
}

/** Orders two sourced values of a field; the greater one wins the merge. A total order on (value, provenance). */
export function compareSourced(field: string, x: Sourced, y: Sourced): number {
  const prefer = PREFERENCE.get(field);
  return (
    (prefer ? compareNumbers(prefer(x.value), prefer(y.value)) : 0) ||
    compareProvenance(x.provenance, y.provenance) ||
    compareText(canonicalJson(x.value), canonicalJson(y.value))
  );
}

/** The newer of two provenance entries, if any. */
export const newestProvenance = (x?: ProvenanceEntry, y?: ProvenanceEntry): ProvenanceEntry | undefined =>
  compareProvenance(x, y) >= 0 ? x : y;

/**
 * One field of two records: the winning value with its provenance, and the loser when it differs in value or
 * provenance. Losing an equal value from another source is still recorded: it says where else it was seen,
 * and recording it whatever the merge order is what makes merge associative.
 */
export function pickValue(field: string, a: Sourced, b: Sourced): { winner: Sourced; loser?: Sourced } {
  if (a.value === undefined && b.value === undefined) return { winner: { value: undefined, provenance: newestProvenance(a.provenance, b.provenance) } };
  if (b.value === undefined) return { winner: a };
  if (a.value === undefined) return { winner: b };
  const order = compareSourced(field, a, b);
  if (order === 0) return { winner: a };
  return order > 0 ? { winner: a, loser: b } : { winner: b, loser: a };
}
