import { checkDataQuality, rowsCheckedPerRun, type QualityReport } from './data-quality';
import { Person } from '../shared/model';
import { recomputeSegmentsAndDashboard } from './dashboard';
import { Table } from './table';

/**
 * The hook for everything derived from the data, called by the menu and the hourly trigger: the data-quality
 * report (the large sheets a slice per run: data-quality.ts), then segments (each person's Segments cell from the rules in the Segments sheet), predictions, the
 * Customer value sheet and the dashboards (dashboard.ts), with the quality counts as a block on the Dashboard.
 */
export function recomputeDerived(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, now: string): QualityReport {
  // Customers read once for both: the report needs every column, the dashboard some of them.
  const people = Table.open(spreadsheet, Person);
  const report = checkDataQuality(spreadsheet, now, { rowsPerRun: rowsCheckedPerRun(), people });
  recomputeSegmentsAndDashboard(spreadsheet, now, [
    ['People', report.people],
    ['Certain duplicates', report.exactDuplicates],
    ['Possible duplicates', report.possibleDuplicates],
    ['Organisations', report.organisations],
    ['Certain duplicate organisations', report.exactOrganisationDuplicates],
    ['Possible duplicate organisations', report.possibleOrganisationDuplicates],
    ['At risk', report.atRisk],
    ['Inactive', report.inactive],
    ['Incomplete profiles', report.incomplete],
    ['Rows sync cannot read', report.invalidRows],
    ['Rows without an id', report.unidentifiedRows],
    ['Cells used (Google allows 10,000,000)', report.cells.used],
    ['Share of the cell limit', `${Math.round(report.cells.share * 1000) / 10}%${report.cells.status === 'ok' ? '' : report.cells.status === 'urgent' ? ': URGENT, Clipsheet > Archive old interactions… now' : ': plan to archive old interactions (Clipsheet menu)'}`],
    ['Interactions that still fit', report.cells.interactionsLeft],
    ['Customers that still fit', report.cells.customersLeft],
  ], people?.grid);
  return report;
}
