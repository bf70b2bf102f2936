import { afterAll, beforeAll, expect, test } from 'vitest';
import { predictCustomers, rowsFromRecords } from '../../shared/metrics';
import type { Deal, Person } from '../../shared/model';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { startRig, type Rig } from '../support/browser-rig';
import { generateTeamData } from '../support/generate-team-data';
import { disconnectSheet, openWorkspace, pageErrors } from './workspace-support';

// Issue 9 in the built extension: a customer's record shows P(alive), expected purchases and predicted value,
// fitted in the side panel from the purchases in the browser's IndexedDB, equal to the sheet's Predictions
// step on the same purchases.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
  await disconnectSheet(rig);
});
afterAll(async () => rig?.stop());

// The generated team's history ends at its own "now"; moved to end today, so the fit is of a live customer base.
function teamEndingToday() {
  const team = generateTeamData({ seed: 9, customers: 300, interactions: 0, deals: 1_200 });
  const shift = Date.now() - Date.parse(team.now);
  const moved = (iso: string | undefined) => (iso === undefined ? undefined : new Date(Date.parse(iso) + shift).toISOString());
  const deals: Deal[] = team.deals.map((d) => ({ ...d, createdAt: moved(d.createdAt)!, updatedAt: moved(d.updatedAt)!, openedAt: moved(d.openedAt)!, closedAt: moved(d.closedAt) }));
  return { people: team.people as Person[], deals };
}

test('a customer’s record shows the forecast of the sheet’s Predictions step', async () => {
  const { people, deals } = teamEndingToday();
  const page = await openWorkspace(rig);
  await page.evaluate(
    ({ people, deals }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('clipsheet');
        open.onsuccess = () => {
          const tx = open.result.transaction(['people', 'deals'], 'readwrite');
          for (const person of people) tx.objectStore('people').put(person);
          for (const deal of deals) tx.objectStore('deals').put(deal);
          tx.oncomplete = () => (open.result.close(), resolve());
          tx.onerror = () => reject(tx.error);
        };
        open.onerror = () => reject(open.error);
      }),
    { people, deals },
  );
  const expected = predictCustomers({ deals: rowsFromRecords({ people: [], deals, interactions: [], organisations: [], reps: [] }).deals }, Date.now(), DEFAULT_SETTINGS.discountRatePerYear);
  expect(expected.bgNbd).toBeDefined();
  const buyer = people.find((p) => (expected.byCustomer.get(p.id)?.probabilityAlive ?? 1) < 0.9)!;
  const prediction = expected.byCustomer.get(buyer.id)!;

  await page.evaluate((id) => (location.hash = `#/person/${encodeURIComponent(id)}`), buyer.id);
  await expect.poll(() => page.getByTestId('person-name').textContent()).toBe(buyer.fullName);
  const panel = page.getByTestId('person-forecast');
  await expect.poll(() => panel.getAttribute('data-kind'), { timeout: 30_000 }).toBe('predicted');
  const shown = async (label: string) => Number((await panel.getByTestId(label).textContent())!.replace(/[^0-9.]/g, ''));
  expect(await shown('forecast.alive')).toBe(Math.round(prediction.probabilityAlive * 100));
  expect(await shown('forecast.purchases')).toBe(Math.round(prediction.expectedPurchases * 10) / 10);
  expect(await shown('forecast.value')).toBe(Math.round(prediction.clv!));

  const prospect = people.find((p) => !expected.byCustomer.has(p.id))!;
  await page.evaluate((id) => (location.hash = `#/person/${encodeURIComponent(id)}`), prospect.id);
  await expect.poll(() => panel.getAttribute('data-kind'), { timeout: 30_000 }).toBe('no-purchases');
  expect(pageErrors(page)).toEqual([]);
});
