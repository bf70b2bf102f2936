import type { AppsScriptRuntime } from '../../emulator/runtime';
import { Deal, Interaction, Organisation, Person, recordToCells, Rep, type Entity } from '../../shared/model';
import type { TeamData } from './generate-team-data';

/**
 * Puts generated records into a set-up workbook the way they would sit after months of syncing: rows under
 * the headers Set up wrote, columns found by header. Written straight into the workbook (no service calls),
 * because the tests measure the recompute, not the loading.
 */
export function loadTeamIntoWorkbook(runtime: AppsScriptRuntime, team: Pick<TeamData, 'people' | 'deals' | 'interactions' | 'organisations' | 'reps'>): void {
  const put = (entity: Entity, records: ReadonlyArray<Record<string, unknown>>) => {
    const { workbook } = runtime;
    const sheet = workbook.sheet(entity.sheet);
    if (!sheet) throw new Error(`no ${entity.sheet} sheet: run setUpSpreadsheet first`);
    const headers = workbook.readValues(sheet, 1, 1, 1, sheet.maxColumns)[0]!.map(String);
    const at = entity.columns.map((c) => headers.indexOf(c.header));
    const width = Math.max(...at) + 1;
    const rows = records.map((record) => {
      const cells = recordToCells(entity.columns, record);
      const line: unknown[] = Array(width).fill('');
      at.forEach((column, i) => column >= 0 && (line[column] = cells[i]));
      return line;
    });
    const first = workbook.lastRow(sheet) + 1;
    const needed = first + rows.length - 1;
    if (needed > sheet.maxRows) workbook.insertRows(sheet, sheet.maxRows + 1, needed - sheet.maxRows);
    if (rows.length) workbook.writeValues(sheet, first, 1, rows);
  };
  put(Rep, team.reps);
  put(Organisation, team.organisations);
  put(Person, team.people);
  put(Deal, team.deals);
  put(Interaction, team.interactions);
}
