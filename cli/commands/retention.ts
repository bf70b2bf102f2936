/**
 * `clipsheet retention fit FILE`: predictive retention (BG/NBD + Gamma-Gamma) on a transaction log or a
 * customer summary. A thin adapter: it reads the file and prints; shared/retention does the analysis.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  analyseRetentionText,
  defaultRetentionSettings,
  isRetentionPeriod,
  parseCalendarDay,
  RetentionError,
  type RetentionAnalysis,
  type RetentionSettings,
  validateRetentionSettings,
} from '../../shared/retention';
import { UsageError, type Command } from '../command';

const usage = `Usage: clipsheet retention fit FILE [options]

Fits BG/NBD (purchases, churn) and Gamma-Gamma (spend) to FILE and prints the parameters, the
log-likelihood and, per customer, P(alive), expected purchases in the horizon and predicted CLV.

FILE is a transaction log (customer id, date, value; CSV, TSV or whitespace-separated; header optional;
dates YYYYMMDD or YYYY-MM-DD) or a summary (id, frequency, recency, T[, monetary_value]).

Options:
  --format transactions|summary   what FILE holds (default: a header naming 'frequency' means summary)
  --id-col, --date-col, --value-col NAME|N
                                  columns of a transaction log, by header name or 1-based position
                                  (default: by header name, else id first, the first date column, value last)
  --calibration-end DATE          last day of the calibration period (default: the last transaction day)
  --period day|week|month         time unit (default week; a month is 365.25/12 days)
  --horizon N                     forecast horizon in periods (default: one year)
  --discount-rate R               discount rate per period (default: 10% a year, per period)
  --margin M                      share of spend that is profit (default 1: CLV in revenue)
  --json                          print JSON instead of tables`;

async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args);
  if (positionals[0] !== 'fit' || positionals.length !== 2) throw new UsageError(positionals[0] === 'fit' ? 'fit takes one FILE' : 'the only subcommand is fit');
  const file = positionals[1]!;
  const period = values.period ?? 'week';
  if (!isRetentionPeriod(period)) throw new UsageError(`--period must be day, week or month, not ${JSON.stringify(period)}`);
  const format = values.format;
  if (format !== undefined && format !== 'transactions' && format !== 'summary') throw new UsageError('--format must be transactions or summary');
  const calibrationEnd = values['calibration-end'] === undefined ? undefined : parseCalendarDay(values['calibration-end']);
  if (calibrationEnd === null) throw new UsageError(`--calibration-end ${JSON.stringify(values['calibration-end'])} is not a date (YYYY-MM-DD)`);
  const settings: RetentionSettings = {
    ...defaultRetentionSettings(period),
    ...(values.horizon === undefined ? {} : { horizon: toNumber('--horizon', values.horizon) }),
    ...(values['discount-rate'] === undefined ? {} : { discountRate: toNumber('--discount-rate', values['discount-rate']) }),
    ...(values.margin === undefined ? {} : { margin: toNumber('--margin', values.margin) }),
  };
  try {
    validateRetentionSettings(settings);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const column = (text: string | undefined) => (text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : text);

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    console.error(`clipsheet retention: cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  try {
    const analysis = analyseRetentionText(text, {
      format,
      calibrationEnd,
      columns: { id: column(values['id-col']), date: column(values['date-col']), value: column(values['value-col']) },
      settings,
    });
    const ignored = ['calibration-end', 'id-col', 'date-col', 'value-col'].filter((flag) => values[flag as keyof typeof values] !== undefined);
    if (analysis.format === 'summary' && ignored.length > 0) console.error(`warning: ${file} is a summary; ignored (transaction logs only): ${ignored.map((f) => `--${f}`).join(', ')}`);
    console.log(values.json ? JSON.stringify({ settings, ...analysis }, null, 2) : formatReport(analysis, settings));
    if (!values.json && analysis.gammaGamma?.warning) console.error(`warning: ${analysis.gammaGamma.warning}`);
    return 0;
  } catch (error) {
    if (!(error instanceof RetentionError)) throw error;
    console.error(`clipsheet retention: ${file}: ${error.message} [${error.code}]`);
    return 1;
  }
}

function parseOptions(args: string[]) {
  try {
    const text = { type: 'string' } as const;
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        format: text, 'id-col': text, 'date-col': text, 'value-col': text, 'calibration-end': text,
        period: text, horizon: text, 'discount-rate': text, margin: text, json: { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function toNumber(flag: string, text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`${flag} must be a number, not ${JSON.stringify(text)}`);
  return value;
}

function formatReport(analysis: RetentionAnalysis, settings: RetentionSettings): string {
  const { bgNbd, gammaGamma, reduction } = analysis;
  const p = (value: number) => value.toFixed(4);
  const lines: string[] = [];
  if (reduction) lines.push(`Reduced ${reduction.transactions} transactions to ${analysis.customers.length} customers (calibration end ${reduction.calibrationEnd}, unit ${settings.period})`);
  const { r, alpha, a, b } = bgNbd.parameters;
  lines.push(`BG/NBD        r = ${p(r)}  alpha = ${p(alpha)}  a = ${p(a)}  b = ${p(b)}`);
  lines.push(`              log-likelihood = ${bgNbd.logLikelihood.toFixed(2)}  (${bgNbd.customers} customers, ${bgNbd.repeatBuyers} repeat buyers, ${bgNbd.evaluations} evaluations)`);
  if (bgNbd.homogeneousDropout) lines.push(`              dropout fitted as one probability for everyone, a/(a+b) = ${p(a / (a + b))}: the data show no spread in it`);
  if (gammaGamma) {
    const { p: shape, q, gamma } = gammaGamma.parameters;
    lines.push(`Gamma-Gamma   p = ${p(shape)}  q = ${p(q)}  gamma = ${p(gamma)}`);
    lines.push(`              log-likelihood = ${gammaGamma.logLikelihood.toFixed(2)}  (${gammaGamma.customers} repeat buyers${gammaGamma.excluded ? `, ${gammaGamma.excluded} without positive spend left out` : ''}; corr(frequency, spend) = ${gammaGamma.frequencySpendCorrelation.toFixed(3)})`);
  }
  if (analysis.spendNote) lines.push(`Note: ${analysis.spendNote}`);
  lines.push(`Forecast over ${settings.horizon} ${settings.period}s, discount ${(settings.discountRate * 100).toPrecision(3)}% per ${settings.period}, margin ${settings.margin}`, '');
  const head = ['id', 'x', 't_x', 'T', 'P(alive)', `E[purchases]`, ...(gammaGamma ? ['E[spend]', 'CLV'] : [])];
  const rows = analysis.forecasts.map((f, i) => {
    const c = analysis.customers[i]!;
    const cells = [f.id, String(c.frequency), c.recency.toFixed(2), c.T.toFixed(2), f.probabilityAlive.toFixed(3), f.expectedPurchases.toFixed(3)];
    return f.clv === undefined ? cells : [...cells, f.expectedSpend!.toFixed(2), f.clv.toFixed(2)];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [...lines, line(head), ...rows.map(line)].join('\n');
}

/** The `retention` command group, registered in cli/main.ts. */
const command: Command = { name: 'retention', summary: 'predict churn, purchases and CLV (BG/NBD + Gamma-Gamma)', usage, run };
export default command;
