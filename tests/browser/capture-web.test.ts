import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from '../support/browser-rig';
import { readSheetRows } from '../support/workbook-file';

// Any other page: no content script and no host permission. The rep's click on the toolbar button grants
// activeTab and opens the popup, whose "Clip this page" sends 'clip-tab'; the background injects the extractor
// bundle into that one tab and saves what it returns.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig?.stop());

const sheet = (name: string) => readSheetRows(rig.workbookFile, name);

/** The toolbar click, then the popup's own "Clip this page" button; resolves to what the popup then says. */
async function clipWithPopup(page: Page) {
  await page.bringToFront();
  const popup = await rig.openPopup(page);
  try {
    await popup.click('popup-clip');
    // Empty before the click, "Clipping…" while it works, then what was saved or what went wrong.
    await expect.poll(() => popup.text('[role="status"]'), { timeout: 20_000 }).not.toMatch(/^(?:|Clipping…)$/);
    return await popup.text('[role="status"]');
  } finally {
    await popup.close();
  }
}

// The message an extension page sends to clip a tab, sent from an extension page without any click on the
// toolbar: what the background can do with no grant (nothing), and the selection flag the message carries.
async function sendClipTab(page: Page, selection = false) {
  // The active tab, as the popup asks for it (a tab's URL is hidden from an extension without access to it).
  await page.bringToFront();
  const tabId = await rig.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  const extensionPage = await rig.context.newPage();
  await extensionPage.goto(`chrome-extension://${rig.extensionId}/options.html`);
  const reply = await extensionPage.evaluate(([id, text]) => chrome.runtime.sendMessage({ type: 'clip-tab', payload: { tabId: id, selection: text } }), [tabId, selection] as const);
  await extensionPage.close();
  return reply as { ok: boolean; value?: { created: number }; error?: string };
}

test('without the toolbar click the page cannot be read; after it, its JSON-LD organisation and two people are saved', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.example-company.com/?visit=1');
  // activeTab only: no click, no access (the extension has no host permission for this site).
  expect((await sendClipTab(page)).ok).toBe(false);
  expect(await clipWithPopup(page)).toBe('3 new, 0 updated in Clipsheet');
  await expect.poll(async () => (await sheet('Organisations')).length, { timeout: 20_000 }).toBe(1);
  expect((await sheet('Organisations'))[0]).toMatchObject({
    Name: 'Example Company',
    Domain: 'example-company.com',
    Website: 'https://www.example-company.com/',
    LinkedIn: 'https://www.linkedin.com/company/example-company',
    Size: '11-50 employees',
    Headquarters: 'Tabriz, East Azerbaijan, IR',
  });
  await expect.poll(async () => (await sheet('Customers')).length, { timeout: 20_000 }).toBe(2);
  const people = await sheet('Customers');
  expect(people.find((p) => p['Full name'] === 'Bahram Jafari')).toMatchObject({ Title: 'Managing Director', Emails: 'bahram@example-company.com', Source: 'website' });
  expect(people.find((p) => p['Full name'] === 'Elham Moradi')).toMatchObject({ Title: 'Export Manager' });
  await page.close();
});

test('a text selection is clipped: name, title and company from its lines, the one address in it', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.example-company.com/?visit=2');
  await rig.clickToolbarButton(page);
  await page.evaluate(() => {
    const note = document.createElement('pre');
    note.textContent = 'Shirin Nouri\nHead of Logistics at Yakhchal Foods\nshirin@yakhchal-foods.example';
    document.body.append(note);
    getSelection()!.selectAllChildren(note);
  });
  const reply = await sendClipTab(page, true);
  expect(reply, JSON.stringify(reply)).toMatchObject({ ok: true, value: { created: 1 } });
  await expect.poll(async () => (await sheet('Customers')).find((p) => p['Full name'] === 'Shirin Nouri'), { timeout: 20_000 }).toMatchObject({
    Title: 'Head of Logistics',
    Company: 'Yakhchal Foods',
    Emails: 'shirin@yakhchal-foods.example',
  });
  await page.close();
});

test('a speakers page gives its microdata, hCard and mailto people, and the person in the vCard file it links to', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://events.example.org/speakers/');
  expect(await clipWithPopup(page)).toBe('4 new, 0 updated in Clipsheet');
  const byName = async (name: string) => (await sheet('Customers')).find((p) => p['Full name'] === name);
  await expect.poll(() => byName('Ali Rezaei'), { timeout: 20_000 }).toMatchObject({
    // Only in the .vcf: the injected script fetched it from the page's own site with the page's rights.
    Title: 'Sales Director',
    Company: 'Arya Novin',
    Emails: 'ali.rezaei@arya-novin.example',
    LinkedIn: 'https://www.linkedin.com/in/ali-rezaei-arya',
  });
  expect(await byName('Farhad Shams')).toMatchObject({ Title: 'CTO', Company: 'Shams Cloud', Emails: 'farhad@shams-cloud.example' });
  expect(await byName('Parisa Amini')).toMatchObject({ Title: 'Head of Growth', Company: 'Noavaran', Emails: 'parisa@noavaran.example' });
  expect(await byName('Hamid Zand')).toMatchObject({ Emails: 'hamid.zand@zand-co.example' });
  await page.close();
});

test('a Persian (RTL) team page without structured data gives its company and the people its mailto links name', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.arya-novin.example/fa/team');
  // علی رضایی's address is the one Ali Rezaei's vCard gave on the speakers page (the test above): the same
  // person in Persian script, so he is updated, not added a second time.
  expect(await clipWithPopup(page)).toBe('2 new, 1 updated in Clipsheet');
  await expect.poll(async () => (await sheet('Customers')).find((p) => p['Full name'] === 'سید مهدی موسوی'), { timeout: 20_000 }).toMatchObject({ Emails: 'mahdi@arya-novin.example' });
  expect((await sheet('Customers')).filter((p) => p.Emails === 'ali.rezaei@arya-novin.example')).toHaveLength(1);
  expect((await sheet('Organisations')).find((o) => o.Name === 'آریا نوین')).toMatchObject({ Website: 'https://www.arya-novin.example/' });
  await page.close();
});

test('a page with only Open Graph profile tags gives that one person and leaves its unnamed address alone', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://nazanin.example/about');
  expect(await clipWithPopup(page)).toBe('1 new, 0 updated in Clipsheet');
  await expect.poll(async () => (await sheet('Customers')).find((p) => p['Full name'] === 'Nazanin Ebrahimi'), { timeout: 20_000 }).toMatchObject({ 'Given name': 'Nazanin', 'Family name': 'Ebrahimi' });
  expect((await sheet('Customers')).find((p) => p['Full name'] === 'Nazanin Ebrahimi')?.Emails).toBeUndefined();
  await page.close();
});
