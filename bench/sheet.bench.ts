/**
 * The Sheets add-on at team scale, against the exact bundle in the emulator (issue 6): Set up on an empty
 * spreadsheet, then a Customers sheet of 50,000 people taking 1,000 new ones by sync (in as few requests as
 * the protocol's MAX_PUSH_CHANGES allows), a hand edit, the sidebar, the data-quality check, the hourly
 * recompute and a repair run.
 * Service calls are what carries over to Google (each is a round trip there); emulated time is this
 * machine's, in a Node vm with HyperFormula, not Google's.
 */
import { AppsScriptRuntime } from '../emulator/runtime';
import { columnToLetters } from '../emulator/a1';
import { Workbook, type SheetState } from '../emulator/workbook';
import { signRequest } from '../extension/sync/transport';
import { Person, recordToCells } from '../shared/model';
import { parseSyncKey } from '../shared/sync/key';
import { MAX_PUSH_CHANGES, type SyncResponse } from '../shared/sync/protocol';
import { buildAppsScript } from '../scripts/build-apps-script';
import type { Benchmark, Figure } from './figure';

const EXISTING = Number(process.env.SHEET_BENCH_ROWS ?? 50_000);
const NEW = 1_000;
const AT = '2026-06-01T00:00:00.000Z';
const LIMIT_MS = 6 * 60 * 1000;

const personRecord = (n: number) => ({
  id: `p-${n}`,
  revision: 1,
  createdAt: AT,
  updatedAt: AT,
  deleted: false,
  owner: 'bench@team.example',
  provenance: {},
  history: [],
  fullName: `Person ${n}`,
  emails: [`person${n}@example.com`],
  phones: [],
  company: `Company ${n % 997}`,
  stage: 'prospect',
  tags: [],
  segments: [],
  doNotContact: false,
});

/** Which sheets a piece of work reads or writes, by watching the workbook (the script cannot tell). */
function sheetsTouched<T>(workbook: Workbook, work: () => T): { result: T; sheets: string[] } {
  const seen = new Set<string>();
  const watch = <K extends 'readValues' | 'writeValues' | 'insertRows'>(name: K) => {
    const original = workbook[name].bind(workbook) as (state: SheetState, ...rest: unknown[]) => unknown;
    (workbook as unknown as Record<K, unknown>)[name] = (state: SheetState, ...rest: unknown[]) => (seen.add(state.name), original(state, ...rest));
    return () => ((workbook as unknown as Record<K, unknown>)[name] = original);
  };
  const restore = [watch('readValues'), watch('writeValues'), watch('insertRows')];
  try {
    return { result: work(), sheets: [...seen].sort() };
  } finally {
    restore.forEach((undo) => undo());
  }
}

