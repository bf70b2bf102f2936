import { countPurchases, transitionStage } from '../shared/ladder';
import { Deal, Person } from '../shared/model';
import { appendLog } from './audit-log';
import { createClock } from './clock';
import { withScriptLock } from './lock';
import type { StageChangeResult } from './sidebar/contract';
import { Table } from './table';

/**
 * Moves a person to another stage from the sidebar, with the ladder's rules (a reason to leave the ladder,
 * purchases that agree with first-time and repeat). A script write fires no trigger, so the row is stamped
 * here (revision, update time, `sheet` provenance) for sync to send it to the reps.
 */
export function changeStage(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, input: { personId: string; stage: string; reason: string; note: string; user: string }): StageChangeResult {
  return withScriptLock(() => {
    const table = Table.open(spreadsheet, Person);
    const row = table?.rows().find((r) => r.values.id === input.personId);
    const current = row && Person.schema.safeParse(row.values);
    if (!table || !current?.success) return { ok: false, message: 'This person’s row cannot be read; check it in the sheet.' };
    const person = current.data;
    const deals = Table.open(spreadsheet, Deal)?.rows().flatMap(({ values }) => {
      const parsed = Deal.schema.safeParse(values);
      return parsed.success && parsed.data.personId === person.id ? [parsed.data] : [];
    }) ?? [];
    const moved = transitionStage(person.stage, input.stage as Person['stage'], { purchases: countPurchases(deals), reason: input.reason, note: input.note });
    if (!moved.ok) return { ok: false, message: moved.error.message };
    const clock = createClock();
    const at = clock.now();
    const source = { source: 'sheet' as const, at, ...(input.user ? { by: input.user } : {}) };
    table.put({
      ...person,
      stage: moved.stage,
      stageReason: moved.stageReason,
      revision: person.revision + 1,
      updatedAt: at,
      lastChange: undefined,
      provenance: { ...person.provenance, stage: source, ...(moved.stageReason ? { stageReason: source } : {}) },
    });
    table.commit();
    clock.save();
    appendLog(spreadsheet, [{ at, actor: input.user || 'sidebar', action: 'stage change', sheet: Person.sheet, id: person.id, revision: person.revision + 1, detail: `${person.stage} -> ${moved.stage}${moved.stageReason ? ` (${moved.stageReason})` : ''}` }]);
    return { ok: true, view: { kind: 'empty', message: '' } };
  });
}
