import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from '../support/browser-rig';
import { disconnectSheet, openWorkspace, pageErrors, readTable, setLanguage, shoot } from './workspace-support';

// Import a CSV of 1,000 contacts into the built extension's side panel in real Chromium, de-duplicated against
// the store and itself, with a report; then export every contact as CSV (formula-safe) and vCard.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
  await disconnectSheet(rig);
  await rig.worker.evaluate(() => chrome.storage.local.set({ neverLog: { domains: ['clipsheet.local'], addresses: [] } }));
});
afterAll(async () => rig?.stop());

const GIVEN = ['Ali', 'Sara', 'Reza', 'Maryam', 'John', 'Emma', 'علی', 'سارا', 'رضا', 'مریم'];
const FAMILY = ['Rezaei', 'Karimi', 'Smith', 'Brown', 'رضایی', 'کریمی', 'احمدی', 'Tehrani'];

const nameOf = (i: number) => `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 7) % FAMILY.length]} ${i}`;

/**
 * 1,000 data rows: 957 new people, 3 more sharing a name and company with one of them (possible duplicates,
 * flagged), 20 repeating an earlier row's email (merged), 10 without a name and 5 on the never-log list
 * (rejected), 5 formula-like names (kept as text).
 */
function contactsCsv(): string {
  const rows = [['Full name', 'Email', 'Mobile', 'Company', 'Job title', 'Notes']];
  for (let i = 0; i < 957; i++) {
    rows.push([nameOf(i), `person${i}@company${i % 40}.example`, `+98 912 ${String(1_000_000 + i).slice(1)}`, `Company ${i % 40}`, i % 3 ? 'Buyer' : 'مدیر خرید', i % 10 ? '' : `met at the fair, asked about pricing ${i}`]);
  }
  for (let i = 0; i < 3; i++) rows.push([nameOf(100 + i), `other.address${i}@elsewhere.example`, '', `Company ${(100 + i) % 40}`, 'Buyer', '']);
  for (let i = 0; i < 20; i++) rows.push([`Repeat ${i}`, `PERSON${i}@company${i % 40}.example`, '', '', 'Head of buying', '']);
  for (let i = 0; i < 10; i++) rows.push(['', `nameless${i}@x.example`, '', '', '', '']);
  for (let i = 0; i < 5; i++) rows.push([`Colleague ${i}`, `colleague${i}@clipsheet.local`, '', '', '', '']);
  for (let i = 0; i < 5; i++) rows.push([`=HYPERLINK("http://evil.example/${i}")`, `evil${i}@evil.example`, '', '+cmd|calc', '@SUM(1)', '']);
  return Papa.unparse(rows);
}

