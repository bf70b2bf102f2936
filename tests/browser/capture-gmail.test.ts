import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from '../support/browser-rig';
import { readSheetRows } from '../support/workbook-file';

// Gmail under its real host name: the inbox, a click into a thread (the hash changes, the thread renders a
// moment later), "Save thread", and the people and one interaction per message in the sheet; twice, to show
// that a second save adds nothing.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig?.stop());

const sheet = (name: string) => readSheetRows(rig.workbookFile, name);

test('saving a thread creates its people and logs each dated message once, leaving the rep’s colleagues out', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://mail.google.com/mail/u/0/#inbox');
  const save = page.getByTestId('clipsheet-save');
  await page.getByTestId('open-thread').click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('new');
  await expect(save.textContent()).resolves.toBe('Save thread to Clipsheet');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  // The rep's own reply is collapsed without recipients: nobody to log it against, so it is skipped, and said so.
  await expect(page.getByTestId('clipsheet-result').textContent()).resolves.toBe('2 messages logged, 1 skipped; 3 new, 0 updated in Clipsheet');

  await expect.poll(async () => (await sheet('Interactions')).length, { timeout: 20_000 }).toBe(2);
  const people = await sheet('Customers');
  // Maryam is at the rep's own company domain (never logged); the rep is never a customer.
  expect(people.map((p) => p['Full name']).sort()).toEqual(['Ali Rezaei', 'Negar Tehrani', 'sara@parsian-robotics.example']);
  expect(people.every((p) => p.Source === 'email')).toBe(true);
  const interactions = await sheet('Interactions');
  expect(interactions.map((i) => [i['External id'], i.Type, i.Direction, i.Subject])).toEqual(
    expect.arrayContaining([
      ['gmail:19a4c1e0b2d3f001', 'email', 'inbound', 'Pilot order for Q1'],
      ['gmail:19a4d8a7c3e4f003', 'email', 'inbound', 'Pilot order for Q1'],
    ]),
  );
  const ali = people.find((p) => p['Full name'] === 'Ali Rezaei')!;
  const last = interactions.find((i) => i['External id'] === 'gmail:19a4d8a7c3e4f003')!;
  expect(String(last['Person ids'])).toContain(String(ali.Id));

  // Saving the same thread again logs nothing new and creates nobody.
  await page.reload();
  await expect.poll(() => save.getAttribute('data-state')).toBe('known');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  await expect(page.getByTestId('clipsheet-result').textContent()).resolves.toBe('0 messages logged, 2 already there, 1 skipped; 0 new, 3 updated in Clipsheet');
  await expect.poll(() => rig.worker.evaluate(async () => ((await chrome.storage.local.get('syncStatus')).syncStatus as { pending?: number } | undefined)?.pending), { timeout: 20_000 }).toBe(0);
  expect(await sheet('Interactions')).toHaveLength(2);
  expect(await sheet('Customers')).toHaveLength(3);
  await page.close();
});
