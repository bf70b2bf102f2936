import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from '../support/browser-rig';
import { disconnectSheet, openWorkspace, pageErrors, setLanguage } from './workspace-support';

// Finding an organisation from the side panel's search box, in the built extension in real Chromium and its
// IndexedDB, with no sheet: organisations saved by another extension page (as a capture or a sync saves them
// elsewhere) are found as the rep types, above the people, reached with the arrow keys and opened with Enter; in
// English and Persian.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
  await disconnectSheet(rig);
});
afterAll(async () => rig?.stop());

test('organisations are found as you type, by keyboard, and open their record; in English and Persian', { timeout: 120_000 }, async () => {
  const panel = await openWorkspace(rig);
  const elsewhere = await openWorkspace(rig);
  await elsewhere.evaluate(async () => {
    interface Db {
      transaction(mode: string, a: string, b: string, c: string, work: () => Promise<void>): Promise<void>;
      organisations: { bulkPut(records: unknown[]): Promise<unknown> };
      people: { put(record: unknown): Promise<unknown> };
      outbox: { bulkAdd(entries: unknown[]): Promise<unknown> };
    }
    const { db } = (globalThis as unknown as { clipsheet: { db: Db } }).clipsheet;
    const at = new Date().toISOString();
    const base = { revision: 0, createdAt: at, updatedAt: at, deleted: false, owner: 'rep@clipsheet.local', provenance: {}, history: [], stage: 'prospect', tags: [] };
    await db.transaction('rw', 'organisations', 'people', 'outbox', async () => {
      await db.organisations.bulkPut([
        { ...base, id: 'org-engines', name: 'Analytical Engines', domain: 'engines.example' },
        { ...base, id: 'org-pars', name: 'پارس تک', domain: 'parstak.example' },
      ]);
      await db.people.put({ ...base, id: 'ada', fullName: 'Ada Lovelace', company: 'Analytical Engines', organisationId: 'org-engines', emails: [], phones: [], segments: [], acquisitionSource: 'other', doNotContact: false });
      await db.outbox.bulkAdd(['org-engines', 'org-pars', 'ada'].map((id, i) => ({ entity: id === 'ada' ? 'person' : 'organisation', recordId: id, key: `seed-${i}`, at })));
    });
  });
  await elsewhere.close();

  const search = panel.getByTestId('search-input');
  await search.fill('analy');
  await expect.poll(() => panel.getByTestId('search-organisation').evaluateAll((rows) => rows.map((row) => row.textContent))).toEqual(['Analytical EnginesOrganisation engines.example']);
  await expect.poll(() => panel.getByTestId('search-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-person-id')))).toEqual(['ada']);
  expect(await search.getAttribute('aria-activedescendant')).toBe('organisation-option-org-engines');
  await search.press('ArrowDown');
  expect(await search.getAttribute('aria-activedescendant')).toBe('person-option-ada');
  await search.press('ArrowUp');
  expect(await search.getAttribute('aria-activedescendant')).toBe('organisation-option-org-engines');
  await search.press('Enter');
  await panel.locator('[data-testid="organisation-view"][data-organisation-id="org-engines"]').waitFor();
  expect(await panel.getByTestId('organisation-view').textContent()).toContain('Ada Lovelace');

  // In Persian: typed on an Arabic keyboard (ك for ک), found, opened from the keyboard, right to left.
  await setLanguage(rig, panel, 'fa');
  await panel.keyboard.press('Escape');
  await search.waitFor();
  await search.fill('پارس تك');
  await expect.poll(() => panel.getByTestId('search-organisation').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-organisation-id')))).toEqual(['org-pars']);
  expect(await panel.getByTestId('search-organisations').getAttribute('aria-label')).toBe('سازمان‌ها');
  expect(await panel.locator('[data-testid="workspace"]').getAttribute('dir')).toBe('rtl');
  await search.press('Enter');
  await panel.locator('[data-testid="organisation-view"][data-organisation-id="org-pars"]').waitFor();
  expect(pageErrors(panel)).toEqual([]);
});
