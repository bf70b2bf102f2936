import { describe, expect, test } from 'vitest';
import {
  analyseRetentionText,
  defaultRetentionSettings,
  fitBgNbd,
  fitGammaGamma,
  formatCalendarDay,
  readSummaries,
  readTransactions,
  RetentionError,
  simulateCustomers,
  summariseTransactions,
  type CustomerSummary,
  type RetentionErrorCode,
} from '../../../shared/retention';

/** Runs `work` and returns the RetentionError it throws (failing the test if it throws nothing or something else). */
function refusal(work: () => unknown): RetentionError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(RetentionError);
    return error as RetentionError;
  }
  throw new Error('expected a RetentionError, got a result');
}

const good = simulateCustomers({ r: 0.5, alpha: 4, a: 0.7, b: 2.5 }, Array.from({ length: 300 }, () => 39), 1, { p: 6, q: 4, gamma: 15 });
const withOne = (bad: Partial<CustomerSummary>) => [...good.slice(0, 50), { ...good[0]!, id: 'bad', ...bad }];

describe('BG/NBD refuses what it cannot fit', () => {
  test.each<[string, CustomerSummary[], RetentionErrorCode]>([
    ['no customers', [], 'empty-input'],
    ['NaN frequency', withOne({ frequency: Number.NaN }), 'invalid-input'],
    ['infinite T', withOne({ T: Number.POSITIVE_INFINITY }), 'invalid-input'],
    ['fractional frequency', withOne({ frequency: 1.5, recency: 2 }), 'invalid-input'],
    ['negative recency', withOne({ frequency: 1, recency: -1 }), 'invalid-input'],
    ['recency after T', withOne({ frequency: 1, recency: 50, T: 39 }), 'invalid-input'],
    ['recency without repeat purchases', withOne({ frequency: 0, recency: 3 }), 'invalid-input'],
    ['nine repeat buyers', Array.from({ length: 100 }, (_, i) => ({ id: String(i), frequency: i < 9 ? 2 : 0, recency: i < 9 ? 10 : 0, T: 39 })), 'not-identifiable'],
    ['identical customers', Array.from({ length: 50 }, (_, i) => ({ id: String(i), frequency: 2, recency: 10, T: 30 })), 'not-identifiable'],
    ['nobody silent since the last purchase', Array.from({ length: 50 }, (_, i) => ({ id: String(i), frequency: 1 + (i % 5), recency: 30, T: 30 })), 'not-identifiable'],
  ])('%s', (_, customers, code) => {
    const error = refusal(() => fitBgNbd(customers));
    expect(error.code).toBe(code);
    if (code === 'invalid-input' && customers.length > 0) expect(error.message).toContain('"bad"');
  });
});

describe('Gamma-Gamma refuses what it cannot fit', () => {
  test('identical spend everywhere leaves nothing to estimate heterogeneity from', () => {
    const same = good.map((c) => (c.frequency > 0 ? { ...c, monetaryValue: 20 } : c));
    expect(refusal(() => fitGammaGamma(same)).code).toBe('not-identifiable');
  });

  test('too few repeat buyers with spend', () => {
    expect(refusal(() => fitGammaGamma(good.filter((c) => c.frequency > 0).slice(0, 9))).code).toBe('not-identifiable');
  });

  test('a repeat buyer without a monetary value', () => {
    expect(refusal(() => fitGammaGamma([{ id: 'x', frequency: 2, recency: 3, T: 9 }])).code).toBe('invalid-input');
  });
});

describe('the reduction refuses bad transactions', () => {
  test.each([
    ['no transactions', [], 'empty-input'],
    ['a fractional day', [{ customerId: 'a', day: 1.5, value: 1 }], 'invalid-input'],
    ['a NaN value', [{ customerId: 'a', day: 1, value: Number.NaN }], 'invalid-input'],
  ] as const)('%s', (_, transactions, code) => {
    expect(refusal(() => summariseTransactions(transactions, { period: 'day' })).code).toBe(code);
  });

  test('every purchase after the calibration end', () => {
    expect(refusal(() => summariseTransactions([{ customerId: 'a', day: 10, value: 1 }], { period: 'day', calibrationEnd: 5 })).code).toBe('empty-input');
  });
});

