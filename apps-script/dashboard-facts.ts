import type { CustomerFacts } from '../shared/metrics';
import { escapeForSheet } from '../shared/model';
import { fitGrid } from './columns';
import { sheetNamed } from './dashboard-writer';

/**
 * The Customer value sheet: one row per customer with the facts segments and value figures come from (value
 * tier, quadrant, RFM, CLV, churn risk, segments). Managers filter it; the dashboard's value formulas read it.
 * Written as values in one setValues, with the time it was computed in the header note row.
 */

export const FACTS_SHEET = 'Customer value';

type Cell = string | number | Date;
const date = (ms: number | undefined): Cell => (ms === undefined ? '' : new Date(ms));
const text = (value: string | undefined): Cell => (value === undefined ? '' : escapeForSheet(value));
const num = (value: number | undefined): Cell => (value === undefined || !Number.isFinite(value) ? '' : value);

/** The columns: the fact's key (what live formulas name), header, number format and how to write it. */
export const FACT_COLUMNS: ReadonlyArray<readonly [key: string, header: string, format: string, write: (f: CustomerFacts, segments: string) => Cell]> = [
  ['id', 'Id', '@', (f) => text(f.id)],
  ['name', 'Name', '@', (f) => text(f.name)],
  ['owner', 'Owner', '@', (f) => text(f.owner)],
  ['stage', 'Stage', '@', (f) => text(f.stage)],
  ['territory', 'Territory', '@', (f) => text(f.territory)],
  ['industry', 'Industry', '@', (f) => text(f.industry)],
  ['size', 'Size', '@', (f) => text(f.size)],
  ['purchases', 'Purchases', '0', (f) => f.purchases],
  ['firstPurchaseAt', 'First purchase', 'yyyy-mm-dd', (f) => date(f.firstPurchaseAt)],
  ['lastPurchaseAt', 'Last purchase', 'yyyy-mm-dd', (f) => date(f.lastPurchaseAt)],
  ['revenue', 'Revenue', '#,##0.00', (f) => f.revenue],
  ['margin', 'Margin', '#,##0.00', (f) => f.margin],
  ['valueTier', 'Value tier', '@', (f) => text(f.valueTier)],
  ['quadrant', 'Quadrant', '@', (f) => text(f.quadrant)],
  ['rfm', 'RFM score', '0', (f) => num(f.rfm)],
  ['clv', 'Discounted CLV', '#,##0.00', (f) => f.clv],
  ['churnRisk', 'Churn risk', '0.0%', (f) => num(f.churnRisk)],
  ['predictedClv', 'Predicted CLV (52 weeks)', '#,##0.00', (f) => num(f.predictedClv)],
  ['shareOfWallet', 'Share of wallet', '0%', (f) => num(f.shareOfWallet)],
  ['daysSinceContact', 'Days since contact', '0', (f) => num(f.daysSinceContact)],
  ['segments', 'Segments', '@', (_, segments) => text(segments)],
];

/** Writes the sheet, its grid sized to the data (cell-budget.ts); returns its data rows, for the formulas' ranges. */
export function writeFactsSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, facts: readonly CustomerFacts[], segmentsOf: ReadonlyMap<string, readonly string[]>): number {
  const sheet = sheetNamed(spreadsheet, FACTS_SHEET);
  const rows = [FACT_COLUMNS.map(([, header]) => header), ...facts.map((f) => FACT_COLUMNS.map(([, , , write]) => write(f, (segmentsOf.get(f.id) ?? []).join('; '))))];
  fitGrid(sheet, rows.length, FACT_COLUMNS.length);
  // Formats first (one call per column, not one array of a million formats), so text stays text.
  const dataRows = Math.max(1, rows.length - 1);
  FACT_COLUMNS.forEach(([, , format], c) => sheet.getRange(2, c + 1, dataRows, 1).setNumberFormat(format));
  sheet.getRange(1, 1, rows.length, FACT_COLUMNS.length).setValues(rows);
  // The spare row below the data may hold what a longer list left there.
  sheet.getRange(rows.length + 1, 1, 1, FACT_COLUMNS.length).clearContent();
  sheet.getRange(1, 1, 1, FACT_COLUMNS.length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return facts.length;
}
