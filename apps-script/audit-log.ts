/** The Log sheet: an audit line for every sync write and admin action, appended in one write per request. */
export const LOG_SHEET = 'Log';
export const LOG_HEADERS = ['At', 'Actor', 'Action', 'Sheet', 'Id', 'Revision', 'Detail'];

export interface LogLine {
  at: string;
  actor: string;
  action: string;
  sheet?: string;
  id?: string;
  revision?: number;
  detail?: string;
}

export function appendLog(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, lines: readonly LogLine[]): void {
  if (!lines.length) return;
  const sheet = spreadsheet.getSheetByName(LOG_SHEET) ?? spreadsheet.insertSheet(LOG_SHEET);
  const start = sheet.getLastRow() + 1;
  const maxRows = sheet.getMaxRows();
  const end = start + lines.length - 1;
  if (end > maxRows) sheet.insertRowsAfter(maxRows, end - maxRows);
  // Detail is free text from requests: keep it text (a leading apostrophe stops formulas).
  const text = (value: string | undefined) => (value && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value ?? '');
  sheet
    .getRange(start, 1, lines.length, LOG_HEADERS.length)
    .setValues(lines.map((l) => [new Date(l.at), text(l.actor), l.action, l.sheet ?? '', text(l.id), l.revision ?? '', text(l.detail)]));
}
