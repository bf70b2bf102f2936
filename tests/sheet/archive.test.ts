import { describe, expect, test } from 'vitest';
import type { AppsScriptRuntime } from '../../emulator/runtime';
import { Interaction } from '../../shared/model';
import type { SyncResponse } from '../../shared/sync/protocol';
import { loadAddOn } from '../support/add-on';
import { rowsOf } from './helpers';

/**
 * The interactions archive against the built add-on: old interactions move to a second spreadsheet the
 * add-on creates, the team's sheet keeps their daily rollup, and sync edits an archived interaction where it
 * now lives instead of adding it back as a new row.
 */
const REP = 'dana@team.example';
const interaction = (id: string, at: string, fields: Record<string, unknown> = {}) => ({
  id, revision: 0, createdAt: at, updatedAt: at, owner: REP, personIds: ['p1'], type: 'call', at, ...fields,
});
const push = (records: Array<Record<string, unknown>>, key: string, assumedRevision: number | null = null) => ({
  op: 'push' as const,
  changes: records.map((record, i) => ({ entity: 'interaction' as const, key: `${key}-${String(i).padStart(8, '0')}`, assumedRevision, record })),
});
const results = (answer: SyncResponse) => (answer.ok && answer.op === 'push' ? answer.results : []);

function archiveOf(runtime: AppsScriptRuntime) {
  const state = JSON.parse(runtime.state.properties['clipsheet.archive']!) as { id: string; url: string; before: string; pending: boolean };
  const workbook = runtime.spreadsheets.get(state.id)!;
  const sheet = workbook.sheet('Interactions')!;
  const last = workbook.lastRow(sheet);
  const values = workbook.readValues(sheet, 1, 1, last, workbook.lastColumn(sheet));
  return { state, workbook, rows: values.slice(1).map((line) => Object.fromEntries(line.map((v, i) => [String(values[0]![i]), v]))) };
}

async function teamWithHistory() {
  const addOn = loadAddOn();
  const old = Array.from({ length: 30 }, (_, i) => interaction(`old${i}`, new Date(Date.UTC(2025, 0, 1 + i, 9 + (i % 5))).toISOString(), { experience: i % 10 === 0 ? 'bad' : undefined }));
  const recent = Array.from({ length: 10 }, (_, i) => interaction(`new${i}`, new Date(Date.UTC(2026, 5, 1 + i, 10)).toISOString()));
  // Interleaved, as reps sync them: the old and the new are not in two neat blocks.
  const all = old.flatMap((o, i) => (recent[i] ? [o, recent[i]!] : [o]));
  expect(results(await addOn.send(push(all, 'load'))).every((r) => r.status === 'applied')).toBe(true);
  return { ...addOn, old, recent };
}

