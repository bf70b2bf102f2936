import { interactionRowOf, rollUpChange, type InteractionRow } from '../shared/metrics';
import { Interaction, listCellHolding } from '../shared/model';
import type { Change } from '../shared/sync/protocol';
import { appendRollup } from './archived-interactions';
import { appendLog } from './audit-log';
import { CELL_LIMIT } from './cell-budget';
import { asWritten, indexHeaders } from './columns';
import { interactionRow, isDate } from './dashboard-read';
import { withScriptLock } from './lock';
import { blocksOf, Table } from './table';

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
/** How the Log and the sidebar name the archive's Interactions sheet. */
export const ARCHIVE_SHEET_LABEL = `${Interaction.sheet} (archive)`;
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
 * Moves the interactions before `before` to the archive (creating it on first use), batch after batch while
 * some are left and the slowest batch so far would still end within `budgetMs` (one batch at least); what is
 * left the hourly trigger moves (continueArchiving).
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
  let slowest = 0;
  let survey: Survey | undefined;
  do {
    const batchStarted = Date.now();
    const batch = withScriptLock(() => moveBatch(spreadsheet, archive, state, actor, survey), 'Clipsheet is busy with a sync; the archiving goes on at the next hourly run.');
    survey = batch.survey;
    slowest = Math.max(slowest, Date.now() - batchStarted);
    moved += batch.moved;
    remaining = batch.remaining;
  } while (remaining > 0 && Date.now() - started + slowest <= budgetMs);
  saveArchiveState({ ...state, pending: remaining > 0 });
  return { url: state.url, before: state.before, moved, remaining };
}

/**
 * The hourly trigger's share of an unfinished archiving, before it recomputes; null when none is pending. A
 * minute: with the recompute (up to three minutes at 500,000 interactions, bench/dashboard.bench.ts) it stays
 * well inside one six-minute execution.
 */
export function continueArchiving(spreadsheet: Spreadsheet, budgetMs = MINUTE): ArchiveProgress | null {
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
  shareAsTeamSheet(spreadsheet, archive);
  return { id: archive.getId(), url: archive.getUrl(), before: '', pending: false };
}

/**
 * The archive belongs to whoever archived first, in their Drive: it is shared as the team's sheet is, so the
 * hourly trigger (its owner's), sync (the web app runs as its owner) and everyone's sidebar can open it. The
 * recompute calls this too, so people the team's sheet is shared with later get the archive as well; it only
 * adds (nobody loses access to the archive because they left the sheet's list).
 */
export function shareAsTeamSheet(spreadsheet: Spreadsheet, archive: Spreadsheet): void {
  const emails = (users: GoogleAppsScript.Base.User[]) => users.map((u) => u.getEmail()).filter(Boolean);
  const archiveEditors = new Set(emails(archive.getEditors()));
  const archiveReaders = new Set([...archiveEditors, ...emails(archive.getViewers())]);
  const editors = emails(spreadsheet.getEditors()).filter((email) => !archiveEditors.has(email));
  const viewers = emails(spreadsheet.getViewers()).filter((email) => !archiveReaders.has(email));
  if (editors.length) archive.addEditors(editors);
  if (viewers.length) archive.addViewers(viewers);
}

const timeOf = (v: unknown) => (isDate(v) ? v.getTime() : typeof v === 'string' && v !== '' ? Date.parse(v) : NaN);
/** The Interactions sheet's header of a field. */
const headerOf = (key: string) => Interaction.columns.find((c) => c.key === key)!.header;

/**
 * What one batch learned of both sheets, which the next batch of the same execution starts from instead of
 * reading a million cells again: the due rows (where each was, and its id) and the ids the archive holds.
 * Between batches the lock is free, and a sync or a person may move rows: the next batch checks every row
 * it reads against this, and surveys afresh at the first difference.
 */
interface Survey {
  due: Array<{ row: number; id: string }>;
  archivedIds: Set<string>;
  /** The blocks the due rows lay in when this survey sorted the sheet by date to gather them. */
  sortedFrom?: number;
}

interface Batch {
  moved: number;
  remaining: number;
  survey: Survey;
}

