import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from '../support/browser-rig';
import { readSheetRows } from '../support/workbook-file';

// LinkedIn under its real host name, the built extension in real Chromium, the real sync and add-on: a
// logged-in profile, then an in-app navigation (pushState) to a second profile whose content arrives late.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig?.stop());

const customers = () => readSheetRows(rig.workbookFile, 'Customers');
const byName = async (name: string) => (await customers()).find((row) => row['Full name'] === name);

test('a profile is saved with its name split, title, company, location and canonical URL', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.linkedin.com/in/sara-ahmadi/');
  const save = page.getByTestId('clipsheet-save');
  await expect.poll(() => save.getAttribute('data-state')).toBe('new');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  await expect.poll(() => byName('Sara Ahmadi'), { timeout: 20_000 }).toBeTruthy();
  expect(await byName('Sara Ahmadi')).toMatchObject({
    'Given name': 'Sara',
    'Family name': 'Ahmadi',
    Title: 'Head of Partnerships',
    Company: 'Parsian Robotics',
    Location: 'Tehran, Tehran Province, Iran',
    LinkedIn: 'https://www.linkedin.com/in/sara-ahmadi',
    Source: 'linkedin',
  });
  // The bar lives in a shadow root: the host page's own DOM holds none of its elements.
  expect(await page.evaluate(() => document.querySelectorAll('[data-testid="clipsheet-save"]').length)).toBe(0);
  // Its stylesheet travels with the script into that root (Clipsheet's green button) rather than as a file
  // the extension exposes: a page can probe web-accessible resources to tell the extension is installed.
  expect(await save.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(15, 123, 74)');
  expect(await rig.worker.evaluate(() => chrome.runtime.getManifest().web_accessible_resources ?? [])).toEqual([]);

  // Known now: the bar says so and links to the record in the side panel.
  await page.reload();
  await expect.poll(() => save.getAttribute('data-state')).toBe('known');
  const link = await page.getByTestId('clipsheet-link').getAttribute('href');
  expect(link).toMatch(new RegExp(`^chrome-extension://${rig.extensionId}/sidepanel\\.html#/person/[0-9a-f-]{36}$`));
  await page.close();
});

test('in-app navigation to a second profile shows a new bar for the new person and saves them, not the first', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.linkedin.com/in/sara-ahmadi/');
  const save = page.getByTestId('clipsheet-save');
  await expect.poll(() => save.getAttribute('data-state')).toBe('known');
  await page.getByTestId('next-profile').click();
  await expect.poll(() => page.url()).toBe('https://www.linkedin.com/in/kian-rostami/');
  // Kian is not in Clipsheet: a bar still saying "known" would be Sara's, left behind.
  await expect.poll(() => save.getAttribute('data-state')).toBe('new');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  await expect.poll(() => byName('Kian Rostami'), { timeout: 20_000 }).toBeTruthy();
  expect(await byName('Kian Rostami')).toMatchObject({ Company: 'Kaveh Logistics', Location: 'Isfahan, Iran', LinkedIn: 'https://www.linkedin.com/in/kian-rostami' });
  expect(await customers()).toHaveLength(2);
  await page.close();
});

test('a company page is saved to the Organisations sheet', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.linkedin.com/company/parsian-robotics/');
  const save = page.getByTestId('clipsheet-save');
  await expect.poll(() => save.getAttribute('data-state')).toBe('new');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  const organisations = () => readSheetRows(rig.workbookFile, 'Organisations');
  await expect.poll(async () => (await organisations()).length, { timeout: 20_000 }).toBe(1);
  expect((await organisations())[0]).toMatchObject({ Name: 'Parsian Robotics', Domain: 'parsian-robotics.example', Industry: 'Automation Machinery Manufacturing', Size: '51-200 employees', Headquarters: 'Tehran, Tehran' });
  await page.close();
});

test('a Sales Navigator result list clips all its people at once, each with their own company', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.linkedin.com/sales/search/people?query=(keywords%3Aprocurement)');
  const save = page.getByTestId('clipsheet-save');
  await expect.poll(() => save.getAttribute('data-state')).toBe('new');
  await expect(save.textContent()).resolves.toBe('Save 3 to Clipsheet');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  await expect.poll(() => byName('Yasaman Karimi'), { timeout: 20_000 }).toBeTruthy();
  expect(await byName('Leila Hosseini')).toMatchObject({ Title: 'Procurement Manager', Company: 'Pars Cement', Location: 'Tehran, Iran' });
  expect(await byName('امید کاظمی')).toMatchObject({ Title: 'مدیر خرید', Company: 'فولاد آریا' });
  // Yasaman's result shows no company: she must not get a neighbour's.
  expect((await byName('Yasaman Karimi'))?.Company).toBeUndefined();
  await page.close();
});

test('a Sales Navigator lead page saves the lead with the public profile URL it links to', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.linkedin.com/sales/lead/ACwAAA1b2c3D4e5F6g7H8,NAME_SEARCH,x1Y2');
  const save = page.getByTestId('clipsheet-save');
  await expect.poll(() => save.getAttribute('data-state')).toBe('new');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  await expect.poll(() => byName('Darius Kamali'), { timeout: 20_000 }).toMatchObject({
    Title: 'Director of Operations',
    Company: 'Yakhchal Foods',
    Location: 'Mashhad, Razavi Khorasan, Iran',
    // The lead's own id is Sales Navigator's; the record keeps the public profile, which matches them elsewhere.
    LinkedIn: 'https://www.linkedin.com/in/darius-kamali',
  });
  await page.close();
});

test('opening the contact-info overlay of a known profile and updating adds the address, phone and website it shows', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.linkedin.com/in/sara-ahmadi/');
  const save = page.getByTestId('clipsheet-save');
  await expect.poll(() => save.getAttribute('data-state')).toBe('known');
  expect((await byName('Sara Ahmadi'))?.Emails).toBeUndefined();
  await page.locator('#top-card-text-details-contact-info').click();
  await page.getByRole('dialog').waitFor();
  // The same person, so the same bar: updating reads the page as it is now, overlay included.
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  await expect.poll(() => byName('Sara Ahmadi'), { timeout: 20_000 }).toMatchObject({
    Emails: 'sara@parsian-robotics.example',
    Phones: '+98 21 4400 5566',
    Website: 'https://parsian-robotics.example/',
  });
  expect((await customers()).filter((row) => row['Full name'] === 'Sara Ahmadi')).toHaveLength(1);
  await page.close();
});

test('a public profile on a country subdomain (logged out) is saved under its canonical www URL', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://ir.linkedin.com/in/mina-farahani-4b2a19?trk=public_profile');
  const save = page.getByTestId('clipsheet-save');
  await expect.poll(() => save.getAttribute('data-state')).toBe('new');
  await save.click();
  await expect.poll(() => save.getAttribute('data-state')).toBe('saved');
  await expect.poll(() => byName('Mina Farahani'), { timeout: 20_000 }).toMatchObject({
    Title: 'Chief Technology Officer',
    Company: 'Zagros Data',
    Location: 'Shiraz',
    LinkedIn: 'https://www.linkedin.com/in/mina-farahani-4b2a19',
  });
  await page.close();
});
