/**
 * Splitting a delimited text file (CSV, TSV, semicolon or whitespace-separated, as exported by shops,
 * sheets and the CDNOW files) into rows that remember their line numbers, and detecting a header row.
 */
import { parseCalendarDay } from './calendar';
import { RetentionError } from './model-inputs';

/** One data row and its 1-based line in the file. */
export interface TableRow {
  line: number;
  cells: string[];
}

/** A file's rows, with the header split off when the first row looks like one. */
export interface TextTable {
  header: string[] | null;
  rows: TableRow[];
}

/** Rows of `text`: blank lines and `#` comments skipped, the delimiter taken from the first row. */
export function splitTable(text: string): TextTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const rows: TableRow[] = [];
  let split: ((line: string, number: number) => string[]) | undefined;
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    split ??= delimiterOf(line);
    rows.push({ line: index + 1, cells: split(line, index + 1) });
  }
  if (rows.length === 0) throw new RetentionError('empty-input', 'the file has no rows');
  const [first, second] = rows;
  // A lone row of names is a header with no data under it (the readers then report the file as empty).
  if (second ? isHeader(first!.cells, second.cells) : !first!.cells.some(isDataCell)) return { header: first!.cells, rows: rows.slice(1) };
  return { header: null, rows };
}

/** True for a cell that reads as a number or a calendar date (a data cell, not a column name). */
export function isDataCell(cell: string): boolean {
  return (cell.trim() !== '' && Number.isFinite(Number(cell))) || parseCalendarDay(cell) !== null;
}

// A header names its columns: some cell is neither a number nor a date where the next row's cell is one.
function isHeader(first: string[], second: string[]): boolean {
  return first.some((cell, i) => !isDataCell(cell) && second[i] !== undefined && isDataCell(second[i]!));
}

function delimiterOf(line: string): (line: string, number: number) => string[] {
  for (const delimiter of [',', '\t', ';']) if (line.includes(delimiter)) return (text, number) => splitDelimited(text, delimiter, number);
  return (text) => text.trim().split(/\s+/);
}

// RFC 4180 fields: a quoted field may hold the delimiter, and "" inside quotes is one quote.
function splitDelimited(line: string, delimiter: string, number: number): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      let closed = false;
      for (i++; i < line.length; i++) {
        if (line[i] !== '"') {
          cell += line[i];
        } else if (line[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          closed = true;
          i++;
          break;
        }
      }
      if (!closed) throw new RetentionError('malformed-input', 'a quoted field is not closed (fields cannot span lines)', number);
      if (i < line.length && line[i] !== delimiter) throw new RetentionError('malformed-input', `text after a closing quote: ${JSON.stringify(line.slice(i))}`, number);
    } else {
      const end = line.indexOf(delimiter, i);
      cell = line.slice(i, end < 0 ? line.length : end);
      i = end < 0 ? line.length : end;
    }
    cells.push(cell.trim());
    if (i >= line.length) return cells;
    i++; // past the delimiter
  }
}
