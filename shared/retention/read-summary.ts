/**
 * A per-customer summary file (id, frequency, recency, T and optionally monetary_value, as lifetimes and
 * cdnow_customers_summary.csv write it), columns found by header name or else by position.
 */
import { RetentionError, validateSummaries, type CustomerSummary } from './model-inputs';
import { splitTable } from './text-table';

const NAMES: Record<'id' | 'frequency' | 'recency' | 'T' | 'monetary', RegExp> = {
  id: /^(customer[ _-]?)?id$|^customer$/i,
  frequency: /^(frequency|x)$/i,
  recency: /^(recency|t[ _-]?x)$/i,
  T: /^(t|age|t[ _-]?cal)$/i,
  monetary: /^(monetary[ _-]?value|monetary|m[ _-]?x|spend)$/i,
};

/** Reads customer summaries; throws a RetentionError naming the line of the first bad row. */
export function readSummaries(text: string): CustomerSummary[] {
  const { header, rows } = splitTable(text);
  if (rows.length === 0) throw new RetentionError('empty-input', 'the file has a header but no customers');
  const find = (name: keyof typeof NAMES, position: number) => {
    if (!header) return position < rows[0]!.cells.length ? position : -1;
    return header.findIndex((h) => NAMES[name].test(h.trim()));
  };
  const columns = { id: find('id', 0), frequency: find('frequency', 1), recency: find('recency', 2), T: find('T', 3), monetary: find('monetary', 4) };
  for (const name of ['id', 'frequency', 'recency', 'T'] as const) {
    if (columns[name] < 0) {
      const has = header ? `columns are ${header.join(', ')}` : `rows have ${rows[0]!.cells.length} columns`;
      throw new RetentionError('malformed-input', `no ${name} column: a summary needs id, frequency, recency, T (${has})`);
    }
  }
  return rows.map(({ line, cells }) => {
    const cell = (index: number) => {
      if (index >= cells.length || cells[index] === '') throw new RetentionError('malformed-input', `column ${index + 1} is missing`, line);
      const number = Number(cells[index]);
      if (!Number.isFinite(number)) throw new RetentionError('malformed-input', `${JSON.stringify(cells[index])} in column ${index + 1} is not a number`, line);
      return number;
    };
    const id = cells[columns.id] ?? '';
    if (id === '') throw new RetentionError('malformed-input', 'the customer id is empty', line);
    const summary: CustomerSummary = { id, frequency: cell(columns.frequency), recency: cell(columns.recency), T: cell(columns.T) };
    // lifetimes writes monetary_value 0 for customers without repeat purchases: there is no repeat spend to keep.
    if (columns.monetary >= 0 && summary.frequency > 0) summary.monetaryValue = cell(columns.monetary);
    try {
      validateSummaries([summary]);
    } catch (error) {
      if (error instanceof RetentionError) throw new RetentionError('malformed-input', error.message, line);
      throw error;
    }
    return summary;
  });
}
