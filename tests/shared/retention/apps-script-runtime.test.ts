/**
 * shared/retention must run unchanged in Apps Script V8: bundled the way scripts/build-apps-script.ts
 * bundles (esbuild, IIFE, es2020, platform neutral) and run in a bare V8 context with ECMAScript globals
 * only (no process, Buffer, URL, TextEncoder, crypto or timers), it still fits CDNOW.
 */
import { createContext, runInContext } from 'node:vm';
import { build } from 'esbuild';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { PUBLISHED_BG_NBD, readCdnow, repoRoot } from './cdnow-data';

test('the es2020 IIFE bundle fits the CDNOW summary in a context without Node or web globals', async () => {
  const result = await build({
    entryPoints: [join(repoRoot, 'shared', 'retention', 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'retention',
    target: 'es2020',
    platform: 'neutral',
    write: false,
  });
  const context = createContext({ summaryText: readCdnow('cdnow_customers_summary.csv') });
  for (const name of ['process', 'Buffer', 'URL', 'TextEncoder', 'crypto', 'setTimeout', 'require']) {
    expect(runInContext(`typeof ${name}`, context)).toBe('undefined');
  }
  runInContext(result.outputFiles[0]!.text, context);
  const fitted = runInContext('JSON.stringify(retention.fitBgNbd(retention.readSummaries(summaryText)).parameters)', context) as string;
  const parameters = JSON.parse(fitted) as typeof PUBLISHED_BG_NBD;
  expect(parameters.r).toBeCloseTo(PUBLISHED_BG_NBD.r, 3);
  expect(parameters.b).toBeCloseTo(PUBLISHED_BG_NBD.b, 3);
});
