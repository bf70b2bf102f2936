/**
 * The add-on's installable triggers: an on-edit trigger that stamps hand edits, and an hourly one that
 * recomputes segments and the dashboard. Installable triggers belong to the person who creates them and
 * run as them; two admins each installing them would stamp every edit twice, so the first installer is
 * remembered and Set up run by anyone else leaves their triggers alone.
 */
/** The global functions the triggers call (apps-script/index.ts exports them). */
export const EDIT_HANDLER = 'onSheetEdit';
export const SCHEDULE_HANDLER = 'onSchedule';
const OWNER_PROPERTY = 'clipsheet.triggers.owner';
/** Hourly: the finest schedule an add-on may use, and plenty for dashboards (PLATFORM.md). */
const SCHEDULE_HOURS = 1;

/** Installs the missing triggers and removes duplicates; returns what it did. */
export function ensureTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, user: string): string[] {
  const properties = PropertiesService.getScriptProperties();
  const owner = properties.getProperty(OWNER_PROPERTY);
  const existing = ScriptApp.getProjectTriggers();
  const found = new Set<string>();
  let removed = 0;
  for (const trigger of existing) {
    const handler = trigger.getHandlerFunction();
    if (handler !== EDIT_HANDLER && handler !== SCHEDULE_HANDLER) continue;
    if (found.has(handler)) {
      ScriptApp.deleteTrigger(trigger); // a duplicate would run the same work twice
      removed++;
    } else found.add(handler);
  }
  if (owner && owner !== user && !found.size)
    return [`triggers: left to ${owner}, who installed them (ask them to run Set up, or remove the "${OWNER_PROPERTY}" script property to take over)`];
  const report: string[] = [];
  if (!found.has(EDIT_HANDLER)) {
    ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
    report.push('installed the on-edit trigger (stamps hand edits)');
  }
  if (!found.has(SCHEDULE_HANDLER)) {
    ScriptApp.newTrigger(SCHEDULE_HANDLER).timeBased().everyHours(SCHEDULE_HOURS).create();
    report.push('installed the hourly trigger (recomputes segments and the dashboard)');
  }
  if (removed) report.push(`removed ${removed} duplicate trigger${removed > 1 ? 's' : ''}`);
  if (report.length && owner !== user) properties.setProperty(OWNER_PROPERTY, user);
  return report;
}
