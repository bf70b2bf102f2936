import type { CustomerRow, DealRow, InteractionRow, MetricsData, OrganisationRow, RepRow, SegmentRow } from '../shared/metrics';
import { Deal, Interaction, Organisation, Person, Rep, Segment, type Entity } from '../shared/model';
import { adjacentRuns, indexHeaders } from './columns';

/**
 * Reads the team's sheets for reporting: only the columns reporting needs, converted straight to numbers and
 * times (500,000 interactions are read without building a record or running a schema per row). Rows without
 * an id are not records yet and are skipped.
 */

/** Where an entity's columns are, for the formulas that read them. */
export interface SheetShape {
  sheet: string;
  /** Field key -> 0-based column. */
  columnOf: Map<string, number>;
  /** The sheet's grid height: formulas reach this row, so rows added up to it are counted live. */
  maxRows: number;
}

export interface TeamSheets {
  data: MetricsData;
  shapes: Record<'person' | 'deal' | 'interaction', SheetShape>;
}

export type Read = (key: string) => unknown;
export const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';
export const text = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : String(v));
const number = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const time = (v: unknown) => (isDate(v) ? v.getTime() : typeof v === 'string' && v !== '' ? Date.parse(v) || undefined : undefined);
const flag = (v: unknown) => v === true || /^(true|yes|1)$/i.test(String(v ?? '').trim());
const list = (v: unknown) => (text(v) === undefined ? [] : String(v).split(/[;\n]/).map((s) => s.trim()).filter(Boolean));

/**
 * Reads one entity sheet into rows built by `make`: the header row, then only the columns asked for (one
 * getValues per run of adjacent ones), so 500,000 interactions cost 9 of their 21 columns. An absent sheet
 * gives no rows. With `read` (the whole sheet, read already by this execution) it makes no read of its own.
 */
function readSheet<T>(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, entity: Entity, keys: readonly string[], make: (read: Read) => T, read?: readonly (readonly unknown[])[]): { rows: T[]; shape: SheetShape } {
  const sheet = spreadsheet.getSheetByName(entity.sheet);
  if (!sheet) return { rows: [], shape: { sheet: entity.sheet, columnOf: new Map(), maxRows: 1 } };
  const lastRow = read ? read.length : sheet.getLastRow();
  const lastColumn = read ? (read[0]?.length ?? 0) : sheet.getLastColumn();
  const headers = indexHeaders(read ? (read[0] ?? []) : lastColumn ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0]! : []);
  const columnOf = new Map<string, number>();
  for (const column of entity.columns) {
    const at = headers.get(column.header);
    if (at !== undefined) columnOf.set(column.key, at);
  }
  // Each wanted column's cells, read by runs of adjacent columns.
  const cellsOf = new Map<string, unknown[]>();
  const wanted = [...new Set(['id', ...keys])].filter((key) => columnOf.has(key));
  if (read) {
    for (const key of wanted) cellsOf.set(key, read.slice(1).map((line) => line[columnOf.get(key)!]));
  } else if (lastRow > 1) {
    for (const run of adjacentRuns(wanted.map((key) => columnOf.get(key)!))) {
      const block = sheet.getRange(2, run[0]! + 1, lastRow - 1, run.length).getValues();
      for (const key of wanted) {
        const offset = columnOf.get(key)! - run[0]!;
        if (offset >= 0 && offset < run.length) cellsOf.set(key, block.map((line) => line[offset]));
      }
    }
  }
  const ids = cellsOf.get('id') ?? [];
  const rows: T[] = [];
  for (let r = 0; r < ids.length; r++) {
    if (text(ids[r]) === undefined) continue;
    rows.push(make((key) => cellsOf.get(key)?.[r]));
  }
  return { rows, shape: { sheet: entity.sheet, columnOf, maxRows: sheet.getMaxRows() } };
}

/** The interaction fields reporting reads, for the archive's rows also the ones its rollup counts by. */
const INTERACTION_KEYS = ['personIds', 'organisationId', 'type', 'direction', 'at', 'owner', 'deleted'];
export const ARCHIVED_INTERACTION_KEYS = [...INTERACTION_KEYS, 'experience', 'voiceOfCustomer'];

