import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from '../support/browser-rig';
import { disconnectSheet, openWorkspace, pageErrors, readTable, setLanguage, shoot } from './workspace-support';

// A rep's day in the side panel of the built extension, in real Chromium, with no sheet at all: add people,
// find them as you type, log a call with its next step, move a stage with its reason, and see the follow-up's
// reminder ring as a browser notification at its due time (a real chrome.alarms alarm: unpacked extensions
// may set alarms under Chrome's 30-second minimum).
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
  await disconnectSheet(rig);
});
afterAll(async () => rig?.stop());

const pad = (n: number) => String(n).padStart(2, '0');
const localInput = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;

test('search, open, log, follow up, move a stage, and get reminded; in English and Persian', { timeout: 180_000 }, async () => {
  const page = await openWorkspace(rig);
  const addPerson = async (name: string, company: string, email: string) => {
    await page.getByTestId('new-person').click();
    await page.getByTestId('person-fullName').fill(name);
    await page.getByTestId('person-company').fill(company);
    await page.getByTestId('person-emails').fill(email);
    await page.getByTestId('person-save').click();
    await expect.poll(() => page.getByTestId('person-name').textContent()).toBe(name);
    await page.getByTestId('person-back').click();
  };
  await addPerson('Ada Lovelace', 'Analytical Engines', 'ada@engines.example');
  await addPerson('Alan Turing', 'Bletchley Park', 'alan@bletchley.example');
  await addPerson('سارا کریمی', 'پارس تک', 'sara@parstak.example');

  // Search as you type, then the keyboard: down to the second match, Enter opens it.
  const search = page.getByTestId('search-input');
  await search.pressSequentially('a');
  await expect.poll(() => page.getByTestId('search-results').getAttribute('data-query')).toBe('a');
  await expect.poll(() => page.getByTestId('search-row').allTextContents()).toEqual([expect.stringContaining('Ada Lovelace'), expect.stringContaining('Alan Turing')]);
  await search.pressSequentially('l');
  await expect.poll(() => page.getByTestId('search-row').count()).toBe(1);
  await search.fill('');
  await search.pressSequentially('كريمي'); // Arabic-keyboard letters find the Persian name
  await expect.poll(() => page.getByTestId('search-row').allTextContents()).toEqual([expect.stringContaining('سارا کریمی')]);
  await search.fill('');
  await search.pressSequentially('a');
  await expect.poll(() => page.getByTestId('search-row').count()).toBe(2);
  await shoot(page, 'search-en');
  await search.press('ArrowDown');
  await search.press('Enter');
  await expect.poll(() => page.getByTestId('person-name').textContent()).toBe('Alan Turing');

  // The quick log: a call, its outcome, a good experience, and the next step due at the next whole minute.
  const now = new Date();
  const due = new Date(now.getFullYear(), now.getMonth(), now.getDate(), now.getHours(), now.getMinutes() + (now.getSeconds() > 50 ? 2 : 1));
  await page.getByTestId('log-summary').fill('Called about the Enigma project');
  await page.getByTestId('log-outcome').fill('interested');
  await page.getByTestId('log-experience-good').check();
  await page.getByTestId('log-next-step').fill('Send the proposal');
  await page.getByTestId('log-next-due').fill(localInput(due));
  await page.getByTestId('log-summary').press('Control+Enter');
  await expect.poll(() => page.getByTestId('timeline-item').count()).toBe(1);
  await expect(page.getByTestId('timeline-item').textContent()).resolves.toContain('Called about the Enigma project');
  await expect.poll(() => page.getByTestId('person-tasks').textContent()).toContain('Send the proposal');

  // The background set its alarm for the follow-up's due time.
  await expect.poll(() => rig.worker.evaluate(async () => (await chrome.alarms.get('clipsheet-reminder'))?.scheduledTime)).toBe(due.getTime());

  // A stage move the ladder allows only with a reason.
  await page.getByTestId('stage-to').selectOption('disqualified');
  await page.getByTestId('stage-apply').click();
  await expect(page.getByTestId('stage-problem').textContent()).resolves.toBe('Moving to Disqualified needs a reason.');
  await page.getByTestId('stage-reason').selectOption('no fit');
  await page.getByTestId('stage-apply').click();
  await expect.poll(() => page.getByTestId('stage-current').textContent()).toBe('Disqualified');
  await page.getByTestId('stage-to').selectOption('prospect');
  await page.getByTestId('stage-apply').click();
  await expect.poll(() => page.getByTestId('stage-current').textContent()).toBe('Prospect');
  await page.evaluate(() => scrollTo(0, 0));
  await shoot(page, 'record-en');

  // Today lists it; when its minute comes, the reminder rings as a notification.
  await page.getByTestId('tab-today').click();
  await expect.poll(() => page.getByTestId('today').textContent()).toContain('Send the proposal');
  await shoot(page, 'today-en');
  const [task] = await readTable<{ id: string; title: string }>(page, 'tasks');
  expect(task!.title).toBe('Send the proposal');
  await expect
    .poll(() => rig.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll())), { timeout: 100_000, interval: 1_000 })
    .toContain(`clipsheet-task:${task!.id}`);
  expect((await readTable<{ taskId: string; dueAt: string }>(page, 'reminders')).map((r) => [r.taskId, r.dueAt])).toEqual([[task!.id, due.toISOString()]]);

  // Everything the rep did waits in the outbox for a sheet, none of it needed one.
  const queued = new Set((await readTable<{ entity: string }>(page, 'outbox')).map((entry) => entry.entity));
  expect(queued).toEqual(new Set(['person', 'interaction', 'task']));

  // The same views in Persian: right to left, Persian words and the Persian calendar.
  await setLanguage(rig, page, 'fa');
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await expect.poll(() => page.getByTestId('tab-today').textContent()).toContain('امروز');
  await shoot(page, 'today-fa');
  await page.getByTestId('tab-contacts').click(); // the record left open is still open
  await expect.poll(() => page.getByTestId('person-stage').textContent()).toBe('مشتری بالقوه');
  await expect(page.getByTestId('timeline-item').locator('time').textContent()).resolves.toMatch(/[۰-۹]{4}/); // a Persian-calendar year
  await shoot(page, 'record-fa');
  await page.getByTestId('person-back').click();
  await shoot(page, 'search-fa');
  // The options page, in both languages: sync is optional, and the rep's rules and never-log list live here.
  const options = await rig.context.newPage();
  await options.setViewportSize({ width: 720, height: 1100 });
  await options.goto(`chrome-extension://${rig.extensionId}/options.html`);
  await expect.poll(() => options.evaluate(() => document.documentElement.dir)).toBe('rtl');
  await shoot(options, 'options-fa');
  await options.getByTestId('language').selectOption('en');
  await options.getByTestId('never-log-domains').fill('clipsheet.local');
  await options.getByTestId('options-save').click();
  await expect.poll(() => options.evaluate(() => document.documentElement.dir)).toBe('ltr');
  await expect.poll(() => rig.worker.evaluate(async () => (await chrome.storage.local.get('neverLog')).neverLog)).toEqual({ domains: ['clipsheet.local'], addresses: [] });
  await shoot(options, 'options-en');
  await page.locator('html[lang="en"]').waitFor();

  // Links into the workspace (the in-page bar's "open in Clipsheet") open the person's record.
  const ada = (await readTable<{ id: string; fullName: string }>(page, 'people')).find((person) => person.fullName === 'Ada Lovelace')!;
  const linked = await openWorkspace(rig, `#/person/${ada.id}`);
  await expect.poll(() => linked.getByTestId('person-name').textContent()).toBe('Ada Lovelace');
  expect([...pageErrors(page), ...pageErrors(linked)]).toEqual([]);
});