describe('files: every problem names its line', () => {
  test.each([
    ['a bad date', 'id,date,value\na,2024-01-01,5\nb,2024-02-30,5\n', 3, /not a calendar date/],
    ['a value that is not a number', 'id,date,value\na,2024-01-01,5\nb,2024-01-02,five\n', 3, /not a number/],
    ['a short row', 'a 20240101 5\nb 20240102\n', 2, /at least 3 columns/],
    ['an empty id', 'id,date,value\n,2024-01-01,5\n', 2, /id is empty/],
    ['an unclosed quote', 'id,date,value\n"a,2024-01-01,5\n', 2, /quoted field/],
  ])('transactions: %s', (_, text, line, message) => {
    const error = refusal(() => readTransactions(text));
    expect(error.code).toBe('malformed-input');
    expect(error.line).toBe(line);
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(new RegExp(`^line ${line}: `));
  });

  test.each([
    ['recency after T', 'ID,frequency,recency,T\n1,2,30,38\n2,1,40,38\n', 3],
    ['a fractional frequency', 'ID,frequency,recency,T\n1,2.5,30,38\n', 2],
    ['a missing T', 'ID,frequency,recency,T\n1,2,30,38\n2,1,3\n', 3],
    ['text for a number', 'ID,frequency,recency,T\n1,two,30,38\n', 2],
  ])('summary: %s', (_, text, line) => {
    const error = refusal(() => readSummaries(text));
    expect(error.code).toBe('malformed-input');
    expect(error.line).toBe(line);
  });

  test.each(['', '\n\n  \n', 'customer_id,date,value\n', '# only a comment\n'])('no data in %j', (text) => {
    expect(refusal(() => readTransactions(text)).code).toBe('empty-input');
  });

  test('a column the file does not have', () => {
    const error = refusal(() => readTransactions('id,date,value\na,2024-01-01,5\n', { value: 'amount' }));
    expect(error.message).toContain('columns are id, date, value');
  });

  test('a header the reader cannot map', () => {
    expect(refusal(() => readTransactions('who,what,how much\na,b,5\n')).message).toMatch(/which column holds the customer id/);
  });

  test('the pipeline passes line numbers through', () => {
    const error = refusal(() => analyseRetentionText('id,date,value\na,2024-01-01,5\nb,soon,5\n', { settings: defaultRetentionSettings() }));
    expect(error.line).toBe(3);
  });
});

describe('files: what is accepted', () => {
  test('CSV with quotes, a BOM, CRLF and a comment', () => {
    const log = readTransactions('\uFEFF# exported 2024-05-01\r\ncustomer,order date,amount\r\n"Smith, Ann",2024-01-01,"1200.5"\r\nBob,2024-01-03,7\r\n');
    expect(log.transactions).toEqual([
      { customerId: 'Smith, Ann', day: 19_723, value: 1200.5 },
      { customerId: 'Bob', day: 19_725, value: 7 },
    ]);
  });

  test('whitespace-separated without a header: id first, the date column found, value last', () => {
    const log = readTransactions(' 00004 0001 19970101  2   29.33\n 00004 0001 19970118  2   29.73\n');
    expect(log.header).toBeNull();
    expect(log.columns).toEqual({ id: 0, date: 2, value: 4 });
  });

  test('a log without values has no spend model', () => {
    const lines = ['id,date'];
    // Simulated histories laid out as dates: purchases spread evenly from day 0 to the customer's recency.
    for (const c of simulateCustomers({ r: 0.5, alpha: 4, a: 0.7, b: 2.5 }, Array.from({ length: 400 }, () => 300), 2)) {
      for (let k = 0; k <= c.frequency; k++) lines.push(`${c.id},${formatCalendarDay(19_000 + Math.round((k * c.recency) / Math.max(1, c.frequency)))}`);
    }
    const analysis = analyseRetentionText(lines.join('\n'), { settings: defaultRetentionSettings('day') });
    expect(analysis.reduction?.columns.value).toBeNull();
    expect(analysis.gammaGamma).toBeNull();
    expect(analysis.spendNote).toMatch(/no spend/);
    expect(analysis.forecasts[0]!.clv).toBeUndefined();
  });
});
