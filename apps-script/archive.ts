import { adjustRollup, interactionRowOf, type InteractionRow } from '../shared/metrics';
import { Interaction } from '../shared/model';
import type { Change } from '../shared/sync/protocol';
import { readRollup, writeRollup } from './archived-interactions';
import { appendLog } from './audit-log';
import { CELL_LIMIT } from './cell-budget';
import { asWritten, indexHeaders } from './columns';
import { interactionRow, isDate } from './dashboard-read';
import { withScriptLock } from './lock';

/**
 * The interactions archive: a second spreadsheet the add-on creates, which takes the interactions older than
 * a date the manager picks, so the team's sheet stays under Google's 10 million cells (cell-budget.ts) with
 * 500,000 interactions and more. The archive is a normal spreadsheet (the Interactions sheet with the same
 * columns); the team's sheet keeps a daily rollup of what moved (archived-interactions.ts), so every
 * dashboard number still counts every interaction, and the recompute reads the archive for the figures the
 * domain core computes. Rows move in batches under the script lock (a sync waits at most one batch); when
 * the old rows are scattered, the sheet is first sorted by date. Each batch is copied, flushed, then deleted,
 * so an execution cut short leaves a row in both places, never in neither, and the next batch finds its copy
 * and only deletes it.
 */

export const ARCHIVE_PROPERTY = 'clipsheet.archive';
/** Rows moved per batch: the time a sync waits for the lock stays well under its 60-second wait. */
const BATCH_ROWS = 20_000;
/** Separate blocks of rows moved per batch (one read and one delete each), when the sheet is sorted by hand. */
const MAX_RUNS = 100;
const MINUTE = 60_000;

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface ArchiveState {
  id: string;
  url: string;
  /** Interactions before this instant (ISO) belong in the archive. */
  before: string;
  /** Rows older than `before` are still in the team's sheet: the hourly trigger goes on moving them. */
  pending: boolean;
}

export interface ArchiveProgress {
  url: string;
  before: string;
  moved: number;
  remaining: number;
}

/** The archive this spreadsheet moves its old interactions to, or null before the first archiving. */
export function readArchiveState(): ArchiveState | null {
  const saved = PropertiesService.getScriptProperties().getProperty(ARCHIVE_PROPERTY);
  if (!saved) return null;
  try {
    const state = JSON.parse(saved) as ArchiveState;
    return typeof state.id === 'string' && state.id ? state : null;
  } catch {
    return null;
  }
}

const saveArchiveState = (state: ArchiveState) => PropertiesService.getScriptProperties().setProperty(ARCHIVE_PROPERTY, JSON.stringify(state));

/** The archive spreadsheet; a clear error when it was deleted or its owner did not share it. */
export function openArchive(state: ArchiveState): Spreadsheet {
  try {
    return SpreadsheetApp.openById(state.id);
  } catch {
    throw new Error(`The interactions archive (${state.url}) cannot be opened: restore it from Drive's bin or ask its owner to share it with you. Its interactions are not counted until then.`);
  }
}

/**
 * Moves the interactions before `before` to the archive (creating it on first use), batch after batch until
 * none is left or `budgetMs` is spent; what is left the hourly trigger moves (continueArchiving).
 */
export function archiveInteractions(spreadsheet: Spreadsheet, before: string, actor: string, budgetMs = 4 * MINUTE): ArchiveProgress {
  const cutoff = Date.parse(before);
  if (!Number.isFinite(cutoff)) throw new Error(`"${before}" is not a date to archive before.`);
  const started = Date.now();
  const state: ArchiveState = { ...(readArchiveState() ?? createArchive(spreadsheet)), before: new Date(cutoff).toISOString(), pending: true };
  saveArchiveState(state);
  const archive = openArchive(state);
  let moved = 0;
  let remaining: number;
  do {
    const batch = withScriptLock(() => moveBatch(spreadsheet, archive, state, actor), 'Clipsheet is busy with a sync; the archiving goes on at the next hourly run.');
    moved += batch.moved;
    remaining = batch.remaining;
  } while (remaining > 0 && Date.now() - started < budgetMs);
  saveArchiveState({ ...state, pending: remaining > 0 });
  return { url: state.url, before: state.before, moved, remaining };
}

/** The hourly trigger's share of an unfinished archiving, before it recomputes; null when none is pending. */
export function continueArchiving(spreadsheet: Spreadsheet, budgetMs = 2 * MINUTE): ArchiveProgress | null {
  const state = readArchiveState();
  return state?.pending ? archiveInteractions(spreadsheet, state.before, 'hourly trigger', budgetMs) : null;
}

