import { describe, expect, test } from 'vitest';
import { rollUpChange, rollUpInteractions, type RollupRow, type InteractionRow } from '../../../shared/metrics';

const DAY = 86_400_000;
const row = (id: string, at: string, fields: Partial<InteractionRow> = {}): InteractionRow => ({
  id, personIds: ['p1'], type: 'call', at: Date.parse(at), owner: 'ana@team.example', deleted: false, ...fields,
});

describe('the daily rollup of archived interactions', () => {
  test('groups by UTC day, owner, type, experience and voice of customer, and counts', () => {
    const rollup = rollUpInteractions([
      row('a', '2025-03-01T00:00:00Z'), row('b', '2025-03-01T23:59:59Z'), row('c', '2025-03-02T00:00:00Z'),
      row('d', '2025-03-01T10:00:00Z', { experience: 'bad' }), row('e', '2025-03-01T11:00:00Z', { owner: 'bo@team.example' }),
      row('f', '2025-03-01T12:00:00Z', { type: 'email', voiceOfCustomer: 'price' }),
    ]);
    expect(rollup).toEqual([
      { day: Date.UTC(2025, 2, 1), owner: 'ana@team.example', type: 'call', experience: undefined, voiceOfCustomer: undefined, interactions: 2 },
      { day: Date.UTC(2025, 2, 1), owner: 'ana@team.example', type: 'call', experience: 'bad', voiceOfCustomer: undefined, interactions: 1 },
      { day: Date.UTC(2025, 2, 1), owner: 'ana@team.example', type: 'email', experience: undefined, voiceOfCustomer: 'price', interactions: 1 },
      { day: Date.UTC(2025, 2, 1), owner: 'bo@team.example', type: 'call', experience: undefined, voiceOfCustomer: undefined, interactions: 1 },
      { day: Date.UTC(2025, 2, 2), owner: 'ana@team.example', type: 'call', experience: undefined, voiceOfCustomer: undefined, interactions: 1 },
    ]);
  });

  test('tombstones and rows without an id count nowhere, as on the Interactions sheet', () => {
    expect(rollUpInteractions([row('a', '2025-03-01T08:00:00Z', { deleted: true }), row('', '2025-03-01T08:00:00Z')])).toEqual([]);
  });

  test('an edit moves one interaction between groups: a change of -1 and +1, summed with the rollup', () => {
    const before = row('a', '2025-03-01T08:00:00Z');
    const moved = { ...before, experience: 'bad', at: before.at + DAY };
    const change = rollUpChange([before], [moved]);
    expect(change.map((r) => [new Date(r.day).toISOString().slice(0, 10), r.experience, r.interactions])).toEqual([['2025-03-01', undefined, -1], ['2025-03-02', 'bad', 1]]);
    const ledger = [...rollUpInteractions([before, row('b', '2025-03-01T09:00:00Z')]), ...change];
    expect(countsOf(ledger)).toEqual(countsOf(rollUpInteractions([moved, row('b', '2025-03-01T09:00:00Z')])));
    // A deletion takes the interaction out of every count; an edit that changes no counted field changes nothing.
    expect(countsOf([...ledger, ...rollUpChange([moved], [{ ...moved, deleted: true }])])).toEqual(countsOf(rollUpInteractions([row('b', '2025-03-01T09:00:00Z')])));
    expect(rollUpChange([before], [{ ...before, personIds: ['p2'], direction: 'inbound' }])).toEqual([]);
  });

  test('changes appended batch after batch sum to the rollup of all rows at once', () => {
    const rows = Array.from({ length: 500 }, (_, i) => row(`i${i}`, new Date(Date.UTC(2025, 0, 1) + i * 7_919_000).toISOString(), { type: ['call', 'email', 'meeting'][i % 3]!, experience: i % 7 ? undefined : 'bad' }));
    const ledger: RollupRow[] = [];
    for (let i = 0; i < rows.length; i += 77) ledger.push(...rollUpChange([], rows.slice(i, i + 77)));
    expect(ledger.length).toBeGreaterThan(rollUpInteractions(rows).length); // groups split across batches have several rows
    expect(countsOf(ledger)).toEqual(countsOf(rollUpInteractions(rows)));
    expect(ledger.reduce((n, r) => n + r.interactions, 0)).toBe(500);
  });
});

/** What a SUMIFS over the rollup sheet reads: each group's count, summed over its rows; groups summing to zero count nothing. */
function countsOf(rollup: readonly RollupRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of rollup) {
    const key = JSON.stringify([r.day, r.owner, r.type, r.experience ?? '', r.voiceOfCustomer ?? '']);
    counts.set(key, (counts.get(key) ?? 0) + r.interactions);
  }
  return new Map([...counts].filter(([, n]) => n !== 0).sort());
}
