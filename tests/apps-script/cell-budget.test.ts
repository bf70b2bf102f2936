import { describe, expect, test } from 'vitest';
import { assessCellBudget, CELL_LIMIT, describeCellBudget } from '../../apps-script/cell-budget';

// A team's sheets as getMaxRows / getMaxColumns / getLastRow give them.
const sheets = (interactions: number, customers = 5_000) => [
  { name: 'Customers', maxRows: customers + 1, maxColumns: 35, lastRow: customers + 1 },
  { name: 'Interactions', maxRows: interactions + 1_001, maxColumns: 21, lastRow: interactions + 1 },
  { name: 'Customer value', maxRows: customers + 1, maxColumns: 21, lastRow: customers + 1 },
  { name: 'Predictions', maxRows: customers + 7, maxColumns: 10, lastRow: customers + 7 },
  { name: 'Dashboard', maxRows: 1_000, maxColumns: 26, lastRow: 174 },
];

describe("the cell budget against Google's 10 million cells", () => {
  test('counts every grid cell, empty or not, and how many more rows fit', () => {
    const budget = assessCellBudget(sheets(100_000));
    const used = 5_001 * 35 + 101_001 * 21 + 5_001 * 21 + 5_007 * 10 + 26_000;
    expect(budget).toMatchObject({ used, limit: CELL_LIMIT, status: 'ok' });
    // The 1,000 empty rows already in the Interactions grid, then rows of 21 cells.
    expect(budget.interactionsLeft).toBe(1_000 + Math.floor((CELL_LIMIT - used) / 21));
    // A customer costs a Customers row and a row in each sheet written per customer: 35 + 21 + 10 cells.
    expect(budget.customersLeft).toBe(Math.floor((CELL_LIMIT - used) / 66));
  });

  test.each([
    [300_000, 'ok'],
    [400_000, 'warn'],
    [450_000, 'urgent'],
  ] as const)('%i interactions: %s', (interactions, status) => {
    const budget = assessCellBudget(sheets(interactions));
    expect(budget.status).toBe(status);
    const text = describeCellBudget(budget);
    expect(text).toContain(`about ${budget.interactionsLeft.toLocaleString('en-US')} more interactions`);
    if (status === 'ok') expect(text).not.toContain('\n');
    else expect(text).toMatch(status === 'urgent' ? /URGENT: at the limit Sheets refuses new rows/ : /Plan now: at the limit Sheets refuses new rows/);
  });

  test('over the limit nothing more fits (never a negative count)', () => {
    const budget = assessCellBudget(sheets(500_000, 50_000));
    expect(budget.used).toBeGreaterThan(CELL_LIMIT);
    expect(budget).toMatchObject({ status: 'urgent', interactionsLeft: 1_000, customersLeft: 0 });
  });
});