function createArchive(spreadsheet: Spreadsheet): ArchiveState {
  const archive = SpreadsheetApp.create(`${spreadsheet.getName()} · Interactions archive`);
  const sheet = archive.getSheets()[0]!.setName(Interaction.sheet);
  const live = spreadsheet.getSheetByName(Interaction.sheet);
  const headers = live && live.getLastColumn() ? live.getRange(1, 1, 1, live.getLastColumn()).getValues()[0]! : Interaction.columns.map((c) => c.header);
  // Only the header and one spare row: an archive grows by the rows it takes, and counts against its own 10 million cells.
  if (sheet.getMaxColumns() < headers.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), headers.length - sheet.getMaxColumns());
  if (sheet.getMaxColumns() > headers.length) sheet.deleteColumns(headers.length + 1, sheet.getMaxColumns() - headers.length);
  sheet.deleteRows(3, sheet.getMaxRows() - 2);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return { id: archive.getId(), url: archive.getUrl(), before: '', pending: false };
}

const timeOf = (v: unknown) => (isDate(v) ? v.getTime() : typeof v === 'string' && v !== '' ? Date.parse(v) : NaN);
/** The Interactions sheet's header of a field. */
const headerOf = (key: string) => Interaction.columns.find((c) => c.key === key)!.header;

/** One batch: the oldest-placed rows before the cutoff, copied to the archive, rolled up, then deleted here. */
function moveBatch(spreadsheet: Spreadsheet, archive: Spreadsheet, state: ArchiveState, actor: string): { moved: number; remaining: number } {
  const live = spreadsheet.getSheetByName(Interaction.sheet);
  const lastRow = live?.getLastRow() ?? 0;
  if (!live || lastRow < 2) return { moved: 0, remaining: 0 };
  const width = live.getLastColumn();
  const headers = live.getRange(1, 1, 1, width).getValues()[0]!;
  const columnOf = indexHeaders(headers);
  const idColumn = columnOf.get(headerOf('id'));
  const atColumn = columnOf.get(headerOf('at'));
  if (idColumn === undefined || atColumn === undefined) throw new Error(`The ${Interaction.sheet} sheet has no ${headerOf('id')} or ${headerOf('at')} column: run Clipsheet > Set up spreadsheet.`);

  const cutoff = Date.parse(state.before);
  const dueRows = () => {
    const ids = live.getRange(2, idColumn + 1, lastRow - 1, 1).getValues();
    const times = live.getRange(2, atColumn + 1, lastRow - 1, 1).getValues();
    const rows: number[] = [];
    for (let r = 0; r < ids.length; r++) if (String(ids[r]![0] ?? '') !== '' && timeOf(times[r]![0]) < cutoff) rows.push(r + 2);
    return rows;
  };
  let due = dueRows();
  if (!due.length) return { moved: 0, remaining: 0 };
  // Old rows scattered among new ones (an import, a sheet sorted by customer) would take a batch per hundred
  // blocks: sorted by date once, in one call, the old ones are one block at the top.
  if (blocksOf(due) > MAX_RUNS) {
    live.getRange(2, 1, lastRow - 1, width).sort({ column: atColumn + 1, ascending: true });
    due = dueRows();
  }
  const runs = runsOf(due);

  const lines = runs.flatMap(([first, count]) => live.getRange(first, 1, count, width).getValues());
  const target = archive.getSheetByName(Interaction.sheet) ?? archive.insertSheet(Interaction.sheet);
  const placeOf = archiveColumns(target, headers);
  const archiveWidth = target.getLastColumn();
  const archiveLast = target.getLastRow();
  const archivedIds = new Set(archiveLast > 1 ? target.getRange(2, placeOf[idColumn]! + 1, archiveLast - 1, 1).getValues().map((line) => String(line[0])) : []);
  // A row already in the archive is the copy an interrupted batch made: only its deletion here is left to do.
  const copies = lines.filter((line) => !archivedIds.has(String(line[idColumn]))).map((line) => {
    const copy: unknown[] = new Array(archiveWidth).fill('');
    line.forEach((value, c) => (copy[placeOf[c]!] = asWritten(value)));
    return copy;
  });
  if (copies.length) {
    const rowsNeeded = archiveLast + copies.length;
    if (rowsNeeded * archiveWidth > CELL_LIMIT)
      throw new Error(`The interactions archive (${state.url}) is full: ${rowsNeeded.toLocaleString('en-US')} rows of ${archiveWidth} columns pass Google's ${CELL_LIMIT.toLocaleString('en-US')} cells. Rename it, and the next archiving starts a new one after you clear the "${ARCHIVE_PROPERTY}" script property.`);
    if (rowsNeeded > target.getMaxRows()) target.insertRowsAfter(target.getMaxRows(), rowsNeeded - target.getMaxRows());
    target.getRange(archiveLast + 1, 1, copies.length, archiveWidth).setValues(copies);
  }
  SpreadsheetApp.flush(); // the copies are saved before a single row leaves the team's sheet

  const moved: InteractionRow[] = lines.map((line) => interactionRow((key) => {
    const column = columnOf.get(headerOf(key));
    return column === undefined ? undefined : line[column];
  }, true));
  writeRollup(spreadsheet, adjustRollup(readRollup(spreadsheet), [], moved));
  // Sheets keeps at least one row below the frozen header: add a blank one before deleting every data row.
  if (live.getMaxRows() - live.getFrozenRows() <= lines.length) live.insertRowsAfter(live.getMaxRows(), 1);
  for (const [first, count] of [...runs].reverse()) live.deleteRows(first, count);
  appendLog(spreadsheet, [{ at: new Date().toISOString(), actor, action: 'archive interactions', sheet: Interaction.sheet, detail: `${lines.length} interactions before ${state.before.slice(0, 10)} moved to ${state.url}` }]);
  return { moved: lines.length, remaining: due.length - lines.length };
}

