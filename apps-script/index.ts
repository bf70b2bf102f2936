/**
 * The add-on's entry: only the globals Apps Script calls. The build turns each export into a top-level
 * function (with its JSDoc) in Code.js; all logic lives in the modules imported here and in shared/.
 */
import { issueKey } from './team';
import { handleSyncRequest } from './sync-endpoint';
import { setUpSpreadsheet as setUp } from './setup';

const MENU = 'Clipsheet';
const actor = () => Session.getActiveUser().getEmail() || 'admin';

/** Apps Script calls this when the spreadsheet opens: adds the Clipsheet menu. */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createMenu(MENU)
    .addItem('Set up spreadsheet', 'setUpSpreadsheet')
    .addItem('Add a rep…', 'addRep')
    .addToUi();
}

/** Menu: creates or repairs every Clipsheet sheet, header, drop-down and protection. */
export function setUpSpreadsheet(): string[] {
  return setUp(SpreadsheetApp.getActiveSpreadsheet(), actor(), new Date().toISOString());
}

/** Menu: asks for a rep's name and email, then shows their sync key once. */
export function addRep(): void {
  const ui = SpreadsheetApp.getUi();
  const name = ui.prompt('Add a rep', 'Name', ui.ButtonSet.OK_CANCEL);
  if (name.getSelectedButton() !== ui.Button.OK) return;
  const email = ui.prompt('Add a rep', 'Email', ui.ButtonSet.OK_CANCEL);
  if (email.getSelectedButton() !== ui.Button.OK) return;
  const key = issueRepKey(name.getResponseText(), email.getResponseText());
  ui.alert('Sync key', `Paste this key into the rep's Clipsheet options. It is shown only once:\n\n${key}`, ui.ButtonSet.OK);
}

/** Adds or re-keys a rep and returns their sync key (for admins' scripts and the local backend). */
export function issueRepKey(name: string, email: string, role = 'rep'): string {
  return issueKey(SpreadsheetApp.getActiveSpreadsheet(), { name, email, role }, new Date().toISOString());
}

/** The web app's POST endpoint: every sync request from a rep's extension. */
export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  const response = handleSyncRequest(e?.postData?.contents ?? '');
  return ContentService.createTextOutput(JSON.stringify(response)).setMimeType(ContentService.MimeType.JSON);
}

/** The web app's GET endpoint: a health check that says this is a Clipsheet sheet. */
export function doGet(): GoogleAppsScript.Content.TextOutput {
  return ContentService.createTextOutput(JSON.stringify({ ok: true, app: 'clipsheet', protocol: 1 })).setMimeType(ContentService.MimeType.JSON);
}
