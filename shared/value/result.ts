/**
 * The value formulas [S4] take numbers that come from sheet cells and forms, so any of them may be empty, text,
 * NaN or absurd. Each function returns a typed result instead of throwing or leaking NaN into a dashboard.
 */

export type ValueErrorCode = 'empty' | 'not-a-number' | 'out-of-range' | 'missing' | 'zero' | 'too-short' | 'conflict';

export interface ValueError {
  code: ValueErrorCode;
  /** The input at fault, e.g. `survival[3]`. */
  field: string;
  message: string;
}

export type ValueResult<T> = { ok: true; value: T } | { ok: false; error: ValueError };

/** A successful result. */
export function succeed<T>(value: T): ValueResult<T> {
  return { ok: true, value };
}

/** A failed result naming the input at fault. */
export function fail<T = never>(code: ValueErrorCode, field: string, message: string): ValueResult<T> {
  return { ok: false, error: { code, field, message: `${field}: ${message}` } };
}

/** Whether a value is a finite number (not NaN, not Infinity, not a numeric string). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Checks one number against bounds; undefined if fine, else the error. */
export function checkNumber(value: unknown, field: string, bounds: { min?: number; max?: number } = {}): ValueError | undefined {
  if (value === undefined || value === null || value === '') return { code: 'missing', field, message: `${field}: is missing` };
  if (!isFiniteNumber(value)) return { code: 'not-a-number', field, message: `${field}: must be a finite number (got ${describe(value)})` };
  if (bounds.min !== undefined && value < bounds.min) return { code: 'out-of-range', field, message: `${field}: must be at least ${bounds.min} (got ${value})` };
  if (bounds.max !== undefined && value > bounds.max) return { code: 'out-of-range', field, message: `${field}: must be at most ${bounds.max} (got ${value})` };
  return undefined;
}

/** Checks every element of an array; the first bad one is reported with its index. */
export function checkNumbers(values: unknown, field: string, bounds: { min?: number; max?: number } = {}): ValueError | undefined {
  if (!Array.isArray(values)) return { code: 'not-a-number', field, message: `${field}: must be a list of numbers (got ${describe(values)})` };
  for (let i = 0; i < values.length; i++) {
    const error = checkNumber(values[i], `${field}[${i}]`, bounds);
    if (error) return error;
  }
  return undefined;
}

/** A short, safe rendering of a bad input for an error message. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' && value !== null ? 'an object' : String(value);
}

/** The median: the middle value, or the mean of the two middle values for an even count; undefined when empty. */
export function computeMedian(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[mid];
  // The midpoint from the lower value stays between the two (halving each rounds tiny values to 0); when the
  // gap overflows, halving each is exact enough.
  const [low, high] = [sorted[mid - 1], sorted[mid]];
  const gap = high - low;
  return Number.isFinite(gap) ? low + gap / 2 : low / 2 + high / 2;
}