/** The number of blocks of adjacent rows. */
function blocksOf(rows: readonly number[]): number {
  return rows.reduce((n, row, i) => (i > 0 && rows[i - 1] === row - 1 ? n : n + 1), 0);
}

/** The due rows as [first row, count] blocks, the first BATCH_ROWS rows in at most MAX_RUNS blocks. */
function runsOf(rows: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let taken = 0;
  for (const row of rows) {
    if (taken === BATCH_ROWS) break;
    const run = runs[runs.length - 1];
    if (run && run[0] + run[1] === row) run[1]++;
    else if (runs.length === MAX_RUNS) break;
    else runs.push([row, 1]);
    taken++;
  }
  return runs;
}

/** Where each team-sheet column goes in the archive, by header: columns the archive lacks are added to it. */
function archiveColumns(target: GoogleAppsScript.Spreadsheet.Sheet, headers: readonly unknown[]): number[] {
  const width = target.getLastColumn();
  const archiveHeaders = width ? target.getRange(1, 1, 1, width).getValues()[0]! : [];
  const placeOf = indexHeaders(archiveHeaders);
  const added: string[] = [];
  const places = headers.map((cell, c) => {
    // A column without a header is still someone's data: it is named by its position.
    const name = String(cell ?? '').trim() || `Column ${c + 1}`;
    const at = placeOf.get(name);
    if (at !== undefined) return at;
    placeOf.set(name, archiveHeaders.length + added.length);
    added.push(name);
    return archiveHeaders.length + added.length - 1;
  });
  if (added.length) {
    const needed = archiveHeaders.length + added.length;
    if (needed > target.getMaxColumns()) target.insertColumnsAfter(target.getMaxColumns(), needed - target.getMaxColumns());
    target.getRange(1, archiveHeaders.length + 1, 1, added.length).setValues([added]).setFontWeight('bold');
  }
  return places;
}

type Doc = Record<string, unknown> & { id: string };

/**
 * The interaction changes a push makes to rows now in the archive: edits (a change with an assumed revision)
 * of ids the team's sheet no longer holds, found in the archive's Id column (one read). They are applied
 * there, not appended to the team's sheet as new rows. Null when there are none, without reading the
 * archive unless an edit names an id the team's sheet lacks.
 */
export function archivedEdits(changes: readonly Change[], live: { has(id: string): boolean }): { archive: Spreadsheet; state: ArchiveState; changes: Change[] } | null {
  const state = readArchiveState();
  const edits = changes.filter((c) => c.assumedRevision !== null && typeof c.record.id === 'string' && !live.has(c.record.id));
  if (!state || !edits.length) return null;
  const archive = openArchive(state);
  const sheet = archive.getSheetByName(Interaction.sheet);
  const last = sheet?.getLastRow() ?? 0;
  if (!sheet || last < 2) return null;
  const idColumn = indexHeaders(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!).get(headerOf('id'));
  if (idColumn === undefined) return null;
  const ids = new Set(sheet.getRange(2, idColumn + 1, last - 1, 1).getValues().map((line) => String(line[0])));
  const found = edits.filter((c) => ids.has(c.record.id as string));
  return found.length ? { archive, state, changes: found } : null;
}

/** After sync wrote archived interactions: the rollup loses their old versions and counts the new ones. */
export function rollUpArchivedEdits(spreadsheet: Spreadsheet, before: readonly Doc[], after: readonly Doc[]): void {
  const row = (doc: Doc) => interactionRowOf(doc as unknown as Interaction, true);
  writeRollup(spreadsheet, adjustRollup(readRollup(spreadsheet), before.map(row), after.map(row)));
}
