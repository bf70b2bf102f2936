import { ENTITIES, type Column, type Entity } from '../shared/model';
import { DEFAULT_SETTINGS } from '../shared/settings';

/**
 * The workbook's shape, derived from the domain core's schemas: which sheets exist, in which order, and the
 * headers a new sheet starts with. Pure (no Apps Script globals), so `clipsheet sheet provision` creates the
 * same layout through the Sheets API that Set up creates in Apps Script.
 */

/** The team's settings, one row per setting. */
export const SETTINGS_SHEET = 'Settings';
/** Where the dashboard (and, until it exists, the data-quality counts) go. */
export const DASHBOARD_SHEET = 'Dashboard';
/** The audit log of sync writes and admin actions. */
export const LOG_SHEET = 'Log';
/** The Log's columns, written by position: the Log is the add-on's own record. */
export const LOG_HEADERS = ['At', 'Actor', 'Action', 'Sheet', 'Id', 'Revision', 'Detail'];
/** The Settings sheet's columns, found by header. */
export const SETTINGS_HEADERS = ['Setting', 'Value', 'Default'];

/** Every entity with a sheet, in tab order (Customers first). */
export const ENTITY_SHEETS: readonly Entity[] = Object.values(ENTITIES) as Entity[];

/** The tab names in order: the entities, then Settings, Dashboard and Log. */
export const SHEET_ORDER: readonly string[] = [...ENTITY_SHEETS.map((e) => e.sheet), SETTINGS_SHEET, DASHBOARD_SHEET, LOG_SHEET];

/** The entity kept in a sheet, by the sheet's name. */
export function entityOfSheet(name: string): Entity | undefined {
  return ENTITY_SHEETS.find((e) => e.sheet === name);
}

/**
 * A new sheet's columns: the schema's order (Id first, then the sync columns, then the entity's fields).
 * Existing sheets keep whatever order people gave them: columns are always found by header.
 */
export function newSheetColumns(entity: Entity): Column[] {
  return [...entity.columns];
}

/** Columns a new sheet hides: machine-written JSON and keys that no person reads (people may unhide them). */
export const HIDDEN_ON_NEW_SHEETS: ReadonlySet<string> = new Set(['provenance', 'history', 'lastChange']);

/**
 * System columns a write may rewrite with their own value to join two runs into one setValues. Only sync
 * writes them (people are warned off), so no edit can race the rewrite; Deleted is left out because people
 * tick it by hand to delete a record.
 */
export function bridgeableColumns(entity: Entity, columnOf: ReadonlyMap<string, number>): Set<number> {
  return new Set(entity.columns.filter((c) => c.system && c.key !== 'deleted').map((c) => columnOf.get(c.key)).filter((i): i is number => i !== undefined));
}

/** The note on a Clipsheet header cell: names the field, so Set up recognises the column if its header is lost. */
export function headerNote(column: Column): string {
  return `${NOTE_PREFIX}${column.key}\nClipsheet finds this column by its header. If the header is renamed or cleared, Clipsheet > Set up spreadsheet restores it here.`;
}
const NOTE_PREFIX = 'clipsheet:';

/** The field key a header note names, or undefined for any other note. */
export function fieldOfNote(note: unknown): string | undefined {
  const text = String(note ?? '');
  return text.startsWith(NOTE_PREFIX) ? text.slice(NOTE_PREFIX.length).split('\n')[0]!.trim() : undefined;
}

/** A setting as a row of the Settings sheet: a dotted path and its default value as a cell. */
export interface SettingRow {
  key: string;
  value: string | number | boolean;
}

/** One row per leaf of the settings schema (from DEFAULT_SETTINGS), lists written `a; b`. */
export function settingRows(): SettingRow[] {
  const rows: SettingRow[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) rows.push({ key: path, value: value.join(LIST_SEPARATOR) });
    else if (typeof value === 'object' && value !== null) for (const [key, child] of Object.entries(value)) walk(child, path ? `${path}.${key}` : key);
    else rows.push({ key: path, value: value as SettingRow['value'] });
  };
  walk(DEFAULT_SETTINGS, '');
  return rows;
}

/** How a list setting is written in one cell. */
export const LIST_SEPARATOR = '; ';

/** The keys of settings that hold lists (split back on `;` when read). */
export const LIST_SETTINGS: ReadonlySet<string> = new Set(
  Object.entries(DEFAULT_SETTINGS).filter(([, value]) => Array.isArray(value)).map(([key]) => key),
);
