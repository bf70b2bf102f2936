import { DEFAULT_SETTINGS, parseSettings, type Settings, type SettingsIssue } from '../shared/settings';
import { indexHeaders, writeColumns } from './columns';
import { LIST_SETTINGS, SETTINGS_HEADERS, SETTINGS_SHEET, settingRows } from './layout';

/**
 * The Settings sheet: one row per setting (a dotted path such as `levelThresholds.manyCustomersAtLeast`),
 * its value and its default. People edit the Value column; Set up adds rows for settings a newer version
 * knows, and never changes a value.
 */

/** Creates the sheet or adds what is missing (headers, rows). Returns what it did, for the report. */
export function ensureSettingsSheet(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, existing: GoogleAppsScript.Spreadsheet.Sheet | undefined): string[] {
  const rows = settingRows();
  if (!existing) {
    const sheet = spreadsheet.insertSheet(SETTINGS_SHEET, spreadsheet.getNumSheets());
    const grid = [SETTINGS_HEADERS, ...rows.map((r) => [r.key, r.value, r.value])];
    writeColumns(sheet, 1, grid, [0, 1, 2]);
    sheet.setFrozenRows(1);
    return [`created ${SETTINGS_SHEET}`];
  }
  const cells = existing.getDataRange().getValues();
  const headers = indexHeaders(cells[0] ?? []);
  const report: string[] = [];
  // Headers found by name; missing ones go after the last column, as on the entity sheets.
  let width = cells[0]?.length ?? 0;
  const column = new Map<string, number>();
  const newHeaders: Array<[number, string]> = [];
  for (const header of SETTINGS_HEADERS) {
    const at = headers.get(header) ?? width++;
    column.set(header, at);
    if (!headers.has(header)) newHeaders.push([at, header]);
  }
  const known = new Set(cells.slice(1).map((line) => String(line[column.get('Setting')!] ?? '').trim()));
  const added = rows.filter((r) => !known.has(r.key));
  const grid: unknown[][] = [];
  for (const [at, header] of newHeaders) (grid[0] ??= [])[at] = header;
  added.forEach((r, i) => {
    const line: unknown[] = [];
    line[column.get('Setting')!] = r.key;
    line[column.get('Value')!] = r.value;
    line[column.get('Default')!] = r.value;
    grid[cells.length + i] = line;
  });
  if (newHeaders.length) {
    if (width > existing.getMaxColumns()) existing.insertColumnsAfter(existing.getMaxColumns(), width - existing.getMaxColumns());
    writeColumns(existing, 1, [grid[0]!], newHeaders.map(([at]) => at));
    report.push(`${SETTINGS_SHEET}: restored ${newHeaders.map(([, h]) => `"${h}"`).join(', ')}`);
  }
  if (added.length) {
    const block = grid.slice(cells.length);
    if (cells.length + added.length > existing.getMaxRows()) existing.insertRowsAfter(existing.getMaxRows(), cells.length + added.length - existing.getMaxRows());
    writeColumns(existing, cells.length + 1, block, ['Setting', 'Value', 'Default'].map((h) => column.get(h)!));
    report.push(`${SETTINGS_SHEET}: added ${added.map((r) => r.key).join(', ')}`);
  }
  return report;
}

/** The team's settings as read from the sheet, with what was refused. */
export interface TeamSettings {
  settings: Settings;
  /** Values people typed that the schema refused; the defaults are used for those settings. */
  issues: SettingsIssue[];
}

/** Reads the Settings sheet (one read) into validated settings; a bad value falls back to the defaults, with the issue. */
export function readSettings(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): TeamSettings {
  const sheet = spreadsheet.getSheetByName(SETTINGS_SHEET);
  if (!sheet) return { settings: DEFAULT_SETTINGS, issues: [] };
  const cells = sheet.getDataRange().getValues();
  const headers = indexHeaders(cells[0] ?? []);
  const keyAt = headers.get('Setting');
  const valueAt = headers.get('Value');
  if (keyAt === undefined || valueAt === undefined) return { settings: DEFAULT_SETTINGS, issues: [{ path: SETTINGS_SHEET, message: 'the Setting and Value headers are missing; run Set up' }] };
  const partial: Record<string, unknown> = {};
  for (const line of cells.slice(1)) {
    const key = String(line[keyAt] ?? '').trim();
    const value = line[valueAt];
    if (!key || value === '' || value === null) continue;
    setPath(partial, key, LIST_SETTINGS.has(key) ? String(value).split(/[;\n]/).map((v) => v.trim()).filter(Boolean) : value);
  }
  // A refused value falls back to its default, the others still apply; a few passes settle cross-field rules.
  const issues: SettingsIssue[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const parsed = parseSettings(partial);
    if (parsed.ok) return { settings: parsed.settings, issues };
    issues.push(...parsed.issues);
    for (const issue of parsed.issues) deletePath(partial, issue.path);
    for (const [key, value] of Object.entries(partial)) if (Array.isArray(value)) partial[key] = value.filter((v) => v !== undefined);
  }
  return { settings: DEFAULT_SETTINGS, issues };
}

function deletePath(target: Record<string, unknown>, path: string): void {
  const keys = path.split('.');
  let node: unknown = target;
  for (const key of keys.slice(0, -1)) node = (node as Record<string, unknown> | undefined)?.[key];
  const last = keys[keys.length - 1]!;
  // A bad item of a list (a domain in neverLogDomains) is dropped; the rest of the list stays.
  if (Array.isArray(node)) node[Number(last)] = undefined;
  else if (node && typeof node === 'object') delete (node as Record<string, unknown>)[last];
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}
