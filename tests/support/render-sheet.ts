import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { formatAt, type SheetExtras } from '../../emulator/sheet-extras';
import type { Workbook } from '../../emulator/workbook';
import { convertWithLibreOffice } from './libreoffice';
import { addCharts } from './xlsx-charts';

/**
 * A picture of one sheet as a person would see it: its values (already verified against the domain core),
 * with the number formats, weights, colours, widths, conditional colours and charts the add-on set through
 * SpreadsheetApp (recorded by emulator/sheet-extras.ts), laid out by LibreOffice into a PDF and turned into
 * PNG pages by pdftoppm. Kept under test-results/ for review.
 */
export async function renderSheet(workbook: Workbook, extras: SheetExtras, sheetName: string, outDir: string): Promise<string[]> {
  const state = workbook.sheet(sheetName)!;
  const rows = workbook.lastRow(state);
  const columns = workbook.lastColumn(state);
  const values = workbook.readValues(state, 1, 1, rows, columns);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: state.frozenRows, showGridLines: false }] });
  values.forEach((line, r) =>
    line.forEach((value, c) => {
      const format = formatAt(extras, r + 1, c + 1);
      if (value === '' && !format?.background) return;
      const cell = sheet.getCell(r + 1, c + 1);
      cell.value = value === '' ? null : (value as ExcelJS.CellValue);
      if (format?.numberFormat && format.numberFormat !== 'General') cell.numFmt = format.numberFormat;
      cell.font = { name: 'Arial', size: 9, bold: format?.bold, color: format?.color ? { argb: argb(format.color) } : undefined };
      if (format?.align) cell.alignment = { horizontal: format.align as 'left' | 'center' | 'right' };
      if (format?.background && format.background !== '#ffffff') cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(format.background) } };
    }),
  );
  for (let c = 1; c <= columns; c++) {
    const width = extras.columnWidths.get(c);
    sheet.getColumn(c).width = (width ?? 100) / 7;
    if (state.hiddenColumns.includes(c)) sheet.getColumn(c).hidden = true;
  }
  for (const rule of extras.conditionalRules) {
    for (const ref of rule.ranges) {
      sheet.addConditionalFormatting({
        ref,
        rules: [{ type: 'colorScale', priority: 1, cfvo: [{ type: 'min' }, { type: 'percentile', value: 50 }, { type: 'max' }], color: [rule.gradient?.min?.[0], rule.gradient?.mid?.[0], rule.gradient?.max?.[0]].map((c) => ({ argb: argb(c ?? '#ffffff') })) } as never],
      });
    }
  }
  sheet.pageSetup = { orientation: 'landscape', paperSize: 8, fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 0.3, right: 0.3, top: 0.3, bottom: 0.3, header: 0, footer: 0 } } as never;
  mkdirSync(outDir, { recursive: true });
  const xlsx = join(outDir, `${slug(sheetName)}.xlsx`);
  const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
  await addCharts(zip, sheetName, extras.charts);
  writeFileSync(xlsx, await zip.generateAsync({ type: 'nodebuffer' }));
  // Pages of an earlier picture would be taken for this one's.
  for (const old of readdirSync(outDir).filter((f) => f.startsWith(`${slug(sheetName)}-`) && f.endsWith('.png'))) rmSync(join(outDir, old));
  convertWithLibreOffice(xlsx, 'pdf', outDir);
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  execFileSync('pdftoppm', ['-png', '-r', '80', pdf, join(outDir, slug(sheetName))], { stdio: 'pipe' });
  const pages = readdirSync(outDir).filter((f) => f.startsWith(`${slug(sheetName)}-`) && f.endsWith('.png')).sort();
  // pdftoppm numbers pages with as many digits as the last page needs; name them the same way always.
  return pages.map((page, i) => {
    const target = join(outDir, `${slug(sheetName)}-page-${i + 1}.png`);
    renameSync(join(outDir, page), target);
    return target;
  });
}

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
const slug = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
