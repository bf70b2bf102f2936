/**
 * `npm run gas:build`: bundles apps-script/ and shared/ into dist/apps-script/ — Code.js, appsscript.json
 * and Sidebar.html — exactly what `clasp push` uploads and what the local sheet backend runs.
 *
 * Apps Script finds menu handlers, triggers, doPost and custom functions only as top-level function
 * declarations, so the bundle is an IIFE and each export of apps-script/index.ts gets a top-level stub
 * carrying its JSDoc (which keeps `@customfunction` working). HtmlService serves one file per page, so the
 * Preact sidebar is bundled and inlined, script and styles, into a single Sidebar.html.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const source = join(root, 'apps-script');
const out = join(root, 'dist', 'apps-script');
const GLOBAL = '__clipsheet';

export async function buildAppsScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(source, 'index.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    target: 'es2020',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // Built-ins bound once inside the bundle instead of looked up on the global object at each use.
    inject: [join(source, 'builtins.ts')],
    write: false,
    legalComments: 'none',
    charset: 'utf8',
    // Apps Script parses the whole project on every execution (each request, each custom-function cell):
    // a smaller file starts faster. Names are kept so stack traces in the execution log stay readable.
    minifyWhitespace: true,
    minifySyntax: true,
  });
  const bundle = result.outputFiles[0]!.text;
  const files: Record<string, string> = {
    'Code.js': `${bundle}\n${topLevelStubs(readFileSync(join(source, 'index.ts'), 'utf8')).join('\n\n')}\n`,
    'appsscript.json': readFileSync(join(source, 'appsscript.json'), 'utf8'),
    'Sidebar.html': await buildSidebar(),
  };
  // Test runs and the local backend read this folder while another build may be writing it: each file is
  // replaced whole (written beside it, then renamed), and the folder never disappears.
  mkdirSync(out, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    const temporary = join(out, '..', `.apps-script-${name}-${process.pid}.tmp`);
    writeFileSync(temporary, text);
    renameSync(temporary, join(out, name));
  }
  for (const stale of readdirSync(out)) if (!(stale in files)) rmSync(join(out, stale), { recursive: true, force: true });
  return out;
}

/** One top-level function per export of index.ts, with its JSDoc; an export without JSDoc fails the build. */
function topLevelStubs(entry: string): string[] {
  const exported = [...entry.matchAll(/^export function (\w+)/gm)].map(([, name]) => name!);
  const documented = [...entry.matchAll(/(\/\*\*(?:(?!\*\/)[\s\S])*\*\/)\s*export function (\w+)/g)];
  const missing = exported.filter((name) => !documented.some(([, , n]) => n === name));
  if (missing.length) throw new Error(`apps-script/index.ts: give ${missing.join(', ')} a JSDoc comment (who calls it; @customfunction for formulas).`);
  if (/^export (?!function|type|interface)/m.test(entry)) throw new Error('apps-script/index.ts exports only functions: Apps Script calls nothing else.');
  return documented.map(([, doc, name]) => `${doc}\nfunction ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`);
}

/** The Preact sidebar as one HTML file: the bundle and its stylesheet inlined. */
async function buildSidebar(): Promise<string> {
  const dir = join(source, 'sidebar');
  const result = await build({
    entryPoints: [join(dir, 'main.tsx')],
    bundle: true,
    format: 'iife',
    target: 'es2020',
    platform: 'browser',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    minify: true,
    write: false,
    legalComments: 'none',
    charset: 'utf8',
  });
  // A literal "</script" inside the code would end the inline script early.
  const script = result.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
  const style = readFileSync(join(dir, 'sidebar.css'), 'utf8');
  return `<!DOCTYPE html>
<html>
<head>
<base target="_top">
<meta charset="utf-8">
<title>Clipsheet</title>
<style>${style}</style>
</head>
<body>
<div id="app"></div>
<script>${script}</script>
</body>
</html>
`;
}

if (process.argv[1] === import.meta.filename) {
  const dir = await buildAppsScript();
  console.log(`Apps Script bundle: ${dir} (${readdirSync(dir).join(', ')})`);
}
