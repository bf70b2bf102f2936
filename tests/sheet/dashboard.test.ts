import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { AppsScriptRuntime, type Measured } from '../../emulator/runtime';
import { extrasOf } from '../../emulator/sheet-extras';
import { saveWorkbook } from '../../emulator/workbook-file';
import type { RecomputeResult } from '../../apps-script/dashboard-result';
import {
  computeCohorts, computePeriodFigures, computeRetention, computeTerritoryCoverage, evaluateExpr, listPeriods, listPurchases, listTopProducts, toSerial, toTableRows,
} from '../../shared/metrics';
import { BUNDLE_DIR } from '../support/add-on';
import { cellOf, recalculateWithLibreOffice, stripCachedResults } from '../support/libreoffice';
import { loadTeamIntoWorkbook } from '../support/load-team';
import { renderSheet } from '../support/render-sheet';
import { teamFixture } from '../support/team-fixture';

/**
 * Issue 8's verification: the generated team (5,000 customers, 50,000 interactions, 8,000 deals) in the emulator,
 * with the interactions before a cutoff moved to the archive spreadsheet (one batch by hand, the rest by the
 * hourly trigger), the real add-on recomputes segments and the dashboard once, and every number the dashboard
 * shows is checked against the domain core computed from all the records, none archived (not from the sheet):
 * once as HyperFormula evaluated it, once as LibreOffice recalculated the saved .xlsx. Counts exactly, rates
 * and money to 1e-9 relative.
 */
const OUT = join(import.meta.dirname, '..', '..', 'test-results', 'dashboard');
const fixture = teamFixture();
const tables = toTableRows(fixture.data, fixture.facts, fixture.segments.byCustomer);
const purchases = listPurchases(fixture.data);
const periods = listPeriods(fixture.now);
const june = periods.find((p) => p.label === '2026-06 (Jun)')!;
// Mid-day and mid-month: days, weeks and months hold interactions on both sides of it.
const ARCHIVED_BEFORE = '2025-11-17T13:00:00.000Z';
const archivedCount = fixture.team.interactions.filter((i) => i.at < ARCHIVED_BEFORE).length;

let runtime: AppsScriptRuntime;
let measured: Measured<RecomputeResult>;
let libreOffice: Map<string, string[][]>;
let firstBatch: { moved: number; remaining: number };

beforeAll(async () => {
  runtime = new AppsScriptRuntime({ bundleDir: BUNDLE_DIR });
  runtime.call('setUpSpreadsheet');
  loadTeamIntoWorkbook(runtime, fixture.team);
  firstBatch = runtime.call('archiveInteractionsBefore', ARCHIVED_BEFORE, 0);
  runtime.runTimeDriven();
  measured = runtime.measure<RecomputeResult>('recomputeDashboard', fixture.team.now);
  mkdirSync(OUT, { recursive: true });
  await saveWorkbook(join(OUT, 'team.xlsx'), runtime.workbook, runtime.state);
  await stripCachedResults(join(OUT, 'team.xlsx'), ['Dashboard']);
  libreOffice = recalculateWithLibreOffice(join(OUT, 'team.xlsx'), join(OUT, 'csv'));
}, 900_000);

