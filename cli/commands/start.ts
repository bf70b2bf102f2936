import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build as buildExtension } from 'wxt';
import type { Command } from '../command';
import { parseOptions, portOption } from '../options';
import { launchWithExtension } from '../../emulator/chromium';
import { DEFAULT_WORKBOOK, LOCAL_REP, startLocalBackend } from '../../emulator/local-backend';
import { startLocalSites } from '../../emulator/local-sites';
import { buildAppsScript } from '../../scripts/build-apps-script';

const root = join(import.meta.dirname, '..', '..');
const usage = `Usage: clipsheet start [--port N] [--workbook FILE] [--headless] [--demo] [--once]
  Builds the extension and the Apps Script add-on, starts the local sheet backend, and opens Chromium with
  the extension loaded and configured to sync to it.
  --demo   also serve saved LinkedIn/Gmail pages under their real host names (never the real sites)
  --once   save the demo profile, wait for it to reach the sheet, print the row and exit (implies --demo)`;

export default {
  name: 'start',
  summary: 'the main job: the extension in Chromium syncing to a local sheet',
  usage,
  async run(args) {
    const { values } = parseOptions(args, {
      port: { type: 'string' },
      workbook: { type: 'string' },
      headless: { type: 'boolean' },
      demo: { type: 'boolean' },
      once: { type: 'boolean' },
    });
    const demo = values.demo || values.once;
    console.log('Building the Apps Script add-on and the extension…');
    const bundleDir = await buildAppsScript();
    await buildExtension({ root, logLevel: 1 } as Parameters<typeof buildExtension>[0]);
    const extensionDir = join(root, '.output', 'chrome-mv3');

    const backend = await startLocalBackend({ bundleDir, workbookFile: values.workbook ?? DEFAULT_WORKBOOK, port: portOption(values.port, values.once ? 0 : 8787) });
    const sites = demo ? await startLocalSites(join(root, 'tests', 'fixtures', 'sites')) : undefined;
    const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
    const headless = values.headless || values.once || !hasDisplay;
    if (!hasDisplay && !values.headless) console.log('No display found ($DISPLAY is not set): running Chromium headless.');

    const userDataDir = join(root, '.clipsheet', values.once ? `chromium-once-${process.pid}` : 'chromium-profile');
    mkdirSync(userDataDir, { recursive: true });
    const { context, worker, extensionId } = await launchWithExtension({ extensionDir, userDataDir, headless, hostResolverRules: sites?.hostResolverRules });
    await worker.evaluate(
      ([url, key, email]) => chrome.storage.local.set({ syncSettings: { url, key }, repEmail: email }),
      [backend.url, backend.key, LOCAL_REP.email] as const,
    );
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);

    console.log(`
Clipsheet is running.
  sheet backend  ${backend.url}
  workbook       ${backend.workbookFile}  (open it in any spreadsheet program)
  extension      ${extensionDir}  (id ${extensionId}), configured to sync as ${LOCAL_REP.email}
  browser        Chromium${headless ? ' (headless)' : ''}, profile ${userDataDir}${sites ? `\n  demo sites     https://www.linkedin.com/in/ada-lovelace/ and friends, served locally` : ''}`);

    try {
      if (values.once) return await runOnce(context, backend);
      if (sites) await (await context.newPage()).goto('https://www.linkedin.com/in/ada-lovelace/');
      console.log('\nPress Ctrl-C to stop (or close the browser).');
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
        context.once('close', () => resolve());
      });
      return 0;
    } finally {
      await context.close().catch(() => undefined);
      sites?.server.close();
      await backend.close();
      if (values.once) rmSync(userDataDir, { recursive: true, force: true });
    }
  },
} satisfies Command;

/** Clips the demo profile and waits until its row is in the workbook: the whole loop, checked anywhere. */
async function runOnce(context: Awaited<ReturnType<typeof launchWithExtension>>['context'], backend: Awaited<ReturnType<typeof startLocalBackend>>): Promise<number> {
  const page = await context.newPage();
  await page.goto('https://www.linkedin.com/in/ada-lovelace/');
  await page.getByTestId('clipsheet-save').click();
  const customers = backend.runtime.workbook.sheet('Customers')!;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && backend.runtime.workbook.lastRow(customers) < 2) await new Promise((r) => setTimeout(r, 200));
  const rows = backend.runtime.workbook.readValues(customers, 1, 1, backend.runtime.workbook.lastRow(customers), 12);
  if (rows.length < 2) {
    console.error('The saved person did not reach the sheet within 30 s.');
    return 1;
  }
  console.log(`\nThe loop works: ${rows.length - 1} row(s) in Customers, saved to ${backend.workbookFile}:`);
  const name = rows[0]!.indexOf('Full name');
  for (const row of rows.slice(1)) console.log(`  ${row[0]}  ${row[name]}`);
  return 0;
}
