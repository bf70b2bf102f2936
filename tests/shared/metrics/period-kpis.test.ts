import { describe, expect, test } from 'vitest';
import {
  computeAcquisitionBalance, computeResponseTime, computeTerritoryCoverage, firstPurchases, isPurchase, listPeriods, purchaseTime, rowsFromRecords,
  type InteractionRow, type MetricsData,
} from '../../../shared/metrics';
import { generateTeamData } from '../../support/generate-team-data';

// The KPIs the dashboard asks of 37 periods x 11 views keep per-list work between calls (reply times, running
// counts, each account's contact times). Checked here against the definitions written out plainly, a pass over
// the period's rows per call, on a generated team: every period, the team and every rep, asked twice.
const team = generateTeamData({ seed: 3, customers: 600, interactions: 6_000, deals: 960 });
const data: MetricsData = rowsFromRecords(team);
const periods = listPeriods(Date.parse(team.now));
const reps = [undefined, ...team.reps.map((r) => r.email.toUpperCase())];
const HOUR = 3_600_000;
const NOT_CONTACT = ['website visit', 'purchase', 'payment'];

const live = data.interactions.filter((i) => !i.deleted);
const inRange = (i: InteractionRow, range: { start: number; end: number }, rep?: string) =>
  i.at >= range.start && i.at < range.end && (rep === undefined || i.owner.toLowerCase() === rep.toLowerCase());
const sortedByTime = (rows: InteractionRow[]) => [...rows].sort((a, b) => a.at - b.at);

function plainResponseTime(range: { start: number; end: number }, rep?: string) {
  const inbound = sortedByTime(live.filter((i) => i.type === 'email' && i.direction === 'inbound' && inRange(i, range, rep)));
  const hours: number[] = [];
  for (const i of inbound) {
    const replies = live.filter((o) => o.direction === 'outbound' && o.at > i.at && o.personIds.some((id) => i.personIds.includes(id)));
    if (replies.length) hours.push((Math.min(...replies.map((o) => o.at)) - i.at) / HOUR);
  }
  if (!hours.length) return { inbound: inbound.length, answered: 0 };
  hours.sort((a, b) => a - b);
  const mid = hours.length >> 1;
  return { inbound: inbound.length, answered: hours.length, medianHours: hours.length % 2 ? hours[mid] : (hours[mid - 1]! + hours[mid]!) / 2, meanHours: hours.reduce((s, h) => s + h, 0) / hours.length };
}

function plainBalance(range: { start: number; end: number }, rep?: string) {
  const first = firstPurchases(data.deals);
  let onNew = 0;
  let onExisting = 0;
  for (const i of live) {
    if (!inRange(i, range, rep) || NOT_CONTACT.includes(i.type) || i.personIds.length === 0) continue;
    if (i.personIds.some((id) => (first.get(id) ?? Infinity) < i.at)) onExisting++;
    else onNew++;
  }
  return { onNew, onExisting };
}

function plainCoverage(range: { start: number; end: number }) {
  const organisationOf = new Map(data.customers.filter((c) => !c.deleted && c.organisationId).map((c) => [c.id, c.organisationId!]));
  const contacted = new Set<string>();
  for (const i of live) {
    if (!inRange(i, range) || NOT_CONTACT.includes(i.type)) continue;
    if (i.organisationId) contacted.add(i.organisationId);
    for (const id of i.personIds) if (organisationOf.has(id)) contacted.add(organisationOf.get(id)!);
  }
  const rows = new Map<string, { territory: string; accounts: number; contacted: number }>();
  for (const o of data.organisations) {
    if (o.deleted || !o.territory) continue;
    const row = rows.get(o.territory) ?? rows.set(o.territory, { territory: o.territory, accounts: 0, contacted: 0 }).get(o.territory)!;
    row.accounts++;
    if (contacted.has(o.id)) row.contacted++;
  }
  return [...rows.values()].map((row) => ({ ...row, coverage: row.contacted / row.accounts })).sort((a, b) => a.territory.localeCompare(b.territory));
}

describe('period KPIs over a generated team', () => {
  test('the data has what the checks need: answered emails, both kinds of effort, contacted and uncontacted accounts', () => {
    expect(data.deals.filter(isPurchase).length).toBeGreaterThan(100);
    expect(new Set(data.deals.filter(isPurchase).map(purchaseTime)).size).toBeGreaterThan(100);
    const lastYear = periods.find((p) => p.kind === 'last 12 months')!;
    expect(plainResponseTime(lastYear).answered).toBeGreaterThan(10);
    const balance = plainBalance(lastYear);
    expect(balance.onNew).toBeGreaterThan(0);
    expect(balance.onExisting).toBeGreaterThan(0);
    expect(periods.some((p) => plainCoverage(p).some((row) => row.contacted > 0 && row.contacted < row.accounts))).toBe(true);
  });

  test.each([1, 2])('response time, balance and coverage equal their plain definitions for every period and view (pass %i)', () => {
    for (const period of periods) {
      expect(computeTerritoryCoverage(data, period), period.label).toEqual(plainCoverage(period));
      for (const rep of reps) {
        expect(computeResponseTime(data, period, rep), `${period.label} ${rep}`).toEqual(plainResponseTime(period, rep));
        expect(computeAcquisitionBalance(data, period, rep), `${period.label} ${rep}`).toMatchObject(plainBalance(period, rep));
      }
    }
  });
});
