/**
 * `npm run gas:build`: bundles apps-script/ and shared/ into dist/apps-script/ — Code.js, appsscript.json
 * and any HTML — exactly what `clasp push` uploads and what the local sheet backend runs.
 *
 * Apps Script finds menu handlers, triggers, doPost and custom functions only as top-level function
 * declarations, so the bundle is an IIFE and each export of apps-script/index.ts gets a top-level stub
 * carrying its JSDoc (which keeps `@customfunction` working).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const source = join(root, 'apps-script');
const out = join(root, 'dist', 'apps-script');
const GLOBAL = '__clipsheet';

export async function buildAppsScript(): Promise<string> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: [join(source, 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  const bundle = result.outputFiles[0]!.text;
  const entry = readFileSync(join(source, 'index.ts'), 'utf8');
  const stubs = [...entry.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export function (\w+)/g)].map(
    ([, doc, name]) => `${doc}\nfunction ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`,
  );
  writeFileSync(join(out, 'Code.js'), `${bundle}\n${stubs.join('\n\n')}\n`);
  copyFileSync(join(source, 'appsscript.json'), join(out, 'appsscript.json'));
  for (const file of readdirSync(source).filter((f) => f.endsWith('.html'))) copyFileSync(join(source, file), join(out, file));
  return out;
}

if (process.argv[1] === import.meta.filename) {
  const dir = await buildAppsScript();
  console.log(`Apps Script bundle: ${dir} (${readdirSync(dir).join(', ')})`);
}
