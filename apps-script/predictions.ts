import type { CustomerFacts, MetricsData, PredictionReason, PredictionRun, SavedFit, SpendIndependence } from '../shared/metrics';
import { describePurchaseHistory, predictCustomers, PREDICTION_HORIZON_WEEKS, savedFitOf, type Prediction } from '../shared/metrics';
import type { SpendIssue } from '../shared/retention';
import { escapeForSheet } from '../shared/model';
import { expectedPurchases, probabilityAlive, type BgNbdParameters } from '../shared/retention';
import { fitGrid } from './columns';
import { sheetNamed } from './dashboard-writer';

/**
 * Issue 9, kept apart from the dashboard: the Predictions sheet (the fitted parameters, then per customer
 * P(alive), churn risk, expected purchases and predicted CLV over 52 weeks) and the custom functions that
 * compute P(alive) and expected purchases for one customer from the same shared/retention code.
 */

export const PREDICTIONS_SHEET = 'Predictions';
const TABLE_ROW = 6;
/** Row 3 of this column holds the purchase history the sheet was written for. */
const HISTORY_COLUMN = 10;
const HEADERS = ['Id', 'Name', 'Repeat purchases (x)', 'Recency (weeks)', 'Age (weeks)', 'P(alive)', 'Churn risk', `Expected purchases (${PREDICTION_HORIZON_WEEKS} weeks)`, 'Expected spend per purchase', `Predicted CLV (${PREDICTION_HORIZON_WEEKS} weeks)`];
const FORMATS = ['@', '@', '0', '0.00', '0.00', '0.000', '0.0%', '0.00', '#,##0.00', '#,##0.00'];

const SAVED_FIT = 'clipsheet.predictions.fit';

/**
 * Predictions for every customer. The purchase history changes once a day at most (the calibration ends
 * yesterday): when it has not changed since the last run, the forecasts are read back from the Predictions
 * sheet (two reads) instead of being recomputed and rewritten; when only the forecasts are missing, the saved
 * parameters forecast again; otherwise both models are refitted and the parameters saved.
 */
export function runPredictions(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, data: MetricsData, now: number, discountRatePerYear: number): PredictionRun {
  const properties = PropertiesService.getScriptProperties();
  let saved: SavedFit | undefined;
  try {
    saved = JSON.parse(properties.getProperty(SAVED_FIT) ?? 'null') ?? undefined;
  } catch {
    saved = undefined; // a damaged value is refitted and replaced
  }
  const { fingerprint, margin } = describePurchaseHistory(data, now);
  if (saved?.fingerprint === fingerprint) {
    const byCustomer = readPredictionsSheet(spreadsheet, fingerprint);
    if (byCustomer) return { ...saved, byCustomer, summaries: [], forecasts: [], margin, fingerprint, fitted: false, fromSheet: true };
  }
  const run = predictCustomers(data, now, discountRatePerYear, saved);
  if (run.fitted) properties.setProperty(SAVED_FIT, JSON.stringify(savedFitOf(run)));
  return run;
}

/** The sheet's words for why there are no predictions (the side panel has its own, in English and Persian). */
export function describePredictionReason(reason: PredictionReason): string {
  switch (reason.code) {
    case 'no-purchases':
      return 'No predictions: no purchases yet.';
    case 'too-few-repeat-buyers':
      return `No predictions: the purchase model needs at least ${reason.needed} customers who bought more than once; there are ${reason.found}.`;
    case 'not-identifiable':
      return 'No predictions: the purchase history cannot identify the model (a parameter runs off towards 0 or infinity).';
    case 'not-converged':
      return 'No predictions: the model fit did not converge on this purchase history.';
    case 'invalid-purchases':
      return 'No predictions: some won orders have dates or values the model cannot read.';
  }
}

