import type { CellKind, Column } from './define-entity';

/** What a spreadsheet cell holds, as Apps Script's getValues/setValues exchange it. */
export type Cell = string | number | boolean | Date;

const LIST_SEPARATOR = '; ';
// A list cell read back splits on these: what toCell writes, and the new lines people type.
const LIST_SPLIT = /[;\n]/;

// Sheets reads a written string the way it reads typing: `=...` runs, `+98 912` and `1-2` become numbers or
// dates. OWASP's formula-injection guidance: prefix such text with an apostrophe, which Sheets keeps as a
// quote prefix (getValues returns the text without it). Text that itself starts with an apostrophe gets one
// too, or Sheets would take its own apostrophe for the prefix and drop it.
const FORMULA_TRIGGER = /^[=+\-@\t\r\n']/;
const WOULD_PARSE_AS_VALUE = /^(?:[\s\d.,:/+\-()%$€£]+|true|false)$/i;

/** Text as it must be written so that a spreadsheet keeps it as text, never a formula or a number. */
export function escapeForSheet(text: string): string {
  return text !== '' && (FORMULA_TRIGGER.test(text) || WOULD_PARSE_AS_VALUE.test(text)) ? `'${text}` : text;
}

/** One value of a record, as the cell that holds it. */
export function toCell(kind: CellKind, value: unknown): Cell {
  if (value === undefined || value === null) return '';
  switch (kind) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? value : '';
    case 'boolean':
      return value === true;
    case 'datetime':
      return new Date(String(value));
    case 'list':
      return escapeForSheet((value as string[]).join(LIST_SEPARATOR));
    case 'json':
      return isEmptyJson(value) ? '' : escapeForSheet(JSON.stringify(value));
    case 'text':
      return escapeForSheet(String(value));
  }
}

/** A cell read back into a record value; empty cells become `undefined` (or the kind's empty value). */
export function fromCell(kind: CellKind, cell: unknown): unknown {
  const blank = cell === '' || cell === null || cell === undefined;
  switch (kind) {
    case 'number': {
      if (blank) return undefined;
      const n = typeof cell === 'number' ? cell : Number(String(cell).replace(/,/g, ''));
      return Number.isFinite(n) ? n : cell; // left for the schema to reject with a clear message
    }
    case 'boolean':
      return cell === true || /^(true|yes|1)$/i.test(String(cell ?? '').trim());
    case 'datetime':
      return blank ? undefined : toIsoDateTime(cell);
    case 'list':
      return blank ? [] : String(cell).split(LIST_SPLIT).map((item) => item.trim()).filter(Boolean);
    case 'json':
      if (blank) return undefined;
      try {
        return JSON.parse(String(cell));
      } catch {
        return cell; // the schema reports it
      }
    case 'text':
      return blank ? undefined : String(cell);
  }
}

function toIsoDateTime(cell: unknown): unknown {
  const date = cell instanceof Date ? cell : new Date(String(cell));
  return Number.isNaN(date.getTime()) ? cell : date.toISOString();
}

function isEmptyJson(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && Object.keys(value).length === 0);
}

/** The cells of a record in the order of the given columns. */
export function recordToCells(columns: readonly Column[], record: Record<string, unknown>): Cell[] {
  return columns.map((column) => toCell(column.cell, record[column.key]));
}

/** A plain object of record values from cells, keyed by field, before schema validation. */
export function cellsToValues(columns: readonly Column[], cells: readonly unknown[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  columns.forEach((column, i) => {
    const value = fromCell(column.cell, cells[i]);
    if (value !== undefined) values[column.key] = value;
  });
  return values;
}

/**
 * A record exactly as the sheet will hold it: written to cells and read back (what Sheets strips, like the
 * quote prefix and empty text, is gone). The add-on answers with this, so a rep's copy equals the row.
 */
export function asStoredInSheet(columns: readonly Column[], record: Record<string, unknown>): Record<string, unknown> {
  const cells = recordToCells(columns, record).map((cell) => (typeof cell === 'string' && cell.startsWith("'") ? cell.slice(1) : cell));
  return cellsToValues(columns, cells);
}

/**
 * A regular expression (its source) that a list cell matches when `item` is one of its items, as fromCell
 * reads them, and not part of a longer one (`p1` is not in `p12`): for Sheets' own search (TextFinder).
 */
export function listCellHolding(item: string): string {
  const escaped = item.replace(/[.*+?^$|()[\]{}\\]/g, '\\$&');
  return `(^|${LIST_SPLIT.source})\\s*${escaped}\\s*(${LIST_SPLIT.source}|$)`;
}
