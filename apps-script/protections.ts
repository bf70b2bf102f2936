import type { Entity } from '../shared/model';
import { adjacentRuns } from './columns';
import { letters } from './header-plan';

/** The description that marks Clipsheet's protections (and only them: people's own are never touched). */
export const SYSTEM_PROTECTION = 'Clipsheet system column: sync keeps it up to date. Change it only if you know why.';

/**
 * Warning-only protections over the system columns, one per run of adjacent system columns, each a whole
 * open-ended column (`B:D`) so it covers rows added later. Existing Clipsheet protections that still fit are
 * kept, stale ones (after people moved columns) removed, missing ones added. Returns how many changed.
 */
export function protectSystemColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, entity: Entity, positions: Map<string, number>, isNew: boolean): number {
  const system = entity.columns.filter((c) => c.system).map((c) => positions.get(c.key)).filter((i): i is number => i !== undefined);
  const wanted = new Set(adjacentRuns(system).map((run) => `${letters(run[0]!)}:${letters(run[run.length - 1]!)}`));
  let changes = 0;
  if (!isNew) {
    for (const protection of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
      if (protection.getDescription() !== SYSTEM_PROTECTION) continue;
      const a1 = protection.getRange().getA1Notation();
      if (wanted.delete(a1)) continue;
      protection.remove();
      changes++;
    }
  }
  for (const a1 of wanted) {
    sheet.getRange(a1).protect().setDescription(SYSTEM_PROTECTION).setWarningOnly(true);
    changes++;
  }
  return changes;
}
