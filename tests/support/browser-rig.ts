import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension } from '../../emulator/chromium';
import { LOCAL_REP, startLocalBackend, type LocalBackend } from '../../emulator/local-backend';
import { startLocalSites } from '../../emulator/local-sites';

const root = join(import.meta.dirname, '..', '..');

/**
 * The real thing, assembled for a test: the local sites under their real host names, the built add-on
 * as a web app on a fresh workbook, and headless Chromium with the built extension configured to sync.
 */
export async function startRig() {
  const dir = mkdtempSync(join(tmpdir(), 'clipsheet-e2e-'));
  const sites = await startLocalSites(join(root, 'tests', 'fixtures', 'sites'));
  const backend: LocalBackend = await startLocalBackend({ bundleDir: join(root, 'dist', 'apps-script'), workbookFile: join(dir, 'workbook.xlsx') });
  const browser = await launchWithExtension({
    extensionDir: join(root, '.output', 'chrome-mv3'),
    userDataDir: join(dir, 'profile'),
    headless: true,
    hostResolverRules: sites.hostResolverRules,
  });
  await browser.worker.evaluate(
    ([url, key, email]) => chrome.storage.local.set({ syncSettings: { url, key }, repEmail: email }),
    [backend.url, backend.key, LOCAL_REP.email] as const,
  );
  const teammates: Array<Awaited<ReturnType<typeof launchWithExtension>>> = [];
  return {
    ...browser,
    backend,
    workbookFile: backend.workbookFile,
    /** The rep's click on the toolbar button, on the tab showing `page`. */
    clickToolbarButton: (page: Page) => clickToolbarButton(browser, page),
    /**
     * Clicks the toolbar button and returns the popup it opens, to operate as the rep would. Playwright does
     * not attach to an extension's popup (it is no tab), so the popup is reached through its own DevTools
     * target, over a non-flattened session (Target.sendMessageToTarget): enough to click and read.
     */
    async openPopup(page: Page) {
      await clickToolbarButton(browser, page);
      return attachToPopup(browser);
    },
    /** Another rep: their own browser profile and sync key, syncing to the same sheet. */
    async addRep(name: string, email: string) {
      const key = backend.runtime.call<string>('issueRepKey', name, email);
      await backend.persist();
      const teammate = await launchWithExtension({
        extensionDir: join(root, '.output', 'chrome-mv3'),
        userDataDir: join(dir, `profile-${teammates.length + 2}`),
        headless: true,
        hostResolverRules: sites.hostResolverRules,
      });
      await teammate.worker.evaluate(([url, key, email]) => chrome.storage.local.set({ syncSettings: { url, key }, repEmail: email }), [backend.url, key, email] as const);
      teammates.push(teammate);
      return { ...teammate, key };
    },
    async stop() {
      for (const teammate of teammates) await teammate.context.close();
      await browser.context.close();
      await backend.close();
      sites.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type Rig = Awaited<ReturnType<typeof startRig>>;

type Launched = Awaited<ReturnType<typeof launchWithExtension>>;

/**
 * Clicks the extension's toolbar button on a page, as the rep would: Chromium's Extensions.triggerAction
 * (CDP) fires action.onClicked (or opens the popup) and grants activeTab for that tab, which a synthetic key
 * press cannot do.
 */
async function clickToolbarButton(browser: Launched, page: Page) {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tab = targetInfos.find((t) => t.url === page.url());
    if (!tab) throw new Error(`No tab shows ${page.url()}`);
    await cdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: browser.extensionId, targetId: tab.targetId } as never);
  } finally {
    await cdp.detach();
  }
}

const POPUP_TIMEOUT_MS = 10_000;

/** A DevTools protocol reply (events have no id). */
interface Reply {
  id?: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: { text: string } };
  error?: { message: string };
}

/** The open popup as a handle: evaluate an expression in it (awaited, by value), click by test id, read text. */
async function attachToPopup(browser: Launched) {
  const cdp = await browser.context.browser()!.newBrowserCDPSession();
  const deadline = Date.now() + POPUP_TIMEOUT_MS;
  let targetId: string | undefined;
  while (!targetId) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    targetId = targetInfos.find((t) => t.url === `chrome-extension://${browser.extensionId}/popup.html`)?.targetId;
    if (!targetId && Date.now() > deadline) throw new Error('The toolbar click opened no popup');
    if (!targetId) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
  const replies = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as Reply;
    if (message.id !== undefined) replies.get(message.id)?.(message);
  });
  let lastId = 0;
  const evaluate = async <T>(expression: string): Promise<T> => {
    const id = ++lastId;
    const reply = await new Promise<Reply>((resolve) => {
      replies.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } }) });
    });
    replies.delete(id);
    if (reply.error || reply.result?.exceptionDetails) throw new Error(`In the popup: ${reply.error?.message ?? reply.result?.exceptionDetails?.text}`);
    return reply.result?.result?.value as T;
  };
  // The popup's script renders after load; until then there is nothing to click.
  while (!(await evaluate<boolean>(`!!document.querySelector('[data-testid="popup-clip"]')`))) {
    if (Date.now() > deadline) throw new Error('The popup never rendered');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    evaluate,
    click: (testId: string) => evaluate<void>(`document.querySelector('[data-testid="${testId}"]').click()`),
    text: (selector: string) => evaluate<string | null>(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`),
    close: () => cdp.detach(),
  };
}
