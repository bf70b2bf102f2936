import { firstAtOrAfter, firstPurchases, indexInteractions, rowsIn, type InteractionIndex } from './interaction-index';
import type { CustomerRow, DealRow, InteractionRow, MetricsData } from './rows';

/**
 * Manager KPIs [S5][S6] that pair rows with each other (a reply with the email it answers, a contact with the
 * customer's purchase history, an account with every contact of its people). No portable formula can pair
 * rows, so the add-on computes these per period and rep and writes them as values with the time computed.
 */

export { NOT_CONTACT_TYPES } from './interaction-index';
/** Effort on new customers at or above this share makes the team an acquirer; at or below 1 - it, a retainer. */
export const ACQUIRER_SHARE = 0.6;
const HOUR = 3_600_000;

type Range = { start: number; end: number };

export interface ResponseTime {
  /** Inbound emails in the period (of the rep's, when a rep is given). */
  inbound: number;
  answered: number;
  /** Median hours from an inbound email to the first outbound contact with any of its people; undefined if none answered. */
  medianHours?: number;
  meanHours?: number;
}

/** Response time to inbound email [S6]: the first outbound interaction after it with one of the same people. */
export function computeResponseTime(data: Pick<MetricsData, 'interactions'>, range: Range, rep?: string): ResponseTime {
  const index = indexInteractions(data.interactions);
  const { list, from, to } = rowsIn(index.inboundEmails, range, rep);
  const replyHours = hoursToReply(index, list);
  const hours: number[] = [];
  for (let n = from; n < to; n++) if (!Number.isNaN(replyHours[n]!)) hours.push(replyHours[n]!);
  const inbound = to - from;
  if (hours.length === 0) return { inbound, answered: 0 };
  hours.sort((a, b) => a - b);
  const mid = hours.length >> 1;
  const medianHours = hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
  return { inbound, answered: hours.length, medianHours, meanHours: hours.reduce((s, h) => s + h, 0) / hours.length };
}

// An email's reply does not depend on the period asked about: each list's hours (NaN: unanswered) are found
// once, not once per period and rep (37 periods x 11 views of 500,000 interactions).
const replyCache = new WeakMap<readonly InteractionRow[], Float64Array>();

function hoursToReply({ outbound }: InteractionIndex, list: readonly InteractionRow[]): Float64Array {
  let hours = replyCache.get(list);
  if (hours) return hours;
  hours = new Float64Array(list.length);
  for (let n = 0; n < list.length; n++) {
    const i = list[n]!;
    let reply = Infinity;
    for (const id of i.personIds) reply = Math.min(reply, firstAfter(outbound.get(id) ?? [], i.at));
    hours[n] = reply === Infinity ? NaN : (reply - i.at) / HOUR;
  }
  replyCache.set(list, hours);
  return hours;
}

function firstAfter(sorted: readonly number[], at: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= at) low = mid + 1;
    else high = mid;
  }
  return low < sorted.length ? sorted[low]! : Infinity;
}

export type Balance = 'acquirer' | 'retainer' | 'balanced';

export interface AcquisitionBalance {
  /** Contacts with people who had not bought before the contact (suspects, prospects). */
  onNew: number;
  /** Contacts with people who had bought before the contact. */
  onExisting: number;
  /** onNew / (onNew + onExisting); undefined without contacts. */
  acquisitionShare?: number;
  balance?: Balance;
}

/** Acquisition vs retention balance [S5]: the team's (or a rep's) contacts split by whether the person was already a customer. */
export function computeAcquisitionBalance(data: Pick<MetricsData, 'interactions' | 'deals'>, range: Range, rep?: string): AcquisitionBalance {
  const { list, from, to } = rowsIn(indexInteractions(data.interactions).contacts, range, rep);
  const counts = countEffort(data.deals, list);
  const onNew = counts.onNew[to]! - counts.onNew[from]!;
  const onExisting = counts.onExisting[to]! - counts.onExisting[from]!;
  const total = onNew + onExisting;
  if (total === 0) return { onNew, onExisting };
  const acquisitionShare = onNew / total;
  const balance: Balance = acquisitionShare >= ACQUIRER_SHARE ? 'acquirer' : acquisitionShare <= 1 - ACQUIRER_SHARE ? 'retainer' : 'balanced';
  return { onNew, onExisting, acquisitionShare, balance };
}

