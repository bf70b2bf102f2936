import 'fake-indexeddb/auto';
import { expect, test, vi } from 'vitest';
import { ClipsheetDb } from '../../../extension/store/db';
import { fitPurchaseHistory, forecastPerson } from '../../../extension/store/forecast';
import { predictCustomers, rowsFromRecords } from '../../../shared/metrics';
import { generateTeamData } from '../../support/generate-team-data';
import { freshDb } from '../support';

// Issue 9, gap 2: opening a record must not read every deal of the team when the purchase history has not
// changed since the last fit; any write to deals (from this connection or another) must be seen.
test('a record opened on an unchanged purchase history reads no deals; a new purchase refits', async () => {
  const team = generateTeamData({ seed: 9, customers: 300, interactions: 0, deals: 1_200 });
  const db = freshDb();
  await db.deals.bulkPut(team.deals);
  const reads = vi.spyOn(db.deals, 'toArray');
  const rate = 0.1;

  const buyers = [...new Set(team.deals.filter((d) => d.kind === 'order' && d.status === 'won').map((d) => d.personId!))];
  const first = await forecastPerson(db, buyers[0]!, team.now, rate);
  expect(first.kind).toBe('predicted');
  expect(reads).toHaveBeenCalledTimes(1);
  for (const id of buyers.slice(1, 20)) await forecastPerson(db, id, team.now, rate);
  expect(reads).toHaveBeenCalledTimes(1);
  const before = await fitPurchaseHistory(db, Date.parse(team.now), rate);

  // Another connection to the same database (the background's sync) records a purchase: the next open sees it.
  const other = new ClipsheetDb(db.name);
  const template = team.deals.find((d) => d.kind === 'order' && d.status === 'won')!;
  const day = new Date(Date.parse(team.now) - 3 * 86_400_000).toISOString();
  await other.deals.put({ ...template, id: 'new-order', personId: buyers[0]!, value: 999, openedAt: day, closedAt: day, createdAt: day, updatedAt: day });
  other.close();
  const after = await fitPurchaseHistory(db, Date.parse(team.now), rate);
  expect(reads).toHaveBeenCalledTimes(2);
  expect(after.fingerprint).not.toBe(before.fingerprint);
  const expected = predictCustomers({ deals: rowsFromRecords({ people: [], deals: await db.deals.toArray(), interactions: [], organisations: [], reps: [] }).deals }, Date.parse(team.now), rate);
  expect(after.byCustomer.get(buyers[0]!)).toEqual(expected.byCustomer.get(buyers[0]!));

  // A new day moves the calibration end: refitted without any write.
  await fitPurchaseHistory(db, Date.parse(team.now) + 86_400_000, rate);
  expect(reads).toHaveBeenCalledTimes(4);
});
