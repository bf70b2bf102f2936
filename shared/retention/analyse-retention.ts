/**
 * The whole pipeline behind `clipsheet retention fit` (and, later, the add-on's retention sheet): read a
 * transaction log or a summary, reduce, fit BG/NBD and Gamma-Gamma, forecast every customer. Adapters
 * only read the file and print; no step of the analysis is written twice.
 */
import { fitBgNbd, type BgNbdFit } from './bg-nbd';
import { formatCalendarDay } from './calendar';
import { fitGammaGamma, MIN_SPENDERS, type GammaGammaFit } from './gamma-gamma';
import { RetentionError, type CustomerSummary } from './model-inputs';
import { forecastCustomers, type CustomerForecast, type RetentionSettings } from './predict-value';
import { readSummaries } from './read-summary';
import { readTransactions, type TransactionColumns } from './read-transactions';
import { summariseTransactions } from './summarise-transactions';
import { splitTable } from './text-table';

/** What the input file holds. */
export type RetentionInputFormat = 'transactions' | 'summary';

/** How to read the input; `format` is detected from the header when absent. */
export interface RetentionAnalysisOptions {
  format?: RetentionInputFormat;
  columns?: TransactionColumns;
  /** Day number (calendar.ts) of the last calibration day, for transaction logs. */
  calibrationEnd?: number;
  settings: RetentionSettings;
}

/** Why there is no spend model (and so no CLV), for callers that word it themselves. */
export type SpendIssue =
  | { code: 'no-spend-recorded' }
  | { code: 'too-few-spenders'; found: number; needed: number }
  | { code: 'not-identifiable' }
  | { code: 'not-converged' }
  /** The fitted q <= 1: a spend distribution without a finite mean (note 025, eq. 5 divides by q - 1). */
  | { code: 'no-finite-mean'; q: number };

/** Everything the analysis found, ready to print or write to a sheet. */
export interface RetentionAnalysis {
  format: RetentionInputFormat;
  /** How a transaction log was reduced (absent for a summary). */
  reduction?: { transactions: number; calibrationEnd: string; columns: { id: number; date: number; value: number | null }; header: string[] | null };
  customers: CustomerSummary[];
  bgNbd: BgNbdFit;
  /** The spend model, or null with `spendNote` saying why there is none (no values, or not identifiable). */
  gammaGamma: GammaGammaFit | null;
  /** Why there is no CLV, as a code and in English (the CLI prints the sentence). */
  spendIssue?: SpendIssue;
  spendNote?: string;
  forecasts: CustomerForecast[];
}

/** `summary` when the header names a frequency column, else `transactions`. */
export function detectInputFormat(text: string): RetentionInputFormat {
  const { header } = splitTable(text);
  return header?.some((h) => /^(frequency|x)$/i.test(h.trim())) ? 'summary' : 'transactions';
}

/** Reads `text`, fits both models and forecasts every customer; throws a RetentionError when BG/NBD cannot be fitted. */
export function analyseRetentionText(text: string, options: RetentionAnalysisOptions): RetentionAnalysis {
  const format = options.format ?? detectInputFormat(text);
  if (format === 'summary') return { format, ...analyseCustomers(readSummaries(text), options.settings, true) };
  const log = readTransactions(text, options.columns);
  const calibrationEnd = options.calibrationEnd ?? log.transactions.reduce((last, t) => Math.max(last, t.day), -Infinity);
  const customers = summariseTransactions(log.transactions, { period: options.settings.period, calibrationEnd });
  const reduction = { transactions: log.transactions.length, calibrationEnd: formatCalendarDay(calibrationEnd), columns: log.columns, header: log.header };
  return { format, reduction, ...analyseCustomers(customers, options.settings, log.columns.value !== null) };
}

/** Fits both models to summaries and forecasts each customer; the spend model only where spend was recorded. */
export function analyseCustomers(customers: CustomerSummary[], settings: RetentionSettings, hasSpend: boolean): Omit<RetentionAnalysis, 'format' | 'reduction'> {
  const bgNbd = fitBgNbd(customers);
  let gammaGamma: GammaGammaFit | null = null;
  let spendIssue: SpendIssue | undefined;
  const spenders = customers.filter((c) => c.frequency > 0 && c.monetaryValue !== undefined && c.monetaryValue > 0).length;
  if (!hasSpend || !customers.some((c) => c.monetaryValue !== undefined)) {
    spendIssue = { code: 'no-spend-recorded' };
  } else if (spenders < MIN_SPENDERS) {
    spendIssue = { code: 'too-few-spenders', found: spenders, needed: MIN_SPENDERS };
  } else {
    try {
      gammaGamma = fitGammaGamma(customers);
    } catch (error) {
      // Spend that cannot identify its model leaves the purchase forecasts standing; bad input does not.
      if (!(error instanceof RetentionError) || (error.code !== 'not-identifiable' && error.code !== 'not-converged')) throw error;
      spendIssue = { code: error.code };
    }
  }
  const usable = gammaGamma && gammaGamma.parameters.q > 1 ? gammaGamma.parameters : undefined;
  if (gammaGamma && !usable) spendIssue = { code: 'no-finite-mean', q: gammaGamma.parameters.q };
  const forecasts = forecastCustomers(customers, bgNbd.parameters, usable, settings);
  return { customers, bgNbd, gammaGamma, ...(spendIssue === undefined ? {} : { spendIssue, spendNote: describeSpendIssue(spendIssue) }), forecasts };
}

/** The CLI's English for a spend issue. */
export function describeSpendIssue(issue: SpendIssue): string {
  switch (issue.code) {
    case 'no-spend-recorded':
      return 'no spend recorded: no Gamma-Gamma model and no CLV';
    case 'too-few-spenders':
      return `no CLV: Gamma-Gamma needs at least ${issue.needed} repeat buyers with positive spend, found ${issue.found}`;
    case 'not-identifiable':
      return 'no CLV: the spend data cannot identify the Gamma-Gamma model';
    case 'not-converged':
      return 'no CLV: the Gamma-Gamma fit did not converge';
    case 'no-finite-mean':
      return `no CLV: the spend model's q = ${issue.q.toPrecision(3)} <= 1 has no finite mean`;
  }
}