describe('archiving old interactions', () => {
  test('moves every interaction before the date, keeps the rest, and rolls up what moved', async () => {
    const { runtime, old } = await teamWithHistory();
    const progress = runtime.call<{ moved: number; remaining: number; url: string }>('archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    expect(progress).toMatchObject({ moved: 30, remaining: 0 });
    expect(rowsOf(runtime, 'Interactions').map((r) => r.Id).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `new${i}`).sort());
    const archive = archiveOf(runtime);
    expect(archive.workbook.name).toMatch(/Interactions archive$/);
    expect(archive.state).toMatchObject({ before: '2026-01-01T00:00:00.000Z', pending: false, url: progress.url });
    expect(archive.rows.map((r) => r.Id).sort()).toEqual(old.map((o) => o.id).sort());
    // The archive keeps every column as the team's sheet had it: the record reads back whole.
    expect(archive.rows.find((r) => r.Id === 'old3')).toMatchObject({ Owner: REP, Type: 'call', 'Person ids': 'p1', Revision: 1 });
    const rollup = rowsOf(runtime, 'Archived interactions');
    expect(rollup.reduce((n, r) => n + Number(r.Interactions), 0)).toBe(30);
    expect(rollup.filter((r) => r.Experience === 'bad').map((r) => (r.Day as Date).toISOString().slice(0, 10))).toEqual(['2025-01-01', '2025-01-11', '2025-01-21']);
    expect(rowsOf(runtime, 'Log').some((r) => r.Action === 'archive interactions' && String(r.Detail).startsWith('30 interactions before 2026-01-01'))).toBe(true);
  });

  test('archiving again moves only what became old, into the same archive', async () => {
    const { runtime } = await teamWithHistory();
    runtime.call('archiveInteractionsBefore', '2025-01-16T00:00:00.000Z');
    const first = archiveOf(runtime);
    expect(first.rows).toHaveLength(15);
    runtime.call('archiveInteractionsBefore', '2026-06-05T00:00:00.000Z');
    const second = archiveOf(runtime);
    expect(second.state.id).toBe(first.state.id);
    expect(second.rows).toHaveLength(34);
    expect(rowsOf(runtime, 'Interactions')).toHaveLength(6);
    expect(rowsOf(runtime, 'Archived interactions').reduce((n, r) => n + Number(r.Interactions), 0)).toBe(34);
  });

  test('a batch cut short after its copy is finished by the next one, without a second copy', async () => {
    const { runtime } = await teamWithHistory();
    runtime.call('archiveInteractionsBefore', '2025-01-02T00:00:00.000Z');
    const archive = archiveOf(runtime);
    // As if the last execution died after the copy: the archive already holds old1, the team's sheet too.
    const sheet = archive.workbook.sheet('Interactions')!;
    const live = rowsOf(runtime, 'Interactions').find((r) => r.Id === 'old1')!;
    const headers = archive.workbook.readValues(sheet, 1, 1, 1, archive.workbook.lastColumn(sheet))[0]!.map(String);
    archive.workbook.insertRows(sheet, sheet.maxRows + 1, 1);
    archive.workbook.writeValues(sheet, 3, 1, [headers.map((h) => live[h] ?? '')]);
    runtime.call('archiveInteractionsBefore', '2025-01-03T00:00:00.000Z');
    expect(archiveOf(runtime).rows.map((r) => r.Id)).toEqual(['old0', 'old1']);
    expect(rowsOf(runtime, 'Interactions').some((r) => r.Id === 'old1')).toBe(false);
  });

  test('old rows scattered among new ones are sorted to the top by date first, then moved in one block', async () => {
    const addOn = loadAddOn();
    // 150 old and 150 new, alternating: 150 separate blocks of old rows.
    const rows = Array.from({ length: 300 }, (_, i) => interaction(`r${i}`, new Date(Date.UTC(i % 2 ? 2026 : 2025, 0, 1) + i * 3_600_000).toISOString()));
    await addOn.send(push(rows, 'scattered'));
    const calls = addOn.runtime.measure<{ moved: number; remaining: number }>('archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    expect(calls.result).toMatchObject({ moved: 150, remaining: 0 });
    // One trims the new archive's empty grid, one takes the sorted block out of the team's sheet.
    expect(calls.byService['SpreadsheetApp.Sheet.deleteRows']).toBe(2);
    const left = rowsOf(addOn.runtime, 'Interactions');
    expect(left.map((r) => r.Id)).toEqual(rows.filter((_, i) => i % 2).map((r) => r.id));
    expect(archiveOf(addOn.runtime).rows.map((r) => r.Id)).toEqual(rows.filter((_, i) => i % 2 === 0).map((r) => r.id));
    // Whoever wonders why the sheet's order changed finds it in the Log.
    expect(rowsOf(addOn.runtime, 'Log').find((r) => r.Action === 'archive interactions')?.Detail).toMatch(/^150 interactions before 2026-01-01 moved to .* \(the sheet was first sorted by date: they lay in 150 separate blocks\)$/);
  });

  test('the archive is shared as the team\'s sheet is: a manager archives, the owner\'s hourly trigger still reads it and shares it with who joins later', async () => {
    const { runtime } = await teamWithHistory();
    runtime.workbook.access = new Map([['owner@clipsheet.local', 'owner'], ['manager@team.example', 'editor'], ['rep@team.example', 'viewer']]);
    runtime.callAs('manager@team.example', 'archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    const archive = archiveOf(runtime);
    // Created in the manager's Drive, then shared with everyone the team's sheet is shared with.
    expect(Object.fromEntries(archive.workbook.access!)).toEqual({ 'manager@team.example': 'owner', 'owner@clipsheet.local': 'editor', 'rep@team.example': 'viewer' });
    // Someone joins the team's sheet later: the owner's hourly trigger shares the archive with them too.
    runtime.workbook.access.set('new.rep@team.example', 'editor');
    runtime.runTimeDriven(); // the trigger runs as the owner: the recompute opens the archive
    expect(rowsOf(runtime, 'Archived interactions').reduce((n, r) => n + Number(r.Interactions), 0)).toBe(30);
    expect(rowsOf(runtime, 'Log').some((r) => String(r.Detail).includes('cannot be opened'))).toBe(false);
    expect(archive.workbook.access!.get('new.rep@team.example')).toBe('editor');
    expect(archive.workbook.access!.get('manager@team.example')).toBe('owner');
  });

  test('a date that is not one is refused before anything moves', async () => {
    const { runtime } = await teamWithHistory();
    expect(() => runtime.call('archiveInteractionsBefore', 'last year')).toThrow('"last year" is not a date to archive before.');
    expect(rowsOf(runtime, 'Interactions')).toHaveLength(40);
    expect(runtime.state.properties['clipsheet.archive']).toBeUndefined();
  });
});

describe('the dashboard and the archive', () => {
  test('its live counts stay the same the moment interactions move, before any recompute', async () => {
    const { runtime } = await teamWithHistory();
    const { dashboards } = runtime.call<{ dashboards: Record<string, Array<{ key: string; a1: string }>> }>('recomputeDashboard', '2026-07-01T00:00:00.000Z');
    const at = (key: string) => dashboards.Dashboard!.find((e) => e.key === key)!.a1;
    const sheet = runtime.workbook.sheet('Dashboard')!;
    const read = (a1: string) => runtime.workbook.readValues(sheet, Number(a1.replace(/\D/g, '')), a1.charCodeAt(0) - 64, 1, 1)[0]![0];
    runtime.workbook.writeValues(sheet, 3, 2, [['All time']]); // the manager picks the period
    const tiles = ['tile.contacts', 'tile.bad-experiences'].map(at);
    expect(tiles.map(read)).toEqual([40, 3]);
    // Two archivings: the second grows the rollup below the rows the formulas were written for.
    runtime.call('archiveInteractionsBefore', '2025-01-10T00:00:00.000Z');
    expect(tiles.map(read)).toEqual([40, 3]);
    runtime.call('archiveInteractionsBefore', '2026-06-05T00:00:00.000Z');
    expect(rowsOf(runtime, 'Interactions')).toHaveLength(6);
    expect(tiles.map(read)).toEqual([40, 3]);
  });
});

describe('archiving more than one batch (20,000 rows)', () => {
  const OLD = 20_050;
  /** 20,050 old interactions and 20 recent ones, written straight into the sheet as an import leaves them. */
  function bigTeam() {
    const addOn = loadAddOn();
    const { workbook } = addOn.runtime;
    const sheet = workbook.sheet('Interactions')!;
    const headers = workbook.readValues(sheet, 1, 1, 1, workbook.lastColumn(sheet))[0]!.map(String);
    const fields = (id: string, at: number): Record<string, unknown> => ({ id, at: new Date(at), owner: REP, type: 'call', personIds: 'p1', revision: 1 });
    const rows = [
      ...Array.from({ length: OLD }, (_, i) => fields(`old${i}`, Date.UTC(2025, 0, 1) + i * 60_000)),
      ...Array.from({ length: 20 }, (_, i) => fields(`new${i}`, Date.UTC(2026, 5, 1 + i))),
    ];
    const keyOf = new Map(Interaction.columns.map((c) => [c.header, c.key]));
    if (sheet.maxRows < rows.length + 1) workbook.insertRows(sheet, sheet.maxRows + 1, rows.length + 1 - sheet.maxRows);
    workbook.writeValues(sheet, 2, 1, rows.map((r) => headers.map((h) => r[keyOf.get(h) ?? ''] ?? '')));
    return addOn;
  }
  const oldIds = (except?: string) => Array.from({ length: OLD }, (_, i) => `old${i}`).filter((id) => id !== except);

  test('one execution moves batch after batch, reading the sheet\'s columns once', () => {
    const { runtime } = bigTeam();
    const run = runtime.measure<{ moved: number; remaining: number }>('archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    expect(run.result).toMatchObject({ moved: OLD, remaining: 0 });
    expect(archiveOf(runtime).rows.map((r) => r.Id)).toEqual(oldIds());
    expect(rowsOf(runtime, 'Interactions').map((r) => r.Id)).toEqual(Array.from({ length: 20 }, (_, i) => `new${i}`));
    expect(rowsOf(runtime, 'Archived interactions').reduce((n, r) => n + Number(r.Interactions), 0)).toBe(OLD);

    // The same, with a person deleting a row between the two batches: the second batch sees the rows it
    // knew have moved, reads the sheet afresh, and neither loses a row nor takes a recent one.
    const edited = bigTeam();
    let between = 0;
    edited.runtime.betweenLocks = () => {
      if (between++ > 0) return;
      const sheet = edited.runtime.workbook.sheet('Interactions')!;
      expect(edited.runtime.workbook.readValues(sheet, 5, 1, 1, 1)[0]![0]).toBe('old20003');
      edited.runtime.workbook.deleteRows(sheet, 5, 1);
    };
    const resurveyed = edited.runtime.measure<{ moved: number; remaining: number }>('archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    expect(resurveyed.result).toMatchObject({ moved: OLD - 1, remaining: 0 });
    expect(archiveOf(edited.runtime).rows.map((r) => r.Id)).toEqual(oldIds('old20003'));
    expect(rowsOf(edited.runtime, 'Interactions').map((r) => r.Id)).toEqual(Array.from({ length: 20 }, (_, i) => `new${i}`));
    // Starting that batch afresh reads both headers, the Id and At columns, the archive's ids and the rows
    // again: six reads that the batch which found nothing changed did without.
    expect(resurveyed.byService['SpreadsheetApp.Range.getValues']! - run.byService['SpreadsheetApp.Range.getValues']!).toBe(6);
  });
});

describe('sync and the archive', () => {
  test('an edit of an archived interaction is made in the archive, the rollup follows, and a replay is a duplicate', async () => {
    const { runtime, send } = await teamWithHistory();
    runtime.call('archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    const edit = push([interaction('old4', '2025-01-05T09:00:00.000Z', { experience: 'bad', summary: 'Complained about the invoice' })], 'edit', 1);
    expect(results(await send(edit))).toMatchObject([{ id: 'old4', status: 'applied', record: { revision: 2, experience: 'bad' } }]);
    expect(rowsOf(runtime, 'Interactions').some((r) => r.Id === 'old4')).toBe(false);
    expect(archiveOf(runtime).rows.filter((r) => r.Id === 'old4')).toMatchObject([{ Revision: 2, Summary: 'Complained about the invoice', Experience: 'bad' }]);
    // The sync appended the change (-1 for the old version's group, +1 for the new one's): the sums follow.
    const badByDay = new Map<string, number>();
    for (const r of rowsOf(runtime, 'Archived interactions').filter((r) => r.Experience === 'bad')) {
      const day = (r.Day as Date).toISOString().slice(0, 10);
      badByDay.set(day, (badByDay.get(day) ?? 0) + Number(r.Interactions));
    }
    expect(Object.fromEntries(badByDay)).toEqual({ '2025-01-01': 1, '2025-01-05': 1, '2025-01-11': 1, '2025-01-21': 1 });
    expect(rowsOf(runtime, 'Archived interactions').reduce((n, r) => n + Number(r.Interactions), 0)).toBe(30);
    expect(results(await send(edit))).toMatchObject([{ id: 'old4', status: 'duplicate' }]);
    expect(archiveOf(runtime).rows.filter((r) => r.Id === 'old4')).toHaveLength(1);
    expect(rowsOf(runtime, 'Log').some((r) => r.Sheet === 'Interactions (archive)' && r.Id === 'old4')).toBe(true);
  });

  test('a stale edit of an archived interaction is a conflict with the archive\'s version; deleting it leaves the rollup', async () => {
    const { runtime, send } = await teamWithHistory();
    runtime.call('archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    await send(push([interaction('old7', '2025-01-08T09:00:00.000Z', { summary: 'first' })], 'a', 1));
    expect(results(await send(push([interaction('old7', '2025-01-08T09:00:00.000Z', { summary: 'second' })], 'b', 1)))).toMatchObject([{ status: 'conflict', record: { revision: 2, summary: 'first' } }]);
    await send(push([interaction('old7', '2025-01-08T09:00:00.000Z', { deleted: true })], 'c', 2));
    expect(rowsOf(runtime, 'Archived interactions').reduce((n, r) => n + Number(r.Interactions), 0)).toBe(29);
  });

  test('new interactions, old-dated ones included, go to the team\'s sheet; the next archiving takes the old ones', async () => {
    const { runtime, send } = await teamWithHistory();
    runtime.call('archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    await send(push([interaction('late', '2025-03-01T09:00:00.000Z'), interaction('today', '2026-07-01T09:00:00.000Z')], 'n'));
    expect(rowsOf(runtime, 'Interactions').map((r) => r.Id)).toEqual(expect.arrayContaining(['late', 'today']));
    runtime.runTimeDriven(); // nothing pending: the hourly run only recomputes
    expect(rowsOf(runtime, 'Interactions').some((r) => r.Id === 'late')).toBe(true);
    runtime.call('archiveInteractionsBefore', '2026-01-01T00:00:00.000Z');
    expect(rowsOf(runtime, 'Interactions').some((r) => r.Id === 'late')).toBe(false);
    expect(archiveOf(runtime).rows).toHaveLength(31);
  });
});
