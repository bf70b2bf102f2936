import { isPurchase, purchaseTime, type DealRow, type InteractionRow } from './rows';

/**
 * The interactions indexed once per data set for the KPIs the dashboard asks of every period and every rep
 * (37 periods x 11 views): live rows sorted by time, per rep as well, so a period is a range found by bisection
 * and a rep's view never scans the others' rows. 500,000 interactions are indexed once, not 400 times.
 */

/** Interaction types that are not a rep contacting someone: left out of activity and effort. */
export const NOT_CONTACT_TYPES = ['website visit', 'purchase', 'payment'] as const;

type Range = { start: number; end: number };
const isContact = (type: string) => !(NOT_CONTACT_TYPES as readonly string[]).includes(type.toLowerCase());

/** Rows sorted by time, for everyone and for each rep (owner, lower case). */
export interface ByRep<T> {
  all: T[];
  byRep: Map<string, T[]>;
}

export interface InteractionIndex {
  inboundEmails: ByRep<InteractionRow>;
  contacts: ByRep<InteractionRow>;
  /** Outbound times per person, sorted. */
  outbound: Map<string, number[]>;
}

const indexes = new WeakMap<readonly InteractionRow[], InteractionIndex>();

/** The index of a data set's interactions, built on first use. */
export function indexInteractions(interactions: readonly InteractionRow[]): InteractionIndex {
  let index = indexes.get(interactions);
  if (index) return index;
  const live = interactions.filter((i) => !i.deleted).sort((a, b) => a.at - b.at);
  const outbound = new Map<string, number[]>();
  for (const i of live) {
    if (i.direction !== 'outbound') continue;
    for (const id of i.personIds) (outbound.get(id) ?? outbound.set(id, []).get(id)!).push(i.at);
  }
  index = {
    inboundEmails: groupByRep(live.filter((i) => i.type === 'email' && i.direction === 'inbound')),
    contacts: groupByRep(live.filter((i) => isContact(i.type))),
    outbound,
  };
  indexes.set(interactions, index);
  return index;
}

function groupByRep(sorted: InteractionRow[]): ByRep<InteractionRow> {
  const byRep = new Map<string, InteractionRow[]>();
  for (const row of sorted) {
    const rep = row.owner.toLowerCase();
    (byRep.get(rep) ?? byRep.set(rep, []).get(rep)!).push(row);
  }
  return { all: sorted, byRep };
}

/** The rows of one rep (or everyone) in a time range: the list and the [from, to) indexes of the range. */
export function rowsIn<T extends { at: number }>(rows: ByRep<T>, range: Range, rep?: string): { list: readonly T[]; from: number; to: number } {
  const list = rep === undefined ? rows.all : rows.byRep.get(rep.toLowerCase()) ?? [];
  return { list, from: firstAtOrAfter(list, range.start, (x) => x.at), to: firstAtOrAfter(list, range.end, (x) => x.at) };
}

/** The index of the first item whose time is >= t in a time-sorted list. */
export function firstAtOrAfter<T>(sorted: readonly T[], t: number, timeOf: (item: T) => number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timeOf(sorted[mid]!) < t) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The items of a time-sorted list in [start, end), without copying the rest. */
export function sliceByTime<T>(sorted: readonly T[], range: Range, timeOf: (item: T) => number): T[] {
  return sorted.slice(firstAtOrAfter(sorted, range.start, timeOf), firstAtOrAfter(sorted, range.end, timeOf));
}

const firstPurchaseCache = new WeakMap<readonly DealRow[], Map<string, number>>();

/** When each customer first bought (purchases only), computed once per data set. */
export function firstPurchases(deals: readonly DealRow[]): Map<string, number> {
  let first = firstPurchaseCache.get(deals);
  if (first) return first;
  first = new Map<string, number>();
  for (const deal of deals) {
    if (!isPurchase(deal)) continue;
    const at = purchaseTime(deal);
    if (at < (first.get(deal.personId) ?? Infinity)) first.set(deal.personId, at);
  }
  firstPurchaseCache.set(deals, first);
  return first;
}
