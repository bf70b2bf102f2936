/**
 * Reduction of a transaction log to per-customer summaries, the way the literature reduces CDNOW
 * (Fader, Hardie & Lee 2005, §4): purchases on one calendar day are one transaction (their values summed),
 * x counts repeat purchase days, t_x runs from the first to the last purchase day, T from the first purchase
 * day to the end of calibration, and m_x is the mean value of the repeat days (the first purchase excluded,
 * as the Gamma-Gamma note does, since the first purchase often differs systematically from later ones).
 */
import { PERIOD_DAYS, type RetentionPeriod } from './calendar';
import { RetentionError, type CustomerSummary } from './model-inputs';

/** One purchase: who, on which calendar day (see calendar.ts), for how much. */
export interface Transaction {
  customerId: string;
  day: number;
  value: number;
}

/** How to reduce: the time unit and the last day (inclusive) of the calibration period. */
export interface SummariseOptions {
  period: RetentionPeriod;
  /** Day number of the calibration end; defaults to the last transaction day. Later purchases are ignored. */
  calibrationEnd?: number;
}

/** Customer summaries in order of first appearance; customers first seen after the calibration end are left out. */
export function summariseTransactions(transactions: readonly Transaction[], options: SummariseOptions): CustomerSummary[] {
  if (transactions.length === 0) throw new RetentionError('empty-input', 'no transactions to summarise');
  let end = options.calibrationEnd ?? -Infinity;
  // Per customer, purchase day -> value of that day (same-day purchases summed: one transaction).
  const byCustomer = new Map<string, Map<number, number>>();
  for (let index = 0; index < transactions.length; index++) {
    const { customerId, day, value } = transactions[index]!;
    if (!Number.isInteger(day) || !Number.isFinite(value)) {
      throw new RetentionError('invalid-input', `transaction ${index + 1} (customer ${JSON.stringify(customerId)}): day must be a whole day number and value finite`);
    }
    if (options.calibrationEnd === undefined && day > end) end = day;
    let days = byCustomer.get(customerId);
    if (!days) byCustomer.set(customerId, (days = new Map()));
    days.set(day, (days.get(day) ?? 0) + value);
  }

  const unit = PERIOD_DAYS[options.period];
  const customers: CustomerSummary[] = [];
  for (const [id, days] of byCustomer) {
    let first = Infinity;
    let last = -Infinity;
    let count = 0;
    let total = 0;
    for (const day of days.keys()) {
      if (day > end) continue;
      count++;
      if (day < first) first = day;
      if (day > last) last = day;
    }
    if (count === 0) continue;
    for (const [day, value] of days) if (day <= end && day !== first) total += value;
    const frequency = count - 1;
    const summary: CustomerSummary = { id, frequency, recency: (last - first) / unit, T: (end - first) / unit };
    // m_x: mean over the repeat days only, the first purchase excluded.
    if (frequency > 0) summary.monetaryValue = total / frequency;
    customers.push(summary);
  }
  if (customers.length === 0) throw new RetentionError('empty-input', 'no customer made a purchase on or before the calibration end');
  return customers;
}
