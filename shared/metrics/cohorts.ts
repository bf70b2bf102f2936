import { monthIndexOf, monthLabel } from './periods';
import type { Purchase } from './retention';

/**
 * First-purchase cohorts [S5]: customers grouped by the month of their first purchase; the cell for cohort c
 * and month k is the share of the cohort who bought in month c + k (month 0 is 100% by definition). Only
 * complete months are shown: the month `now` falls in is still filling. The retention curve averages the
 * cohorts at each month, weighted by cohort size, over the cohorts old enough to have that month.
 */

export interface Cohort {
  /** `YYYY-MM` of the first purchase. */
  label: string;
  size: number;
  /** Customers of the cohort who bought in month k after their first (k = 0 ..); undefined once in the future. */
  active: Array<number | undefined>;
  rates: Array<number | undefined>;
}

export interface CohortGrid {
  cohorts: Cohort[];
  /** Size-weighted retention at each month offset; undefined where no cohort is old enough. */
  curve: Array<number | undefined>;
}

/** The latest `count` complete months that have new customers, oldest first, each followed for `offsets` months. */
export function computeCohorts(purchases: readonly Purchase[], now: number, count = 12, offsets = 12): CohortGrid {
  const current = monthIndexOf(now);
  const first = new Map<string, number>();
  const months = new Map<string, Set<number>>();
  for (const p of purchases) {
    const month = monthIndexOf(p.at);
    if (month >= current) continue;
    if (!first.has(p.personId) || month < first.get(p.personId)!) first.set(p.personId, month);
    let set = months.get(p.personId);
    if (!set) months.set(p.personId, (set = new Set()));
    set.add(month);
  }
  const members = new Map<number, string[]>();
  for (const [id, month] of first) {
    const ids = members.get(month);
    if (ids) ids.push(id);
    else members.set(month, [id]);
  }
  const chosen = [...members.keys()].sort((a, b) => a - b).slice(-count);
  const cohorts = chosen.map((month): Cohort => {
    const ids = members.get(month)!;
    const active = Array.from({ length: offsets }, (_, k) =>
      month + k >= current ? undefined : ids.filter((id) => months.get(id)!.has(month + k)).length,
    );
    return { label: monthLabel(month), size: ids.length, active, rates: active.map((a) => (a === undefined ? undefined : a / ids.length)) };
  });
  const curve = Array.from({ length: offsets }, (_, k) => {
    let size = 0;
    let active = 0;
    for (const cohort of cohorts) {
      if (cohort.active[k] === undefined) continue;
      size += cohort.size;
      active += cohort.active[k]!;
    }
    return size === 0 ? undefined : active / size;
  });
  return { cohorts, curve };
}
