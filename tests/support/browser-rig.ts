import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  return {
    ...browser,
    backend,
    workbookFile: backend.workbookFile,
    async stop() {
      await browser.context.close();
      await backend.close();
      sites.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type Rig = Awaited<ReturnType<typeof startRig>>;
