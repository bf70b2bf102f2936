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
    /**
     * Clicks the extension's toolbar button on a page, as the rep would: Chromium's Extensions.triggerAction
     * (CDP) fires action.onClicked and grants activeTab for that tab, which a synthetic key press cannot do.
     */
    async clickToolbarButton(page: Page) {
      const cdp = await browser.context.browser()!.newBrowserCDPSession();
      try {
        const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] })) as { targetInfos: Array<{ targetId: string; url: string }> };
        const tab = targetInfos.find((t) => t.url === page.url());
        if (!tab) throw new Error(`No tab shows ${page.url()}`);
        await cdp.send('Extensions.triggerAction' as 'Target.getTargets', { id: browser.extensionId, targetId: tab.targetId } as never);
      } finally {
        await cdp.detach();
      }
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
