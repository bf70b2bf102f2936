import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findChromium } from '../../emulator/chromium';
import { buildAppsScript } from '../../scripts/build-apps-script';

const root = join(import.meta.dirname, '..', '..');

/**
 * Builds what the sheet and browser tests run: the exact Apps Script bundle, and (for browser tests) the
 * extension. Vitest runs this once per project; a missing Chromium fails here, loudly, with how to get it.
 */
export default async function setup({ provide: _provide, config }: { provide: unknown; config: { name?: string } }) {
  await buildAppsScript();
  if (config.name === 'browser') {
    findChromium();
    execFileSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], { cwd: root, stdio: 'pipe' });
  }
}
