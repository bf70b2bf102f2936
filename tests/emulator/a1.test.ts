import { describe, expect, test } from 'vitest';
import { columnToLetters, formatA1, lettersToColumn, parseA1, toA1 } from '../../emulator/a1';

describe('A1 notation, as Sheets reads and writes it', () => {
  test.each([
    ['B2', { startRow: 2, startColumn: 2, endRow: 2, endColumn: 2 }],
    ['A1:C10', { startRow: 1, startColumn: 1, endRow: 10, endColumn: 3 }],
    ['A:A', { startRow: 1, startColumn: 1, endRow: undefined, endColumn: 1 }],
    ['B2:B', { startRow: 2, startColumn: 2, endRow: undefined, endColumn: 2 }],
    ['2:3', { startRow: 2, startColumn: 1, endRow: 3, endColumn: undefined }],
    ['$AB$12', { startRow: 12, startColumn: 28, endRow: 12, endColumn: 28 }],
    ["'My sheet'!A1:B2", { sheetName: 'My sheet', startRow: 1, startColumn: 1, endRow: 2, endColumn: 2 }],
  ])('%s', (a1, range) => {
    expect(parseA1(a1)).toMatchObject(range);
  });

  test.each(['', '1A', 'A1:', 'hello world'])('"%s" is not a range', (a1) => {
    expect(() => parseA1(a1)).toThrow(/Range not found/);
  });

  test('letters and numbers round trip past Z and ZZ', () => {
    for (const column of [1, 26, 27, 52, 702, 703, 18278]) expect(lettersToColumn(columnToLetters(column))).toBe(column);
    expect(columnToLetters(28)).toBe('AB');
    expect(toA1(3, 2, 2, 3)).toBe('B3:D4');
  });

  test.each(['A:A', 'B2:B', 'C3', 'A1:D9', '4:6'])('formatA1(parseA1("%s")) gives it back', (a1) => {
    expect(formatA1(parseA1(a1))).toBe(a1);
  });
});
