import { describe, expect, test } from 'vitest';
import { project } from './project';

const CODE = `
function setUp() {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Log');
  sheet.getRange('A1:C5').setValues([['Id', 'People', 'Note'], ['a', 'p1', 'Called P1'], ['b', 'p1, p12', 'p1 again'], ['c', 'p12', ''], ['d', 'P1', 'x']]);
}
function find(a1, text, options) {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log');
  const finder = (a1 ? sheet.getRange(a1) : sheet).createTextFinder(text);
  if (options.matchCase) finder.matchCase(true);
  if (options.entireCell) finder.matchEntireCell(true);
  if (options.regex) finder.useRegularExpression(true);
  return finder.findAll().map((r) => r.getA1Notation());
}
function stepThrough(text) {
  const finder = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log').getRange('B2:B5').createTextFinder(text);
  const found = [];
  for (let r = finder.findNext(); r; r = finder.findNext()) found.push(r.getRow());
  return found;
}
`;

describe('TextFinder, as Sheets searches', () => {
  const runtime = project(CODE);
  runtime.call('setUp');
  const find = (a1: string | null, text: string, options: Record<string, boolean> = {}) => runtime.call<string[]>('find', a1, text, options);

  test('finds text inside cells, ignoring case, row by row, within the range searched', () => {
    expect(find(null, 'p1')).toEqual(['B2', 'C2', 'B3', 'C3', 'B4', 'B5']);
    expect(find('B2:B5', 'p1')).toEqual(['B2', 'B3', 'B4', 'B5']);
    expect(find('B2:B5', 'p1', { matchCase: true })).toEqual(['B2', 'B3', 'B4']);
    expect(find('B2:B5', 'p1', { entireCell: true })).toEqual(['B2', 'B5']);
  });

  test('a regular expression finds one id in a list without its longer neighbours; plain text is literal', () => {
    expect(find('B2:B5', '(^|[ ,])p1($|[ ,])', { regex: true, matchCase: true })).toEqual(['B2', 'B3']);
    expect(find('B2:B5', 'p.', {})).toEqual([]);
  });

  test('findNext goes through the matches once, then answers null', () => {
    expect(runtime.call('stepThrough', 'p12')).toEqual([3, 4]);
  });

  test('an empty search is refused, as Sheets does', () => {
    expect(() => find(null, '')).toThrow('Invalid argument: findText');
  });
});