/** One batch: the oldest-placed rows before the cutoff, copied to the archive, rolled up, then deleted here. */
function moveBatch(spreadsheet: Spreadsheet, archive: Spreadsheet, state: ArchiveState, actor: string, known?: Survey): Batch {
  const live = spreadsheet.getSheetByName(Interaction.sheet);
  const lastRow = live?.getLastRow() ?? 0;
  const nothing = { moved: 0, remaining: 0, survey: { due: [], archivedIds: new Set<string>() } };
  if (!live || lastRow < 2) return nothing;
  const width = live.getLastColumn();
  const headers = live.getRange(1, 1, 1, width).getValues()[0]!;
  const columnOf = indexHeaders(headers);
  const idColumn = columnOf.get(headerOf('id'));
  const atColumn = columnOf.get(headerOf('at'));
  if (idColumn === undefined || atColumn === undefined) throw new Error(`The ${Interaction.sheet} sheet has no ${headerOf('id')} or ${headerOf('at')} column: run Clipsheet > Set up spreadsheet.`);
  const target = archive.getSheetByName(Interaction.sheet) ?? archive.insertSheet(Interaction.sheet);
  const placeOf = archiveColumns(target, headers);
  const archiveWidth = target.getLastColumn();
  const archiveLast = target.getLastRow();

  const cutoff = Date.parse(state.before);
  const survey = known ?? surveyRows(live, lastRow, width, idColumn, atColumn, cutoff, () => {
    const ids = archiveLast > 1 ? target.getRange(2, placeOf[idColumn]! + 1, archiveLast - 1, 1).getValues() : [];
    return new Set(ids.map((line) => String(line[0])));
  });
  if (!survey.due.length) return nothing;
  const runs = runsOf(survey.due.map((d) => d.row));
  const lines = runs.flatMap(([first, count]) => live.getRange(first, 1, count, width).getValues());
  const moves = (line: unknown[], k: number) => String(line[idColumn] ?? '') === survey.due[k]!.id && timeOf(line[atColumn]) < cutoff;
  if (known && !lines.every(moves)) return moveBatch(spreadsheet, archive, state, actor);

  // A row already in the archive is the copy an interrupted batch made: only its deletion here is left to do.
  const copies = lines.filter((line) => !survey.archivedIds.has(String(line[idColumn]))).map((line) => {
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
  for (const line of lines) survey.archivedIds.add(String(line[idColumn]));

  const moved: InteractionRow[] = lines.map((line) => interactionRow((key) => {
    const column = columnOf.get(headerOf(key));
    return column === undefined ? undefined : line[column];
  }, true));
  appendRollup(spreadsheet, rollUpChange([], moved));
  // Sheets keeps at least one row below the frozen header: add a blank one before deleting every data row.
  if (live.getMaxRows() - live.getFrozenRows() <= lines.length) live.insertRowsAfter(live.getMaxRows(), 1);
  for (const [first, count] of [...runs].reverse()) live.deleteRows(first, count);
  appendLog(spreadsheet, [{ at: new Date().toISOString(), actor, action: 'archive interactions', sheet: Interaction.sheet, detail: `${lines.length} interactions before ${state.before.slice(0, 10)} moved to ${state.url}${survey.sortedFrom ? ` (the sheet was first sorted by date: they lay in ${survey.sortedFrom} separate blocks)` : ''}` }]);
  // The rows moved are the first due ones, so every due row left was below all of them.
  const due = survey.due.slice(lines.length).map((d) => ({ row: d.row - lines.length, id: d.id }));
  return { moved: lines.length, remaining: due.length, survey: { due, archivedIds: survey.archivedIds } };
}

/**
 * The team sheet's rows due for the archive (an id, and a date before the cutoff), in sheet order. Old rows
 * scattered among new ones (an import, a sheet sorted by customer) would take a batch per hundred blocks:
 * sorted by date once, in one call, the old ones are one block at the top.
 */
function surveyRows(live: GoogleAppsScript.Spreadsheet.Sheet, lastRow: number, width: number, idColumn: number, atColumn: number, cutoff: number, readArchivedIds: () => Set<string>): Survey {
  const dueRows = () => {
    const ids = live.getRange(2, idColumn + 1, lastRow - 1, 1).getValues();
    const times = live.getRange(2, atColumn + 1, lastRow - 1, 1).getValues();
    const due: Survey['due'] = [];
    for (let r = 0; r < ids.length; r++) {
      const id = String(ids[r]![0] ?? '');
      if (id !== '' && timeOf(times[r]![0]) < cutoff) due.push({ row: r + 2, id });
    }
    return due;
  };
  const due = dueRows();
  const blocks = blocksOf(due.map((d) => d.row)).length;
  if (blocks <= MAX_RUNS) return { due, archivedIds: due.length ? readArchivedIds() : new Set() };
  live.getRange(2, 1, lastRow - 1, width).sort({ column: atColumn + 1, ascending: true });
  return { due: dueRows(), archivedIds: readArchivedIds(), sortedFrom: blocks };
}

/** The due rows' first BATCH_ROWS, in at most MAX_RUNS blocks: [first row, count]. */
function runsOf(rows: readonly number[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let taken = 0;
  for (const [first, count] of blocksOf(rows).slice(0, MAX_RUNS)) {
    if (taken === BATCH_ROWS) break;
    const take = Math.min(count, BATCH_ROWS - taken);
    runs.push([first, take]);
    taken += take;
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

/** A person's interactions in the archive, for the sidebar's timeline. */
export type ArchivedHistory =
  | { url: string; interactions: number; rows: Array<{ row: number; values: Record<string, unknown> }> }
  | { url: string; problem: string };

/**
 * The archived interactions naming a person: how many, and the `limit` placed last (the archive takes the
 * oldest first, so these are the newest) as raw field values. Sheets' search finds them on its side, in one
 * call where reading the Person ids column would move 300,000 cells. A person without access to the archive
 * (it belongs to whoever ran the first archiving) gets the reason and its link. Null before any archiving.
 */
export function findArchivedInteractions(personId: string, limit: number): ArchivedHistory | null {
  const state = readArchiveState();
  if (!state) return null;
  let archive: Spreadsheet;
  try {
    archive = SpreadsheetApp.openById(state.id);
  } catch {
    return { url: state.url, problem: 'Older interactions are in the archive, which you cannot open: ask its owner to share it with you, or to restore it from Drive\'s bin.' };
  }
  const sheet = archive.getSheetByName(Interaction.sheet);
  const last = sheet?.getLastRow() ?? 0;
  const column = sheet && last > 1 ? indexHeaders(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!).get(headerOf('personIds')) : undefined;
  if (!sheet || column === undefined) return { url: state.url, interactions: 0, rows: [] };
  const found = sheet.getRange(2, column + 1, last - 1, 1).createTextFinder(listCellHolding(personId)).useRegularExpression(true).matchCase(true).findAll().map((cell) => cell.getRow());
  return { url: state.url, interactions: found.length, rows: Table.readRows(archive, Interaction, found.slice(-limit)) };
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
  appendRollup(spreadsheet, rollUpChange(before.map(row), after.map(row)));
}
