import { firstPurchases, indexInteractions, rowsIn } from './interaction-index';
import type { MetricsData } from './rows';

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
  const { inboundEmails, outbound } = indexInteractions(data.interactions);
  const { list, from, to } = rowsIn(inboundEmails, range, rep);
  const hours: number[] = [];
  for (let n = from; n < to; n++) {
    const i = list[n]!;
    let reply = Infinity;
    for (const id of i.personIds) reply = Math.min(reply, firstAfter(outbound.get(id) ?? [], i.at));
    if (reply !== Infinity) hours.push((reply - i.at) / HOUR);
  }
  const inbound = to - from;
  if (hours.length === 0) return { inbound, answered: 0 };
  hours.sort((a, b) => a - b);
  const mid = hours.length >> 1;
  const medianHours = hours.length % 2 ? hours[mid]! : (hours[mid - 1]! + hours[mid]!) / 2;
  return { inbound, answered: hours.length, medianHours, meanHours: hours.reduce((s, h) => s + h, 0) / hours.length };
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
  const firstPurchase = firstPurchases(data.deals);
  const { list, from, to } = rowsIn(indexInteractions(data.interactions).contacts, range, rep);
  let onNew = 0;
  let onExisting = 0;
  for (let n = from; n < to; n++) {
    const i = list[n]!;
    if (i.personIds.length === 0) continue;
    if (i.personIds.some((id) => (firstPurchase.get(id) ?? Infinity) < i.at)) onExisting++;
    else onNew++;
  }
  const total = onNew + onExisting;
  if (total === 0) return { onNew, onExisting };
  const acquisitionShare = onNew / total;
  const balance: Balance = acquisitionShare >= ACQUIRER_SHARE ? 'acquirer' : acquisitionShare <= 1 - ACQUIRER_SHARE ? 'retainer' : 'balanced';
  return { onNew, onExisting, acquisitionShare, balance };
}

export interface TerritoryCoverage {
  territory: string;
  /** Organisations (accounts) in the territory. */
  accounts: number;
  /** Of those, accounts contacted in the period: an interaction with the account or with one of its people. */
  contacted: number;
  coverage?: number;
}

const organisationCache = new WeakMap<readonly object[], Map<string, string>>();

/** Territory coverage [S6] for every territory an account is in, sorted by territory. */
export function computeTerritoryCoverage(data: Pick<MetricsData, 'interactions' | 'organisations' | 'customers'>, range: Range): TerritoryCoverage[] {
  let organisationOfPerson = organisationCache.get(data.customers);
  if (!organisationOfPerson) {
    organisationOfPerson = new Map(data.customers.filter((c) => !c.deleted && c.organisationId).map((c) => [c.id, c.organisationId!]));
    organisationCache.set(data.customers, organisationOfPerson);
  }
  const contacted = new Set<string>();
  const { list, from, to } = rowsIn(indexInteractions(data.interactions).contacts, range);
  for (let n = from; n < to; n++) {
    const i = list[n]!;
    if (i.organisationId) contacted.add(i.organisationId);
    for (const id of i.personIds) {
      const organisation = organisationOfPerson.get(id);
      if (organisation) contacted.add(organisation);
    }
  }
  const byTerritory = new Map<string, TerritoryCoverage>();
  for (const o of data.organisations) {
    if (o.deleted || !o.territory) continue;
    const row = byTerritory.get(o.territory) ?? { territory: o.territory, accounts: 0, contacted: 0 };
    row.accounts++;
    if (contacted.has(o.id)) row.contacted++;
    byTerritory.set(o.territory, row);
  }
  return [...byTerritory.values()].map((row) => ({ ...row, coverage: row.contacted / row.accounts })).sort((a, b) => a.territory.localeCompare(b.territory));
}
