/**
 * The add-on's entry: only the globals Apps Script calls. The build turns each export into a top-level
 * function (with its JSDoc) in Code.js; all logic lives in the modules imported here and in shared/.
 */
import { archiveInteractions, continueArchiving, type ArchiveProgress } from './archive';
import { clv, level, stage as derivedStage } from './custom-functions';
import { stampHandEdit } from './hand-edits';
import * as menu from './menu';
import { addScopedDashboard, recomputeSegmentsAndDashboard, type RecomputeResult } from './dashboard';
import { expectedPurchasesOf, pAlive } from './predictions';
import { recomputeDerived } from './recompute';
import { setUpSpreadsheet as setUp } from './setup';
import { changeStage } from './sidebar-actions';
import { loadSidebarView } from './sidebar-data';
import type { SidebarView, StageChangeResult } from './sidebar/contract';
import { handleSyncRequest } from './sync-endpoint';
import { issueKey, revokeRep } from './team';
import { withScriptLock } from './lock';

const actor = () => Session.getActiveUser().getEmail() || 'admin';

/** Simple trigger, when the spreadsheet opens: adds the Clipsheet menu. */
export function onOpen(): void {
  SpreadsheetApp.getUi()
    .createMenu('Clipsheet')
    .addItem('Set up spreadsheet', 'menuSetUp')
    .addItem('Open sidebar', 'menuOpenSidebar')
    .addSeparator()
    .addItem('Add a rep…', 'menuAddRep')
    .addItem('Revoke a rep…', 'menuRevokeRep')
    .addSeparator()
    .addItem('Check data quality', 'menuCheckDataQuality')
    .addItem('Recompute segments and dashboard now', 'menuRecompute')
    .addItem('Archive old interactions…', 'menuArchive')
    .addToUi();
}

/** Menu: creates or repairs every sheet, header, drop-down, protection and trigger, then says what it did. */
export function menuSetUp(): void {
  menu.setUpFromMenu(actor());
}

/** Menu: the sidebar for the current row (timeline, stage and level, duplicates). */
export function menuOpenSidebar(): void {
  menu.openSidebarFromMenu();
}

/** Menu: asks for a rep's name, email and role, then shows their sync key once. */
export function menuAddRep(): void {
  menu.addRepFromMenu(actor());
}

/** Menu: asks for a rep's email and revokes their sync key. */
export function menuRevokeRep(): void {
  menu.revokeRepFromMenu(actor());
}

/** Menu: duplicates, stale contacts, incomplete profiles and unreadable rows, in an alert. */
export function menuCheckDataQuality(): void {
  menu.checkDataQualityFromMenu(actor());
}

/** Menu: recomputes segments and the dashboard now instead of waiting for the hourly trigger. */
export function menuRecompute(): void {
  menu.recomputeFromMenu(actor());
}

/** Menu: asks how many months of interactions to keep, and moves the older ones to the archive spreadsheet. */
export function menuArchive(): void {
  menu.archiveFromMenu(actor());
}

/** Set up without dialogs, returning what it did (the local backend, provisioning scripts, tests). */
export function setUpSpreadsheet(): string[] {
  return setUp(SpreadsheetApp.getActiveSpreadsheet(), actor());
}

/** Adds or re-keys a rep and returns their sync key (for admins' scripts and the local backend). */
export function issueRepKey(name: string, email: string, role = 'rep'): string {
  return withScriptLock(() => issueKey(SpreadsheetApp.getActiveSpreadsheet(), { name, email, role }));
}

/** Revokes a rep by email; returns their name, or null when no such rep (for admins' scripts). */
export function revokeRepKey(email: string): string | null {
  return withScriptLock(() => revokeRep(SpreadsheetApp.getActiveSpreadsheet(), email));
}

/** Installable on-edit trigger (installed by Set up): stamps rows people edit by hand so sync sends them. */
export function onSheetEdit(event: GoogleAppsScript.Events.SheetsOnEdit): void {
  stampHandEdit(event);
}

/** Installable hourly trigger (installed by Set up): goes on with an unfinished archiving, then recomputes segments and the dashboard. */
export function onSchedule(): void {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  continueArchiving(spreadsheet);
  recomputeDerived(spreadsheet, new Date().toISOString());
}

/** Sidebar (google.script.run): the view of the row under the cursor. */
export function sidebarLoad(): SidebarView {
  return loadSidebarView(SpreadsheetApp.getActiveSpreadsheet(), new Date().toISOString());
}

/** Sidebar (google.script.run): moves the person to a stage, with the ladder's rules; answers the new view. */
export function sidebarSetStage(personId: string, stage: string, reason: string, note: string): StageChangeResult {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const result = changeStage(spreadsheet, { personId, stage, reason, note, user: Session.getActiveUser().getEmail() });
  return result.ok ? { ok: true, view: loadSidebarView(spreadsheet, new Date().toISOString()) } : result;
}

