import type { Deal, Interaction, Organisation, Person, Rep, Segment } from '../model';
import { readTime } from '../ladder/dates';

/**
 * The rows every metric reads: the fields of the team's sheets that reporting needs, with times as epoch
 * milliseconds (a sheet's 50,000 Date cells become numbers once, not on every comparison). The add-on builds
 * them from the sheet, tests and the extension from records (`rowsFromRecords`); both feed the same metrics.
 */

export interface CustomerRow {
  id: string;
  fullName: string;
  stage: string;
  level?: string;
  owner: string;
  source?: string;
  tags: string[];
  organisationId?: string;
  createdAt: number;
  lastContactAt?: number;
  importance?: number;
  satisfaction?: number;
  shareOfWallet?: number;
  deleted: boolean;
}

export interface DealRow {
  id: string;
  personId?: string;
  kind: string;
  status: string;
  product?: string;
  value: number;
  costToServe?: number;
  openedAt: number;
  closedAt?: number;
  reason?: string;
  region?: string;
  owner: string;
  deleted: boolean;
}

export interface InteractionRow {
  id: string;
  personIds: string[];
  organisationId?: string;
  type: string;
  direction?: string;
  at: number;
  experience?: string;
  voiceOfCustomer?: string;
  owner: string;
  deleted: boolean;
  /** Moved to the archive spreadsheet: it counts through the rollup, not the Interactions sheet. */
  archived?: boolean;
}

export interface OrganisationRow {
  id: string;
  industry?: string;
  sizeBand?: string;
  territory?: string;
  deleted: boolean;
}

export interface RepRow {
  name: string;
  email: string;
  territory?: string;
  active: boolean;
}

export interface SegmentRow {
  id: string;
  name: string;
  rule: string;
  playbook?: string;
  owner: string;
  builtIn: boolean;
  deleted: boolean;
}

/** Everything reporting reads, tombstoned rows included (each metric leaves them out). */
export interface MetricsData {
  customers: CustomerRow[];
  deals: DealRow[];
  interactions: InteractionRow[];
  organisations: OrganisationRow[];
  reps: RepRow[];
  segments: SegmentRow[];
}

/** A purchase is a won order that is not tombstoned and belongs to a customer, as the ladder counts them. */
export function isPurchase(deal: DealRow): deal is DealRow & { personId: string } {
  return deal.kind === 'order' && deal.status === 'won' && !deal.deleted && deal.personId !== undefined && deal.personId !== '';
}

/** When a purchase happened: when it closed, or when it was opened if nobody recorded a close. */
export function purchaseTime(deal: DealRow): number {
  return deal.closedAt ?? deal.openedAt;
}

const time = (value: string | undefined) => (value === undefined ? undefined : readTime(value));

/** Rows from validated records (the generator's, the extension's): the same shape the add-on reads from the sheet. */
export function rowsFromRecords(records: {
  people: readonly Person[];
  deals: readonly Deal[];
  interactions: readonly Interaction[];
  organisations: readonly Organisation[];
  reps: readonly Rep[];
  segments?: readonly Segment[];
}): MetricsData {
  return {
    customers: records.people.map((p) => ({
      id: p.id, fullName: p.fullName, stage: p.stage, level: p.level, owner: p.owner, source: p.acquisitionSource, tags: p.tags,
      organisationId: p.organisationId, createdAt: time(p.createdAt)!, lastContactAt: time(p.lastContactAt),
      importance: p.importance, satisfaction: p.satisfaction, shareOfWallet: p.shareOfWallet, deleted: p.deleted,
    })),
    deals: records.deals.map((d) => ({
      id: d.id, personId: d.personId, kind: d.kind, status: d.status, product: d.product, value: d.value, costToServe: d.costToServe,
      openedAt: time(d.openedAt)!, closedAt: time(d.closedAt), reason: d.reason, region: d.region, owner: d.owner, deleted: d.deleted,
    })),
    interactions: records.interactions.map((i) => interactionRowOf(i)),
    organisations: records.organisations.map((o) => ({ id: o.id, industry: o.industry, sizeBand: o.sizeBand, territory: o.territory, deleted: o.deleted })),
    reps: records.reps.map((r) => ({ name: r.name, email: r.email, territory: r.territory, active: r.active })),
    segments: (records.segments ?? []).map((s) => ({ id: s.id, name: s.name, rule: s.rule, playbook: s.playbook, owner: s.owner, builtIn: s.builtIn, deleted: s.deleted })),
  };
}

/** An interaction's row; `archived` when it lives in the archive spreadsheet. */
export function interactionRowOf(i: Interaction, archived = false): InteractionRow {
  return {
    id: i.id, personIds: i.personIds, organisationId: i.organisationId, type: i.type, direction: i.direction, at: time(i.at)!,
    experience: i.experience, voiceOfCustomer: i.voiceOfCustomer, owner: i.owner, deleted: i.deleted, ...(archived ? { archived } : {}),
  };
}
