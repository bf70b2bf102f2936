import type { Entity } from '../shared/model';
import { adjacentRuns, ensureGrid, writeColumns } from './columns';
import { addDropDowns, type RuleCache } from './drop-downs';
import { planHeaders } from './header-plan';
import { bridgeableColumns, HIDDEN_ON_NEW_SHEETS } from './layout';
import { protectSystemColumns } from './protections';
import { hasContent, stampRow, type StampContext } from './stamp';

/** What Set up shares with each sheet's repair: the clock, ids and the drop-down rules built so far. */
export interface RepairContext {
  /** The admin running Set up: owner of rows found without an id and without an owner. */
  actor: string;
  now: () => string;
  newId: () => string;
  rules: RuleCache;
}

/**
 * Creates or repairs one entity's sheet: headers (restored in place or added at the end, people's columns
 * left where they are), header notes, the frozen header row, ids for rows people added without one,
 * warnings on system columns and drop-downs. A new sheet is not read at all: there is nothing to keep.
 */
export function repairEntitySheet(sheet: GoogleAppsScript.Spreadsheet.Sheet, entity: Entity, isNew: boolean, context: RepairContext): string[] {
  const cells: unknown[][] = isNew ? [[]] : sheet.getDataRange().getValues();
  const headerRow = isNew ? [] : cells[0]!;
  const notes = isNew ? [] : sheet.getRange(1, 1, 1, Math.max(1, headerRow.length)).getNotes()[0]!;
  const plan = planHeaders(entity, headerRow, notes);
  const report = [...plan.report];

  if (plan.headerWrites.size || plan.noteWrites.size) ensureGrid(sheet, 1, plan.width);
  if (plan.headerWrites.size) writeColumns(sheet, 1, [toRow(plan.headerWrites)], plan.headerWrites.keys());
  for (const run of adjacentRuns(plan.noteWrites.keys())) sheet.getRange(1, run[0]! + 1, 1, run.length).setNotes([run.map((c) => plan.noteWrites.get(c)!)]);
  if (isNew || sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  if (isNew) {
    const hidden = [...HIDDEN_ON_NEW_SHEETS].map((key) => plan.positions.get(key)).filter((i): i is number => i !== undefined);
    for (const run of adjacentRuns(hidden)) sheet.hideColumns(run[0]! + 1, run.length);
  }

  if (!isNew) {
    const stamped = stampUnidentifiedRows(sheet, entity, cells, plan.positions, context);
    if (stamped) report.push(`${entity.sheet}: gave ${stamped} row${stamped > 1 ? 's' : ''} added by hand an id`);
  }
  const protections = protectSystemColumns(sheet, entity, plan.positions, isNew);
  if (protections && !isNew) report.push(`${entity.sheet}: re-protected the system columns`);
  addDropDowns(sheet, entity, plan.positions, context.rules);
  report.push(...trimEmptyColumns(sheet, entity));
  return report;
}

/**
 * Deletes the columns right of the last one holding anything (header or cell): every grid cell counts against
 * Google's 10 million per spreadsheet, and a new sheet's 26 columns make each of 500,000 interactions 26 cells
 * instead of 21 (cell-budget.ts). Nothing is lost; a person who wants a column adds one.
 */
function trimEmptyColumns(sheet: GoogleAppsScript.Spreadsheet.Sheet, entity: Entity): string[] {
  const last = sheet.getLastColumn();
  const max = sheet.getMaxColumns();
  if (last < 1 || max <= last) return [];
  sheet.deleteColumns(last + 1, max - last);
  const freed = (max - last) * sheet.getMaxRows();
  return [`${entity.sheet}: deleted ${max - last} empty column${max - last > 1 ? 's' : ''} right of the data (${freed.toLocaleString('en-US')} cells of Google's 10 million freed)`];
}

/** Rows with content but no id get one (and a revision and times), written in one block per run of columns. */
function stampUnidentifiedRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, entity: Entity, cells: unknown[][], columnOf: Map<string, number>, context: RepairContext): number {
  const idAt = columnOf.get('id')!;
  const stampContext: StampContext = { entity, columnOf, now: context.now, newId: context.newId, editor: '', defaultOwner: context.actor };
  const rows = cells.slice(1);
  const targets = rows.map((row, i) => (String(row[idAt] ?? '') === '' && hasContent(row, stampContext) ? i : -1)).filter((i) => i >= 0);
  if (!targets.length) return 0;
  const first = targets[0]!;
  const block = rows.slice(first, targets[targets.length - 1]! + 1).map((row) => [...row]);
  const changed = new Set<number>();
  for (const i of targets) {
    const result = stampRow(block[i - first]!, [], stampContext);
    block[i - first] = result.row;
    result.changed.forEach((key) => changed.add(columnOf.get(key)!));
  }
  // Rows between the targets are rewritten with what they hold, formulas included.
  const formulas = sheet.getRange(first + 2, 1, block.length, Math.max(1, cells[0]!.length)).getFormulas();
  writeColumns(sheet, first + 2, block, changed, { formulas, bridge: bridgeableColumns(entity, columnOf) });
  return targets.length;
}

function toRow(cells: Map<number, string>): string[] {
  const row: string[] = [];
  for (const [at, text] of cells) row[at] = text;
  return row;
}
