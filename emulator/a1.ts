/** A1 notation, as Google Sheets reads it: `B2`, `A1:C10`, `A:A`, `2:2`, `'My sheet'!A1:B2`. */

export interface GridRange {
  sheetName?: string;
  /** 1-based, inclusive. Open-ended ranges (`A:A`) have `endRow` undefined: to the sheet's last row. */
  startRow: number;
  startColumn: number;
  endRow?: number;
  endColumn?: number;
}

export function columnToLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

export function lettersToColumn(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

const CELL = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

export function parseA1(notation: string): GridRange {
  let rest = notation.trim();
  let sheetName: string | undefined;
  const bang = rest.lastIndexOf('!');
  if (bang >= 0) {
    sheetName = rest.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [from, to = from] = rest.split(':');
  const a = CELL.exec(from!);
  const b = CELL.exec(to!);
  if (!a || !b || (!a[1] && !a[2]) || (!b[1] && !b[2])) throw new Error(`Range not found: ${notation}`);
  const startColumn = a[1] ? lettersToColumn(a[1]) : 1;
  const startRow = a[2] ? Number(a[2]) : 1;
  return {
    sheetName,
    startRow,
    startColumn,
    endRow: b[2] ? Number(b[2]) : undefined,
    endColumn: b[1] ? lettersToColumn(b[1]) : undefined,
  };
}

export function toA1(startRow: number, startColumn: number, numRows = 1, numColumns = 1): string {
  const start = `${columnToLetters(startColumn)}${startRow}`;
  if (numRows === 1 && numColumns === 1) return start;
  return `${start}:${columnToLetters(startColumn + numColumns - 1)}${startRow + numRows - 1}`;
}

/** A grid range as Sheets writes it back: `B2`, `A1:C10`, open-ended `A:B` or `B2:B`, row ranges `2:3`. */
export function formatA1(g: GridRange): string {
  if (g.endColumn === undefined) return `${g.startRow}:${g.endRow ?? g.startRow}`;
  if (g.endRow === undefined) {
    const from = columnToLetters(g.startColumn);
    const to = columnToLetters(g.endColumn);
    return g.startRow === 1 ? `${from}:${to}` : `${from}${g.startRow}:${to}`;
  }
  return toA1(g.startRow, g.startColumn, g.endRow - g.startRow + 1, g.endColumn - g.startColumn + 1);
}
