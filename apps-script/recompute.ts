import { checkDataQuality, rowsCheckedPerRun, type QualityReport } from './data-quality';
import { recomputeSegmentsAndDashboard } from './dashboard';

/**
 * The hook for everything derived from the data, called by the menu and the hourly trigger: the data-quality
 * report (the large sheets a slice per run: data-quality.ts), then segments (each person's Segments cell from the rules in the Segments sheet), predictions, the
 * Customer value sheet and the dashboards (dashboard.ts), with the quality counts as a block on the Dashboard.
 */
export function recomputeDerived(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, now: string): QualityReport {
  const report = checkDataQuality(spreadsheet, now, { rowsPerRun: rowsCheckedPerRun() });
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
  ]);
  return report;
}
