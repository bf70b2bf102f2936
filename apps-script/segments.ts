import type { SegmentRow } from '../shared/metrics';
import { escapeForSheet, Person, Segment } from '../shared/model';
import { BUILT_IN_SEGMENTS, type SegmentAssignment } from '../shared/segments';
import { createClock } from './clock';
import { indexHeaders } from './columns';
import { withScriptLock } from './lock';
import { Table } from './table';

/**
 * The add-on's side of segments [S7]: the built-in segments are rows of the Segments sheet like any other
 * (added once, by id, so a renamed or edited built-in stays as people left it), and each customer's segments
 * are written to the Customers sheet's Segments column: one column, one write, under the script lock.
 */

/** Adds the built-in segments missing from the Segments sheet; returns the rows to evaluate, in sheet order. */
export function ensureBuiltInSegments(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, existing: readonly SegmentRow[]): SegmentRow[] {
  const known = new Set(existing.map((s) => s.id));
  const missing = BUILT_IN_SEGMENTS.filter((s) => !known.has(s.id));
  const rows = existing.filter((s) => !s.deleted);
  if (!missing.length) return rows;
  return withScriptLock(() => {
    const table = Table.open(spreadsheet, Segment);
    if (!table) return rows;
    const clock = createClock();
    for (const segment of missing) {
      const at = clock.now();
      table.put({ id: segment.id, revision: 1, createdAt: at, updatedAt: at, deleted: false, owner: '', provenance: {}, history: [], name: segment.name, rule: segment.rule, playbook: segment.playbook, builtIn: true });
    }
    table.commit();
    clock.save();
    return [...rows, ...missing.map((s) => ({ id: s.id, name: s.name, rule: s.rule, playbook: s.playbook, owner: '', builtIn: true, deleted: false }))];
  });
}

/**
 * Writes every customer's segments to the Segments column. The Id column is read again under the lock, so
 * rows that sync added or people sorted since the first read still get their own segments; rows the
 * assignment does not know (tombstoned, added meanwhile) are left blank until the next run.
 */
export function writeSegmentsColumn(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, assignment: SegmentAssignment): number {
  const sheet = spreadsheet.getSheetByName(Person.sheet);
  if (!sheet) return 0;
  return withScriptLock(() => {
    const lastRow = sheet.getLastRow();
    if (lastRow < 2) return 0;
    const headers = indexHeaders(sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!);
    const idAt = headers.get('Id');
    const segmentsAt = headers.get('Segments');
    if (idAt === undefined || segmentsAt === undefined) return 0;
    const ids = sheet.getRange(2, idAt + 1, lastRow - 1, 1).getValues();
    const column = ids.map(([id]) => [escapeForSheet((assignment.byCustomer.get(String(id)) ?? []).join('; '))]);
    sheet.getRange(2, segmentsAt + 1, column.length, 1).setValues(column);
    return column.filter(([cell]) => cell !== '').length;
  });
}
