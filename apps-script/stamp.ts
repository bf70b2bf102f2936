import type { Entity, ProvenanceEntry } from '../shared/model';

/**
 * Stamps rows people changed by hand, so that sync sends their edits back to the reps: a new revision and
 * update time (from the monotonic clock), an id for rows added without one, and `sheet` provenance for the
 * fields they edited. Script writes never fire triggers, so only hand edits come through here.
 */

/** Fields a row added by hand gets when left blank: the first value the domain gives them. */
const HAND_ROW_DEFAULTS: Record<string, Record<string, string>> = {
  person: { stage: 'suspect' },
  organisation: { stage: 'suspect' },
  task: { status: 'open', recurrence: 'none' },
  rep: { role: 'rep' },
};

/** What stamping needs to know about the sheet and the edit. */
export interface StampContext {
  entity: Entity;
  /** Field key to 0-based column index, for the entity's columns present in the sheet. */
  columnOf: Map<string, number>;
  now: () => string;
  newId: () => string;
  /** Who edited, for provenance and as the owner of rows they add; '' when Sheets does not say. */
  editor: string;
  /** The owner of a new row when the editor is unknown: every customer is reachable by an owner [S9]. */
  defaultOwner: string;
}

const blank = (value: unknown) => value === '' || value === null || value === undefined;

/** Whether a row holds anything in the entity's own columns (a cleared row is left alone). */
export function hasContent(row: readonly unknown[], context: StampContext): boolean {
  return [...context.columnOf.values()].some((c) => !blank(row[c]));
}

/**
 * A copy of `row` with its system cells stamped, and the field keys whose cells changed. `edited` names the
 * fields the person changed, for provenance. Cells are as getValues returns them (Date, number, text).
 */
export function stampRow(row: readonly unknown[], edited: readonly string[], context: StampContext): { row: unknown[]; changed: string[] } {
  const out = [...row];
  const changed: string[] = [];
  const { columnOf } = context;
  const set = (key: string, value: unknown) => {
    const c = columnOf.get(key);
    if (c === undefined) return;
    out[c] = value;
    changed.push(key);
  };
  const at = context.now();
  const isNew = blank(row[columnOf.get('id') ?? -1]);
  if (isNew) {
    set('id', context.newId());
    const owner = context.editor || context.defaultOwner;
    if (owner && blank(row[columnOf.get('owner') ?? -1])) set('owner', owner);
    for (const [key, value] of Object.entries(HAND_ROW_DEFAULTS[context.entity.name] ?? {})) if (blank(row[columnOf.get(key) ?? -1])) set(key, value);
  }
  const revision = Number(row[columnOf.get('revision') ?? -1]);
  set('revision', Number.isFinite(revision) && revision >= 0 && !isNew ? Math.floor(revision) + 1 : 1);
  if (blank(row[columnOf.get('createdAt') ?? -1])) set('createdAt', new Date(at));
  set('updatedAt', new Date(at));
  // A hand edit is not a sync change: a replayed push must see the row changed, not a duplicate of itself.
  if (!blank(row[columnOf.get('lastChange') ?? -1])) set('lastChange', '');
  const provenanceColumn = columnOf.get('provenance');
  if (provenanceColumn !== undefined && edited.length) set('provenance', withSheetProvenance(row[provenanceColumn], edited, at, context.editor));
  return { row: out, changed };
}

/** The Provenance cell (JSON) with `sheet` as the source of the edited fields; unreadable JSON starts afresh. */
function withSheetProvenance(cell: unknown, edited: readonly string[], at: string, editor: string): string {
  let provenance: Record<string, ProvenanceEntry> = {};
  try {
    const parsed: unknown = blank(cell) ? {} : JSON.parse(String(cell));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) provenance = parsed as Record<string, ProvenanceEntry>;
  } catch {
    // A person broke the JSON by hand: their edit still counts, the old provenance cannot be kept.
  }
  for (const key of edited) provenance[key] = { source: 'sheet', at, ...(editor ? { by: editor } : {}) };
  return JSON.stringify(provenance);
}

/** Field key to column index for the entity's columns found in a header map. */
export function columnsOfEntity(entity: Entity, headers: Map<string, number>): Map<string, number> {
  const columnOf = new Map<string, number>();
  for (const column of entity.columns) {
    const index = headers.get(column.header);
    if (index !== undefined) columnOf.set(column.key, index);
  }
  return columnOf;
}
