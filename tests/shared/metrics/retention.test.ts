import { describe, expect, test } from 'vitest';
import {
  activityWeekStarts, computeCohorts, computeRetention, defaultPeriodLabel, listPeriods, listPurchases, predictCustomers, rowsFromRecords,
} from '../../../shared/metrics';
import { readCdnowTeam } from '../../support/cdnow-team';
import { addMonths } from '../../support/team-data-answers';
import { teamFixture } from '../../support/team-fixture';
import { PUBLISHED_BG_NBD } from '../retention/cdnow-data';

const { team, data, now } = teamFixture();
const purchases = listPurchases(data);
const periods = listPeriods(now);

describe('periods: UTC calendar boundaries the dashboard writes as instants', () => {
  test('months, quarters, years, the last 12 months and all time, labelled so Sheets keeps them as text', () => {
    const labels = periods.map((p) => p.label);
    expect(labels.slice(0, 4)).toEqual(['Last 12 months', 'All time', '2026-07 (Jul)', '2026-06 (Jun)']);
    expect(labels).toContain('2026 Q2');
    expect(labels).toContain('Year 2025');
    expect(defaultPeriodLabel(now)).toBe('2026-06 (Jun)');
    const june = periods.find((p) => p.label === '2026-06 (Jun)')!;
    expect([june.start, june.end, june.previous]).toEqual([Date.UTC(2026, 5, 1), Date.UTC(2026, 6, 1), { start: Date.UTC(2026, 4, 1), end: Date.UTC(2026, 5, 1) }]);
    const q1 = periods.find((p) => p.label === '2026 Q1')!;
    expect(q1.previous).toEqual({ start: Date.UTC(2025, 9, 1), end: Date.UTC(2026, 0, 1) });
  });

  test('the activity weeks are the eight Mondays up to the one in the period\'s last week', () => {
    for (const period of periods) {
      const weeks = activityWeekStarts(period);
      expect(weeks).toHaveLength(8);
      expect(weeks.every((w) => new Date(w).getUTCDay() === 1 && w % 86_400_000 === 0)).toBe(true);
      expect(weeks[7]! <= period.end - 1 && period.end - 1 < weeks[7]! + 7 * 86_400_000).toBe(true);
    }
  });
});

describe('retention by month [S5] against the generator\'s purchases, by brute force', () => {
  const months = periods.filter((p) => p.kind === 'month').slice(1);
  test.each(months.map((p) => [p.label, p] as const))('%s', (label, period) => {
    const month = label.slice(0, 7);
    const expected = team.answers.retention(addMonths(month, -1), month);
    const figure = computeRetention(purchases, period);
    expect([figure.base, figure.retained]).toEqual([expected.base, expected.retained]);
    if (expected.base) expect(figure.rate).toBeCloseTo(expected.retained / expected.base, 12);
    const pro = team.answers.retention(addMonths(month, -1), month, 'Pro');
    expect(computeRetention(purchases, period, { product: 'pro' })).toMatchObject({ base: pro.base, retained: pro.retained });
  });

  test('a quarter compares with the quarter before', () => {
    const q = periods.find((p) => p.label === '2026 Q2')!;
    const buyers = (from: string, to: string) => new Set(team.answers.purchases.filter((p) => p.month >= from && p.month <= to).map((p) => p.personId));
    const before = buyers('2026-01', '2026-03');
    const after = buyers('2026-04', '2026-06');
    expect(computeRetention(purchases, q)).toMatchObject({ base: before.size, retained: [...before].filter((id) => after.has(id)).length });
  });
});

describe('first-purchase cohorts [S5]', () => {
  const grid = computeCohorts(purchases, now);
  test('the last twelve complete months with new customers, each followed month by month', () => {
    expect(grid.cohorts.map((c) => c.label)).toEqual(Array.from({ length: 12 }, (_, i) => addMonths('2025-07', i)));
    for (const cohort of grid.cohorts) {
      cohort.active.forEach((active, k) => {
        if (addMonths(cohort.label, k) >= '2026-07') return expect(active).toBeUndefined();
        const expected = team.answers.cohort(cohort.label, k);
        expect([cohort.size, active]).toEqual([expected.size, expected.active]);
      });
      expect(cohort.rates[0]).toBe(1);
    }
  });

  test('the curve weights each cohort by its size', () => {
    const k = 3;
    const old = grid.cohorts.filter((c) => c.active[k] !== undefined);
    expect(grid.curve[k]).toBeCloseTo(old.reduce((s, c) => s + c.active[k]!, 0) / old.reduce((s, c) => s + c.size, 0), 12);
    // Month 11 exists only for the oldest cohort: the curve is its rate there.
    expect(grid.curve[11]).toBe(grid.cohorts[0]!.rates[11]);
  });
});

// The full CDNOW sample: seconds of work, more on a busy two-core machine than the unit default allows.
describe('real purchase data: CDNOW', { timeout: 60_000 }, () => {
  test('the Predictions step reduces the sample log to the published summary and fits the published BG/NBD', () => {
    const cdnow = rowsFromRecords(readCdnowTeam('1997-09-30'));
    const run = predictCustomers(cdnow, Date.UTC(1997, 9, 1), 0.1);
    expect(run.summaries).toHaveLength(2357);
    expect(run.bgNbd!.r).toBeCloseTo(PUBLISHED_BG_NBD.r, 3);
    expect(run.bgNbd!.alpha).toBeCloseTo(PUBLISHED_BG_NBD.alpha, 2);
    expect(run.bgNbd!.a).toBeCloseTo(PUBLISHED_BG_NBD.a, 3);
    expect(run.bgNbd!.b).toBeCloseTo(PUBLISHED_BG_NBD.b, 2);
    expect(run.byCustomer.size).toBe(2357);
  });

  test('the whole sample is one quarter\'s cohorts: January to March 1997', () => {
    const cdnow = rowsFromRecords(readCdnowTeam());
    const grid = computeCohorts(listPurchases(cdnow), Date.UTC(1998, 6, 1), 12, 18);
    expect(grid.cohorts.map((c) => c.label)).toEqual(['1997-01', '1997-02', '1997-03']);
    expect(grid.cohorts.reduce((s, c) => s + c.size, 0)).toBe(2357);
  });
});
