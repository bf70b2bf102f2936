import { describe, expect, test } from 'vitest';
import { signRequest } from '../../extension/sync/transport';
import { Person } from '../../shared/model';
import { loadAddOn, person } from '../support/add-on';
import { columnOf, emptySpreadsheet } from './helpers';

/**
 * What each request costs in service calls (each one a round trip in Apps Script), on a sheet large enough
 * that a per-row or per-cell call would show: reads and writes stay a handful per sheet, whatever the size.
 */
type AddOn = ReturnType<typeof loadAddOn>;
const pushBody = (addOn: AddOn, records: Array<Record<string, unknown>>, key: string) =>
  signRequest(addOn.key, { op: 'push', changes: records.map((record, i) => ({ entity: 'person' as const, key: `${key}-${String(i).padStart(6, '0')}`, assumedRevision: null, record })) }, Date.now());

async function bigSheet(rows: number) {
  const addOn = loadAddOn();
  for (let batch = 0; batch * 500 < rows; batch++) addOn.post(await pushBody(addOn, Array.from({ length: 500 }, (_, i) => person(`seed-${batch}-${i}`)), `seed${batch}`));
  return addOn;
}

describe('calls per request do not grow with the sheet', () => {
  test('a sync push: one read and one write of Customers, no per-cell or appendRow calls', async () => {
    const addOn = await bigSheet(3_000);
    const body = await pushBody(addOn, Array.from({ length: 300 }, (_, i) => person(`new-${i}`)), 'new');
    const { byService } = addOn.runtime.measureWith(() => addOn.post(body));
    const perCell = Object.entries(byService).filter(([name]) => /\.(setValue|getValue|appendRow|setFormula)$/.test(name));
    expect(perCell).toEqual([]);
    expect(byService['SpreadsheetApp.Range.getValues']).toBeLessThanOrEqual(2);
    expect(byService['SpreadsheetApp.Range.setValues']).toBeLessThanOrEqual(2);
  });

  test('a hand edit on row 3,000 and on row 3 cost the same', async () => {
    const addOn = await bigSheet(3_000);
    const { runtime } = addOn;
    const title = columnOf(runtime, 'Customers', 'Title');
    const late = runtime.measureWith(() => runtime.editByHand('Customers', `${title}3000`, [['CEO']])).calls;
    const early = runtime.measureWith(() => runtime.editByHand('Customers', `${title}3`, [['CFO']])).calls;
    expect(late).toBe(early);
  });

  test('the sidebar reads each sheet it shows once', async () => {
    const addOn = await bigSheet(1_000);
    addOn.runtime.select('Customers', 'B500');
    const { byService, result } = addOn.runtime.measureWith(() => addOn.runtime.call<{ kind: string }>('sidebarLoad'));
    expect(result.kind).toBe('person');
    // Customers, Interactions, Deals, Tasks and Settings: five reads, no writes.
    expect(byService['SpreadsheetApp.Range.getValues']).toBe(5);
    expect(byService['SpreadsheetApp.Range.setValues'] ?? 0).toBe(0);
  });

  test('setup: the same number of calls on an empty spreadsheet as on the same one with 2,000 rows repaired', async () => {
    const fresh = emptySpreadsheet().measure('setUpSpreadsheet').calls;
    const addOn = await bigSheet(2_000);
    const repaired = addOn.runtime.measure<string[]>('setUpSpreadsheet');
    expect(repaired.result).toEqual([]);
    // A repair reads each sheet and its protections instead of creating them: of the same order.
    expect(repaired.calls).toBeLessThanOrEqual(fresh);
    expect(addOn.runtime.workbook.lastRow(addOn.runtime.workbook.sheet(Person.sheet)!)).toBe(2_001);
  });
});