/** The sheet's words for why there is no predicted CLV. */
export function describeSpendIssue(issue: SpendIssue): string {
  switch (issue.code) {
    case 'no-spend-recorded':
      return 'No predicted CLV: no order values recorded.';
    case 'too-few-spenders':
      return `No predicted CLV: the spend model needs at least ${issue.needed} repeat buyers with a positive order value; there are ${issue.found}.`;
    case 'not-identifiable':
      return 'No predicted CLV: the order values cannot identify the spend model.';
    case 'not-converged':
      return 'No predicted CLV: the spend model fit did not converge.';
    case 'no-finite-mean':
      return `No predicted CLV: the fitted spend distribution has no finite mean (q = ${issue.q.toPrecision(3)} <= 1).`;
  }
}

/** The Gamma-Gamma independence check as the sheet shows it. */
export function describeIndependence({ correlation, strong }: SpendIndependence): string {
  const r = correlation.toFixed(2);
  return strong
    ? `WARNING: repeat purchases and mean spend are correlated (r = ${r}); the spend model assumes they are independent, so predicted CLV is doubtful.`
    : `Spend model check: correlation of repeat purchases and mean spend r = ${r} (the model assumes independence; |r| < 0.3 passes).`;
}

/** What the run's summary says, for the recompute result and the sheet's note line. */
export function describePredictionRun(run: PredictionRun): string {
  if (run.reason) return describePredictionReason(run.reason);
  if (run.fromSheet) return 'read back: same purchase history as the last run';
  return `forecast for ${run.summaries.length} customers${run.spendIssue ? `; ${describeSpendIssue(run.spendIssue)}` : ''}`;
}

/** The forecasts on the Predictions sheet, if it was written for this purchase history; else undefined. */
function readPredictionsSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, fingerprint: string): Map<string, Prediction> | undefined {
  const sheet = spreadsheet.getSheetByName(PREDICTIONS_SHEET);
  if (!sheet || sheet.getRange(3, HISTORY_COLUMN).getValue() !== fingerprint) return undefined;
  const last = sheet.getLastRow();
  const byCustomer = new Map<string, Prediction>();
  if (last <= TABLE_ROW) return byCustomer;
  const ids = sheet.getRange(TABLE_ROW + 1, 1, last - TABLE_ROW, 1).getValues();
  const values = sheet.getRange(TABLE_ROW + 1, 6, last - TABLE_ROW, 5).getValues();
  ids.forEach(([id], i) => {
    const [alive, , expected, , clv] = values[i]!;
    if (typeof alive === 'number' && typeof expected === 'number') byCustomer.set(String(id), { probabilityAlive: alive, expectedPurchases: expected, ...(typeof clv === 'number' ? { clv } : {}) });
  });
  return byCustomer;
}

/** Writes the Predictions sheet in a fixed number of calls; returns the rows written. */
export function writePredictionsSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, run: PredictionRun, facts: readonly CustomerFacts[], computedAt: Date): number {
  const sheet = sheetNamed(spreadsheet, PREDICTIONS_SHEET);
  const names = new Map(facts.map((f) => [f.id, f.name]));
  const summaries = new Map(run.summaries.map((s) => [s.id, s]));
  const p = run.bgNbd;
  const g = run.gammaGamma;
  const head: unknown[][] = [
    ['Predictions: BG/NBD (purchases) and Gamma-Gamma (spend), fitted on the won orders in Deals', 'Computed', computedAt],
    ['r', 'alpha', 'a', 'b', 'p', 'q', 'gamma', 'margin', 'corr(x, spend)', 'Purchase history'],
    [p?.r ?? '', p?.alpha ?? '', p?.a ?? '', p?.b ?? '', g?.p ?? '', g?.q ?? '', g?.gamma ?? '', run.margin, run.independence?.correlation ?? '', run.fingerprint],
    [run.reason ? describePredictionReason(run.reason) : 'Type =CLIPSHEET_P_ALIVE(x, recency, T, r, alpha, a, b) for one customer; churn risk = 1 - P(alive).'],
    [
      [
        run.spendIssue ? describeSpendIssue(run.spendIssue) : run.independence ? describeIndependence(run.independence) : '',
        run.homogeneousDropout ? 'Dropout fitted as one probability for every customer, a/(a+b): the history shows no spread in it (a long quiet spell does this).' : '',
      ]
        .filter(Boolean)
        .join(' '),
    ],
  ];
  const rows = run.forecasts.map((f) => {
    const s = summaries.get(f.id)!;
    return [escapeForSheet(f.id), escapeForSheet(names.get(f.id) ?? ''), s.frequency, s.recency, s.T, f.probabilityAlive, 1 - f.probabilityAlive, f.expectedPurchases, f.expectedSpend ?? '', f.clv ?? ''];
  });
  const width = HEADERS.length;
  const grid = [...head.map((line) => [...line, ...Array(width - line.length).fill('')]), HEADERS, ...rows];
  fitGrid(sheet, grid.length, width);
  FORMATS.forEach((format, c) => sheet.getRange(TABLE_ROW + 1, c + 1, Math.max(1, rows.length), 1).setNumberFormat(format));
  sheet.getRange(1, 1, grid.length, width).setValues(grid);
  sheet.getRange(grid.length + 1, 1, 1, width).clearContent(); // the spare row, from a longer list
  sheet.getRange(TABLE_ROW, 1, 1, width).setFontWeight('bold');
  sheet.setFrozenRows(TABLE_ROW);
  return rows.length;
}

