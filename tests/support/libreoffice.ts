import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import JSZip from 'jszip';
import Papa from 'papaparse';

/**
 * LibreOffice headless as a second formula engine (../shared/TESTING.md): its own user profile set to
 * recalculate every formula on load (the .xlsx carries HyperFormula's results, which must not be trusted),
 * then one CSV per sheet with raw values (not as shown).
 */

const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

/** A fresh LibreOffice profile that recalculates on load; returns the -env argument that selects it. */
function profile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clipsheet-lo-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(join(dir, 'user', 'registrymodifications.xcu'), ALWAYS_RECALCULATE);
  return `-env:UserInstallation=file://${dir}`;
}

/** Runs soffice to convert a file; throws with LibreOffice's output when it fails. */
export function convertWithLibreOffice(file: string, filter: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  execFileSync('soffice', [profile(), '--headless', '--calc', '--convert-to', filter, '--outdir', outDir, file], { stdio: 'pipe', timeout: 240_000 });
}

/**
 * Removes the cached results of every formula of the named sheets, so that LibreOffice can only show what
 * it computed itself: a formula it did not recalculate comes out blank, and the comparison fails.
 */
export async function stripCachedResults(xlsx: string, sheetNames: readonly string[]): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(xlsx));
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  for (const name of sheetNames) {
    const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(book)?.[1];
    const target = id && new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    if (!target) throw new Error(`no sheet ${name} in ${xlsx}`);
    const path = `xl/${target.replace(/^\/?xl\//, '')}`;
    const xml = await zip.file(path)!.async('string');
    // <c r="B7" t="str"><f>...</f><v>42</v></c> -> <c r="B7"><f>...</f></c>
    zip.file(path, xml.replace(/<c ([^>]*)>(<f>[^<]*<\/f>)<v>[^<]*<\/v><\/c>/g, (_, attributes: string, formula: string) => `<c ${attributes.replace(/\s*t="[^"]*"/, '')}>${formula}</c>`));
  }
  writeFileSync(xlsx, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Every sheet of an .xlsx as LibreOffice recalculates it: sheet name -> rows of cell texts. */
export function recalculateWithLibreOffice(xlsx: string, outDir: string): Map<string, string[][]> {
  convertWithLibreOffice(xlsx, CSV_FILTER, outDir);
  const prefix = `${basename(xlsx, '.xlsx')}-`;
  const sheets = new Map<string, string[][]>();
  for (const file of readdirSync(outDir).filter((f) => f.startsWith(prefix) && f.endsWith('.csv'))) {
    const parsed = Papa.parse<string[]>(readFileSync(join(outDir, file), 'utf8'), { skipEmptyLines: false });
    sheets.set(file.slice(prefix.length, -'.csv'.length), parsed.data);
  }
  return sheets;
}

/** The cell at an A1 address of a CSV grid ('' when outside it). */
export function cellOf(grid: string[][], a1: string): string {
  const match = /^\$?([A-Z]+)\$?(\d+)$/.exec(a1);
  if (!match) throw new Error(`not a cell: ${a1}`);
  const column = [...match[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return grid[Number(match[2]) - 1]?.[column - 1] ?? '';
}
