import { describe, expect, test } from 'vitest';
import { parseA1 } from '../../emulator/a1';
import { ENTITY_SHEETS, SHEET_ORDER, settingRows } from '../../apps-script/layout';
import { INTERACTION_TYPES, LEVELS, Person, STAGES } from '../../shared/model';
import { columnOf, emptySpreadsheet, headersOf, rowsOf, snapshot } from './helpers';

/** Columns (1-based) covered by a sheet's warning-only protections. */
function warnedColumns(runtime: ReturnType<typeof emptySpreadsheet>, sheetName: string): Set<number> {
  const covered = new Set<number>();
  for (const p of runtime.workbook.sheet(sheetName)!.protections) {
    expect(p.warningOnly).toBe(true);
    const g = parseA1(p.a1);
    expect(g.endRow).toBeUndefined(); // whole columns, so rows added later are covered too
    for (let c = g.startColumn; c <= g.endColumn!; c++) covered.add(c);
  }
  return covered;
}

describe('Set up on a brand-new spreadsheet', () => {
  test('creates every sheet in order, headers from the schemas, frozen and noted, in one request', () => {
    const runtime = emptySpreadsheet();
    const { result, calls } = runtime.measure<string[]>('setUpSpreadsheet');
    expect(runtime.workbook.sheets.map((s) => s.name)).toEqual(SHEET_ORDER);
    expect(result).toContain('removed the empty Sheet1');
    for (const entity of ENTITY_SHEETS) {
      const sheet = runtime.workbook.sheet(entity.sheet)!;
      expect(headersOf(runtime, entity.sheet)).toEqual(entity.columns.map((c) => c.header));
      expect(sheet.frozenRows).toBe(1);
      expect(Object.values(sheet.notes).filter((n) => n.startsWith('clipsheet:'))).toHaveLength(entity.columns.length);
      // No empty columns right of the headers: each would cost a cell per row against Google's 10 million.
      expect(sheet.maxColumns).toBe(entity.columns.length);
    }
    // The whole setup is one execution, far inside the 6-minute limit: ~450 calls before this issue
    // (230 before the empty columns were trimmed: about 2 calls per sheet).
    expect(calls).toBeLessThanOrEqual(245);
  });

  test('system columns, and only they, carry a warning-only protection', () => {
    const runtime = emptySpreadsheet();
    runtime.call('setUpSpreadsheet');
    for (const entity of ENTITY_SHEETS) {
      const headers = headersOf(runtime, entity.sheet);
      const system = new Set(entity.columns.filter((c) => c.system).map((c) => headers.indexOf(c.header) + 1));
      expect(warnedColumns(runtime, entity.sheet), entity.sheet).toEqual(system);
    }
  });

  test('drop-downs offer the vocabulary: stages, levels, reasons, interaction types', () => {
    const runtime = emptySpreadsheet();
    runtime.call('setUpSpreadsheet');
    const ruleOf = (sheetName: string, header: string) => {
      const letter = columnOf(runtime, sheetName, header);
      return runtime.workbook.sheet(sheetName)!.validations[`${letter}2:${letter}1000`];
    };
    expect(ruleOf('Customers', 'Stage')).toEqual({ type: 'list', values: [...STAGES], allowInvalid: false });
    expect(ruleOf('Organisations', 'Level')).toEqual({ type: 'list', values: [...LEVELS], allowInvalid: false });
    expect(ruleOf('Interactions', 'Type')).toMatchObject({ values: [...INTERACTION_TYPES] });
    expect(ruleOf('Customers', 'Stage reason')).toMatchObject({ allowInvalid: true, values: expect.arrayContaining(['no fit', 'competitor', 'no contact']) });
    expect(ruleOf('Customers', 'Full name')).toBeUndefined();
  });

  test('installs one on-edit and one hourly trigger, fills Settings with every default, logs itself', () => {
    const runtime = emptySpreadsheet();
    runtime.call('setUpSpreadsheet');
    expect(runtime.state.triggers.map(({ handler, event, everyHours }) => ({ handler, event, everyHours }))).toEqual([
      { handler: 'onSheetEdit', event: 'ON_EDIT', everyHours: undefined },
      { handler: 'onSchedule', event: 'CLOCK', everyHours: 1 },
    ]);
    expect(rowsOf(runtime, 'Settings').map((r) => [r.Setting, r.Value])).toEqual(settingRows().map((r) => [r.key, r.value]));
    expect(rowsOf(runtime, 'Log')).toEqual([expect.objectContaining({ Action: 'set up spreadsheet', Actor: 'owner@clipsheet.local' })]);
    const customers = runtime.workbook.sheet('Customers')!;
    const hidden = customers.hiddenColumns.map((c) => headersOf(runtime, 'Customers')[c - 1]);
    expect(hidden.sort()).toEqual(['History', 'Last change', 'Provenance']);
  });

  test('running it again changes nothing and adds no second trigger or protection', () => {
    const runtime = emptySpreadsheet();
    runtime.call('setUpSpreadsheet');
    const before = Object.fromEntries(SHEET_ORDER.filter((s) => s !== 'Log').map((s) => [s, snapshot(runtime, s)]));
    const triggers = structuredClone(runtime.state.triggers);
    expect(runtime.call('setUpSpreadsheet')).toEqual([]);
    for (const name of Object.keys(before)) expect(snapshot(runtime, name), name).toEqual(before[name]);
    expect(runtime.state.triggers).toEqual(triggers);
    expect(rowsOf(runtime, 'Log').map((r) => r.Detail)).toEqual([expect.any(String), 'nothing to repair']);
  });

  test('a Settings row a newer version adds is appended; values people changed are kept', () => {
    const runtime = emptySpreadsheet();
    runtime.call('setUpSpreadsheet');
    const settings = runtime.workbook.sheet('Settings')!;
    const valueColumn = headersOf(runtime, 'Settings').indexOf('Value') + 1;
    runtime.workbook.writeValues(settings, 2, valueColumn, [[90]]); // atRiskAfterDays, typed by a person
    runtime.workbook.deleteRows(settings, 3, 1); // as if this version did not know inactiveAfterDays
    const report = runtime.call<string[]>('setUpSpreadsheet');
    expect(report).toContain('Settings: added inactiveAfterDays');
    const rows = rowsOf(runtime, 'Settings');
    expect(rows.find((r) => r.Setting === 'atRiskAfterDays')!.Value).toBe(90);
    expect(rows.at(-1)).toMatchObject({ Setting: 'inactiveAfterDays', Value: 180 });
  });
});

test('the sheets and columns are the domain core’s: Customers holds people', () => {
  expect(ENTITY_SHEETS[0]).toBe(Person);
  expect(SHEET_ORDER).toEqual(['Customers', 'Organisations', 'Interactions', 'Deals', 'Tasks', 'Segments', 'Team', 'Settings', 'Dashboard', 'Log']);
});