type Arg = unknown;
const isGrid = (value: Arg): value is unknown[][] => Array.isArray(value) && value.every(Array.isArray);

function toNumber(value: Arg, name: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`${name} must be a number (got "${String(value)}")`);
  if (value < min) throw new Error(`${name} must be at least ${min} (got ${value})`);
  return value;
}

function parameters(r: Arg, alpha: Arg, a: Arg, b: Arg): BgNbdParameters {
  const p = { r: toNumber(r, 'r'), alpha: toNumber(alpha, 'alpha'), a: toNumber(a, 'a'), b: toNumber(b, 'b') };
  for (const [name, value] of Object.entries(p)) if (value <= 0) throw new Error(`${name} must be more than 0`);
  return p;
}

/** One customer, or a column of them (x, recency and T as ranges of the same height), answering in kind. */
function perCustomer(frequency: Arg, recency: Arg, T: Arg, compute: (x: number, tx: number, age: number) => number): number | Array<[number | string]> {
  const one = (x: Arg, tx: Arg, age: Arg) => {
    const history = { x: toNumber(x, 'frequency'), tx: toNumber(tx, 'recency'), age: toNumber(age, 'T') };
    if (!Number.isInteger(history.x)) throw new Error(`frequency must be a whole number of repeat purchases (got ${history.x})`);
    if (history.tx > history.age) throw new Error(`recency ${history.tx} cannot be later than T ${history.age}`);
    return compute(history.x, history.tx, history.age);
  };
  if (!isGrid(frequency)) return one(frequency, recency, T);
  return frequency.map((line, i) => {
    const x = line[0];
    if (x === '' || x === null) return [''];
    return [one(x, isGrid(recency) ? recency[i]?.[0] : recency, isGrid(T) ? T[i]?.[0] : T)];
  });
}

/** P(alive) of a customer with x repeat purchases, the last at recency, first purchase T ago (BG/NBD). */
export function pAlive(frequency: Arg, recency: Arg, T: Arg, r: Arg, alpha: Arg, a: Arg, b: Arg): number | Array<[number | string]> {
  const p = parameters(r, alpha, a, b);
  return perCustomer(frequency, recency, T, (x, tx, age) => probabilityAlive(p, x, tx, age));
}

/** Expected purchases in the next t periods of a customer with this history (BG/NBD, eq. 10). */
export function expectedPurchasesOf(t: Arg, frequency: Arg, recency: Arg, T: Arg, r: Arg, alpha: Arg, a: Arg, b: Arg): number | Array<[number | string]> {
  const p = parameters(r, alpha, a, b);
  const horizon = toNumber(t, 't');
  return perCustomer(frequency, recency, T, (x, tx, age) => expectedPurchases(p, x, tx, age, horizon));
}
