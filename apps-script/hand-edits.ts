import { Rep } from '../shared/model';
import { forgetRep } from './auth';
import { createClock } from './clock';
import { indexHeaders, writeColumns } from './columns';
import { bridgeableColumns, entityOfSheet } from './layout';
import { columnsOfEntity, hasContent, stampRow, type StampContext } from './stamp';

/** How long an edit waits for a sync request to finish; a sync holds the lock for seconds, not minutes. */
const LOCK_WAIT_MS = 30_000;
const HEADER_ROW = 1;

/**
 * The installable on-edit trigger: stamps the rows a person edited (revision, update time, id for new rows,
 * provenance) so the next pull sends the edit to every rep. Reads the header and the edited rows (two
 * reads) and writes only the system columns that changed (one write per run of adjacent ones).
 */
export function stampHandEdit(event: GoogleAppsScript.Events.SheetsOnEdit): number {
  const range = event.range;
  const sheet = range.getSheet();
  const entity = entityOfSheet(sheet.getName());
  if (!entity) return 0;
  const first = Math.max(range.getRow(), HEADER_ROW + 1);
  const last = range.getLastRow();
  if (first > last) return 0; // an edit of the header row: Set up repairs headers, nothing to stamp

  const width = sheet.getLastColumn();
  const headers = indexHeaders(sheet.getRange(HEADER_ROW, 1, 1, Math.max(1, width)).getValues()[0]!);
  const columnOf = columnsOfEntity(entity, headers);
  // Only edits of the fields that sync count (Deleted too: ticking it is how a person deletes a record).
  const from = range.getColumn() - 1;
  const to = from + range.getNumColumns() - 1;
  const edited = entity.columns.filter((c) => (!c.system || c.key === 'deleted') && inside(columnOf.get(c.key), from, to)).map((c) => c.key);
  if (!edited.length || columnOf.get('id') === undefined) return 0;

  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    event.source.toast('Clipsheet is busy syncing; this edit will not reach the reps until you edit the row again.', 'Clipsheet', 10);
    return 0;
  }
  try {
    const block = sheet.getRange(first, 1, last - first + 1, Math.max(1, width));
    const rows = block.getValues();
    const clock = createClock();
    // Sheets names the editor only within a domain; otherwise their rows go to the trigger's owner, the admin.
    const editor = event.user?.getEmail?.() ?? '';
    const context: StampContext = { entity, columnOf, now: clock.now, newId: () => Utilities.getUuid(), editor, defaultOwner: editor ? '' : Session.getEffectiveUser().getEmail() };
    const changed = new Set<string>();
    const stamped = rows.map((row) => {
      if (!hasContent(row, context)) return row;
      const result = stampRow(row, edited, context);
      result.changed.forEach((key) => changed.add(key));
      return result.row;
    });
    if (!changed.size) return 0;
    // Owner and defaults fill only blank cells of new rows, but a column rewrite must keep formulas elsewhere in it.
    const touchesPeoplesColumns = [...changed].some((key) => !entity.columns.find((c) => c.key === key)?.system);
    const formulas = touchesPeoplesColumns ? block.getFormulas() : undefined;
    writeColumns(sheet, first, stamped, [...changed].map((key) => columnOf.get(key)!), { formulas, bridge: bridgeableColumns(entity, columnOf) });
    clock.save();
    // Sync trusts a rep's Team row from the cache for a minute; an edit there (unticking Active) counts now.
    const keyAt = columnOf.get('keyId');
    if (entity === Rep && keyAt !== undefined) for (const row of stamped) if (row[keyAt]) forgetRep(String(row[keyAt]));
    SpreadsheetApp.flush();
    return stamped.filter((row, i) => row !== rows[i]).length;
  } finally {
    lock.releaseLock();
  }
}

const inside = (index: number | undefined, from: number, to: number) => index !== undefined && index >= from && index <= to;
