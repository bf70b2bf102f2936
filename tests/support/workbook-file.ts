import ExcelJS from 'exceljs';

/** The rows of one sheet of an .xlsx as objects keyed by header: how a person opening the file sees them. */
export async function readSheetRows(file: string, sheetName: string): Promise<Array<Record<string, unknown>>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheet = book.getWorksheet(sheetName);
  if (!sheet) throw new Error(`No sheet ${sheetName} in ${file}`);
  const headers: string[] = [];
  sheet.getRow(1).eachCell((cell, c) => (headers[c - 1] = String(cell.value)));
  const rows: Array<Record<string, unknown>> = [];
  sheet.eachRow((row, r) => {
    if (r === 1) return;
    const record: Record<string, unknown> = {};
    row.eachCell((cell, c) => (record[headers[c - 1] ?? `col${c}`] = cell.value));
    rows.push(record);
  });
  return rows;
}