const manifest = () => measured.result.dashboards.Dashboard!;
// Dates come back as Date (HyperFormula) or as text (LibreOffice's CSV): both as serial days to compare.
const hf = (a1: string, sheet = 'Dashboard') => {
  const value = runtime.workbook.readValues(runtime.workbook.sheet(sheet)!, Number(a1.replace(/\D/g, '')), columnNumber(a1), 1, 1)[0]![0];
  return value instanceof Date ? toSerial(value.getTime()) : value;
};
const lo = (a1: string, sheet = 'Dashboard') => {
  const text = cellOf(libreOffice.get(sheet)!, a1);
  const date = /^(\d\d)\/(\d\d)\/(\d{4})$/.exec(text);
  if (date) return toSerial(Date.UTC(Number(date[3]), Number(date[1]) - 1, Number(date[2])));
  return text === '' ? '' : Number.isNaN(Number(text)) ? text : Number(text);
};
const columnNumber = (a1: string) => [...a1.replace(/[^A-Z]/g, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/** The sheet's value against the domain's: blank for undefined, exact for whole numbers, else 1e-9 relative. */
function agree(actual: unknown, expected: number | string | undefined, where: string): void {
  if (expected === undefined || expected === '') return void expect(actual, where).toBe('');
  if (typeof expected === 'string') return void expect(actual, where).toBe(expected);
  expect(typeof actual, `${where}: ${String(actual)}`).toBe('number');
  if (Number.isInteger(expected)) expect(actual, where).toBe(expected);
  else expect(Math.abs((actual as number) - expected), `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

/** What the domain core says each traced, computed cell holds (June 2026, all reps: the dashboard's opening view). */
function computedExpectations(): Map<string, number | string | undefined> {
  const expected = new Map<string, number | string | undefined>();
  const figures = computePeriodFigures(fixture.data, purchases, fixture.facts, june);
  const tiles: Array<[string, number | string | undefined]> = [
    ['tile.retention', figures.retention.rate], ['tile.churn', figures.retention.churn], ['tile.pareto', figures.paretoShare],
    ['tile.response', figures.response.medianHours], ['tile.acquisition-share', figures.balance.acquisitionShare], ['tile.balance', figures.balance.balance],
    ['period.start', toSerial(june.start)], ['period.end', toSerial(june.end)],
  ];
  for (const [key, value] of tiles) expected.set(key, value);
  const products = listTopProducts(purchases, 5);
  for (const [unit, list] of [['month', periods.filter((p) => p.kind === 'month').slice(1, 13)], ['quarter', periods.filter((p) => p.kind === 'quarter').slice(1, 9)]] as const) {
    for (const period of list) {
      const all = computeRetention(purchases, period);
      expected.set(`retention.${unit}.${period.label}.base`, all.base);
      expected.set(`retention.${unit}.${period.label}.rate`, all.rate);
      for (const product of products) expected.set(`retention.${unit}.${period.label}.product.${product}`, computeRetention(purchases, period, { product }).rate);
    }
  }
  const cohorts = computeCohorts(purchases, fixture.now);
  for (const cohort of cohorts.cohorts) {
    expected.set(`cohort.${cohort.label}.size`, cohort.size);
    cohort.rates.forEach((rate, k) => expected.set(`cohort.${cohort.label}.month${k}`, rate));
  }
  cohorts.curve.forEach((share, k) => expected.set(`cohort.curve.month${k}`, share));
  for (const row of computeTerritoryCoverage(fixture.data, june)) expected.set(`coverage.${row.territory}.coverage`, row.coverage);
  return expected;
}

describe('the archive', () => {
  test('took the interactions before the cutoff, one batch at once and the rest at the hourly run', () => {
    expect(archivedCount).toBeGreaterThan(20_000);
    expect(firstBatch.moved).toBeLessThan(archivedCount);
    expect(firstBatch.moved + firstBatch.remaining).toBe(archivedCount);
    const state = JSON.parse(runtime.state.properties['clipsheet.archive']!) as { id: string; pending: boolean };
    expect(state.pending).toBe(false);
    const archive = runtime.spreadsheets.get(state.id)!;
    expect(archive.lastRow(archive.sheet('Interactions')!)).toBe(archivedCount + 1);
    const live = runtime.workbook.sheet('Interactions')!;
    expect(runtime.workbook.lastRow(live)).toBe(fixture.team.interactions.length - archivedCount + 1);
  });
});

describe('every live formula equals the domain core', () => {
  test('the dashboard traces its numbers: well over two hundred live formulas', () => {
    expect(manifest().filter((e) => e.expr).length).toBeGreaterThan(200);
  });

  test('HyperFormula, in the emulator', () => {
    for (const entry of manifest()) if (entry.expr) agree(hf(entry.a1), evaluateExpr(entry.expr, tables), `${entry.key} (${entry.a1})`);
  });

  test('LibreOffice, recalculating the saved .xlsx', () => {
    for (const entry of manifest()) if (entry.expr) agree(lo(entry.a1), evaluateExpr(entry.expr, tables), `${entry.key} (${entry.a1})`);
  });
});

describe('every computed figure equals the domain core, looked up by the selectors', () => {
  const expected = computedExpectations();
  test.each([['HyperFormula', hf], ['LibreOffice', lo]] as const)('%s', (_engine, read) => {
    let checked = 0;
    for (const entry of manifest()) {
      if (!expected.has(entry.key)) continue;
      agree(read(entry.a1), expected.get(entry.key), `${entry.key} (${entry.a1})`);
      checked++;
    }
    expect(checked).toBeGreaterThan(250);
  });
});

describe('what the add-on wrote besides the dashboard', () => {
  test("each customer's Segments cell lists the domain's segments, in the Segments sheet's order", () => {
    const sheet = runtime.workbook.sheet('Customers')!;
    const values = runtime.workbook.readValues(sheet, 1, 1, runtime.workbook.lastRow(sheet), runtime.workbook.lastColumn(sheet));
    const [id, segments] = ['Id', 'Segments'].map((h) => values[0]!.indexOf(h));
    for (const row of values.slice(1)) expect(row[segments!], String(row[id!])).toBe((fixture.segments.byCustomer.get(String(row[id!])) ?? []).join('; '));
    expect(measured.result.segments.map((s) => [s.name, s.members])).toEqual(fixture.segments.results.map((s) => [s.name, s.members]));
  });

  test('the Customer value sheet holds the domain\'s facts for every customer', () => {
    const sheet = runtime.workbook.sheet('Customer value')!;
    const values = runtime.workbook.readValues(sheet, 1, 1, fixture.facts.length + 1, runtime.workbook.lastColumn(sheet));
    const at = (header: string) => values[0]!.indexOf(header);
    fixture.facts.forEach((facts, i) => {
      const row = values[i + 1]!;
      expect(row[at('Id')]).toBe(facts.id);
      agree(row[at('Revenue')], facts.revenue, `${facts.id} revenue`);
      agree(row[at('Discounted CLV')], facts.clv, `${facts.id} clv`);
      agree(row[at('Churn risk')], facts.churnRisk, `${facts.id} churn risk`);
      expect(row[at('Value tier')]).toBe(facts.valueTier);
      expect(row[at('Quadrant')]).toBe(facts.quadrant ?? '');
    });
    expect(runtime.workbook.lastRow(sheet)).toBe(fixture.facts.length + 1);
  });

  test('charts for the funnel, activity per rep, value by segment and the retention curve; cohort colours; the selectors', () => {
    const extras = extrasOf(runtime.workbook.sheet('Dashboard')!);
    expect(extras.charts.map((c) => [c.type, c.options.title])).toEqual([
      ['BAR', 'Funnel: reached each stage or further'], ['COLUMN', 'Contacts per rep, last 8 weeks'], ['BAR', 'Revenue by segment'], ['LINE', 'Retention curve (share of a cohort buying, by month)'],
    ]);
    expect(extras.conditionalRules).toHaveLength(1);
    expect(extras.conditionalRules[0]!.gradient?.min?.[0]).toBe('#f4c7c3');
    const validations = runtime.workbook.sheet('Dashboard')!.validations;
    expect(Object.keys(validations).sort()).toEqual(['B3', 'E3', 'H3']);
    expect(validations.B3).toMatchObject({ type: 'list', values: periods.map((p) => p.label) });
  });

  test('the recompute makes a bounded number of service calls (none per row)', () => {
    // 5,000 customers, 8,000 deals, 50,000 interactions (half of them in the archive): a write or read per row would be thousands.
    expect(measured.calls).toBeLessThan(320);
    expect(measured.byService['SpreadsheetApp.Range.setValues']).toBeLessThanOrEqual(8);
  });

  test('a picture of the dashboard, rendered by LibreOffice, for review', async () => {
    const pages = await renderSheet(runtime.workbook, extrasOf(runtime.workbook.sheet('Dashboard')!), 'Dashboard', join(OUT, 'screenshot'));
    expect(pages.length).toBeGreaterThanOrEqual(1);
  }, 240_000);
});
