import { columnToLetters } from '../../emulator/a1';
import { AppsScriptRuntime } from '../../emulator/runtime';
import { Workbook } from '../../emulator/workbook';
import { BUNDLE_DIR } from '../support/add-on';

/**
 * Reading the emulated workbook the way a person looks at it: by header, never by position. The add-on's
 * tests go through these, so a test never assumes where a column is.
 */

/** The exact pushed bundle on a brand-new spreadsheet: one empty tab, as Google creates it. */
export function emptySpreadsheet(): AppsScriptRuntime {
  const workbook = new Workbook();
  workbook.addSheet('Sheet1');
  return new AppsScriptRuntime({ bundleDir: BUNDLE_DIR, workbook });
}

export function headersOf(runtime: AppsScriptRuntime, sheetName: string): string[] {
  const sheet = runtime.workbook.sheet(sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName}`);
  return runtime.workbook.readValues(sheet, 1, 1, 1, Math.max(1, runtime.workbook.lastColumn(sheet)))[0]!.map(String);
}

/** The column letter of a header (throws when the header is missing). */
export function columnOf(runtime: AppsScriptRuntime, sheetName: string, header: string): string {
  const at = headersOf(runtime, sheetName).indexOf(header);
  if (at < 0) throw new Error(`No column "${header}" in ${sheetName}`);
  return columnToLetters(at + 1);
}

/** Every data row as an object keyed by header (columns without a header under `#<letter>`). */
export function rowsOf(runtime: AppsScriptRuntime, sheetName: string): Array<Record<string, unknown>> {
  const sheet = runtime.workbook.sheet(sheetName)!;
  const headers = headersOf(runtime, sheetName);
  const last = runtime.workbook.lastRow(sheet);
  if (last < 2) return [];
  return runtime.workbook.readValues(sheet, 2, 1, last - 1, headers.length).map((line) =>
    Object.fromEntries(line.map((value, i) => [headers[i] || `#${columnToLetters(i + 1)}`, value])),
  );
}

/** One cell by header and sheet row. */
export function cell(runtime: AppsScriptRuntime, sheetName: string, header: string, row: number): unknown {
  const sheet = runtime.workbook.sheet(sheetName)!;
  const at = headersOf(runtime, sheetName).indexOf(header);
  return runtime.workbook.readValues(sheet, row, at + 1, 1, 1)[0]![0];
}

/** Everything in a sheet as stored (formulas and quote prefixes included), to prove nothing changed. */
export function snapshot(runtime: AppsScriptRuntime, sheetName: string) {
  const sheet = runtime.workbook.sheet(sheetName)!;
  const { workbook } = runtime;
  return {
    cells: workbook.readSerialized(sheet, 1, 1, Math.max(1, workbook.lastRow(sheet)), Math.max(1, workbook.lastColumn(sheet))),
    protections: structuredClone(sheet.protections),
    validations: structuredClone(sheet.validations),
    notes: structuredClone(sheet.notes),
  };
}
