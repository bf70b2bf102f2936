import { describe, expect, test } from 'vitest';
import {
  badExperiences, contactsInPeriod, contactsOfRep, countInteractions, eq, customersTotal, dealsClosedBy, evaluateExpr, funnelCount, meanDaysBetweenPurchases, neverContacted, newPeople,
  opportunitiesClosed, opportunityWinRate, paretoShare, repeatPurchaseRate, salesCycleDays, segmentMembers, toSerial, toTableRows, voiceOfCustomer,
  type Operand, type Scope,
} from '../../../shared/metrics';
import { LADDER_STAGES, LOST_REASONS, VOICE_OF_CUSTOMER } from '../../../shared/model';
import { computeParetoShare } from '../../../shared/value';
import { addMonths } from '../../support/team-data-answers';
import { teamFixture } from '../../support/team-fixture';

/**
 * The live dashboard numbers' definitions, evaluated in JavaScript on the generated team, against the tallies
 * the generator kept while it built the data (its own month and week arithmetic, not shared/metrics').
 */
const { team, data, facts, segments } = teamFixture();
const tables = toTableRows(data, facts, segments.byCustomer);
const DAY = 86_400_000;
const value = (v: string | number | undefined): Operand => ({ ref: JSON.stringify(v ?? ''), value: v });
const monthStart = (month: string) => Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1);
const scopeOf = (month: string, rep?: string, source?: string): Scope => ({
  start: value(toSerial(monthStart(month))), end: value(toSerial(monthStart(addMonths(month, 1)))), rep: value(rep), source: value(source),
});
const months = Array.from({ length: 24 }, (_, i) => addMonths('2024-07', i));
const reps = team.reps.map((r) => r.email);
const run = (expr: Parameters<typeof evaluateExpr>[0]) => evaluateExpr(expr, tables);
const tally = (map: Map<string, number>, key: string) => map.get(key) ?? 0;

describe('funnel [S1]: people created in a month, by stage, rep and source', () => {
  test.each(months)('%s', (month) => {
    for (const stage of LADDER_STAGES) expect(run(funnelCount(value(stage), scopeOf(month)))).toBe(tally(team.answers.created, `${month}|${stage}`));
    const rep = reps[months.indexOf(month) % reps.length]!;
    for (const stage of LADDER_STAGES) expect(run(funnelCount(value(stage), scopeOf(month, rep)))).toBe(tally(team.answers.created, `${month}|${stage}|${rep}`));
    for (const stage of LADDER_STAGES) expect(run(funnelCount(value(stage), scopeOf(month, undefined, 'referral')))).toBe(tally(team.answers.created, `${month}|${stage}|referral`));
    const all = [...LADDER_STAGES, 'lost', 'disqualified'].reduce((n, stage) => n + tally(team.answers.created, `${month}|${stage}`), 0);
    expect(run(newPeople(scopeOf(month)))).toBe(all);
  });
});

describe('contact activity [S6]: interactions per rep and week, not visits, purchases or payments', () => {
  test.each(reps)('%s', (rep) => {
    let seen = 0;
    for (let week = Date.UTC(2024, 6, 1); week < Date.UTC(2026, 6, 1); week += 7 * DAY) {
      const expected = tally(team.answers.contacts, `${rep}|${new Date(week).toISOString().slice(0, 10)}`);
      expect(run(contactsOfRep(value(rep), value(toSerial(week)), value(toSerial(week + 7 * DAY))))).toBe(expected);
      seen += expected;
    }
    expect(seen).toBeGreaterThan(1000);
  });
});

describe('deals [S6]: opportunities won and lost, reasons, cycle length', () => {
  test.each(months.slice(3))('%s', (month) => {
    const won = tally(team.answers.opportunities, `${month}|won`);
    const lost = tally(team.answers.opportunities, `${month}|lost`);
    expect(run(opportunitiesClosed('won', scopeOf(month)))).toBe(won);
    expect(run(opportunitiesClosed('lost', scopeOf(month)))).toBe(lost);
    expect(run(opportunityWinRate(scopeOf(month)))).toBe(won + lost ? won / (won + lost) : undefined);
    for (const reason of LOST_REASONS) expect(run(dealsClosedBy('lost', 'reason', value(reason), scopeOf(month)))).toBe(tally(team.answers.closedBy, `${month}|lost|reason|${reason}`));
    for (const region of ['North', 'South', 'East', 'West']) expect(run(dealsClosedBy('lost', 'region', value(region), scopeOf(month)))).toBe(tally(team.answers.closedBy, `${month}|lost|region|${region}`));
    const cycles = team.deals.filter((d) => !d.deleted && d.kind === 'opportunity' && d.status === 'won' && d.closedAt?.startsWith(month)).map((d) => (Date.parse(d.closedAt!) - Date.parse(d.openedAt)) / DAY);
    const cycle = run(salesCycleDays(scopeOf(month)));
    if (cycles.length === 0) expect(cycle).toBeUndefined();
    else expect(cycle).toBeCloseTo(cycles.reduce((a, b) => a + b) / cycles.length, 6);
  });
});

