import { describe, expect, test } from 'vitest';
import type { RecomputeResult } from '../../apps-script/dashboard-result';
import { AppsScriptRuntime } from '../../emulator/runtime';
import { probabilityAlive } from '../../shared/retention';
import { BUNDLE_DIR } from '../support/add-on';
import { generateTeamData, type TeamData } from '../support/generate-team-data';
import { loadTeamIntoWorkbook } from '../support/load-team';

/**
 * Segments, the live selectors, scoped dashboards, the hourly trigger and the custom functions, on small
 * generated teams (400 customers) so that each case can recompute on a fresh workbook.
 */
const small = (seed = 4, customers = 400): TeamData => generateTeamData({ seed, customers, interactions: customers * 10, deals: Math.round(customers * 1.7) });
const letter = (index: number) => String.fromCharCode(65 + index);

function addOn(team: TeamData) {
  const runtime = new AppsScriptRuntime({ bundleDir: BUNDLE_DIR });
  runtime.call('setUpSpreadsheet');
  loadTeamIntoWorkbook(runtime, team);
  const table = (sheet: string) => {
    const state = runtime.workbook.sheet(sheet)!;
    const values = runtime.workbook.readValues(state, 1, 1, Math.max(1, runtime.workbook.lastRow(state)), Math.max(1, runtime.workbook.lastColumn(state)));
    const headers = values[0]!.map(String);
    return { headers, rows: values.slice(1).map((line) => Object.fromEntries(headers.map((h, i) => [h, line[i]]))) };
  };
  const read = (sheet: string, a1: string) => {
    const [, letters, row] = /^([A-Z]+)(\d+)$/.exec(a1)!;
    const value = runtime.workbook.readValues(runtime.workbook.sheet(sheet)!, Number(row), [...letters!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0), 1, 1)[0]![0];
    return value;
  };
  return {
    runtime,
    table,
    read,
    recompute: () => runtime.call<RecomputeResult>('recomputeDashboard', team.now),
    /** The value of a traced dashboard cell. */
    traced: (result: RecomputeResult, key: string, sheet = 'Dashboard') => read(sheet, result.dashboards[sheet]!.find((e) => e.key === key)!.a1),
  };
}

describe('segments live in the Segments sheet', () => {
  test('built-ins are added once; a manager\'s edit of one is kept and applied; a rule typed by hand runs; a bad one is reported', () => {
    const team = small();
    const { runtime, table, recompute, traced } = addOn(team);
    recompute();
    recompute();
    const segments = table('Segments');
    expect(segments.rows).toHaveLength(17);
    expect(segments.rows.every((s) => s['Built in'] === true && s.Id !== '')).toBe(true);

    const rule = letter(segments.headers.indexOf('Rule'));
    const name = letter(segments.headers.indexOf('Segment'));
    const prospects = segments.rows.findIndex((s) => s.Segment === 'Prospects') + 2;
    runtime.editByHand('Segments', `${rule}${prospects}`, [['stage = prospect AND tags has vip']], 'manager@team.example');
    runtime.editByHand('Segments', `${name}19:${rule}19`, [['Cold VIPs', 'tags has vip AND last contact > 90 days'].slice(0, segments.headers.indexOf('Rule') - segments.headers.indexOf('Segment') + 1)], 'manager@team.example');
    runtime.editByHand('Segments', `${name}20:${rule}20`, [['Typo', 'stag = client'].slice(0, segments.headers.indexOf('Rule') - segments.headers.indexOf('Segment') + 1)], 'manager@team.example');
    const result = recompute();

    const after = table('Segments').rows;
    expect(after).toHaveLength(19);
    expect(after.find((s) => s.Segment === 'Prospects')!.Rule).toBe('stage = prospect AND tags has vip');
    const alive = team.people.filter((p) => !p.deleted);
    const vipProspects = alive.filter((p) => p.stage === 'prospect' && p.tags.includes('vip')).length;
    expect(result.segments.find((s) => s.name === 'Prospects')!.members).toBe(vipProspects);
    expect(result.segments.find((s) => s.name === 'Cold VIPs')!.error).toBeUndefined();
    expect(result.segments.find((s) => s.name === 'Typo')).toMatchObject({ members: 0, error: expect.stringMatching(/unknown field "stag"; did you mean "stage"/) });
    // The dashboard's segment table counts from the Segments column, live.
    expect(traced(result, 'segment.Prospects.customers')).toBe(vipProspects);
    const customers = table('Customers').rows;
    expect(customers.filter((c) => String(c.Segments).split('; ').includes('Prospects')).length).toBe(vipProspects);
  });

  test('the number of service calls does not grow with the data', () => {
    const calls = [400, 800].map((customers) => {
      const team = small(5, customers);
      const { runtime } = addOn(team);
      runtime.call('recomputeDashboard', team.now); // the first run adds the built-in segments
      return runtime.measure('recomputeDashboard', team.now).calls;
    });
    expect(calls[1]).toBe(calls[0]);
  });
});

