import { existsSync } from 'node:fs';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The system Chromium: $CHROME_PATH, else Debian's /usr/bin/chromium. Never a downloaded browser. */
export function findChromium(): string {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `Chromium was not found (looked at ${candidates.join(', ')}). Install it with 'sudo apt-get install -y chromium' or set CHROME_PATH to a Chromium or Chrome binary.`,
    );
  return found;
}

export interface LaunchOptions {
  extensionDir: string;
  userDataDir: string;
  headless: boolean;
  /** `MAP host 127.0.0.1:port, ...`: real host names answered by local servers. */
  hostResolverRules?: string;
}

/** Chromium with the built extension loaded; resolves once the extension's service worker is up. */
export async function launchWithExtension(options: LaunchOptions): Promise<{ context: BrowserContext; worker: Worker; extensionId: string }> {
  const context = await chromium.launchPersistentContext(options.userDataDir, {
    executablePath: findChromium(),
    headless: options.headless,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 860 },
    args: [
      `--disable-extensions-except=${options.extensionDir}`,
      `--load-extension=${options.extensionDir}`,
      ...(options.hostResolverRules ? [`--host-resolver-rules=${options.hostResolverRules}`, '--ignore-certificate-errors'] : []),
      '--no-sandbox',
      '--disable-gpu',
      // This machine's network refuses Google's hosts; without these Chromium keeps trying them.
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  return { context, worker, extensionId: new URL(worker.url()).host };
}