/** Running counts over a time-sorted list of contacts: [n] is how many of the first n were on new / existing customers. */
interface EffortCounts {
  onNew: Int32Array;
  onExisting: Int32Array;
}

// Whether a contact was with an existing customer depends on the contact alone: each list is classified once
// and a period's counts are two differences of running counts.
const effortCache = new WeakMap<readonly DealRow[], WeakMap<readonly InteractionRow[], EffortCounts>>();

function countEffort(deals: readonly DealRow[], list: readonly InteractionRow[]): EffortCounts {
  const byList = effortCache.get(deals) ?? effortCache.set(deals, new WeakMap()).get(deals)!;
  let counts = byList.get(list);
  if (counts) return counts;
  const firstPurchase = firstPurchases(deals);
  counts = { onNew: new Int32Array(list.length + 1), onExisting: new Int32Array(list.length + 1) };
  for (let n = 0; n < list.length; n++) {
    const i = list[n]!;
    const existing = i.personIds.some((id) => (firstPurchase.get(id) ?? Infinity) < i.at);
    counts.onNew[n + 1] = counts.onNew[n]! + (i.personIds.length > 0 && !existing ? 1 : 0);
    counts.onExisting[n + 1] = counts.onExisting[n]! + (existing ? 1 : 0);
  }
  byList.set(list, counts);
  return counts;
}

export interface TerritoryCoverage {
  territory: string;
  /** Organisations (accounts) in the territory. */
  accounts: number;
  /** Of those, accounts contacted in the period: an interaction with the account or with one of its people. */
  contacted: number;
  coverage?: number;
}

/** Territory coverage [S6] for every territory an account is in, sorted by territory. */
export function computeTerritoryCoverage(data: Pick<MetricsData, 'interactions' | 'organisations' | 'customers'>, range: Range): TerritoryCoverage[] {
  const contactTimes = contactTimesOf(data);
  const byTerritory = new Map<string, TerritoryCoverage>();
  for (const o of data.organisations) {
    if (o.deleted || !o.territory) continue;
    const row = byTerritory.get(o.territory) ?? { territory: o.territory, accounts: 0, contacted: 0 };
    row.accounts++;
    const times = contactTimes.get(o.id);
    if (times) {
      const first = firstAtOrAfter(times, range.start, (t) => t);
      if (first < times.length && times[first]! < range.end) row.contacted++;
    }
    byTerritory.set(o.territory, row);
  }
  return [...byTerritory.values()].map((row) => ({ ...row, coverage: row.contacted / row.accounts })).sort((a, b) => a.territory.localeCompare(b.territory));
}

// Each account's contact times (with the account or one of its people), sorted, found once per data set:
// a period's coverage is then one bisection per account instead of a pass over the period's contacts.
const contactTimesCache = new WeakMap<readonly InteractionRow[], WeakMap<readonly CustomerRow[], Map<string, number[]>>>();

function contactTimesOf(data: Pick<MetricsData, 'interactions' | 'customers'>): Map<string, number[]> {
  const byCustomers = contactTimesCache.get(data.interactions) ?? contactTimesCache.set(data.interactions, new WeakMap()).get(data.interactions)!;
  let times = byCustomers.get(data.customers);
  if (times) return times;
  const organisationOfPerson = new Map(data.customers.filter((c) => !c.deleted && c.organisationId).map((c) => [c.id, c.organisationId!]));
  times = new Map();
  const add = (organisation: string, at: number) => (times!.get(organisation) ?? times!.set(organisation, []).get(organisation)!).push(at);
  // Contacts are sorted by time, so each account's list is too.
  for (const i of indexInteractions(data.interactions).contacts.all) {
    if (i.organisationId) add(i.organisationId, i.at);
    for (const id of i.personIds) {
      const organisation = organisationOfPerson.get(id);
      if (organisation) add(organisation, i.at);
    }
  }
  byCustomers.set(data.customers, times);
  return times;
}
