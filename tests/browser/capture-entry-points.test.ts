import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startRig, type Rig } from '../support/browser-rig';
import { readSheetRows } from '../support/workbook-file';

// The context menu ("Clip this page", "Clip selection") and the keyboard shortcut, in real Chromium with the
// built extension and the real sync.
//
// Neither can be operated for real here: the DevTools protocol has no command for an extension's context
// menu item or shortcut (its Extensions domain offers triggerAction, loadUnpacked, getExtensions, uninstall
// and storage; puppeteer/puppeteer#5001, microsoft/playwright#5593), and a key press sent through
// Input.dispatchKeyEvent reaches the page, not the browser's shortcut handling (headless Chromium 156 fired no
// chrome.commands.onCommand for Alt+Shift+K). So the test fires the events themselves, from the service
// worker, with Chromium's Event.dispatch: that runs exactly the listeners background.ts registered, so a
// listener that is missing, looks for another menu id or command name, or ignores the selection flag fails
// here. The menu ids are checked to exist (created on install) and the command name and shortcut are read
// from the manifest as Chromium registered them, not repeated from background.ts.
//
// A dispatched event carries no user gesture, so it cannot grant activeTab the way a real menu click or key
// press does; on the plain company page (no host permission) the toolbar click grants it first.
let rig: Rig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => rig?.stop());

const customers = () => readSheetRows(rig.workbookFile, 'Customers');
const byName = async (name: string) => (await customers()).find((row) => row['Full name'] === name);

/** The tab Chromium shows `page` in, as the listeners receive it. */
async function tabOf(page: Page) {
  await page.bringToFront();
  return rig.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!);
}

/** Fires contextMenus.onClicked for one of the extension's items, with the click data Chromium would send. */
async function clickMenuItem(page: Page, menuItemId: string, selectionText?: string) {
  const tab = await tabOf(page);
  await rig.worker.evaluate(
    async ([id, tab, selectionText]) => {
      // Rejects unless the background created this item (the real menu would not show it either).
      await chrome.contextMenus.update(id, {});
      const info: chrome.contextMenus.OnClickData = { menuItemId: id, editable: false, pageUrl: tab.url ?? '', frameId: 0, ...(selectionText ? { selectionText } : {}) };
      (chrome.contextMenus.onClicked as unknown as { dispatch(info: chrome.contextMenus.OnClickData, tab: chrome.tabs.Tab): void }).dispatch(info, tab);
    },
    [menuItemId, tab, selectionText] as const,
  );
}

/** Fires commands.onCommand for the command the manifest binds to `shortcut`, as pressing it would. */
async function pressShortcut(page: Page, shortcut: string) {
  const tab = await tabOf(page);
  const name = await rig.worker.evaluate(
    async ([shortcut, tab]) => {
      const command = (await chrome.commands.getAll()).find((c) => c.shortcut === shortcut);
      if (!command?.name) return undefined;
      (chrome.commands.onCommand as unknown as { dispatch(command: string, tab: chrome.tabs.Tab): void }).dispatch(command.name, tab);
      return command.name;
    },
    [shortcut, tab] as const,
  );
  expect(name, `no command is bound to ${shortcut}`).toBeDefined();
}

test('the keyboard shortcut clips the LinkedIn profile in the active tab', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.linkedin.com/in/sara-ahmadi/');
  await pressShortcut(page, 'Alt+Shift+K');
  await expect.poll(() => byName('Sara Ahmadi'), { timeout: 20_000 }).toMatchObject({
    Title: 'Head of Partnerships',
    Company: 'Parsian Robotics',
    LinkedIn: 'https://www.linkedin.com/in/sara-ahmadi',
    Source: 'linkedin',
  });
  await page.close();
});

test('"Clip selection" from the context menu saves the person in the selected text, not the page', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.example-company.com/?menu=selection');
  await rig.clickToolbarButton(page);
  const text = 'Nasrin Karimi\nProcurement Lead at Golestan Textiles\nnasrin.karimi@golestan-textiles.example';
  await page.evaluate((text) => {
    const note = document.createElement('pre');
    note.textContent = text;
    document.body.append(note);
    getSelection()!.selectAllChildren(note);
  }, text);
  const before = (await customers()).length;
  await clickMenuItem(page, 'clip-selection', text);
  await expect.poll(() => byName('Nasrin Karimi'), { timeout: 20_000 }).toMatchObject({
    Title: 'Procurement Lead',
    Company: 'Golestan Textiles',
    Emails: 'nasrin.karimi@golestan-textiles.example',
  });
  // Only the selected person: clipping the page instead would have brought its two JSON-LD people.
  expect(await customers()).toHaveLength(before + 1);
  await page.close();
});

test('"Clip this page" from the context menu saves the page\'s JSON-LD people, not a selection', async () => {
  const page = await rig.context.newPage();
  await page.goto('https://www.example-company.com/?menu=page');
  await rig.clickToolbarButton(page);
  await clickMenuItem(page, 'clip-page');
  await expect.poll(() => byName('Bahram Jafari'), { timeout: 20_000 }).toMatchObject({ Title: 'Managing Director', Emails: 'bahram@example-company.com', Source: 'website' });
  await expect.poll(async () => (await readSheetRows(rig.workbookFile, 'Organisations')).map((o) => o.Name), { timeout: 20_000 }).toContain('Example Company');
  await page.close();
});
