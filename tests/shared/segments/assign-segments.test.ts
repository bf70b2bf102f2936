import { describe, expect, test } from 'vitest';
import { assignSegments, BUILT_IN_SEGMENTS } from '../../../shared/segments';
import { teamFixture } from '../../support/team-fixture';

const DAY = 86_400_000;

describe('built-in segments on the generated team agree with what the generator knows', () => {
  const { team, facts, segments, now } = teamFixture();
  const members = (name: string) => segments.results.find((r) => r.name === name)!.members;
  const alive = team.people.filter((p) => !p.deleted);

  test.each([
    ['Suspects', 'suspect'], ['Prospects', 'prospect'], ['First-time customers', 'first-time customer'], ['Repeat customers', 'repeat customer'],
    ['Clients', 'client'], ['Advocates', 'advocate'], ['Partners', 'partner'], ['Win-back', 'lost'],
  ])('%s: every %s', (name, stage) => {
    expect(members(name)).toBe(team.answers.stages.get(stage) ?? 0);
    expect(members(name)).toBeGreaterThan(0);
  });

  test('never contacted: the people the generator gave no interaction', () => {
    expect(members('Never contacted')).toBe(team.answers.neverContacted);
  });

  test('at risk: on the ladder past suspect, silent for the at-risk period (60 days) or longer', () => {
    const silent = alive.filter((p) => {
      if (['suspect', 'lost', 'disqualified'].includes(p.stage)) return false;
      const last = team.answers.lastContact.get(p.id) ?? Date.parse(p.createdAt);
      return Math.floor((now - last) / DAY) >= 60;
    });
    expect(members('At risk')).toBe(silent.length);
  });

  test('important but dissatisfied: importance 7 or more and satisfaction under 5', () => {
    expect(members('Important but dissatisfied')).toBe(alive.filter((p) => (p.importance ?? -1) >= 7 && p.satisfaction !== undefined && p.satisfaction < 5).length);
  });

  test('top 20% by value: buyers whose revenue reaches the ceil(20% of buyers)-th largest', () => {
    const revenue = new Map<string, number>();
    for (const d of team.deals) if (d.kind === 'order' && d.status === 'won' && !d.deleted) revenue.set(d.personId!, (revenue.get(d.personId!) ?? 0) + d.value);
    const values = alive.filter((p) => revenue.has(p.id)).map((p) => revenue.get(p.id)!).sort((a, b) => b - a);
    const cut = values[Math.ceil(values.length * 0.2) - 1]!;
    expect(members('Top 20% by value')).toBe(values.filter((v) => v >= cut).length);
  });

  test('the four quadrants split the buyers whose every order has a cost, in two halves on each axis', () => {
    const quadrants = ['Bargain customers', 'Aggressive customers', 'Passive customers', 'Demanding customers'].map(members);
    const costed = facts.filter((f) => f.quadrant !== undefined).length;
    expect(quadrants.reduce((a, b) => a + b)).toBe(costed);
    expect(quadrants[0]! + quadrants[1]!).toBeLessThanOrEqual(Math.ceil(costed / 2) + 1); // low price: about half
  });

  test('churn risk: repeat-model scores exist, and only buyers at 50% or more are in', () => {
    const scored = facts.filter((f) => f.churnRisk !== undefined && f.churnRisk >= 0.5 && f.purchases >= 1).length;
    expect(scored).toBeGreaterThan(0);
    expect(members('Churn risk')).toBe(scored);
  });

  test("each customer's list is in the Segments sheet's order", () => {
    const order = BUILT_IN_SEGMENTS.map((s) => s.name);
    for (const names of segments.byCustomer.values()) expect([...names].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(names);
  });
});

describe('segments the team writes', () => {
  const { facts } = teamFixture();

  test('a rule that cannot be read is reported and matches nobody; the others still run', () => {
    const result = assignSegments([{ name: 'Cold VIPs', rule: 'tags has vip AND last contact > 90 days' }, { name: 'Typo', rule: 'stag = prospect' }], facts);
    expect(result.results[0]!.error).toBeUndefined();
    expect(result.results[0]!.members).toBe(facts.filter((f) => f.tags.includes('vip') && (f.daysSinceContact ?? -1) > 90).length);
    expect(result.results[1]).toMatchObject({ members: 0, error: expect.stringMatching(/^at "stag" \(character 1\): unknown field "stag"; did you mean "stage"/) });
  });

  test('names must be unique and free of ";", which separates them in the Segments cell', () => {
    const result = assignSegments([{ name: 'VIP', rule: 'tags has vip' }, { name: 'vip', rule: 'stage = client' }, { name: 'a; b', rule: 'stage = client' }, { name: ' ', rule: 'stage = client' }], facts);
    expect(result.results.map((r) => r.error)).toEqual([undefined, 'another segment is already called "vip"', expect.stringMatching(/may not contain ";"/), 'the segment has no name']);
    expect([...result.byCustomer.values()].flat().every((name) => name === 'VIP')).toBe(true);
  });
});