const bench: Benchmark = async () => {
  const bundleDir = await buildAppsScript();
  const figures: Figure[] = [];

  const empty = new Workbook();
  empty.addSheet('Sheet1');
  const fresh = new AppsScriptRuntime({ bundleDir, workbook: empty }).measure<string[]>('setUpSpreadsheet');
  figures.push(
    { name: 'setup, empty spreadsheet: service calls', value: fresh.calls, unit: 'calls', note: `was ~460 before issue 6; ${fresh.byService['SpreadsheetApp.Range.setDataValidation']} drop-downs, ${fresh.byService['SpreadsheetApp.Range.protect']} protections` },
    { name: 'setup, empty spreadsheet: emulated time', value: Math.round(fresh.ms), unit: 'ms', target: `one request, < ${LIMIT_MS} ms`, meets: fresh.ms < LIMIT_MS },
  );

  // 50,000 people written straight into the workbook (seeding is not what is measured).
  const runtime = new AppsScriptRuntime({ bundleDir });
  runtime.call('setUpSpreadsheet');
  const key = parseSyncKey(runtime.call<string>('issueRepKey', 'Bench Rep', 'bench@team.example'));
  const { workbook } = runtime;
  const customers = workbook.sheet(Person.sheet)!;
  const headers = workbook.readValues(customers, 1, 1, 1, workbook.lastColumn(customers))[0]!.map(String);
  const columns = headers.map((h) => Person.columns.find((c) => c.header === h)!);
  const seedStart = performance.now();
  workbook.insertRows(customers, customers.maxRows + 1, EXISTING + NEW + 1 - customers.maxRows);
  workbook.writeValues(customers, 2, 1, Array.from({ length: EXISTING }, (_, n) => recordToCells(columns, personRecord(n))));
  const seedMs = performance.now() - seedStart;

  const batch = Math.min(MAX_PUSH_CHANGES, NEW);
  for (let start = 0; start < NEW; start += batch) {
    const changes = Array.from({ length: Math.min(batch, NEW - start) }, (_, i) => {
      const n = EXISTING + start + i;
      return { entity: 'person' as const, key: `bench-${String(n).padStart(8, '0')}`, assumedRevision: null, record: { ...personRecord(n), revision: 0, owner: '' } };
    });
    const body = await signRequest(key, { op: 'push', changes }, Date.now());
    const { result: measured, sheets } = sheetsTouched(workbook, () => runtime.measureWith(() => JSON.parse(runtime.request('POST', {}, body).content) as SyncResponse));
    if (!measured.result.ok) throw new Error(measured.result.error.message);
    const sheetCalls = Object.entries(measured.byService).filter(([name]) => name.startsWith('SpreadsheetApp.')).reduce((sum, [, n]) => sum + n, 0);
    const requests = Math.ceil(NEW / batch);
    const label = `sync push${requests > 1 ? ` ${start / batch + 1} of ${requests}` : ''} (${changes.length.toLocaleString('en')} new into ${(EXISTING + start).toLocaleString('en')})`;
    figures.push(
      { name: `${label}: service calls`, value: measured.calls, unit: 'calls', note: `${sheetCalls} SpreadsheetApp calls; getValues ${measured.byService['SpreadsheetApp.Range.getValues'] ?? 0}, setValues ${measured.byService['SpreadsheetApp.Range.setValues'] ?? 0}` },
      { name: `${label}: SpreadsheetApp calls per sheet touched`, value: Number((sheetCalls / sheets.length).toFixed(1)), unit: 'calls', target: 'a handful (<= 10)', meets: sheetCalls / sheets.length <= 10, note: `sheets touched: ${sheets.join(', ')}` },
      { name: `${label}: emulated time`, value: Math.round(measured.ms), unit: 'ms', target: `< ${LIMIT_MS} ms`, meets: measured.ms < LIMIT_MS },
    );
  }
  figures.push({ name: `seeding ${EXISTING.toLocaleString('en')} rows into the emulator (not the add-on)`, value: Math.round(seedMs), unit: 'ms' });

  const title = columnToLetters(headers.indexOf('Title') + 1);
  const edit = runtime.measureWith(() => runtime.editByHand(Person.sheet, `${title}${Math.floor(EXISTING * 0.8)}`, [['Engineer']]));
  figures.push({ name: 'hand edit on row 40,000: service calls', value: edit.calls, unit: 'calls', note: `${Math.round(edit.ms)} ms emulated` });

  runtime.select(Person.sheet, `${title}${Math.floor(EXISTING / 2)}`);
  const sidebar = runtime.measure('sidebarLoad');
  figures.push({ name: `sidebar for one person among ${(EXISTING + NEW).toLocaleString('en')}: emulated time`, value: Math.round(sidebar.ms), unit: 'ms', note: `${sidebar.calls} service calls; reads Customers whole to find duplicates` });

  const quality = runtime.measure('menuCheckDataQuality');
  figures.push({ name: `data-quality check over ${(EXISTING + NEW).toLocaleString('en')}: emulated time`, value: Math.round(quality.ms), unit: 'ms', target: `< ${LIMIT_MS} ms`, meets: quality.ms < LIMIT_MS, note: `${quality.calls} service calls` });
  const hourly = runtime.measureWith(() => runtime.runTimeDriven());
  figures.push({ name: `hourly trigger (data quality, segments, dashboards) over ${(EXISTING + NEW).toLocaleString('en')}: emulated time`, value: Math.round(hourly.ms), unit: 'ms', target: `< ${LIMIT_MS} ms`, meets: hourly.ms < LIMIT_MS, note: `${hourly.calls} service calls` });

  const repair = runtime.measure<string[]>('setUpSpreadsheet');
  figures.push({ name: `setup re-run on the ${(EXISTING + NEW).toLocaleString('en')}-row sheet: service calls`, value: repair.calls, unit: 'calls', note: `${Math.round(repair.ms)} ms emulated; ${repair.result.length ? repair.result.join('; ') : 'nothing to repair'}` });
  return figures;
};
export default bench;
