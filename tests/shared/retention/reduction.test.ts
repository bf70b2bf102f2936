import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { civilFromDay, dayFromCivil, formatCalendarDay, parseCalendarDay, summariseTransactions, type Transaction } from '../../../shared/retention';

const day = (text: string) => parseCalendarDay(text)!;
const tx = (customerId: string, date: string, value: number): Transaction => ({ customerId, day: day(date), value });

describe('calendar days', () => {
  test('agree with Date.UTC for every date, whatever the machine\'s time zone', () => {
    fc.assert(fc.property(fc.integer({ min: 1600, max: 2600 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
      return dayFromCivil(y, m, d) === Date.UTC(y, m - 1, d) / 86_400_000;
    }));
  });

  test('format and parse are inverse', () => {
    fc.assert(fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => parseCalendarDay(formatCalendarDay(n)) === n && dayFromCivil(...civilFromDay(n)) === n));
  });

  test.each([
    ['19970101', '1997-01-01'],
    ['1997-9-30', '1997-09-30'],
    ['1997/09/30', '1997-09-30'],
    ['2000-02-29', '2000-02-29'],
    ['1997-01-01T23:30:00', '1997-01-01'],
    ['1997-01-01T23:30:00Z', '1997-01-01'],
    ['1997-01-01T23:30:00-05:00', '1997-01-02'],
    ['1997-01-01T01:00+03:30', '1996-12-31'],
  ])('%s is the calendar day %s (in UTC where an offset is given)', (text, iso) => {
    expect(formatCalendarDay(parseCalendarDay(text)!)).toBe(iso);
  });

  test.each(['1997-02-29', '1900-02-29', '1997-13-01', '1997-00-10', '19970132', '1997-01-01T24:00', '01/02/1997', 'yesterday', '', '1997-01'])('%j is not a date', (text) => {
    expect(parseCalendarDay(text)).toBeNull();
  });
});

describe('transaction log -> summary', () => {
  const log = [
    tx('ann', '2024-01-01', 10),
    tx('ann', '2024-01-01', 5), // same day: one transaction of 15
    tx('ann', '2024-01-08', 20),
    tx('ann', '2024-01-08', 4), // same day: 24
    tx('ann', '2024-01-29', 30),
    tx('ann', '2024-03-01', 99), // after the calibration end
    tx('bob', '2024-01-15', 7),
    tx('cat', '2024-02-10', 8), // first seen after the calibration end
  ];
  const end = day('2024-01-29');

  test('frequency counts repeat purchase days, recency and T run from the first purchase', () => {
    const [ann, bob, ...rest] = summariseTransactions(log, { period: 'week', calibrationEnd: end });
    expect(rest).toEqual([]);
    expect(ann).toEqual({ id: 'ann', frequency: 2, recency: 4, T: 4, monetaryValue: (24 + 30) / 2 });
    expect(bob).toEqual({ id: 'bob', frequency: 0, recency: 0, T: 2 });
  });

  test('the unit divides day differences: days, weeks, mean months', () => {
    const [inDays] = summariseTransactions(log, { period: 'day', calibrationEnd: end });
    const [inMonths] = summariseTransactions(log, { period: 'month', calibrationEnd: end });
    expect(inDays!.recency).toBe(28);
    expect(inMonths!.T).toBeCloseTo(28 / (365.25 / 12), 12);
  });

  test('without a calibration end, the last transaction day ends it', () => {
    const summaries = summariseTransactions(log, { period: 'day' });
    expect(summaries.map((s) => s.id)).toEqual(['ann', 'bob', 'cat']);
    expect(summaries[0]).toMatchObject({ frequency: 3, recency: 60, T: 60 });
  });

  test('the order of the log does not matter', () => {
    fc.assert(fc.property(fc.shuffledSubarray(log, { minLength: log.length, maxLength: log.length }), (shuffled) => {
      const sorted = (list: ReturnType<typeof summariseTransactions>) => JSON.stringify([...list].sort((u, v) => u.id.localeCompare(v.id)));
      return sorted(summariseTransactions(shuffled, { period: 'week', calibrationEnd: end })) === sorted(summariseTransactions(log, { period: 'week', calibrationEnd: end }));
    }));
  });
});
