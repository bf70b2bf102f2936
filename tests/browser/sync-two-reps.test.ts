import { afterAll, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Worker } from 'playwright-core';
import { startRig, type Rig } from '../support/browser-rig';
import { readSheetRows } from '../support/workbook-file';

// Two reps, two real browser profiles, one sheet: both clip the same person before either has synced,
// and both end up with the one row the sheet keeps.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig?.stop());

const PROFILE = 'https://www.linkedin.com/in/ada-lovelace/';
const localPeople = (worker: Worker) =>
  worker.evaluate(
    () =>
      new Promise<Array<{ id: string; fullName: string; revision: number }>>((resolve, reject) => {
        const open = indexedDB.open('clipsheet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('people').objectStore('people').getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        };
      }),
  );
/** "Sync now", as an extension page asks the background for it. */
async function syncNow(browser: { context: BrowserContext; extensionId: string }) {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'sync-now', payload: {} }));
  await page.close();
  return reply as { ok: boolean; value: { state: string; lastError?: string } };
}

test('two reps clip the same profile offline; the sheet keeps one row and both browsers converge to it', async () => {
  const bo = await rig.addRep('Bo Rep', 'bo@team.example');
  // Both clip while the sheet is unreachable: nothing has synced when the second capture is made.
  for (const worker of [rig.worker, bo.worker]) await worker.evaluate(() => chrome.storage.local.set({ syncSettings: null }));
  for (const context of [rig.context, bo.context]) {
    const page = await context.newPage();
    await page.goto(PROFILE);
    await page.getByTestId('clipsheet-save').click();
    await expect.poll(() => page.getByTestId('clipsheet-save').getAttribute('data-state')).toBe('saved');
  }
  const [anaLocal] = await localPeople(rig.worker);
  const [boLocal] = await localPeople(bo.worker);
  expect(anaLocal!.id).not.toBe(boLocal!.id);

  // Back online: each syncs; then each syncs once more to hear of the other's change.
  await rig.worker.evaluate(([url, key]) => chrome.storage.local.set({ syncSettings: { url, key } }), [rig.backend.url, rig.backend.key] as const);
  await bo.worker.evaluate(([url, key]) => chrome.storage.local.set({ syncSettings: { url, key } }), [rig.backend.url, bo.key] as const);
  for (const browser of [rig, bo, rig, bo]) expect(await syncNow(browser)).toMatchObject({ ok: true, value: { state: 'idle' } });

  const rows = await readSheetRows(rig.workbookFile, 'Customers');
  expect(rows.map((r) => r['Full name'])).toEqual(['Ada Lovelace']);
  for (const worker of [rig.worker, bo.worker]) {
    const people = await localPeople(worker);
    expect(people.map((p) => [p.id, p.revision])).toEqual([[rows[0]!.Id, rows[0]!.Revision]]);
  }
});
