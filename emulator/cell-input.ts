import type { RawCellContent } from 'hyperformula';
import type { CellValue } from './workbook';

/**
 * How values cross into the engine and how cells compare, as Google Sheets does it: what setValues makes of
 * a value (text read as typed input, Dates in the spreadsheet's time zone) and the order Range.sort uses.
 */
export const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
export const MS_PER_DAY = 86_400_000;

/** Excel/Sheets serial date (days since 1899-12-30) to epoch milliseconds. */
export const serialToMs = (serial: number) => Math.round(SERIAL_EPOCH_MS + serial * MS_PER_DAY);

/** A value given to setValues as the engine's input. */
export function toEngineInput(value: unknown): RawCellContent {
  if (value === null || value === undefined || value === '') return null;
  // Dates may come from the script's own realm, where `instanceof Date` is false.
  if (Object.prototype.toString.call(value) === '[object Date]') {
    const iso = (value as Date).toISOString(); // the spreadsheet's time zone is UTC
    return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  }
  if (typeof value === 'string' && SIGNED_FORMULA.test(value) && !SIGNED_NUMBER.test(value.trim())) return `=${value}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return String(value);
}

// Sheets reads typed (and setValues) text that starts with + or - as a formula unless it is a plain number:
// "+1+2" shows 3, "+98 912" a parse error. HyperFormula would keep such text as text, hiding injection bugs.
const SIGNED_FORMULA = /^[+-]/;
const SIGNED_NUMBER = /^[+-]?(\d[\d,]*\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

/** Range.sort's order for two cells. */
export function compareCells(a: CellValue, b: CellValue): number {
  // Sheets sorts numbers before text, and empty cells last.
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const x = a instanceof Date ? a.getTime() : a;
  const y = b instanceof Date ? b.getTime() : b;
  if (typeof x === 'number' && typeof y === 'number') return x - y;
  if (typeof x === 'number') return -1;
  if (typeof y === 'number') return 1;
  return String(x).localeCompare(String(y));
}
