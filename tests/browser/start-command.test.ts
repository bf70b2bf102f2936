import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { readSheetRows } from '../support/workbook-file';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'clipsheet-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// `npm start` is the README's main job; `--once` runs the same command through the whole loop and exits.
test('clipsheet start --once builds, serves, clips the demo profile and leaves it in the workbook', async () => {
  const workbook = join(dir, 'workbook.xlsx');
  const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'bin', 'clipsheet.js'), 'start', '--once', '--workbook', workbook], {
    cwd: root,
    env: { ...process.env, DISPLAY: '' },
    timeout: 120_000,
  });
  expect(stdout).toContain('No display found');
  expect(stdout).toContain('The loop works: 1 row(s) in Customers');
  const rows = await readSheetRows(workbook, 'Customers');
  expect(rows.map((r) => r['Full name'])).toEqual(['Ada Lovelace']);
});

test('the bundles that reach users contain no HyperFormula (GPL-3.0): it stays a development tool', async () => {
  const { readdirSync, readFileSync, statSync } = await import('node:fs');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
  const shipped = [...files(join(root, '.output', 'chrome-mv3')), ...files(join(root, 'dist', 'apps-script'))].filter((f) => /\.(js|html)$/.test(f));
  expect(shipped.length).toBeGreaterThan(3);
  for (const file of shipped) expect(readFileSync(file, 'utf8'), file).not.toMatch(/hyperformula/i);
});
