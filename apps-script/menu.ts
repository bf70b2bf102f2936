import { REP_ROLES } from '../shared/model';
import { archiveInteractions } from './archive';
import { appendLog } from './audit-log';
import { checkDataQuality, describeQuality } from './data-quality';
import { withScriptLock } from './lock';
import { recomputeDerived } from './recompute';
import { setUpSpreadsheet } from './setup';
import { issueKey, revokeRep } from './team';

/**
 * The Clipsheet menu's dialogs: each asks what it needs with Ui.prompt, does the work, and says what
 * happened. Every admin action is written to the Log.
 */
type Ui = GoogleAppsScript.Base.Ui;
const spreadsheet = () => SpreadsheetApp.getActiveSpreadsheet();
const nowIso = () => new Date().toISOString();

/** Asks one question; null when the person cancels or closes the dialog. */
function ask(ui: Ui, title: string, question: string): string | null {
  const answer = ui.prompt(title, question, ui.ButtonSet.OK_CANCEL);
  return answer.getSelectedButton() === ui.Button.OK ? answer.getResponseText().trim() : null;
}

/** Set up spreadsheet: runs Set up and shows what it repaired. */
export function setUpFromMenu(actor: string): void {
  const report = setUpSpreadsheet(spreadsheet(), actor);
  const ui = SpreadsheetApp.getUi();
  ui.alert('Clipsheet is set up', report.length ? report.map((line) => `• ${line}`).join('\n') : 'Everything was already in place.', ui.ButtonSet.OK);
}

/** Add a rep: name, email and role, then the key, shown once and never logged. */
export function addRepFromMenu(actor: string): void {
  const ui = SpreadsheetApp.getUi();
  const name = ask(ui, 'Add a rep', 'Name');
  if (!name) return;
  const email = ask(ui, 'Add a rep', 'Email (their Google account, used as owner of their customers)');
  if (!email) return;
  const role = ask(ui, 'Add a rep', `Role: ${REP_ROLES.join(', ')} (empty for rep)`);
  if (role === null) return;
  if (role && !(REP_ROLES as readonly string[]).includes(role.toLowerCase())) {
    ui.alert('Add a rep', `"${role}" is not a role; choose one of ${REP_ROLES.join(', ')}.`, ui.ButtonSet.OK);
    return;
  }
  const key = withScriptLock(() => {
    const issued = issueKey(spreadsheet(), { name, email, role: role ? role.toLowerCase() : undefined });
    // The key itself never reaches the log: only who was keyed, by whom.
    appendLog(spreadsheet(), [{ at: nowIso(), actor, action: 'add rep', sheet: 'Team', detail: email }]);
    return issued;
  });
  ui.alert('Sync key', `Paste this key into ${name}'s Clipsheet options. It is shown only once:\n\n${key}`, ui.ButtonSet.OK);
}

/** Revoke a rep: their email, a confirmation, then their key stops working. */
export function revokeRepFromMenu(actor: string): void {
  const ui = SpreadsheetApp.getUi();
  const email = ask(ui, 'Revoke a rep', 'Email of the rep whose sync key to revoke');
  if (!email) return;
  if (ui.alert('Revoke a rep', `Stop syncing for ${email}? Their extension keeps its local data; their customers keep them as owner.`, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const name = withScriptLock(() => {
    const revoked = revokeRep(spreadsheet(), email);
    if (revoked !== null) appendLog(spreadsheet(), [{ at: nowIso(), actor, action: 'revoke rep', sheet: 'Team', detail: email }]);
    return revoked;
  });
  ui.alert('Revoke a rep', name === null ? `No rep with the email ${email} is in the Team sheet.` : `${name} can no longer sync.`, ui.ButtonSet.OK);
}

/** Check data quality: the report in an alert, and a line in the Log. */
export function checkDataQualityFromMenu(actor: string): void {
  const report = checkDataQuality(spreadsheet(), nowIso());
  appendLog(spreadsheet(), [{ at: report.at, actor, action: 'check data quality', detail: `${report.exactDuplicates} certain and ${report.possibleDuplicates} possible duplicates, ${report.invalidRows} unreadable rows` }]);
  const ui = SpreadsheetApp.getUi();
  ui.alert('Data quality', describeQuality(report), ui.ButtonSet.OK);
}

/** Recompute now: what the hourly trigger does, on demand. */
export function recomputeFromMenu(actor: string): void {
  const report = recomputeDerived(spreadsheet(), nowIso());
  appendLog(spreadsheet(), [{ at: report.at, actor, action: 'recompute', sheet: 'Dashboard', detail: `${report.people} people` }]);
  spreadsheet().toast('Segments and dashboard recomputed.', 'Clipsheet');
}

/** The months of interactions the team's sheet keeps when a manager archives without choosing. */
const DEFAULT_MONTHS_KEPT = 12;

/**
 * Archive old interactions: how many months to keep, a confirmation, then the older interactions move to the
 * archive spreadsheet (archive.ts); what one execution cannot move, the hourly trigger does.
 */
export function archiveFromMenu(actor: string): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ask(ui, 'Archive old interactions', `Keep how many months of interactions in this sheet? Older ones move to an archive spreadsheet and still count on the dashboard. (empty for ${DEFAULT_MONTHS_KEPT})`);
  if (answer === null) return;
  const months = answer === '' ? DEFAULT_MONTHS_KEPT : Number(answer);
  if (!Number.isInteger(months) || months < 1 || months > 120) {
    ui.alert('Archive old interactions', `"${answer}" is not a number of months from 1 to 120.`, ui.ButtonSet.OK);
    return;
  }
  const now = new Date();
  const before = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1)).toISOString();
  if (ui.alert('Archive old interactions', `Move the interactions before ${before.slice(0, 10)} to the archive spreadsheet? Every count on the dashboard still includes them, and the sidebar shows each person's newest archived ones.`, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  const progress = archiveInteractions(spreadsheet(), before, actor);
  const left = progress.remaining ? ` ${progress.remaining.toLocaleString('en-US')} more go at the next hourly runs.` : '';
  ui.alert('Archive old interactions', `${progress.moved.toLocaleString('en-US')} interactions before ${progress.before.slice(0, 10)} moved to the archive:\n${progress.url}${left}`, ui.ButtonSet.OK);
}

/** Open sidebar: the inlined Preact page built into Sidebar.html. */
export function openSidebarFromMenu(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Clipsheet');
  SpreadsheetApp.getUi().showSidebar(html);
}
