import { LOG_HEADERS, LOG_SHEET } from './layout';
import { asWritten } from './columns';

export { LOG_HEADERS, LOG_SHEET } from './layout';

/**
 * The Log sheet: an audit line for every sync write and admin action, appended in one write per request.
 * The oldest lines are dropped past MAX_LOG_ROWS, so the log never eats the spreadsheet's 10 million cells.
 */
const MAX_LOG_ROWS = 100_000;

/** One line of the Log: who did what to which record, when. */
export interface LogLine {
  at: string;
  actor: string;
  action: string;
  sheet?: string;
  id?: string;
  revision?: number;
  detail?: string;
}

/** Appends lines at the end of the Log in one write (creating the sheet if it is missing). */
export function appendLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, lines: readonly LogLine[]): void {
  if (!lines.length) return;
  const sheet = spreadsheet.getSheetByName(LOG_SHEET) ?? createLogSheet(spreadsheet);
  let start = sheet.getLastRow() + 1;
  // Free the rows first, in one call, so the write below stays one block at the end.
  const excess = start - 1 + lines.length - (MAX_LOG_ROWS + 1);
  if (excess > 0 && start - 1 > 1) {
    const doomed = Math.min(excess, start - 2);
    sheet.deleteRows(2, doomed);
    start -= doomed;
  }
  const maxRows = sheet.getMaxRows();
  const end = start + lines.length - 1;
  if (end > maxRows) sheet.insertRowsAfter(maxRows, end - maxRows);
  // Actor, id and detail come from requests and people: written as text, never as formulas.
  sheet
    .getRange(start, 1, lines.length, LOG_HEADERS.length)
    .setValues(lines.map((l) => [new Date(l.at), asWritten(l.actor), l.action, l.sheet ?? '', asWritten(l.id ?? ''), l.revision ?? '', asWritten(l.detail ?? '')]));
}

/** Creates the Log sheet with its headers, at the end of the tabs. */
export function createLogSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.insertSheet(LOG_SHEET, spreadsheet.getNumSheets());
  sheet.getRange(1, 1, 1, LOG_HEADERS.length).setValues([LOG_HEADERS]);
  sheet.setFrozenRows(1);
  return sheet;
}
