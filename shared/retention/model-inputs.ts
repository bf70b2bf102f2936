/**
 * What the retention models accept and how they refuse. A fit that cannot be trusted throws a typed error
 * instead of returning numbers: a CLV computed from parameters that ran off to a bound would look precise
 * and mean nothing.
 */

/** Why a retention computation refused to answer. */
export type RetentionErrorCode =
  /** No customers (or no transactions) to fit. */
  | 'empty-input'
  /** A value is missing, not finite, negative, or inconsistent (recency beyond age, a fractional frequency). */
  | 'invalid-input'
  /** A line of a file could not be read; `line` says which. */
  | 'malformed-input'
  /** The data cannot identify the model: too few repeat buyers, no spread in spend, a parameter at its bound. */
  | 'not-identifiable'
  /** The optimiser stopped on its evaluation budget before meeting its tolerance. */
  | 'not-converged';

/** A retention failure with a code callers can branch on, and the 1-based line where one applies. */
export class RetentionError extends Error {
  readonly code: RetentionErrorCode;
  readonly line: number | undefined;

  constructor(code: RetentionErrorCode, message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'RetentionError';
    this.code = code;
    this.line = line;
  }
}

// The per-customer summary every buy-till-you-die model reads (Fader, Hardie & Lee 2005, §2).

/** One customer's calibration-period history, in the period unit it was reduced with. */
export interface CustomerSummary {
  id: string;
  /** x: number of repeat purchase days (the first purchase is not counted). */
  frequency: number;
  /** t_x: time from the first to the last purchase (0 when x = 0). */
  recency: number;
  /** T: time from the first purchase to the end of the calibration period. */
  T: number;
  /** m_x: mean value of the x repeat transactions; absent when x = 0. */
  monetaryValue?: number;
}

/** Throws `empty-input` or `invalid-input` (naming the customer) unless every summary is well formed. */
export function validateSummaries(customers: readonly CustomerSummary[]): void {
  if (customers.length === 0) throw new RetentionError('empty-input', 'no customers to fit');
  for (const customer of customers) {
    const { id, frequency: x, recency, T } = customer;
    const fail = (why: string) => {
      throw new RetentionError('invalid-input', `customer ${JSON.stringify(id)}: ${why}`);
    };
    if (!Number.isFinite(x) || !Number.isFinite(recency) || !Number.isFinite(T)) fail('frequency, recency and T must be finite numbers');
    if (!Number.isInteger(x) || x < 0) fail(`frequency must be a whole number of repeat purchases, got ${x}`);
    if (recency < 0 || T < 0) fail('recency and T cannot be negative');
    // A relative 1e-9 absorbs floating-point noise from unit conversion, not a real inconsistency.
    if (recency > T + 1e-9 * Math.max(1, T)) fail(`recency ${recency} is later than T ${T}`);
    if (x === 0 && recency !== 0) fail('a customer without repeat purchases must have recency 0');
    if (customer.monetaryValue !== undefined && !Number.isFinite(customer.monetaryValue)) fail('monetary value must be a finite number');
  }
}

/** Counts of the summaries a fit saw: all customers and those with at least one repeat purchase. */
export function countRepeatBuyers(customers: readonly CustomerSummary[]): number {
  let repeat = 0;
  for (const customer of customers) if (customer.frequency > 0) repeat++;
  return repeat;
}
