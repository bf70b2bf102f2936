import { describe, expect, test } from 'vitest';
import { CELL_LIMIT, Workbook } from '../../emulator/workbook';

const sheetWith = (rows: unknown[][]) => {
  const workbook = new Workbook();
  const sheet = workbook.addSheet('Data');
  workbook.writeValues(sheet, 1, 1, rows);
  return { workbook, sheet };
};

describe('the workbook keeps Sheets semantics', () => {
  test('a new sheet is 1000 x 26, and writing outside it throws as in Sheets', () => {
    const { workbook, sheet } = sheetWith([['a']]);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([1000, 26]);
    expect(() => workbook.writeValues(sheet, 1001, 1, [['x']])).toThrow('outside the dimensions of the sheet');
    expect(() => workbook.writeValues(sheet, 1, 27, [['x']])).toThrow('outside the dimensions of the sheet');
  });

  test('the spreadsheet refuses to grow past 10 million cells', () => {
    const workbook = new Workbook();
    const sheet = workbook.addSheet('Big');
    workbook.insertRows(sheet, 1001, 383_000); // 384,000 x 26 = 9,984,000 cells
    expect(() => workbook.insertRows(sheet, 1, 1_000)).toThrow(`above the limit of ${CELL_LIMIT} cells`);
    expect(() => workbook.addSheet('One more')).toThrow(/above the limit/);
  });

  test('dates go in as Date and come back as Date, to the millisecond', () => {
    const at = new Date('2026-11-01T09:00:00.123Z');
    const { workbook, sheet } = sheetWith([[at, 42, 'text', true]]);
    const [row] = workbook.readValues(sheet, 1, 1, 1, 4);
    expect((row![0] as Date).toISOString()).toBe(at.toISOString());
    expect(row!.slice(1)).toEqual([42, 'text', true]);
    expect(workbook.engine.getCellValueDetailedType({ sheet: sheet.engineId, row: 0, col: 0 })).toBe('NUMBER_DATETIME');
  });

  test('typed input is read as Sheets reads it: = + - start formulas; a quote prefix keeps text as text', () => {
    const { workbook, sheet } = sheetWith([['=1+1', "'=1+1", '00123', "'00123", '+1+2', '-2+3', '+98 912', "'+98 912", '-5', '@SUM(A1)']]);
    const [values] = workbook.readValues(sheet, 1, 1, 1, 10);
    expect(values).toEqual([2, '=1+1', 123, '00123', 3, 1, '#ERROR!', '+98 912', -5, '@SUM(A1)']);
    expect(workbook.readFormulas(sheet, 1, 1, 1, 7)[0]).toEqual(['=1+1', '', '', '', '=+1+2', '=-2+3', '=+98 912']);
  });

  test('reading a large block in bulk gives exactly what reading cell by cell gives', () => {
    const rows = Array.from({ length: 2_500 }, (_, r) => [`id-${r}`, r, new Date(Date.UTC(2026, 0, 1) + r * 60_000), r % 3 === 0 ? '' : `x${r}`, r % 2 === 0]);
    const workbook = new Workbook();
    const sheet = workbook.addSheet('Data');
    workbook.insertRows(sheet, 1001, 2_000);
    workbook.writeValues(sheet, 1, 1, rows);
    const bulk = workbook.readValues(sheet, 1, 1, 2_500, 8); // 20,000 cells: the bulk path
    const single = Array.from({ length: 2_500 }, (_, r) => workbook.readValues(sheet, r + 1, 1, 1, 8)[0]);
    expect(bulk).toEqual(single);
    expect(bulk[4]![3]).toBe('x4');
    expect(bulk[2_499]!.slice(5)).toEqual(['', '', '']);
  });

  test('sorting moves whole rows (formulas, notes) and puts empty cells last', () => {
    const { workbook, sheet } = sheetWith([['b', 2], ['', 9], ['a', '=1+0']]);
    sheet.notes['3:1'] = 'on a';
    workbook.sortRows(sheet, 1, 1, 3, 2, [{ column: 1, ascending: true }]);
    expect(workbook.readValues(sheet, 1, 1, 3, 2)).toEqual([['a', 1], ['b', 2], ['', 9]]);
    expect(workbook.readFormulas(sheet, 1, 2, 1, 1)).toEqual([['=1+0']]);
    expect(sheet.notes).toEqual({ '1:1': 'on a' });
  });

  test('inserting and deleting rows and columns moves cells, protections, drop-downs and notes', () => {
    const { workbook, sheet } = sheetWith([['h1', 'h2', 'h3'], ['a', 'b', 'c']]);
    sheet.protections.push({ a1: 'B:B', warningOnly: true, description: 'system' });
    sheet.validations['C2:C1000'] = { type: 'list', values: ['x'], allowInvalid: false };
    sheet.notes['1:3'] = 'note on h3';
    workbook.insertColumns(sheet, 1, 1);
    workbook.insertRows(sheet, 2, 1);
    expect(workbook.readValues(sheet, 1, 1, 3, 4)).toEqual([['', 'h1', 'h2', 'h3'], ['', '', '', ''], ['', 'a', 'b', 'c']]);
    expect(sheet.protections[0]!.a1).toBe('C:C');
    expect(Object.keys(sheet.validations)).toEqual(['D3:D1001']); // a row inserted above moves it down
    expect(sheet.notes).toEqual({ '1:4': 'note on h3' });
    workbook.deleteColumns(sheet, 3, 1);
    workbook.deleteRows(sheet, 2, 1);
    expect(workbook.readValues(sheet, 1, 1, 2, 3)).toEqual([['', 'h1', 'h3'], ['', 'a', 'c']]);
    expect(sheet.protections).toEqual([]);
    expect(Object.keys(sheet.validations)).toEqual(['C2:C1000']);
    expect([sheet.maxRows, sheet.maxColumns]).toEqual([1000, 26]);
  });

  test('moving a column moves its cells and what is anchored to them', () => {
    const { workbook, sheet } = sheetWith([['a', 'b', 'c', 'd']]);
    sheet.protections.push({ a1: 'A:A', warningOnly: true, description: 'id' });
    workbook.move(sheet, 'column', 1, 1, 4); // A before D: b c a d
    expect(workbook.readValues(sheet, 1, 1, 1, 4)).toEqual([['b', 'c', 'a', 'd']]);
    expect(sheet.protections[0]!.a1).toBe('C:C');
  });
});
