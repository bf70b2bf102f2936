/**
 * `npm run bench`: runs every bench/*.bench.ts (or those named on the command line), prints a table and
 * writes bench/results.json. Figures are reported, never asserted: timing belongs here, not in tests.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Benchmark, Figure } from './figure';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.includes(w)))
  .sort();

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  platform: `${process.platform}-${process.arch}`,
};
const results: Array<Figure & { bench: string; machine: typeof machine; at: string }> = [];

for (const file of files) {
  const bench = basename(file, '.bench.ts');
  process.stdout.write(`running ${bench}...\n`);
  const run = (await import(pathToFileURL(join(here, file)).href)).default as Benchmark;
  for (const figure of await run()) results.push({ bench, ...figure, machine, at: new Date().toISOString() });
}

const rows = results.map((r) => [
  r.bench,
  r.name,
  `${Number.isInteger(r.value) ? r.value : r.value.toPrecision(4)} ${r.unit}`,
  r.target ?? '',
  r.meets === undefined ? '' : r.meets ? 'yes' : 'NO',
]);
const head = ['bench', 'figure', 'value', 'target', 'meets'];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
console.log(`\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${rows.map(line).join('\n')}`);
console.log(`\nmachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, node ${machine.node}`);
writeFileSync(join(here, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench/results.json');
