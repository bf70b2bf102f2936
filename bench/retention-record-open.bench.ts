/**
 * Issue 9, gap 2: what opening a customer's record costs for its forecast at the 50k-customer scale (80,000 deals
 * in the browser's IndexedDB, here fake-indexeddb): before, every open read all deals to fingerprint the purchase
 * history (the fit itself was already kept per fingerprint); now an open on an unchanged history reads one count.
 */
import 'fake-indexeddb/auto';
import { loadavg } from 'node:os';
import { ClipsheetDb } from '../extension/store/db';
import { fitPurchaseHistory, forecastPerson } from '../extension/store/forecast';
import { describePurchaseHistory, rowsFromRecords } from '../shared/metrics';
import { generateTeamData } from '../tests/support/generate-team-data';
import type { Figure } from './figure';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export default async (): Promise<Figure[]> => {
  const team = generateTeamData({ seed: 8, customers: 50_000, interactions: 0, deals: 80_000 });
  const db = new ClipsheetDb(`record-open-${process.pid}`);
  await db.deals.bulkPut(team.deals);
  const at = Date.parse(team.now);
  const ids = [...new Set(team.deals.map((d) => d.personId!))].slice(0, 15);
  const loadAt = loadavg().map((v) => v.toFixed(2)).join(' ');

  // The old open, minus the fit it skipped when the fingerprint matched: read every deal, fingerprint them.
  const before: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const start = performance.now();
    const deals = (await db.deals.toArray()).filter((d) => d.kind === 'order' && d.status === 'won');
    describePurchaseHistory({ deals: rowsFromRecords({ people: [], deals, interactions: [], organisations: [], reps: [] }).deals }, at);
    before.push(performance.now() - start);
  }
  let start = performance.now();
  await fitPurchaseHistory(db, at, 0.1);
  const firstFit = performance.now() - start;
  const after: number[] = [];
  for (const id of ids) {
    start = performance.now();
    await forecastPerson(db, id, team.now, 0.1);
    after.push(performance.now() - start);
  }
  await db.delete();
  return [
    { name: 'record open, forecast part, 80k deals: before (all deals read each open)', value: median(before), unit: 'ms', note: `median of ${ids.length} opens; load ${loadAt}` },
    { name: 'record open, forecast part, 80k deals: first open of the day (read + fit)', value: firstFit, unit: 'ms' },
    { name: 'record open, forecast part, 80k deals: after (unchanged history: one count)', value: median(after), unit: 'ms', note: `median of ${ids.length} opens` },
  ];
};
