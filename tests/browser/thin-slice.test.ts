import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from '../support/browser-rig';
import { readSheetRows } from '../support/workbook-file';

// The product's whole loop, nothing mocked: a LinkedIn-like page under its real host name, the built
// extension in real Chromium, IndexedDB, the signed sync, the exact add-on bundle, the .xlsx on disk.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig?.stop());

const PROFILE = 'https://www.linkedin.com/in/ada-lovelace/';

async function customers() {
  return readSheetRows(rig.workbookFile, 'Customers');
}

test('saving a LinkedIn profile puts one row in the Customers sheet, and saving again adds none', async () => {
  const page = await rig.context.newPage();
  await page.goto(PROFILE);
  const save = page.getByTestId('clipsheet-save');
  await expect.poll(() => save.getAttribute('data-state')).toBe('new');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');

  await expect.poll(async () => (await customers()).length, { timeout: 20_000 }).toBe(1);
  const [row] = await customers();
  expect(row).toMatchObject({ 'Full name': 'Ada Lovelace', Headline: 'Analyst of engines · Writes the first programs', LinkedIn: 'https://www.linkedin.com/in/ada-lovelace', Stage: 'suspect', Revision: 1 });
  expect(String(row!.Id)).toMatch(/^[0-9a-f-]{36}$/);

  // The person is now known: the page says so, and a second save updates the same row.
  await page.reload();
  await expect.poll(() => save.getAttribute('data-state')).toBe('known');
  await expect(page.getByTestId('clipsheet-known').textContent()).resolves.toContain('suspect');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  await expect.poll(async () => (await customers())[0]?.Revision, { timeout: 20_000 }).toBe(2);
  const rows = await customers();
  expect(rows).toHaveLength(1);
  expect(rows[0]!.Id).toBe(row!.Id);
});