describe('the dashboard is live and scoped', () => {
  test('changing the period and rep by hand recomputes every formula in the sheet, with no script run', () => {
    const team = small();
    const { runtime, recompute, traced } = addOn(team);
    const result = recompute();
    const rep = team.reps[2]!.email;
    runtime.editByHand('Dashboard', 'B3', [['2025-03 (Mar)']]);
    runtime.editByHand('Dashboard', 'E3', [[rep]]);
    for (const stage of ['suspect', 'prospect', 'first-time customer', 'repeat customer']) {
      expect(traced(result, `funnel.${stage}.people`)).toBe(team.answers.created.get(`2025-03|${stage}|${rep}`) ?? 0);
    }
    const weeks = [1, 2, 3, 4, 5, 6, 7, 8].map((w) => traced(result, `activity.week${w}`) as Date);
    expect(weeks[7]!.toISOString().slice(0, 10)).toBe('2025-03-31');
    weeks.forEach((week, w) => expect(traced(result, `activity.${rep}.week${w + 1}`)).toBe(team.answers.contacts.get(`${rep}|${week.toISOString().slice(0, 10)}`) ?? 0));
  });

  test('a rep\'s own dashboard shows only their book, and the main one stays on the team', () => {
    const team = small();
    const { runtime, traced } = addOn(team);
    const rep = team.reps[1]!;
    const result = runtime.call<RecomputeResult>('addRepDashboard', rep.email);
    const sheet = `Dashboard · ${rep.name}`;
    expect(Object.keys(result.dashboards)).toEqual(['Dashboard', sheet]);
    expect(runtime.workbook.sheet(sheet)!.validations.E3).toMatchObject({ values: [rep.email] });
    const mine = team.people.filter((p) => !p.deleted && p.owner === rep.email).length;
    expect(traced(result, 'tile.customers', sheet)).toBe(mine);
    expect(traced(result, 'tile.customers')).toBe(team.answers.people);
  });

  test('the hourly trigger recomputes through the add-on\'s hook, data quality included', () => {
    const team = small();
    const { runtime, table } = addOn(team);
    runtime.runTimeDriven();
    const dashboard = runtime.workbook.readValues(runtime.workbook.sheet('Dashboard')!, 1, 1, runtime.workbook.lastRow(runtime.workbook.sheet('Dashboard')!), 2);
    expect(dashboard.some(([label]) => label === 'Data quality')).toBe(true);
    expect(dashboard.find(([label]) => label === 'People')?.[1]).toBe(team.answers.people);
    expect(table('Customers').rows.filter((c) => c.Segments !== '').length).toBeGreaterThan(team.answers.people / 2);
    // The trigger reads Customers once for the report and the dashboard; a recompute alone reads it itself.
    // Both give the same Customer value sheet, but for what moves with the clock: the discounted CLV
    // (continuous in now) and, across midnight, days since contact.
    const day = () => new Date().toISOString().slice(0, 10);
    const before = day();
    const steady = () => table('Customer value').rows.map(({ ['Discounted CLV']: _clv, ...rest }) => rest);
    const fromTrigger = steady();
    runtime.call('recomputeDashboard');
    if (day() === before) expect(steady()).toEqual(fromTrigger);
    expect(fromTrigger.length).toBe(team.answers.people);
  });
});

describe('custom functions for one customer (issue 9)', () => {
  const cdnow = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  test('CLIPSHEET_P_ALIVE and CLIPSHEET_EXPECTED_PURCHASES compute with shared/retention, one cell or a column', () => {
    const runtime = new AppsScriptRuntime({ bundleDir: BUNDLE_DIR });
    const args = [cdnow.r, cdnow.alpha, cdnow.a, cdnow.b];
    expect(runtime.callCustomFunction('CLIPSHEET_P_ALIVE', 2, 30.43, 38.86, ...args)).toBeCloseTo(probabilityAlive(cdnow, 2, 30.43, 38.86), 12);
    expect(runtime.callCustomFunction('CLIPSHEET_P_ALIVE', [[0], [2], ['']], [[0], [30.43], ['']], [[10], [38.86], ['']], ...args)).toEqual([[1], [probabilityAlive(cdnow, 2, 30.43, 38.86)], ['']]);
    expect(runtime.callCustomFunction<number>('CLIPSHEET_EXPECTED_PURCHASES', 39, 2, 30.43, 38.86, ...args)).toBeGreaterThan(0);
    expect(() => runtime.callCustomFunction('CLIPSHEET_P_ALIVE', 2, 40, 38.86, ...args)).toThrow(/recency 40 cannot be later than T 38.86/);
    expect(() => runtime.callCustomFunction('CLIPSHEET_P_ALIVE', 'two', 1, 2, ...args)).toThrow(/frequency must be a number \(got "two"\)/);
  });
});
