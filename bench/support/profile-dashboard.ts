/**
 * `npx tsx bench/support/profile-dashboard.ts [customers] [out-dir]`: CPU profiles of the hourly trigger at the
 * dashboard bench's scale, one .cpuprofile per run (open in Chrome DevTools > Performance, or summarise with
 * bench/support/summarise-profile.ts). Only the trigger runs are profiled, not building the team.
 *   1. recompute at the team's `now` (warms the saved fit, as yesterday's runs would have);
 *   2. the trigger as installed, on the real clock (a new day: the purchase history moved on, the fit is redone);
 *   3. the trigger again (the same day: the fit is reused).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { AppsScriptRuntime } from '../../emulator/runtime';
import { buildAppsScript } from '../../scripts/build-apps-script';
import { generateTeamData } from '../../tests/support/generate-team-data';
import { loadTeamIntoWorkbook } from '../../tests/support/load-team';
import { PlainWorkbook } from './plain-workbook';

const customers = Number(process.argv[2] ?? 50_000);
const out = process.argv[3] ?? '.profiles';
mkdirSync(out, { recursive: true });
const runtime = new AppsScriptRuntime({ bundleDir: process.env.CLIPSHEET_BUNDLE ?? (await buildAppsScript()), workbook: new PlainWorkbook() });
runtime.call('setUpSpreadsheet');
const team = generateTeamData({ seed: 8, customers, interactions: customers * 10, deals: Math.round(customers * 1.6) });
loadTeamIntoWorkbook(runtime, team);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 1000 });
const profiled = async (name: string, work: () => unknown) => {
  await session.post('Profiler.start');
  const measured = runtime.measureWith(work);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(out, `${name}.cpuprofile`), JSON.stringify(profile));
  console.log(`${name}: ${measured.calls} calls, ${Math.round(measured.ms)} ms`, JSON.stringify(measured.byService));
};
await profiled('1-recompute', () => runtime.call('recomputeDashboard', team.now));
await profiled('2-trigger-new-day', () => runtime.runTimeDriven());
await profiled('3-trigger-same-day', () => runtime.runTimeDriven());
