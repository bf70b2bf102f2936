/**
 * The whole pipeline behind `clipsheet retention fit` (and, later, the add-on's retention sheet): read a
 * transaction log or a summary, reduce, fit BG/NBD and Gamma-Gamma, forecast every customer. Adapters
 * only read the file and print; no step of the analysis is written twice.
 */
import { fitBgNbd, type BgNbdFit } from './bg-nbd';
import { formatCalendarDay } from './calendar';
import { fitGammaGamma, type GammaGammaFit } from './gamma-gamma';
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

/** Everything the analysis found, ready to print or write to a sheet. */
export interface RetentionAnalysis {
  format: RetentionInputFormat;
  /** How a transaction log was reduced (absent for a summary). */
  reduction?: { transactions: number; calibrationEnd: string; columns: { id: number; date: number; value: number | null }; header: string[] | null };
  customers: CustomerSummary[];
  bgNbd: BgNbdFit;
  /** The spend model, or null with `spendNote` saying why there is none (no values, or not identifiable). */
  gammaGamma: GammaGammaFit | null;
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
  let spendNote: string | undefined;
  if (!hasSpend || !customers.some((c) => c.monetaryValue !== undefined)) {
    spendNote = 'no spend recorded: no Gamma-Gamma model and no CLV';
  } else {
    try {
      gammaGamma = fitGammaGamma(customers);
    } catch (error) {
      // Spend that cannot identify its model leaves the purchase forecasts standing; bad input does not.
      if (!(error instanceof RetentionError) || error.code === 'invalid-input') throw error;
      spendNote = `no CLV: ${error.message}`;
    }
  }
  // q <= 1 is a fitted spend distribution without a mean (note 025, eq. 5 divides by q - 1): no CLV from it.
  const usable = gammaGamma && gammaGamma.parameters.q > 1 ? gammaGamma.parameters : undefined;
  if (gammaGamma && !usable) spendNote = `no CLV: the spend model's q = ${gammaGamma.parameters.q.toPrecision(3)} <= 1 has no finite mean`;
  const forecasts = forecastCustomers(customers, bgNbd.parameters, usable, settings);
  return { customers, bgNbd, gammaGamma, ...(spendNote === undefined ? {} : { spendNote }), forecasts };
}
