import { ensureGrid } from './columns';
import type { DashboardLayout } from './dashboard-layout';
import type { ChartSpec, Grid } from './dashboard-grid';

/**
 * Writes built grids to sheets with a fixed number of calls whatever the data size: one setValues, one call
 * per kind of formatting, one rule per drop-down, the conditional-format rules in one call, and a few calls
 * per chart (charts are replaced, not edited, so a re-run never piles them up).
 */

/** The sheet by name, created at the end when missing. */
export function sheetNamed(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  return spreadsheet.getSheetByName(name) ?? spreadsheet.insertSheet(name, spreadsheet.getNumSheets());
}

/** Replaces a sheet's contents and formats with the grid. */
export function writeGrid(sheet: GoogleAppsScript.Spreadsheet.Sheet, grid: Grid): void {
  sheet.clear();
  if (!grid.rows || !grid.columns) return;
  ensureGrid(sheet, grid.rows, grid.columns);
  const arrays = grid.toArrays();
  const range = sheet.getRange(1, 1, grid.rows, grid.columns);
  range.setValues(arrays.values);
  range.setNumberFormats(arrays.formats);
  range.setFontWeights(arrays.weights);
  range.setBackgrounds(arrays.backgrounds);
  range.setFontColors(arrays.colors);
  range.setHorizontalAlignments(arrays.alignments);
}

/** Writes a dashboard: the grid, the selectors' drop-downs, the cohort colours, charts, widths, frozen rows. */
export function writeDashboard(sheet: GoogleAppsScript.Spreadsheet.Sheet, layout: DashboardLayout): void {
  writeGrid(sheet, layout.grid);
  for (const { a1, values } of layout.validations) {
    sheet.getRange(a1).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(values, true).setAllowInvalid(false).build());
  }
  sheet.setConditionalFormatRules(
    layout.gradients.map((a1) =>
      SpreadsheetApp.newConditionalFormatRule()
        .setGradientMinpointWithValue('#f4c7c3', SpreadsheetApp.InterpolationType.NUMBER, '0')
        .setGradientMidpointWithValue('#fce8b2', SpreadsheetApp.InterpolationType.PERCENTILE, '50')
        .setGradientMaxpointWithValue('#57bb8a', SpreadsheetApp.InterpolationType.MAX, '')
        .setRanges([sheet.getRange(a1)])
        .build(),
    ),
  );
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  for (const spec of layout.grid.charts) sheet.insertChart(buildChart(sheet, spec));
  for (const column of layout.hiddenColumns) sheet.hideColumns(column);
  sheet.setFrozenRows(layout.frozenRows);
  for (const [column, width] of groupWidths(layout.widths)) sheet.setColumnWidths(column, width.count, width.pixels);
}

function buildChart(sheet: GoogleAppsScript.Spreadsheet.Sheet, spec: ChartSpec): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  let builder = sheet.newChart().setChartType(Charts.ChartType[spec.type]);
  for (const a1 of spec.ranges) builder = builder.addRange(sheet.getRange(a1));
  return builder
    .setNumHeaders(1)
    .setPosition(spec.row, spec.column, 0, 0)
    .setOption('title', spec.title)
    .setOption('legend', { position: 'none' })
    .setOption('width', spec.width)
    .setOption('height', spec.height)
    .build();
}

// Adjacent columns of the same width are one setColumnWidths call.
function groupWidths(widths: ReadonlyArray<[number, number]>): Array<[number, { count: number; pixels: number }]> {
  const groups: Array<[number, { count: number; pixels: number }]> = [];
  for (const [column, pixels] of [...widths].sort((a, b) => a[0] - b[0])) {
    const last = groups[groups.length - 1];
    if (last && last[1].pixels === pixels && last[0] + last[1].count === column) last[1].count++;
    else groups.push([column, { count: 1, pixels }]);
  }
  return groups;
}
