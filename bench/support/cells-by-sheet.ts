/**
 * `npx tsx bench/support/cells-by-sheet.ts [customers]`: at the dashboard bench's scale, each sheet's grid
 * (what Google counts against 10 million cells), and the cells each run of the hourly trigger reads and
 * writes per sheet (what getValues and setValues cost).
 */
import { AppsScriptRuntime } from '../../emulator/runtime';
import type { SheetState } from '../../emulator/workbook';
import { buildAppsScript } from '../../scripts/build-apps-script';
import { generateTeamData } from '../../tests/support/generate-team-data';
import { loadTeamIntoWorkbook } from '../../tests/support/load-team';
import { PlainWorkbook } from './plain-workbook';

const customers = Number(process.argv[2] ?? 50_000);
const workbook = new PlainWorkbook();
const tally = new Map<string, { read: number; written: number }>();
const count = (state: SheetState, kind: 'read' | 'written', cells: number) => {
  const row = tally.get(state.name) ?? tally.set(state.name, { read: 0, written: 0 }).get(state.name)!;
  row[kind] += cells;
};
const { readValues, writeValues } = PlainWorkbook.prototype;
workbook.readValues = function (state, row, column, rows, columns, makeDate) {
  count(state, 'read', rows * columns);
  return readValues.call(this, state, row, column, rows, columns, makeDate);
};
workbook.writeValues = function (state, row, column, values) {
  count(state, 'written', values.length * (values[0]?.length ?? 0));
  return writeValues.call(this, state, row, column, values);
};
const runtime = new AppsScriptRuntime({ bundleDir: process.env.CLIPSHEET_BUNDLE ?? (await buildAppsScript()), workbook });
runtime.call('setUpSpreadsheet');
const team = generateTeamData({ seed: 8, customers, interactions: customers * 10, deals: Math.round(customers * 1.6) });
loadTeamIntoWorkbook(runtime, team);
const report = (label: string, work: () => unknown) => {
  tally.clear();
  work();
  console.log(`\n${label}`);
  for (const [sheet, { read, written }] of [...tally].sort((a, b) => b[1].read + b[1].written - a[1].read - a[1].written)) console.log(`  ${sheet.padEnd(28)} read ${String(read).padStart(9)}  written ${String(written).padStart(9)}`);
};
report('recompute at the team\'s now', () => runtime.call('recomputeDashboard', team.now));
report('the trigger (new day)', () => runtime.runTimeDriven());
report('the trigger (same day)', () => runtime.runTimeDriven());
console.log('\ngrid cells per sheet (rows x columns)');
let total = 0;
for (const s of workbook.sheets) {
  total += s.maxRows * s.maxColumns;
  console.log(`  ${s.name.padEnd(28)} ${String(s.maxRows).padStart(7)} x ${String(s.maxColumns).padStart(3)} = ${String(s.maxRows * s.maxColumns).padStart(9)}  (last row ${workbook.lastRow(s)}, last column ${workbook.lastColumn(s)})`);
}
console.log(`  total ${total}`);
