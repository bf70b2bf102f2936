import { mapIndex, shiftA1, shiftNotes, type GridChange } from './grid-shift';

/**
 * What a sheet keeps beside its cells, anchored to them: protected ranges, drop-downs, notes, hidden
 * columns. Sheets moves all of these with their cells; `followGridChange` does the same here.
 */

/** A data-validation rule as the emulator keeps it (enough to answer what Sheets would show). */
export type ValidationRule =
  | { type: 'list'; values: string[]; allowInvalid: boolean; helpText?: string }
  | { type: 'checkbox'; allowInvalid: boolean; helpText?: string };

/** A protected range as kept in the sheet's state (and the sidecar file). */
export interface ProtectionState {
  /** The protected range, A1 (may be open-ended, e.g. `A:A`). */
  a1: string;
  warningOnly: boolean;
  description: string;
}

/** The parts of a sheet's state that are anchored to cells. */
export interface SheetAnchors {
  protections: ProtectionState[];
  /** Drop-downs and checkboxes by A1 range; a later rule over the same cells replaces the earlier one. */
  validations: Record<string, ValidationRule>;
  /** Cell notes keyed `row:column` (1-based). */
  notes: Record<string, string>;
  hiddenColumns: number[];
}

/** Moves every anchor of a sheet the way Sheets does when rows or columns are inserted, deleted or moved. */
export function followGridChange(anchors: SheetAnchors, change: GridChange): void {
  // The same objects where a range stays one range: a Protection the script holds keeps pointing at it.
  anchors.protections = anchors.protections.flatMap((p) => {
    const moved = shiftA1(p.a1, change);
    if (moved.length === 1) p.a1 = moved[0]!;
    return moved.length === 1 ? [p] : moved.map((a1) => ({ ...p, a1 }));
  });
  const validations: Record<string, ValidationRule> = {};
  for (const [a1, rule] of Object.entries(anchors.validations)) for (const moved of shiftA1(a1, change)) validations[moved] = rule;
  anchors.validations = validations;
  anchors.notes = shiftNotes(anchors.notes, change);
  if (change.axis === 'column') {
    anchors.hiddenColumns = anchors.hiddenColumns.flatMap((c) => {
      const moved = mapIndex(c, change);
      return moved === undefined ? [] : [moved];
    });
  }
}

/** Reads a sidecar's validations, including the first format (a bare list of values per range). */
export function readValidations(saved: Record<string, ValidationRule | string[]> | undefined): Record<string, ValidationRule> {
  const out: Record<string, ValidationRule> = {};
  for (const [a1, rule] of Object.entries(saved ?? {})) out[a1] = Array.isArray(rule) ? { type: 'list', values: rule, allowInvalid: false } : rule;
  return out;
}
