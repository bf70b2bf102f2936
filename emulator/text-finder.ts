import type { Range } from './spreadsheet-range';
import type { SheetsContext } from './sheets-context';

/**
 * SpreadsheetApp's TextFinder over one range (Range.createTextFinder, Sheet.createTextFinder): Sheets'
 * search of the cells' displayed text, case-insensitive and within a cell unless told otherwise, row by row.
 * The search runs on Google's side, so a script finds a handful of rows in a large sheet without reading it.
 */
export class TextFinder {
  private caseSensitive = false;
  private entireCell = false;
  private regularExpression = false;
  private cursor = 0;

  constructor(
    private readonly ctx: SheetsContext,
    private readonly range: Range,
    private readonly text: string,
  ) {}

  matchCase(on: boolean) { this.caseSensitive = on; return this; }
  matchEntireCell(on: boolean) { this.entireCell = on; return this; }
  useRegularExpression(on: boolean) { this.regularExpression = on; return this; }

  /** Every matching cell, as one-cell ranges in reading order. */
  findAll(): Range[] {
    return this.matches().map(([row, column]) => this.ctx.range(this.range.state, row, column, 1, 1) as Range);
  }

  /** The next matching cell after the last one found, or null once there are no more. */
  findNext(): Range | null {
    const next = this.matches()[this.cursor];
    if (!next) return null;
    this.cursor++;
    return this.ctx.range(this.range.state, next[0], next[1], 1, 1) as Range;
  }

  private matches(): Array<[row: number, column: number]> {
    if (this.text === '') throw new Error('Exception: Invalid argument: findText');
    const source = this.regularExpression ? this.text : this.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(this.entireCell ? `^(?:${source})$` : source, this.caseSensitive ? 'u' : 'iu');
    const found: Array<[number, number]> = [];
    this.range.getDisplayValues().forEach((line, r) => line.forEach((text, c) => {
      if (text !== '' && pattern.test(text)) found.push([this.range.row + r, this.range.column + c]);
    }));
    return found;
  }
}
