import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from '../support/browser-rig';
import { disconnectSheet, openWorkspace, pageErrors, readTable, setLanguage, shoot } from './workspace-support';

// Fixing the day's record in the side panel of the built extension, in real Chromium and its IndexedDB, with no
// sheet: a call logged with a typo is corrected from the timeline, a note logged by mistake is deleted (a tombstone
// waiting in the outbox, not a local removal), and the person's organisation opens with its people and their one
// timeline; in English and Persian.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
  await disconnectSheet(rig);
});
afterAll(async () => rig?.stop());

interface StoredInteraction {
  id: string;
  summary?: string;
  deleted: boolean;
  history: Array<{ field: string; value: unknown }>;
}

test('correct and delete timeline entries, then open the organisation; in English and Persian', { timeout: 120_000 }, async () => {
  const page = await openWorkspace(rig);
  // The organisation as a clipped company page leaves it (save-organisation.ts), with its outbox entry.
  await page.evaluate(async () => {
    interface Db {
      transaction(mode: string, a: string, b: string, work: () => Promise<void>): Promise<void>;
      organisations: { put(record: unknown): Promise<unknown> };
      outbox: { add(entry: unknown): Promise<unknown> };
    }
    const { db } = (globalThis as unknown as { clipsheet: { db: Db } }).clipsheet;
    const at = new Date().toISOString();
    await db.transaction('rw', 'organisations', 'outbox', async () => {
      await db.organisations.put({ id: 'org-engines', revision: 0, createdAt: at, updatedAt: at, deleted: false, owner: 'rep@clipsheet.local', provenance: {}, history: [], name: 'Analytical Engines', domain: 'engines.example', industry: 'Machinery', stage: 'prospect', tags: [] });
      await db.outbox.add({ entity: 'organisation', recordId: 'org-engines', key: 'seed-org', at });
    });
  });
  const addPerson = async (name: string, email: string) => {
    await page.getByTestId('new-person').click();
    await page.getByTestId('person-fullName').fill(name);
    await page.getByTestId('person-company').fill('Analytical Engines');
    await page.getByTestId('person-emails').fill(email);
    await page.getByTestId('person-save').click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe(name);
  };
  await addPerson('Charles Babbage', 'charles@engines.example');
  await page.getByTestId('log-summary').fill('Met at the fair');
  await page.getByTestId('log-summary').press('Control+Enter');
  await expect.poll(() => page.getByTestId('timeline-item').count()).toBe(1);
  await page.getByTestId('person-back').click();
  await addPerson('Ada Lovelace', 'ada@engines.example');

  // A call with a typo, and a note logged on the wrong person.
  await page.getByTestId('log-summary').fill('Talked aboot the engine');
  await page.getByTestId('log-summary').press('Control+Enter');
  await expect.poll(() => page.getByTestId('timeline-item').count()).toBe(1);
  await page.getByTestId('log-type-note').check();
  await page.getByTestId('log-summary').fill('Meant for someone else');
  await page.getByTestId('log-summary').press('Control+Enter');
  await expect.poll(() => page.getByTestId('timeline-item').count()).toBe(2);

  // Correct the call from the keyboard: its Edit button, Enter, fix, Ctrl+Enter.
  const call = page.getByTestId('timeline-item').filter({ hasText: 'Talked aboot the engine' });
  await call.getByRole('button', { name: /^Edit Call, / }).focus();
  await page.keyboard.press('Enter');
  const form = page.getByTestId('interaction-form');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('edit-type');
  await form.getByTestId('edit-summary').fill('Talked about the engine');
  await form.getByTestId('edit-outcome').fill('wants a quote');
  await shoot(page, 'timeline-edit-en');
  await form.getByTestId('edit-summary').press('Control+Enter');
  await expect.poll(() => page.getByTestId('interaction-form').count()).toBe(0);
  await expect.poll(() => page.getByTestId('timeline').textContent()).toContain('Talked about the engine');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('timeline-edit');

  // Delete the note: it asks first, then the entry goes from the timeline.
  const note = page.getByTestId('timeline-item').filter({ hasText: 'Meant for someone else' });
  await note.getByTestId('timeline-delete').click();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('timeline-confirm-cancel');
  await shoot(page, 'timeline-delete-en');
  await page.getByTestId('timeline-confirm-delete').click();
  await expect.poll(() => page.getByTestId('timeline-item').count()).toBe(1);

  // In the real IndexedDB: the call corrected with the old words in history, the note a tombstone, both queued.
  const stored = await readTable<StoredInteraction>(page, 'interactions');
  const fixed = stored.find((i) => i.summary === 'Talked about the engine')!;
  expect(fixed.history).toContainEqual(expect.objectContaining({ field: 'summary', value: 'Talked aboot the engine' }));
  const tombstone = stored.find((i) => i.summary === 'Meant for someone else')!;
  expect(tombstone.deleted).toBe(true);
  const queued = (await readTable<{ entity: string; recordId?: string }>(page, 'outbox')).filter((entry) => entry.entity === 'interaction').map((entry) => entry.recordId);
  expect(queued.filter((id) => id === tombstone.id)).toHaveLength(2); // logged, then deleted
  expect(queued.filter((id) => id === fixed.id)).toHaveLength(2); // logged, then corrected

  // The organisation: from Ada's record, with both people and everyone's timeline.
  await page.getByTestId('person-organisation').click();
  const view = page.getByTestId('organisation-view');
  await expect.poll(() => view.getByTestId('organisation-name').textContent()).toBe('Analytical Engines');
  await expect.poll(() => view.getByTestId('organisation-person').allTextContents()).toEqual([expect.stringContaining('Ada Lovelace'), expect.stringContaining('Charles Babbage')]);
  await expect.poll(() => view.getByTestId('timeline-with').allTextContents()).toEqual(['with Ada Lovelace', 'with Charles Babbage']);
  await page.evaluate(() => scrollTo(0, 0));
  await shoot(page, 'organisation-en');
  // A person opened from it goes Back to it; Esc goes on to the contacts list.
  await view.getByTestId('organisation-person').filter({ hasText: 'Charles Babbage' }).click();
  await expect.poll(() => page.getByTestId('person-back').textContent()).toContain('Back to Analytical Engines');
  await page.getByTestId('person-back').click();
  await expect.poll(() => page.getByTestId('organisation-view').count()).toBe(1);

  // Persian: right to left, the same record and its edit form.
  await setLanguage(rig, page, 'fa');
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await expect.poll(() => page.getByTestId('organisation-people').textContent()).toContain('افراد');
  await shoot(page, 'organisation-fa');
  await page.getByTestId('timeline-edit').first().click();
  await expect.poll(() => page.getByTestId('interaction-form').textContent()).toContain('ذخیره');
  await shoot(page, 'timeline-edit-fa');
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('interaction-form').count()).toBe(0);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('search-input').count()).toBe(1);

  // A link into the workspace opens the organisation's record.
  const linked = await openWorkspace(rig, '#/organisation/org-engines');
  await expect.poll(() => linked.getByTestId('organisation-name').textContent()).toBe('Analytical Engines');

  // A contact clipped by mistake is deleted from their record: a tombstone in the outbox, and gone from the organisation.
  await linked.getByTestId('organisation-person').filter({ hasText: 'Charles Babbage' }).click();
  const queuedFor = async (id: string) => (await readTable<{ entity: string; recordId?: string }>(linked, 'outbox')).filter((entry) => entry.recordId === id).length;
  const charlesId = (await readTable<{ id: string; fullName: string }>(linked, 'people')).find((person) => person.fullName === 'Charles Babbage')!.id;
  const queuedBefore = await queuedFor(charlesId);
  await linked.getByTestId('person-delete').click();
  await expect.poll(() => linked.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('person-confirm-cancel');
  await shoot(linked, 'person-delete-fa');
  await linked.getByTestId('person-confirm-delete').click();
  // Back to the organisation it was opened from, without them.
  await expect.poll(() => linked.getByTestId('organisation-person').allTextContents()).toEqual([expect.stringContaining('Ada Lovelace')]);
  await expect.poll(() => linked.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('organisation-back');
  const charles = (await readTable<{ id: string; fullName: string; deleted: boolean }>(linked, 'people')).find((person) => person.fullName === 'Charles Babbage')!;
  expect(charles.deleted).toBe(true);
  expect(await queuedFor(charles.id)).toBe(queuedBefore + 1);
  expect([...pageErrors(page), ...pageErrors(linked)]).toEqual([]);
});
