import { Interaction, Person } from '../shared/model';

/**
 * Google's limit of 10 million cells per spreadsheet (PLATFORM.md), counted as every sheet's grid: rows x
 * columns, empty or not. At the limit Sheets refuses any write that adds a row, so sync stops taking the
 * reps' interactions and new customers. The add-on measures the headroom each run and says, in the data-quality
 * report and on the Dashboard, how many more rows fit, before the team reaches it.
 */

export const CELL_LIMIT = 10_000_000;
/** Used share from which the report warns (time to archive old interactions into another spreadsheet). */
export const WARN_AT = 0.8;
/** Used share from which the warning is urgent: a few weeks of a busy team's interactions. */
export const URGENT_AT = 0.95;

/** One sheet's grid, as getMaxRows / getMaxColumns / getLastRow give it. */
export interface SheetGrid {
  name: string;
  maxRows: number;
  maxColumns: number;
  lastRow: number;
}

export interface CellBudget {
  used: number;
  limit: number;
  /** used / limit. */
  share: number;
  status: 'ok' | 'warn' | 'urgent';
  /** Interaction rows that still fit: empty rows already in the grid, then new rows of the sheet's width. */
  interactionsLeft: number;
  /** Customers that still fit, each one a Customers row plus a row of every sheet written per customer. */
  customersLeft: number;
  /** The grids measured. */
  sheets: SheetGrid[];
}

/** The sheets the add-on writes one row per customer into (Customer value, Predictions). */
export const PER_CUSTOMER_SHEETS = ['Customer value', 'Predictions'];

/** The headroom of a spreadsheet whose sheets have these grids. */
export function assessCellBudget(sheets: readonly SheetGrid[], limit = CELL_LIMIT): CellBudget {
  const used = sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  const free = Math.max(0, limit - used);
  const grid = (name: string) => sheets.find((s) => s.name === name);
  const rowsLeft = (name: string, width: number) => {
    const sheet = grid(name);
    const spare = sheet ? Math.max(0, sheet.maxRows - Math.max(sheet.lastRow, 1)) : 0;
    return { spare, width: sheet?.maxColumns ?? width };
  };
  const interactions = rowsLeft(Interaction.sheet, Interaction.columns.length);
  const customers = rowsLeft(Person.sheet, Person.columns.length);
  // A customer's row costs cells in Customers and in each per-customer sheet (where their grid has no spare row).
  const perCustomer = customers.width + PER_CUSTOMER_SHEETS.reduce((sum, name) => sum + (grid(name)?.maxColumns ?? 0), 0);
  const share = used / limit;
  return {
    used,
    limit,
    share,
    status: share >= URGENT_AT ? 'urgent' : share >= WARN_AT ? 'warn' : 'ok',
    interactionsLeft: interactions.spare + Math.floor(free / interactions.width),
    customersLeft: customers.spare + Math.floor(free / perCustomer),
    sheets: [...sheets],
  };
}

/** The part of a Spreadsheet measured (structural, so that the pure part type-checks without Apps Script's types). */
export interface SpreadsheetLike {
  getSheets(): Array<{ getName(): string; getMaxRows(): number; getMaxColumns(): number; getLastRow(): number }>;
}

// Only the sheets that grow row by row need their last row: the others' spare rows are not counted on.
const GROWING = new Set([Interaction.sheet, Person.sheet]);

/** Reads every sheet's grid (1 + 2 calls per sheet, 3 for Customers and Interactions: bounded by the add-on's sheets) and assesses it. */
export function measureCellBudget(spreadsheet: SpreadsheetLike): CellBudget {
  return assessCellBudget(spreadsheet.getSheets().map((sheet) => {
    const name = sheet.getName();
    const maxRows = sheet.getMaxRows();
    return { name, maxRows, maxColumns: sheet.getMaxColumns(), lastRow: GROWING.has(name) ? sheet.getLastRow() : maxRows };
  }));
}

/** The budget in words: one line, and what to do when it is near. */
export function describeCellBudget(budget: CellBudget): string {
  const percent = Math.round(budget.share * 1000) / 10;
  const line = `Cells: ${budget.used.toLocaleString('en-US')} of Google's ${budget.limit.toLocaleString('en-US')} per spreadsheet (${percent}%): about ${budget.interactionsLeft.toLocaleString('en-US')} more interactions or ${budget.customersLeft.toLocaleString('en-US')} more customers fit.`;
  if (budget.status === 'ok') return line;
  const urgency = budget.status === 'urgent' ? 'URGENT: at the limit Sheets refuses new rows and sync stops' : 'Plan now: at the limit Sheets refuses new rows and sync stops';
  return `${line}\n  • ${urgency}. Set up deletes empty columns right of the data; Clipsheet > Archive old interactions… moves the old ones to an archive spreadsheet.`;
}