describe('customers, contact and the voice of customer [S2][S6]', () => {
  test('customers on the books and never contacted', () => {
    expect(run(customersTotal(scopeOf('2026-06')))).toBe(team.answers.people);
    expect(run(neverContacted(scopeOf('2026-06')))).toBe(team.answers.neverContacted);
  });

  test.each(months)('bad experiences and voice of customer in %s', (month) => {
    expect(run(badExperiences(scopeOf(month)))).toBe(tally(team.answers.bad, month));
    for (const category of VOICE_OF_CUSTOMER) expect(run(voiceOfCustomer(value(category), scopeOf(month)))).toBe(tally(team.answers.voice, `${month}|${category}`));
  });
});

describe('archived interactions count through the daily rollup', () => {
  // A cutoff inside a month and mid-day: rows on both sides of it share days, periods and weeks.
  const cutoff = Date.UTC(2025, 8, 17, 13);
  const archived = toTableRows({ ...data, interactions: data.interactions.map((i) => (i.at < cutoff ? { ...i, archived: true } : i)) }, facts, segments.byCustomer);
  const runArchived = (expr: Parameters<typeof evaluateExpr>[0]) => evaluateExpr(expr, archived);

  test('archived interactions leave the Interactions table for fewer rollup rows that count each live one once', () => {
    const moved = data.interactions.filter((i) => i.at < cutoff);
    expect(archived.Interactions.length).toBe(tables.Interactions.length - moved.length);
    expect(moved.length).toBeGreaterThan(tables.Interactions.length / 3);
    expect(archived['Archived interactions'].length).toBeLessThan(moved.length);
    expect(archived['Archived interactions'].reduce((n, r) => n + Number(r.interactions), 0)).toBe(moved.filter((i) => !i.deleted && i.id).length);
  });

  test.each(months)('contacts, bad experiences and voice of customer in %s are the same', (month) => {
    for (const rep of [undefined, ...reps]) expect(runArchived(contactsInPeriod(scopeOf(month, rep)))).toBe(run(contactsInPeriod(scopeOf(month, rep))));
    expect(runArchived(badExperiences(scopeOf(month)))).toBe(tally(team.answers.bad, month));
    for (const category of VOICE_OF_CUSTOMER) expect(runArchived(voiceOfCustomer(value(category), scopeOf(month)))).toBe(tally(team.answers.voice, `${month}|${category}`));
  });

  test('a rep\'s weekly contacts are the same', () => {
    for (let week = Date.UTC(2025, 6, 7); week < Date.UTC(2025, 11, 1); week += 7 * DAY)
      for (const rep of reps) expect(runArchived(contactsOfRep(value(rep), value(toSerial(week)), value(toSerial(week + 7 * DAY))))).toBe(tally(team.answers.contacts, `${rep}|${new Date(week).toISOString().slice(0, 10)}`));
  });

  test('a count by a field the rollup does not keep is refused, not silently wrong', () => {
    expect(() => countInteractions(eq('direction', value('inbound')))).toThrow(/not counted by direction/);
  });
});

describe('value and repeat purchases [S4][S5], from the deals directly', () => {
  const orders = team.deals.filter((d) => d.kind === 'order' && d.status === 'won' && !d.deleted);
  const byCustomer = new Map<string, number[]>();
  for (const d of orders) byCustomer.set(d.personId!, [...(byCustomer.get(d.personId!) ?? []), Date.parse(d.closedAt ?? d.openedAt)]);
  const scope = scopeOf('2026-06');

  test('repeat-purchase rate: buyers with two or more purchases over buyers', () => {
    const counts = [...byCustomer.values()].map((t) => t.length);
    expect(run(repeatPurchaseRate(scope))).toBeCloseTo(counts.filter((n) => n >= 2).length / counts.length, 12);
  });

  test('mean days between purchases: all repeat buyers\' gaps pooled', () => {
    let days = 0;
    let gaps = 0;
    for (const times of byCustomer.values()) {
      if (times.length < 2) continue;
      days += (Math.max(...times) - Math.min(...times)) / DAY;
      gaps += times.length - 1;
    }
    expect(run(meanDaysBetweenPurchases(scope))).toBeCloseTo(days / gaps, 8);
  });

  test('Pareto: the top 20% of buyers by revenue', () => {
    const revenue = new Map<string, number>();
    for (const d of orders) revenue.set(d.personId!, (revenue.get(d.personId!) ?? 0) + d.value);
    const share = computeParetoShare([...revenue.values()]);
    expect(share.ok && run(paretoShare())).toBeCloseTo(share.ok ? share.value.share : NaN, 12);
  });

  test('segment members: the customers whose Segments list holds the name', () => {
    for (const result of segments.results) expect(run(segmentMembers(value(result.name), scope))).toBe(result.members);
  });
});