test('import 1,000 rows with a mapping preview and a report, then export CSV and vCard, in English and Persian', { timeout: 150_000 }, async () => {
  const page = await openWorkspace(rig);
  await page.getByTestId('tab-transfer').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(contactsCsv()) });
  await expect.poll(() => page.getByTestId('import-preview').textContent()).toContain('1,000 row(s) in contacts.csv');
  expect(await Promise.all([0, 1, 2, 3, 4, 5].map((i) => page.getByTestId(`import-map-${i}`).inputValue()))).toEqual(['fullName', 'emails', 'phones', 'company', 'title', 'notes']);
  await shoot(page, 'import-preview-en');
  await page.getByTestId('import-run').click();

  const report = page.getByTestId('import-report');
  await report.waitFor({ timeout: 60_000 });
  expect(await report.evaluate((el) => ({ ...(el as HTMLElement).dataset }))).toEqual({ testid: 'import-report', created: '965', merged: '20', rejected: '15', flagged: '3' });
  const details = await page.getByTestId('import-details').textContent();
  expect(details).toContain('Line 982 · rejected: no name');
  expect(details).toContain('Line 992 · rejected · Colleague 0: email domain clipsheet.local is on the never-log list');
  expect(details).toContain('Line 962 · merged · Repeat 0: same email as an existing contact');
  expect(details).toContain(`Line 959 · created · ${nameOf(100)}: possible duplicate of ${nameOf(100)}`);
  await shoot(page, 'import-report-en');

  // The possible duplicates wait in the merge review, side by side.
  await page.getByTestId('tab-duplicates').click();
  await expect.poll(() => page.getByTestId('merge-proposal').count()).toBe(3);
  await page.getByTestId('merge-review').first().click();
  await page.getByTestId('merge-review-panel').waitFor();
  await shoot(page, 'duplicates-en');
  await setLanguage(rig, page, 'fa');
  await shoot(page, 'duplicates-fa');
  await setLanguage(rig, page, 'en');
  await page.getByTestId('merge-confirm').click();
  await expect.poll(() => page.getByTestId('merge-proposal').count()).toBe(2);

  const people = (await readTable<{ id: string; deleted?: boolean }>(page, 'people')).filter((person) => !person.deleted);
  expect(people).toHaveLength(964); // one merged away in the review
  // An import chunk is one outbox entry naming its people; a merge is one naming both.
  const queued = await readTable<{ entity: string; recordId?: string; recordIds?: string[] }>(page, 'outbox');
  const queuedIds = new Set(queued.flatMap((entry) => entry.recordIds ?? [entry.recordId]));
  for (const person of people) expect(queuedIds.has(person.id)).toBe(true);
  expect(queued.length).toBeLessThan(10);

  // The imported contacts are found at once, by name, email, Persian title and the notes.
  await page.getByTestId('tab-contacts').click();
  const search = page.getByTestId('search-input');
  for (const [query, expected] of [['person17@', 1], ['مدیر', 319], ['pricing 950', 1]] as const) {
    await search.fill(query);
    await expect.poll(() => page.getByTestId('search-results').getAttribute('data-count'), { message: query }).toBe(String(expected));
  }
  // A merged person: "Repeat 3" starts their name, so they come first; then the 7 other merged people whose
  // name kept "Repeat" (a one-letter word narrows only as part of a name). The first screenful and the full list
  // come from one index, so the count is the same whichever answered last.
  await search.fill('Repeat 3');
  await expect.poll(() => page.getByTestId('search-results').getAttribute('data-count'), { message: 'Repeat 3' }).toBe('8');
  expect(await page.getByTestId('search-results').innerText()).toMatch(/^Repeat 3\b/);
  await search.fill('repeat head');
  await expect.poll(() => page.getByTestId('search-results').getAttribute('data-count'), { message: 'repeat head' }).toBe('5');

  // Export: every live contact, formula-safe CSV and vCard, as files the browser downloads.
  await page.getByTestId('tab-transfer').click();
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  const csv = readFileSync((await csvDownload.path())!, 'utf8');
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const [header, ...rows] = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
  expect(rows).toHaveLength(964);
  for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
  const names = rows.map((row) => row[header!.indexOf('Full name')]);
  expect(names).toContain(`'=HYPERLINK("http://evil.example/0")`);
  expect(rows.map((row) => row[header!.indexOf('Phones')])).toContain(`'+98 912 000017`);
  const [vcardDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-vcard').click()]);
  const vcard = readFileSync((await vcardDownload.path())!, 'utf8');
  expect(vcard.match(/BEGIN:VCARD\r\n/g)).toHaveLength(964);
  expect(vcard).toContain('ORG:Company 17\r\n');
  expect(vcardDownload.suggestedFilename()).toMatch(/\.vcf$/);

  await setLanguage(rig, page, 'fa');
  await expect.poll(() => page.getByTestId('import-created').textContent()).toBe('۹۶۵ ساخته شد');
  await shoot(page, 'import-report-fa');
  await page.getByTestId('import-again').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(contactsCsv()) });
  await page.getByTestId('import-preview').waitFor();
  await shoot(page, 'import-preview-fa');
  await setLanguage(rig, page, 'en');
  expect(pageErrors(page)).toEqual([]);
});
