import { describe, expect, test } from 'vitest';
import { mapIndex, shiftA1, shiftNotes, type GridChange } from '../../emulator/grid-shift';

const insertColumns = (before: number, count: number): GridChange => ({ axis: 'column', kind: 'insert', before, count });
const deleteColumns = (start: number, count: number): GridChange => ({ axis: 'column', kind: 'delete', start, count });
const moveColumns = (start: number, count: number, target: number): GridChange => ({ axis: 'column', kind: 'move', start, count, target });

describe('anchors follow their cells as in Sheets', () => {
  test.each([
    ['insert before shifts', 'C:D', insertColumns(1, 2), ['E:F']],
    ['insert inside grows', 'C:E', insertColumns(4, 1), ['C:F']],
    ['insert just after leaves alone', 'C:D', insertColumns(5, 3), ['C:D']],
    ['delete before shifts back', 'E:F', deleteColumns(1, 2), ['C:D']],
    ['delete inside shrinks', 'C:F', deleteColumns(4, 2), ['C:D']],
    ['delete every cell removes it', 'C:D', deleteColumns(2, 4), []],
    ['move the column away', 'B:B', moveColumns(2, 1, 6), ['E:E']],
    ['move another column past it', 'C:C', moveColumns(1, 1, 5), ['B:B']],
    ['moving one column out splits the range', 'B:D', moveColumns(3, 1, 8), ['B:C', 'G:G']],
  ])('%s: %s', (_name, a1, change, expected) => {
    expect(shiftA1(a1, change)).toEqual(expected);
  });

  test('rows: open-ended ranges stay open, closed ones keep their end', () => {
    expect(shiftA1('B2:B', { axis: 'row', kind: 'insert', before: 1, count: 1 })).toEqual(['B3:B']);
    expect(shiftA1('B2:B1000', { axis: 'row', kind: 'insert', before: 1001, count: 10 })).toEqual(['B2:B1000']);
    expect(shiftA1('B2:B1000', { axis: 'row', kind: 'delete', start: 10, count: 5 })).toEqual(['B2:B995']);
  });

  test('a move is a permutation: every index lands once', () => {
    for (const change of [moveColumns(2, 3, 9), moveColumns(7, 2, 1), moveColumns(4, 1, 5)]) {
      const landed = Array.from({ length: 12 }, (_, i) => mapIndex(i + 1, change));
      expect(new Set(landed).size).toBe(12);
      expect(Math.min(...(landed as number[]))).toBe(1);
    }
  });

  test('notes move with their cells and go with deleted ones', () => {
    const notes = { '1:2': 'b', '1:5': 'e', '3:2': 'b3' };
    expect(shiftNotes(notes, insertColumns(3, 1))).toEqual({ '1:2': 'b', '1:6': 'e', '3:2': 'b3' });
    expect(shiftNotes(notes, deleteColumns(2, 1))).toEqual({ '1:4': 'e' });
    expect(shiftNotes(notes, { axis: 'row', kind: 'delete', start: 2, count: 1 })).toEqual({ '1:2': 'b', '1:5': 'e', '2:2': 'b3' });
  });
});
