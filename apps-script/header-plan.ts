import type { Column, Entity } from '../shared/model';
import { indexHeaders } from './columns';
import { fieldOfNote, headerNote, newSheetColumns } from './layout';

/**
 * Where each of an entity's columns is, and what Set up must write to the header row to repair it. Pure:
 * it sees the header row and its notes as read, and decides. A missing header is restored in place when
 * the column's note still names its field (a cleared or renamed header), else added after the last column.
 */
export interface HeaderPlan {
  /** Field key to 0-based column index, after the repair. */
  positions: Map<string, number>;
  /** Header cells to write: 0-based column index to header text. */
  headerWrites: Map<number, string>;
  /** Notes to write on header cells: 0-based column index to note. */
  noteWrites: Map<number, string>;
  /** The width the header row needs after the repair. */
  width: number;
  /** What was repaired, in words for the admin. */
  report: string[];
}

/** Plans the header row's repair from the row and its notes as read. */
export function planHeaders(entity: Entity, headerRow: readonly unknown[], notes: readonly unknown[]): HeaderPlan {
  const headers = indexHeaders(headerRow);
  const ours = new Set(entity.columns.map((c) => c.header));
  const positions = new Map<string, number>();
  const headerWrites = new Map<number, string>();
  const report: string[] = [];
  for (const column of entity.columns) {
    const at = headers.get(column.header);
    if (at !== undefined) positions.set(column.key, at);
  }
  const taken = new Set(positions.values());
  const missing: Column[] = newSheetColumns(entity).filter((c) => !positions.has(c.key));

  // A header cell whose note names the field, and which holds no other Clipsheet header, is that column.
  const appended: Column[] = [];
  for (const column of missing) {
    const at = notes.findIndex((note, i) => fieldOfNote(note) === column.key && !taken.has(i) && !ours.has(String(headerRow[i] ?? '').trim()));
    if (at < 0) {
      appended.push(column);
      continue;
    }
    const was = String(headerRow[at] ?? '').trim();
    positions.set(column.key, at);
    taken.add(at);
    headerWrites.set(at, column.header);
    report.push(`${entity.sheet}: restored the header "${column.header}" in column ${letters(at)}${was ? ` (it read "${was}")` : ''}`);
  }

  // Missing columns go after every used column (the row is as wide as the data, so a column of people's data
  // without a header is never claimed), in the order a new sheet has them.
  let next = Math.max(headerRow.length, ...[...taken].map((i) => i + 1), 0);
  for (const column of appended) {
    positions.set(column.key, next);
    headerWrites.set(next, column.header);
    next++;
  }
  const isNew = appended.length === entity.columns.length;
  if (appended.length && !isNew) report.push(`${entity.sheet}: added the missing column${appended.length > 1 ? 's' : ''} ${appended.map((c) => `"${c.header}"`).join(', ')} at the end`);

  const noteWrites = new Map<number, string>();
  for (const column of entity.columns) {
    const at = positions.get(column.key)!;
    const note = headerNote(column);
    if (String(notes[at] ?? '') !== note) noteWrites.set(at, note);
  }
  for (const [header, count] of countHeaders(headerRow)) {
    if (count > 1 && ours.has(header)) report.push(`${entity.sheet}: "${header}" heads ${count} columns; Clipsheet uses the first (column ${letters(headers.get(header)!)})`);
  }
  return { positions, headerWrites, noteWrites, width: Math.max(next, headerRow.length), report };
}

function countHeaders(headerRow: readonly unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const cell of headerRow) {
    const header = String(cell ?? '').trim();
    if (header) counts.set(header, (counts.get(header) ?? 0) + 1);
  }
  return counts;
}

/** A 0-based column index as its letters (0 -> A). */
export function letters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}
