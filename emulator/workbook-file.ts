import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import ExcelJS from 'exceljs';
import type { ScriptState } from './services';
import { readValidations } from './sheet-anchors';
import { Workbook, type SheetState } from './workbook';

/**
 * The emulator's workbook on disk: an .xlsx any spreadsheet program opens (values, formulas, dates,
 * frozen header), plus a sidecar `<file>.state.json` for what .xlsx cannot hold: script properties
 * (which hold rep keys, so the file stays on this machine), triggers, protections, drop-downs and notes.
 * Spreadsheets the script created (SpreadsheetApp.create) each get their own .xlsx beside it; the one
 * sidecar records their ids, names and the rest.
 */

/** What the sidecar keeps of one spreadsheet. */
interface SpreadsheetMeta {
  sheets: Array<Omit<SheetState, 'engineId'>>;
  namedRanges: Array<[string, { sheetName: string; a1: string }]>;
  /** Who it is shared with (Workbook.access), for the spreadsheets the script created. */
  access?: Array<[string, 'owner' | 'editor' | 'viewer']>;
}

interface Sidecar extends SpreadsheetMeta {
  script: ScriptState;
  /** The other spreadsheets, each in its `spreadsheetFile`; absent in sidecars written before they existed. */
  spreadsheets?: Array<SpreadsheetMeta & { id: string; name: string }>;
}

export interface SaveOptions {
  /** The script's spreadsheets (the container, if listed, is skipped): each is saved beside `file`. */
  spreadsheets?: Iterable<Workbook>;
  /** Only these workbooks' .xlsx are rewritten (the sidecar always is); all when omitted. */
  changed?: ReadonlySet<Workbook>;
}

// Text that the engine would read as something else if written bare: keep it text with a quote prefix.
const NEEDS_QUOTE = /^(?:[=+\-@\t\r\n]|[\s\d.,:/+\-()%$€£]+$|true$|false$)/i;

/** Where a spreadsheet other than the container is kept: `<file minus .xlsx>.<id>.xlsx`. */
export const spreadsheetFile = (file: string, id: string) => `${file.replace(/\.xlsx$/i, '')}.${id}.xlsx`;

export async function saveWorkbook(file: string, workbook: Workbook, script: ScriptState, options: SaveOptions = {}): Promise<void> {
  const others = [...(options.spreadsheets ?? [])].filter((other) => other !== workbook);
  mkdirSync(dirname(file), { recursive: true });
  // An .xlsx is rewritten when its workbook changed, or was never saved.
  const save = async (book: Workbook, path: string) => {
    if (!options.changed || options.changed.has(book) || !existsSync(path)) await writeXlsx(path, book);
  };
  await save(workbook, file);
  for (const other of others) await save(other, spreadsheetFile(file, other.id));
  const sidecar: Sidecar = {
    script,
    ...metaOf(workbook),
    spreadsheets: others.map((other) => ({ id: other.id, name: other.name, ...metaOf(other) })),
  };
  writeFileSync(`${file}.state.json`, `${JSON.stringify(sidecar, null, 2)}\n`, { mode: 0o600 });
}

export async function loadWorkbook(file: string): Promise<{ workbook: Workbook; script: ScriptState; others: Workbook[] }> {
  const workbook = new Workbook();
  const script: ScriptState = { properties: {}, triggers: [] };
  if (!existsSync(file)) return { workbook, script, others: [] };
  const sidecar: Sidecar | undefined = existsSync(`${file}.state.json`) ? JSON.parse(readFileSync(`${file}.state.json`, 'utf8')) : undefined;
  await readXlsx(file, workbook, sidecar);
  const others: Workbook[] = [];
  for (const meta of sidecar?.spreadsheets ?? []) {
    const other = new Workbook(meta.name, meta.id);
    await readXlsx(spreadsheetFile(file, meta.id), other, meta);
    others.push(other);
  }
  if (sidecar) Object.assign(script, sidecar.script);
  return { workbook, script, others };
}

function metaOf(workbook: Workbook): SpreadsheetMeta {
  return { sheets: workbook.sheets.map(({ engineId: _engineId, ...rest }) => rest), namedRanges: [...workbook.namedRanges], ...(workbook.access ? { access: [...workbook.access] } : {}) };
}

async function writeXlsx(file: string, workbook: Workbook): Promise<void> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Clipsheet local sheet backend';
  for (const state of workbook.sheets) {
    const sheet = book.addWorksheet(state.name, { views: state.frozenRows ? [{ state: 'frozen', ySplit: state.frozenRows }] : [] });
    const rows = workbook.lastRow(state);
    const columns = workbook.lastColumn(state);
    if (!rows || !columns) continue;
    const raw = workbook.readSerialized(state, 1, 1, rows, columns);
    const values = workbook.readValues(state, 1, 1, rows, columns);
    raw.forEach((line, r) => {
      const row = sheet.getRow(r + 1);
      line.forEach((content, c) => {
        if (content === null || content === undefined || content === '') return;
        const cell = row.getCell(c + 1);
        const value = values[r]![c]!;
        if (typeof content === 'string' && content.startsWith('=')) {
          cell.value = { formula: content.slice(1), result: value instanceof Date ? value : (value as string | number | boolean) } as ExcelJS.CellFormulaValue;
        } else if (value instanceof Date) {
          cell.value = value;
          cell.numFmt = 'yyyy-mm-dd hh:mm:ss';
        } else {
          cell.value = value;
        }
      });
    });
  }
  // Write to a temporary file and rename, so a crash never leaves half a workbook.
  await book.xlsx.writeFile(`${file}.tmp`);
  renameSync(`${file}.tmp`, file);
}

async function readXlsx(file: string, workbook: Workbook, meta: SpreadsheetMeta | undefined): Promise<void> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  for (const sheet of book.worksheets) {
    const state = workbook.addSheet(sheet.name);
    const saved = meta?.sheets.find((s) => s.name === sheet.name);
    if (saved) {
      Object.assign(state, saved);
      // Sidecars written before notes and rule details existed still load.
      state.validations = readValidations(saved.validations);
      state.notes = saved.notes ?? {};
    }
    state.maxRows = Math.max(state.maxRows, sheet.rowCount);
    state.maxColumns = Math.max(state.maxColumns, sheet.columnCount);
    const contents: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      const line: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, c) => (line[c - 1] = toEngineContent(cell.value)));
      contents[r - 1] = line;
    });
    const width = Math.max(0, ...contents.map((line) => line?.length ?? 0));
    const grid = Array.from(contents, (line) => Array.from({ length: width }, (_, c) => line?.[c] ?? null));
    if (grid.length && width) workbook.writeValues(state, 1, 1, grid);
  }
  for (const [name, range] of meta?.namedRanges ?? []) workbook.namedRanges.set(name, range);
  if (meta?.access) workbook.access = new Map(meta.access);
}

function toEngineContent(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('formula' in value && value.formula) return `=${value.formula}`;
    if ('sharedFormula' in value) return (value as ExcelJS.CellSharedFormulaValue).result ?? null;
    if ('richText' in value) return quoteIfNeeded(value.richText.map((part) => part.text).join(''));
    if ('text' in value) return quoteIfNeeded(String(value.text));
    if ('error' in value) return value.error;
    return null;
  }
  return typeof value === 'string' ? quoteIfNeeded(value) : value;
}

const quoteIfNeeded = (text: string) => (NEEDS_QUOTE.test(text) ? `'${text}` : text);

