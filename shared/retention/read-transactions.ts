/**
 * A transaction log (customer id, date, value) read from text, with the columns found by header name, by
 * the user's choice, or by position. Every problem names its line: a CRM export with one bad row should
 * say which row, not produce a model fitted on half the file.
 */
import { parseCalendarDay } from './calendar';
import { RetentionError } from './model-inputs';
import type { Transaction } from './summarise-transactions';
import { splitTable } from './text-table';

/** A column by header name or 1-based position; undefined means "detect". */
export type ColumnChoice = string | number | undefined;

/** Which columns to read. */
export interface TransactionColumns {
  id?: ColumnChoice;
  date?: ColumnChoice;
  value?: ColumnChoice;
}

/** The transactions and the 0-based columns they came from (value null: the log has no values). */
export interface TransactionLog {
  transactions: Transaction[];
  header: string[] | null;
  columns: { id: number; date: number; value: number | null };
}

const ID_NAMES = /^(customer|client|cust|user|buyer)?[ _-]?id$|^(customer|client)$/i;
const DATE_NAMES = /date|day|time|when/i;
const VALUE_NAMES = /dollar|value|amount|revenue|spend|sales|total|price|sum|monetary/i;

/** Reads a transaction log; throws a RetentionError with the line number of the first bad row. */
export function readTransactions(text: string, choice: TransactionColumns = {}): TransactionLog {
  const { header, rows } = splitTable(text);
  if (rows.length === 0) throw new RetentionError('empty-input', 'the file has a header but no transactions');
  const sample = rows[0]!.cells;
  const width = sample.length;
  const pick = (what: string, chosen: ColumnChoice, detect: () => number): number => {
    if (chosen === undefined) return detect();
    const index = typeof chosen === 'number' ? chosen - 1 : header?.findIndex((h) => h.toLowerCase() === chosen.toLowerCase()) ?? -1;
    if (!(index >= 0 && index < width)) {
      const known = header ? `columns are ${header.join(', ')}` : `the file has no header and ${width} columns`;
      throw new RetentionError('malformed-input', `no ${what} column ${JSON.stringify(chosen)}: ${known}`);
    }
    return index;
  };
  const byName = (pattern: RegExp, taken: number[]) => (header ?? []).findIndex((h, i) => !taken.includes(i) && pattern.test(h.trim()));
  const orFail = (index: number, what: string) => {
    if (index < 0) throw new RetentionError('malformed-input', `cannot tell which column holds the ${what}; name it (columns: ${(header ?? sample).join(', ')})`);
    return index;
  };

  const id = pick('id', choice.id, () => (header ? orFail(byName(ID_NAMES, []), 'customer id') : 0));
  const date = pick('date', choice.date, () =>
    orFail(header ? byName(DATE_NAMES, [id]) : sample.findIndex((cell, i) => i !== id && parseCalendarDay(cell) !== null), 'date'),
  );
  const value = choice.value === undefined && width <= 2 ? null : pick('value', choice.value, () => {
    const named = header ? byName(VALUE_NAMES, [id, date]) : -1;
    // Without a name, the last other column: CDNOW's `number_of_cds dollar_value` ends with the value.
    return named >= 0 ? named : orFail([...sample.keys()].reverse().find((i) => i !== id && i !== date) ?? -1, 'value');
  });

  // Logs repeat few distinct dates many times (CDNOW: 546 dates in 69,659 lines): parse each once.
  const days = new Map<string, number | null>();
  const transactions = rows.map(({ line, cells }) => {
    const needed = Math.max(id, date, value ?? 0) + 1;
    if (cells.length < needed) throw new RetentionError('malformed-input', `expected at least ${needed} columns, found ${cells.length}`, line);
    const customerId = cells[id]!;
    if (customerId === '') throw new RetentionError('malformed-input', 'the customer id is empty', line);
    let day = days.get(cells[date]!);
    if (day === undefined) days.set(cells[date]!, (day = parseCalendarDay(cells[date]!)));
    if (day === null) throw new RetentionError('malformed-input', `${JSON.stringify(cells[date])} is not a calendar date (YYYYMMDD or YYYY-MM-DD)`, line);
    const amount = value === null ? 0 : Number(cells[value]);
    if (value !== null && (cells[value] === '' || !Number.isFinite(amount))) {
      throw new RetentionError('malformed-input', `value ${JSON.stringify(cells[value])} is not a number`, line);
    }
    return { customerId, day, value: amount };
  });
  return { transactions, header, columns: { id, date, value } };
}