/** Scripts and tests: recomputes segments, predictions and every dashboard as of `now` (ISO, default the clock); returns counts and traced cells. */
export function recomputeDashboard(now?: string): RecomputeResult {
  return recomputeSegmentsAndDashboard(SpreadsheetApp.getActiveSpreadsheet(), now ?? new Date().toISOString());
}

/**
 * Scripts and tests: moves the interactions before `before` (ISO) to the archive spreadsheet, as the menu
 * does, for up to `budgetSeconds` (default 240; 0 moves one batch and leaves the rest to the hourly trigger).
 */
export function archiveInteractionsBefore(before: string, budgetSeconds = 240): ArchiveProgress {
  return archiveInteractions(SpreadsheetApp.getActiveSpreadsheet(), before, actor(), budgetSeconds * 1000);
}

/** Scripts: adds a dashboard scoped to one rep's customers (rebuilt with every recompute) and builds it now. */
export function addRepDashboard(email: string): RecomputeResult {
  addScopedDashboard(email);
  return recomputeDashboard();
}

/**
 * The probability that a customer is still active (BG/NBD), from the Predictions sheet's parameters.
 * @param {number|number[][]} frequency Repeat purchases (x), or a column of them.
 * @param {number|number[][]} recency Time from first to last purchase (t_x), in the model's unit (weeks).
 * @param {number|number[][]} T Time from first purchase to now, same unit.
 * @param {number} r BG/NBD r. @param {number} alpha BG/NBD alpha. @param {number} a BG/NBD a. @param {number} b BG/NBD b.
 * @return P(alive), 0 to 1; churn risk is 1 minus it.
 * @customfunction
 */
export function CLIPSHEET_P_ALIVE(frequency: unknown, recency: unknown, T: unknown, r: unknown, alpha: unknown, a: unknown, b: unknown): number | Array<[number | string]> {
  return pAlive(frequency, recency, T, r, alpha, a, b);
}

/**
 * Expected purchases in the next t periods of a customer with this history (BG/NBD).
 * @param {number} t The horizon, in the model's unit (weeks).
 * @param {number|number[][]} frequency Repeat purchases (x), or a column of them.
 * @param {number|number[][]} recency Time from first to last purchase (t_x).
 * @param {number|number[][]} T Time from first purchase to now.
 * @param {number} r BG/NBD r. @param {number} alpha BG/NBD alpha. @param {number} a BG/NBD a. @param {number} b BG/NBD b.
 * @return The expected number of purchases.
 * @customfunction
 */
export function CLIPSHEET_EXPECTED_PURCHASES(t: unknown, frequency: unknown, recency: unknown, T: unknown, r: unknown, alpha: unknown, a: unknown, b: unknown): number | Array<[number | string]> {
  return expectedPurchasesOf(t, frequency, recency, T, r, alpha, a, b);
}

/**
 * The customer lifetime value: future net margins, discounted, weighted by the chance the customer stays.
 * @param {number|number[][]} margin Net margin per period: one value, or a range with one per period.
 * @param {number|number[][]} retention Chance of staying through each period (0 to 1): one value or a range.
 * @param {number} discountRate Discount rate per period, e.g. 0.1 for 10% a year with yearly periods.
 * @param {number} horizon Number of periods (optional when margin or retention is a range).
 * @return The discounted lifetime value.
 * @customfunction
 */
export function CLIPSHEET_CLV(margin: unknown, retention: unknown, discountRate: unknown, horizon?: unknown): number {
  return clv(margin, retention, discountRate, horizon);
}

/**
 * The customer-ladder stage that won orders prove: first-time customer after one, repeat after two. Never
 * demotes, and leaves disqualified and lost alone.
 * @param {string|string[][]} stage The current stage, or a column of them.
 * @param {number|number[][]} wonOrders The number of won orders, or a column of them.
 * @return The stage, or a column of stages.
 * @customfunction
 */
export function CLIPSHEET_STAGE(stage: unknown, wonOrders: unknown): string | string[][] {
  return derivedStage(stage, wonOrders);
}

/**
 * The relationship level suggested for a segment by its number of customers and its margin rate.
 * @param {number|number[][]} customerCount Customers in the segment.
 * @param {number|number[][]} marginRate (Revenue - cost to serve) / revenue, e.g. 0.3.
 * @return basic, reactive, accountable, proactive or partnership.
 * @customfunction
 */
export function CLIPSHEET_LEVEL(customerCount: unknown, marginRate: unknown): string | string[][] {
  return level(customerCount, marginRate);
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
