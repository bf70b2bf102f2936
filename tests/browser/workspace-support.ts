import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Rig } from '../support/browser-rig';

export const SHOTS = join(import.meta.dirname, '..', '..', 'test-results', 'workspace');

/** The side panel, opened as a page at side-panel size, once the workspace has read the database. */
export async function openWorkspace(rig: Rig, hash = ''): Promise<Page> {
  const page = await rig.context.newPage();
  await page.setViewportSize({ width: 420, height: 860 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(`chrome-extension://${rig.extensionId}/sidepanel.html${hash}`);
  await page.locator('[data-testid="workspace"][data-ready="true"]').waitFor();
  Object.assign(page, { problems });
  return page;
}

/** Uncaught errors the page threw: a test ends by checking there were none. */
export const pageErrors = (page: Page): string[] => (page as Page & { problems?: string[] }).problems ?? [];

/** Saves a screenshot under test-results/workspace/ (gitignored) for a person to look at. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Switches the workspace language as the options page does (chrome.storage), and waits for the page to turn. */
export async function setLanguage(rig: Rig, page: Page, language: 'en' | 'fa'): Promise<void> {
  await rig.worker.evaluate((lang) => chrome.storage.local.set({ language: lang }), language);
  await page.locator(`html[lang="${language}"]`).waitFor();
}

/** Works offline: no sheet configured, so nothing the test sees can have come from sync. */
export async function disconnectSheet(rig: Rig): Promise<void> {
  await rig.worker.evaluate(() => chrome.storage.local.set({ syncSettings: null }));
}

/** Rows of a table in the extension's IndexedDB, read with the raw API (what is stored, not what a view shows). */
export async function readTable<T = Record<string, unknown>>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('clipsheet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}
