import { expect, test } from 'vitest';
import type { RecomputeResult } from '../../apps-script/dashboard-result';
import { AppsScriptRuntime } from '../../emulator/runtime';
import { BUNDLE_DIR } from '../support/add-on';
import { readCdnowTeam } from '../support/cdnow-team';
import { loadTeamIntoWorkbook } from '../support/load-team';
import { PUBLISHED_BG_NBD } from '../shared/retention/cdnow-data';

/**
 * Real purchase data through the add-on: the CDNOW 1/10 sample's purchases up to the end of the published
 * calibration period (1997-09-30) as won orders in Deals, recomputed on 1997-10-01. The Predictions step
 * must reproduce the published BG/NBD fit, and the dashboard's cohort grid the sample's own history.
 */
test('CDNOW: the published BG/NBD parameters on the Predictions sheet, and the cohort grid from the log', () => {
  const team = readCdnowTeam('1997-09-30');
  const runtime = new AppsScriptRuntime({ bundleDir: BUNDLE_DIR });
  runtime.call('setUpSpreadsheet');
  loadTeamIntoWorkbook(runtime, team);
  const result = runtime.call<RecomputeResult>('recomputeDashboard', '1997-10-01T00:00:00.000Z');
  const predictions = runtime.workbook.sheet('Predictions')!;
  const [r, alpha, a, b] = runtime.workbook.readValues(predictions, 3, 1, 1, 4)[0]! as number[];
  expect(r).toBeCloseTo(PUBLISHED_BG_NBD.r, 3);
  expect(alpha).toBeCloseTo(PUBLISHED_BG_NBD.alpha, 2);
  expect(a).toBeCloseTo(PUBLISHED_BG_NBD.a, 3);
  expect(b).toBeCloseTo(PUBLISHED_BG_NBD.b, 2);
  expect(runtime.workbook.lastRow(predictions) - 6).toBe(2357);
  // The Gamma-Gamma independence check on the sheet: Fader & Hardie's r = 0.11 for CDNOW, which passes.
  const [[label], [correlation]] = runtime.workbook.readValues(predictions, 2, 9, 2, 1) as [[string], [number]];
  expect([label, correlation]).toEqual(['corr(x, spend)', expect.closeTo(0.11, 2)]);
  expect(runtime.workbook.readValues(predictions, 5, 1, 1, 1)[0]![0]).toMatch(/^Spend model check: correlation of repeat purchases and mean spend r = 0\.11 /);
  expect(result.predictions).toBe('forecast for 2357 customers');

  // Churn risk comes from the same predictions: buyers the model gives at most even odds of being alive.
  const values = runtime.workbook.readValues(predictions, 7, 1, 2357, 7);
  expect(result.segments.find((s) => s.name === 'Churn risk')!.members).toBe(values.filter((row) => (row[6] as number) >= 0.5).length);

  // The cohort grid against the log itself: who first bought in each month, and who bought k months later.
  const months = new Map<string, Set<string>>();
  const first = new Map<string, string>();
  for (const deal of team.deals) {
    const month = deal.closedAt!.slice(0, 7);
    (months.get(deal.personId!) ?? months.set(deal.personId!, new Set()).get(deal.personId!)!).add(month);
    if (!first.has(deal.personId!) || month < first.get(deal.personId!)!) first.set(deal.personId!, month);
  }
  const traced = (key: string) => {
    const cell = result.dashboards.Dashboard!.find((e) => e.key === key)!.a1;
    return runtime.workbook.readValues(runtime.workbook.sheet('Dashboard')!, Number(cell.slice(1)), cell.charCodeAt(0) - 64, 1, 1)[0]![0];
  };
  for (const [cohort, offsets] of [['1997-01', 9], ['1997-02', 8], ['1997-03', 7]] as const) {
    const members = [...first].filter(([, m]) => m === cohort).map(([id]) => id);
    expect(traced(`cohort.${cohort}.size`)).toBe(members.length);
    for (let k = 0; k < 12; k++) {
      const month = `1997-${String(Number(cohort.slice(5)) + k).padStart(2, '0')}`;
      const expected = k < offsets ? members.filter((id) => months.get(id)!.has(month)).length / members.length : '';
      if (typeof expected === 'number') expect(traced(`cohort.${cohort}.month${k}`) as number).toBeCloseTo(expected, 12);
      else expect(traced(`cohort.${cohort}.month${k}`)).toBe('');
    }
  }
});

test('without enough repeat buyers the Predictions sheet says why, in the sheet’s words', () => {
  const team = readCdnowTeam('1997-09-30');
  // Each customer's first order only: nobody has bought twice.
  const firsts = new Map<string, (typeof team.deals)[number]>();
  for (const deal of team.deals) if (!firsts.has(deal.personId!) || deal.closedAt! < firsts.get(deal.personId!)!.closedAt!) firsts.set(deal.personId!, deal);
  const runtime = new AppsScriptRuntime({ bundleDir: BUNDLE_DIR });
  runtime.call('setUpSpreadsheet');
  loadTeamIntoWorkbook(runtime, { ...team, deals: [...firsts.values()] });
  const result = runtime.call<RecomputeResult>('recomputeDashboard', '1997-10-01T00:00:00.000Z');
  const sentence = 'No predictions: the purchase model needs at least 10 customers who bought more than once; there are 0.';
  expect(result.predictions).toBe(sentence);
  expect(runtime.workbook.readValues(runtime.workbook.sheet('Predictions')!, 4, 1, 1, 1)[0]![0]).toBe(sentence);
});
