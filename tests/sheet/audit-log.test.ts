import { expect, test } from 'vitest';
import { LOG_HEADERS } from '../../apps-script/layout';
import { loadAddOn, person } from '../support/add-on';
import { rowsOf } from './helpers';

test('the Log keeps its newest 100,000 lines, so it never fills the spreadsheet’s 10 million cells', async () => {
  const addOn = loadAddOn();
  const { runtime } = addOn;
  const log = runtime.workbook.sheet('Log')!;
  const old = Array.from({ length: 100_000 }, (_, i) => [new Date(Date.UTC(2025, 0, 1) + i * 1000), 'someone', `old ${i}`, '', '', '', '']);
  runtime.workbook.insertRows(log, log.maxRows + 1, 100_000);
  runtime.workbook.writeValues(log, 2, 1, old);
  await addOn.send({ op: 'push', changes: ['a', 'b', 'c'].map((id, i) => ({ entity: 'person' as const, key: `k-${String(i).padStart(8, '0')}`, assumedRevision: null, record: person(id) })) });
  expect(runtime.workbook.lastRow(log)).toBe(100_001);
  const lines = rowsOf(runtime, 'Log');
  expect(Object.keys(lines[0]!)).toEqual(LOG_HEADERS);
  expect(lines[0]!.Action).toBe('old 3'); // three lines in, the three oldest out
  expect(lines.slice(-3).map((l) => [l.Action, l.Id])).toEqual([['sync write', 'a'], ['sync write', 'b'], ['sync write', 'c']]);
});