/** An interaction's reporting row from its cells. */
export function interactionRow(read: Read, archived = false): InteractionRow {
  return {
    id: String(read('id')), personIds: list(read('personIds')), organisationId: text(read('organisationId')), type: text(read('type')) ?? '', direction: text(read('direction')),
    at: time(read('at')) ?? 0, owner: text(read('owner')) ?? '', deleted: flag(read('deleted')),
    ...(archived ? { experience: text(read('experience')), voiceOfCustomer: text(read('voiceOfCustomer')), archived } : {}),
  };
}

/** The archive spreadsheet's interactions (archive.ts), with the fields the rollup counts by. */
export function readArchivedInteractions(archive: GoogleAppsScript.Spreadsheet.Spreadsheet): InteractionRow[] {
  return readSheet(archive, Interaction, ARCHIVED_INTERACTION_KEYS, (read) => interactionRow(read, true)).rows;
}

/** Every sheet reporting reads, once; `customers` are the Customers sheet's cells when already read (header row first). */
export function readTeamSheets(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, customersRead?: readonly (readonly unknown[])[]): TeamSheets {
  const customers = readSheet(spreadsheet, Person, ['fullName', 'stage', 'level', 'owner', 'acquisitionSource', 'tags', 'organisationId', 'createdAt', 'lastContactAt', 'importance', 'satisfaction', 'shareOfWallet', 'deleted'], (read): CustomerRow => ({
    id: String(read('id')), fullName: text(read('fullName')) ?? '', stage: text(read('stage')) ?? '', level: text(read('level')), owner: text(read('owner')) ?? '',
    source: text(read('acquisitionSource')), tags: list(read('tags')), organisationId: text(read('organisationId')), createdAt: time(read('createdAt')) ?? 0,
    lastContactAt: time(read('lastContactAt')), importance: number(read('importance')), satisfaction: number(read('satisfaction')),
    shareOfWallet: number(read('shareOfWallet')), deleted: flag(read('deleted')),
  }), customersRead);
  const deals = readSheet(spreadsheet, Deal, ['personId', 'kind', 'status', 'product', 'value', 'costToServe', 'openedAt', 'closedAt', 'reason', 'region', 'owner', 'deleted'], (read): DealRow => ({
    id: String(read('id')), personId: text(read('personId')), kind: text(read('kind')) ?? '', status: text(read('status')) ?? '', product: text(read('product')),
    value: number(read('value')) ?? 0, costToServe: number(read('costToServe')), openedAt: time(read('openedAt')) ?? 0, closedAt: time(read('closedAt')),
    reason: text(read('reason')), region: text(read('region')), owner: text(read('owner')) ?? '', deleted: flag(read('deleted')),
  }));
  // Experience and voice of customer are counted by live formulas only: the script need not read them.
  const interactions = readSheet(spreadsheet, Interaction, INTERACTION_KEYS, (read) => interactionRow(read));
  const organisations = readSheet(spreadsheet, Organisation, ['industry', 'sizeBand', 'territory', 'deleted'], (read): OrganisationRow => ({
    id: String(read('id')), industry: text(read('industry')), sizeBand: text(read('sizeBand')), territory: text(read('territory')), deleted: flag(read('deleted')),
  }));
  // A Team row whose Active cell is empty counts as active: people leave it blank when adding a rep by hand.
  const reps = readSheet(spreadsheet, Rep, ['name', 'email', 'territory', 'active'], (read): RepRow => ({ name: text(read('name')) ?? '', email: text(read('email')) ?? '', territory: text(read('territory')), active: text(read('active')) === undefined || flag(read('active')) }));
  const segments = readSheet(spreadsheet, Segment, ['name', 'rule', 'playbook', 'owner', 'builtIn', 'deleted'], (read): SegmentRow => ({
    id: String(read('id')), name: text(read('name')) ?? '', rule: text(read('rule')) ?? '', playbook: text(read('playbook')), owner: text(read('owner')) ?? '',
    builtIn: flag(read('builtIn')), deleted: flag(read('deleted')),
  }));
  return {
    data: { customers: customers.rows, deals: deals.rows, interactions: interactions.rows, organisations: organisations.rows, reps: reps.rows, segments: segments.rows },
    shapes: { person: customers.shape, deal: deals.shape, interaction: interactions.shape },
  };
}
