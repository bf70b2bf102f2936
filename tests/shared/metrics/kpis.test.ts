import { describe, expect, test } from 'vitest';
import {
  classifyTier, computeAcquisitionBalance, computeResponseTime, computeTerritoryCoverage, quintileScores, tierThresholds,
  type DealRow, type InteractionRow,
} from '../../../shared/metrics';

const H = 3_600_000;
const at = (hours: number) => Date.UTC(2026, 5, 1) + hours * H;
const touch = (over: Partial<InteractionRow>): InteractionRow => ({ id: 'i', personIds: ['p1'], type: 'email', at: at(0), owner: 'a@x', deleted: false, ...over });
const june = { start: Date.UTC(2026, 5, 1), end: Date.UTC(2026, 6, 1) };

describe('response time to inbound email [S6]', () => {
  const interactions = [
    touch({ direction: 'inbound', at: at(1) }),
    touch({ direction: 'outbound', type: 'call', at: at(5) }), // the reply: 4 hours, by any channel
    touch({ direction: 'outbound', at: at(6) }),
    touch({ direction: 'inbound', at: at(10), personIds: ['p2', 'p3'] }),
    touch({ direction: 'outbound', at: at(30), personIds: ['p3'] }), // either person answers it: 20 hours
    touch({ direction: 'inbound', at: at(40), owner: 'b@x' }), // never answered
    touch({ direction: 'outbound', at: at(41), deleted: true }),
    touch({ direction: 'inbound', at: at(-5) }), // before the period
  ];
  test('median and mean hours over the answered ones; unanswered ones counted', () => {
    expect(computeResponseTime({ interactions }, june)).toEqual({ inbound: 3, answered: 2, medianHours: 12, meanHours: 12 });
    expect(computeResponseTime({ interactions }, june, 'B@X')).toEqual({ inbound: 1, answered: 0 });
  });
});

describe('acquisition vs retention balance [S5]', () => {
  const order = (personId: string, hours: number): DealRow => ({ id: personId, personId, kind: 'order', status: 'won', value: 1, openedAt: at(hours), owner: 'a@x', deleted: false });
  test('a contact is on an existing customer once they have bought before it', () => {
    const deals = [order('old', -100), order('new', 50)];
    const interactions = [
      touch({ personIds: ['old'] }), touch({ personIds: ['new'], at: at(10) }), touch({ personIds: ['new'], at: at(60) }),
      touch({ personIds: ['prospect'] }), touch({ personIds: ['prospect'], type: 'website visit' }), // a visit is no effort
    ];
    expect(computeAcquisitionBalance({ deals, interactions }, june)).toEqual({ onNew: 2, onExisting: 2, acquisitionShare: 0.5, balance: 'balanced' });
    expect(computeAcquisitionBalance({ deals, interactions: interactions.slice(1, 4) }, june).balance).toBe('acquirer');
    expect(computeAcquisitionBalance({ deals, interactions: interactions.slice(0, 1) }, june).balance).toBe('retainer');
  });
});

describe('territory coverage [S6]', () => {
  test('an account counts as contacted through its own interactions or its people\'s', () => {
    const organisations = [
      { id: 'o1', territory: 'North', deleted: false }, { id: 'o2', territory: 'North', deleted: false },
      { id: 'o3', territory: 'South', deleted: false }, { id: 'o4', territory: 'South', deleted: true },
    ];
    const customers = [{ id: 'p2', organisationId: 'o2', fullName: '', stage: 'prospect', owner: '', tags: [], createdAt: 0, deleted: false }];
    const interactions = [touch({ personIds: [], organisationId: 'o1' }), touch({ personIds: ['p2'], at: at(-48) }), touch({ personIds: ['p9'], organisationId: 'o3', type: 'website visit' })];
    expect(computeTerritoryCoverage({ organisations, customers, interactions }, june)).toEqual([
      { territory: 'North', accounts: 2, contacted: 1, coverage: 0.5 },
      { territory: 'South', accounts: 1, contacted: 0, coverage: 0 },
    ]);
  });
});

describe('value tiers and RFM scores [S7]', () => {
  test('ties never split a tier or a score', () => {
    const revenue = [100, 90, 90, 50, 40, 30, 20, 10, 10, 5];
    const thresholds = tierThresholds(revenue)!;
    expect(thresholds).toEqual({ top: 90, next: 40 });
    expect(revenue.map((r) => classifyTier(1, r, thresholds))).toEqual(['top 20%', 'top 20%', 'top 20%', 'next 30%', 'next 30%', 'bottom 50%', 'bottom 50%', 'bottom 50%', 'bottom 50%', 'bottom 50%']);
    expect(classifyTier(0, 0, thresholds)).toBe('no purchases');
    expect(quintileScores([10, 20, 20, 30, 40, 50, 60, 70, 80, 90])).toEqual([1, 1, 1, 2, 3, 3, 4, 4, 5, 5]);
  });
});
