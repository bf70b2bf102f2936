import { formatA1, parseA1 } from './a1';

/**
 * How things anchored to cells (protected ranges, drop-downs, notes) follow the cells when rows or columns
 * are inserted, deleted or moved, as Google Sheets does: inserting inside a range grows it, inserting just
 * after it does not, deleting every cell of a range removes it.
 */

/** One structural change along one axis: rows or columns, 1-based. */
export type GridChange =
  | { axis: 'row' | 'column'; kind: 'insert'; before: number; count: number }
  | { axis: 'row' | 'column'; kind: 'delete'; start: number; count: number }
  /** Sheet.moveRows/moveColumns: `target` is the index before the move, as Apps Script's destinationIndex. */
  | { axis: 'row' | 'column'; kind: 'move'; start: number; count: number; target: number };

/** Where one index lands after a change; undefined when it was deleted. */
export function mapIndex(index: number, change: GridChange): number | undefined {
  const { kind } = change;
  if (kind === 'insert') return index >= change.before ? index + change.count : index;
  const end = change.start + change.count - 1;
  if (kind === 'delete') return index < change.start ? index : index > end ? index - change.count : undefined;
  if (change.target >= change.start && change.target <= end + 1) return index; // a move onto itself
  if (change.target < change.start) {
    if (index >= change.start && index <= end) return change.target + index - change.start;
    return index >= change.target && index < change.start ? index + change.count : index;
  }
  if (index >= change.start && index <= end) return change.target - change.count + index - change.start;
  return index > end && index < change.target ? index - change.count : index;
}

/**
 * An A1 range after a change: possibly several ranges (a move can split one), none when deleted. Open ends
 * (`A:A`, `B2:B`) stay open. Sheet-qualified notation is not used for anchors.
 */
export function shiftA1(a1: string, change: GridChange): string[] {
  const g = parseA1(a1);
  const rows = change.axis === 'row';
  const open = rows ? g.endRow === undefined : g.endColumn === undefined;
  const start = rows ? g.startRow : g.startColumn;
  const end = (rows ? g.endRow : g.endColumn) ?? start;
  return shiftSpan(start, end, open, change).map(([s, e]) =>
    formatA1(rows ? { ...g, startRow: s, endRow: open ? undefined : e } : { ...g, startColumn: s, endColumn: open ? undefined : e }),
  );
}

function shiftSpan(start: number, end: number, open: boolean, change: GridChange): Array<[number, number]> {
  if (change.kind === 'insert') {
    // Inserting before the first index shifts the range; inside it grows it; after it leaves it alone.
    if (change.before <= start) return [[start + change.count, end + change.count]];
    return [[start, change.before <= end ? end + change.count : end]];
  }
  if (change.kind === 'delete') {
    const last = change.start + change.count - 1;
    if (!open && change.start <= start && last >= end) return [];
    const s = start > last ? start - change.count : start >= change.start ? change.start : start;
    const e = end > last ? end - change.count : end >= change.start ? change.start - 1 : end;
    return e >= s || open ? [[s, Math.max(s, e)]] : [];
  }
  // A move maps each index; the landing indexes are grouped back into contiguous spans.
  const landed = Array.from({ length: end - start + 1 }, (_, i) => mapIndex(start + i, change)!).sort((a, b) => a - b);
  const spans: Array<[number, number]> = [];
  for (const index of landed) {
    const last = spans[spans.length - 1];
    if (last && index === last[1] + 1) last[1] = index;
    else spans.push([index, index]);
  }
  return spans;
}

/** Notes keyed `row:column`, after a change; a note on a deleted cell is gone. */
export function shiftNotes(notes: Record<string, string>, change: GridChange): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, note] of Object.entries(notes)) {
    const [row, column] = key.split(':').map(Number) as [number, number];
    const moved = mapIndex(change.axis === 'row' ? row : column, change);
    if (moved === undefined) continue;
    out[change.axis === 'row' ? `${moved}:${column}` : `${row}:${moved}`] = note;
  }
  return out;
}
