import { ENTITIES, enumValues, type Entity } from '../shared/model';
import { appendLog, LOG_HEADERS, LOG_SHEET } from './audit-log';
import { Table } from './table';

const SYSTEM_PROTECTION = 'Clipsheet system column: edited by sync. Change it only if you know why.';
/** Sheets the add-on owns besides the entities' sheets, in tab order after them. */
const EXTRA_SHEETS = ['Settings', 'Dashboard', LOG_SHEET];

/**
 * Creates or repairs the workbook: every sheet, every header (missing ones are added at the end, people's
 * own columns are kept where they are), frozen header rows, warnings on system columns, drop-downs.
 * Safe to run again at any time.
 */
export function setUpSpreadsheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, actor: string, now: string): string[] {
  const report: string[] = [];
  for (const entity of Object.values(ENTITIES) as Entity[]) {
    let sheet = spreadsheet.getSheetByName(entity.sheet);
    if (!sheet) {
      sheet = spreadsheet.insertSheet(entity.sheet);
      report.push(`created ${entity.sheet}`);
    }
    const table = Table.open(spreadsheet, entity)!;
    const missing = table.missingColumns();
    table.commit();
    if (missing.length && missing.length < entity.columns.length) report.push(`${entity.sheet}: restored ${missing.map((c) => c.header).join(', ')}`);
    sheet.setFrozenRows(1);
    protectSystemColumns(sheet, entity);
    addDropDowns(sheet, entity);
  }
  for (const name of EXTRA_SHEETS) {
    if (!spreadsheet.getSheetByName(name)) {
      const sheet = spreadsheet.insertSheet(name);
      report.push(`created ${name}`);
      if (name === LOG_SHEET) {
        sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([LOG_HEADERS]);
        sheet.setFrozenRows(1);
      }
    }
  }
  appendLog(spreadsheet, [{ at: now, actor, action: 'set up spreadsheet', detail: report.join('; ') || 'nothing to repair' }]);
  return report;
}

/** Header positions found by name, so the protection follows the column wherever people moved it. */
function headerPositions(sheet: GoogleAppsScript.Spreadsheet.Sheet): Map<string, number> {
  const headers = sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).getValues()[0]!;
  return new Map(headers.map((h, i) => [String(h).trim(), i + 1] as const));
}

function protectSystemColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, entity: Entity): void {
  for (const old of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) if (old.getDescription() === SYSTEM_PROTECTION) old.remove();
  const positions = headerPositions(sheet);
  for (const column of entity.columns.filter((c) => c.system)) {
    const at = positions.get(column.header);
    if (at) sheet.getRange(1, at, sheet.getMaxRows(), 1).protect().setDescription(SYSTEM_PROTECTION).setWarningOnly(true);
  }
}

function addDropDowns(sheet: GoogleAppsScript.Spreadsheet.Sheet, entity: Entity): void {
  const positions = headerPositions(sheet);
  for (const [key, spec] of Object.entries(entity.fields)) {
    const values = enumValues(spec.schema);
    const at = positions.get(spec.header);
    if (!values || !at || sheet.getMaxRows() < 2) continue;
    const rule = SpreadsheetApp.newDataValidation().requireValueInList([...values], true).setAllowInvalid(false).setHelpText(`Choose a ${key}`).build();
    sheet.getRange(2, at, sheet.getMaxRows() - 1, 1).setDataValidation(rule);
  }
}
