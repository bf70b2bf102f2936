import { checkNumber, checkNumbers, fail, succeed, type ValueError, type ValueResult } from './result';

/**
 * Customer lifetime value [S4]: the present value of the future net cash flow a customer brings.
 *
 *   CLV = sum over t = 1..H of  m_t * S_t / (1 + d)^t
 *
 * m_t is the net margin (revenue minus cost to serve) of period t, S_t the probability that the customer is still
 * a customer in period t, d the discount rate per period and H the horizon in periods. Cash arrives at the end of
 * each period, so period 1 is discounted once. Today's margin (t = 0) is not counted: it is already in the base
 * value (past sales minus costs), and CLV is what is still to come.
 *
 * S_t is given either as survival (the cumulative S_1..S_H directly) or as retention r_t (the probability of
 * staying through period t having been there at its start), in which case S_t = r_1 * r_2 * ... * r_t, and
 * with one constant r, S_t = r^t. With constant m and r and H -> infinity this tends to m * r / (1 + d - r).
 */

export interface ClvInput {
  /** Net margin per period: one number for every period, or one per period (may be negative). */
  margins: number | readonly number[];
  /** Retention per period in [0, 1]: one number or one per period. Give this or survival, not both. */
  retention?: number | readonly number[];
  /** Survival to each period in [0, 1], non-increasing. Give this or retention, not both. */
  survival?: readonly number[];
  /** Discount rate per period, >= 0 (periodDiscountRate turns a yearly rate into a monthly one). */
  discountRate: number;
  /** Number of periods; defaults to the longest array given. */
  horizon?: number;
}

// A hundred years of monthly periods: enough for any plan, small enough that a hostile horizon cannot hang a sheet.
export const MAX_HORIZON = 1200;

/** The discounted customer lifetime value, by the formula above. */
export function discountedClv(input: ClvInput): ValueResult<number> {
  const error = checkClvInput(input);
  if (error) return { ok: false, error };
  const horizon = findHorizon(input);
  if (horizon === undefined) return fail('missing', 'horizon', 'is needed when margins and retention are single numbers');
  if (horizon > MAX_HORIZON) return fail('out-of-range', 'horizon', `must be at most ${MAX_HORIZON} periods (the lists have ${horizon})`);
  const tooShort = findTooShort(input, horizon);
  if (tooShort) return fail('too-short', tooShort.field, `has ${tooShort.length} values; the horizon needs ${horizon}`);
  let clv = 0;
  let survival = 1;
  for (let t = 1; t <= horizon; t++) {
    const margin = valueAt(input.margins, t);
    survival = input.survival ? input.survival[t - 1] : survival * valueAt(input.retention ?? 1, t);
    clv += (margin * survival) / (1 + input.discountRate) ** t;
  }
  return Number.isFinite(clv) ? succeed(clv) : fail('out-of-range', 'margins', 'are too large: the value overflows');
}

/** The discount rate per period equivalent to a yearly rate: (1 + yearly)^(1 / periodsPerYear) - 1. */
export function periodDiscountRate(yearlyRate: number, periodsPerYear: number): ValueResult<number> {
  const error = checkNumber(yearlyRate, 'yearlyRate', { min: 0, max: 10 }) ?? checkNumber(periodsPerYear, 'periodsPerYear', { min: 1, max: 366 });
  if (error) return { ok: false, error };
  return succeed((1 + yearlyRate) ** (1 / periodsPerYear) - 1);
}

function checkClvInput(input: ClvInput): ValueError | undefined {
  if (typeof input !== 'object' || input === null) return { code: 'missing', field: 'input', message: 'input: is missing' };
  const { margins, retention, survival, discountRate, horizon } = input;
  const marginError = Array.isArray(margins) ? checkNumbers(margins, 'margins') : checkNumber(margins, 'margins');
  if (marginError) return marginError;
  if (retention !== undefined && survival !== undefined) {
    return { code: 'conflict', field: 'survival', message: 'survival: give either retention or survival, not both' };
  }
  if (retention === undefined && survival === undefined) {
    return { code: 'missing', field: 'retention', message: 'retention: give retention (per period) or survival (cumulative)' };
  }
  if (retention !== undefined) {
    const retentionError = Array.isArray(retention) ? checkNumbers(retention, 'retention', { min: 0, max: 1 }) : checkNumber(retention, 'retention', { min: 0, max: 1 });
    if (retentionError) return retentionError;
  }
  if (survival !== undefined) {
    const survivalError = checkNumbers(survival, 'survival', { min: 0, max: 1 });
    if (survivalError) return survivalError;
    // A rising "survival" is almost always per-period retention passed in the wrong field.
    const rise = survival.findIndex((s, i) => i > 0 && s > survival[i - 1]);
    if (rise > 0) return { code: 'out-of-range', field: `survival[${rise}]`, message: `survival[${rise}]: survival cannot rise (did you mean retention?)` };
  }
  return (
    checkNumber(discountRate, 'discountRate', { min: 0 }) ??
    (horizon === undefined ? undefined : checkNumber(horizon, 'horizon', { min: 0, max: MAX_HORIZON })) ??
    (horizon !== undefined && !Number.isInteger(horizon) ? { code: 'not-a-number', field: 'horizon', message: `horizon: must be a whole number of periods (got ${horizon})` } : undefined)
  );
}

function findHorizon(input: ClvInput): number | undefined {
  if (input.horizon !== undefined) return input.horizon;
  const lengths = [input.margins, input.retention, input.survival].filter(Array.isArray).map((values) => values.length);
  return lengths.length === 0 ? undefined : lengths.reduce((a, b) => Math.max(a, b));
}

function findTooShort(input: ClvInput, horizon: number): { field: string; length: number } | undefined {
  for (const [field, values] of [['margins', input.margins], ['retention', input.retention], ['survival', input.survival]] as const) {
    if (Array.isArray(values) && values.length < horizon) return { field, length: values.length };
  }
  return undefined;
}

function valueAt(values: number | readonly number[], t: number): number {
  return typeof values === 'number' ? values : values[t - 1];
}
