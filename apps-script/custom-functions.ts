import { deriveStage, isStage } from '../shared/ladder';
import { suggestLevel } from '../shared/levels';
import { discountedClv } from '../shared/value';

/**
 * Formulas people type (`=CLIPSHEET_CLV(B2, 0.8, 0.1, 5)`), computed by the domain core so a number in
 * the sheet and the same number in the side panel come from one function. Sheets passes a range as a 2-D
 * array; the per-row functions then answer with a column, as Google recommends (one call for a whole
 * range instead of one per cell). A thrown Error shows as #ERROR! with its message in the cell.
 */

type Arg = unknown;
const isGrid = (value: Arg): value is unknown[][] => Array.isArray(value) && value.every(Array.isArray);

/** A number from a cell: blank is missing, text is refused with the cell's text in the message. */
function toNumber(value: Arg, name: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (value === '' || value === null || value === undefined) throw new Error(`${name} is missing`);
  throw new Error(`${name} must be a number (got "${String(value)}")`);
}

/** Numbers from a cell or a range (row or column), blanks skipped: one per period. */
function toNumbers(value: Arg, name: string): number | number[] {
  if (!Array.isArray(value)) return toNumber(value, name);
  const flat = (isGrid(value) ? value.flat() : value).filter((v) => v !== '' && v !== null);
  return flat.map((v, i) => toNumber(v, `${name}[${i + 1}]`));
}

/** Applies a per-row function to single cells or to ranges (zipped by position), answering in kind. */
function perRow<T>(args: Arg[], compute: (...cells: unknown[]) => T): T | T[][] {
  const grid = args.find(isGrid);
  if (!grid) return compute(...args);
  return grid.map((line, r) =>
    line.map((_, c) => {
      const cells = args.map((a) => (isGrid(a) ? a[r]?.[c] : a));
      return cells.every((v) => v === '' || v === null || v === undefined) ? ('' as T) : compute(...cells);
    }),
  );
}

/** Customer lifetime value [S4]: margin per period, retention per period, discount rate per period, horizon. */
export function clv(margins: Arg, retention: Arg, discountRate: Arg, horizon?: Arg): number {
  const result = discountedClv({
    margins: toNumbers(margins, 'margin'),
    retention: toNumbers(retention, 'retention'),
    discountRate: toNumber(discountRate, 'discount rate'),
    horizon: horizon === undefined || horizon === '' ? undefined : toNumber(horizon, 'horizon'),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

/** The stage purchase history proves [S1]: first-time after one won order, repeat after two; never demotes. */
export function stage(current: Arg, wonOrders: Arg): string | string[][] {
  return perRow([current, wonOrders], (s, n) => {
    const text = String(s ?? '').trim();
    if (!isStage(text)) throw new Error(`"${text}" is not a stage`);
    return deriveStage(text, toNumber(n === '' ? 0 : n, 'won orders'));
  });
}

/** The relationship level [S3] the customers x margin grid suggests for a segment. */
export function level(customerCount: Arg, marginRate: Arg): string | string[][] {
  return perRow([customerCount, marginRate], (count, margin) => {
    const result = suggestLevel({ customerCount: toNumber(count, 'customer count'), marginRate: toNumber(margin, 'margin rate') });
    if (!result.ok) throw new Error(result.error.message);
    return result.suggestion.level;
  });
}
