import type { AppsScriptRuntime } from '../../emulator/runtime';
import { cellsToValues, type Entity } from '../../shared/model';

/** Every row of an entity's sheet as a validated record, columns found by header: what the sheet holds. */
export function sheetRecords(runtime: AppsScriptRuntime, entity: Entity): Array<Record<string, unknown> & { id: string }> {
  const { workbook } = runtime;
  const sheet = workbook.sheet(entity.sheet)!;
  const rows = workbook.lastRow(sheet);
  if (rows < 2) return [];
  const values = workbook.readValues(sheet, 1, 1, rows, workbook.lastColumn(sheet));
  const headers = values[0]!.map(String);
  const order = entity.columns.map((c) => headers.indexOf(c.header));
  return values.slice(1).map((row) => entity.schema.parse(cellsToValues(entity.columns, order.map((i) => (i < 0 ? '' : row[i])))) as Record<string, unknown> & { id: string });
}
