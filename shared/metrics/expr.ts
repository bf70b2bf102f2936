/**
 * Live metrics as data: each dashboard number that is a live formula is written once as an expression (count
 * or sum of a table's rows under conditions, and arithmetic on those), and both its meanings come from that
 * one definition: `evaluateExpr` computes it in JavaScript, `buildFormula` writes the portable sheet formula
 * (COUNTIFS/SUMIFS, or SUMPRODUCT where a condition needs it). Tests check the two agree in HyperFormula and
 * LibreOffice; the domain tests check the JavaScript value against known answers.
 */

/**
 * The sheets live formulas read: three entity sheets, the per-customer facts the add-on writes and the
 * daily rollup of interactions moved to the archive spreadsheet (archive-rollup.ts).
 */
export type TableName = 'Customers' | 'Deals' | 'Interactions' | 'Customer value' | 'Archived interactions';

/**
 * A value a condition compares with: `ref` is how a formula reaches it (a cell such as `$B$5`, or a literal
 * such as `"won"`), `value` is what JavaScript compares. Times are sheet serial days (see toSerial).
 * An undefined value on an `eqOrAll` condition means "any" (the "All reps" choice).
 */
export interface Operand {
  ref: string;
  value: string | number | undefined;
}

export type Condition =
  | { op: 'eq' | 'eqOrAll' | 'hasItem'; field: string; operand: Operand }
  | { op: 'ne'; field: string; operand: Operand }
  | { op: 'ge' | 'lt'; field: string; operand: Operand }
  | { op: 'blank' | 'present' | 'notTrue'; field: string };

export type Expr =
  | { kind: 'count'; table: TableName; where: Condition[] }
  | { kind: 'sum'; table: TableName; field: string; where: Condition[] }
  /** a / b, blank when b is 0. */
  | { kind: 'ratio'; numerator: Expr; denominator: Expr }
  | { kind: 'add' | 'subtract'; terms: Expr[] }
  /** A number already placed in a cell: the formula refers to the cell, JavaScript evaluates `expr`. */
  | { kind: 'cell'; a1: string; expr: Expr }
  /** Share of `field`'s total held by the top `percent`% of rows with `countField` > 0 (shared/value's Pareto). */
  | { kind: 'topShare'; table: TableName; field: string; countField: string; percent: number };

const quote = (text: string) => `"${text.replace(/"/g, '""')}"`;

/** A literal text operand. */
export const text = (value: string): Operand => ({ ref: quote(value), value });
/** A cell operand: the formula reads the cell, JavaScript uses the value the cell holds. */
export const cellOperand = (a1: string, value: string | number | undefined): Operand => ({ ref: a1, value });

export const count = (table: TableName, ...where: Condition[]): Expr => ({ kind: 'count', table, where });
export const sum = (table: TableName, field: string, ...where: Condition[]): Expr => ({ kind: 'sum', table, field, where });
export const ratio = (numerator: Expr, denominator: Expr): Expr => ({ kind: 'ratio', numerator, denominator });
export const add = (...terms: Expr[]): Expr => ({ kind: 'add', terms });
export const subtract = (...terms: Expr[]): Expr => ({ kind: 'subtract', terms });
export const inCell = (a1: string, expr: Expr): Expr => ({ kind: 'cell', a1, expr });

export const eq = (field: string, operand: Operand): Condition => ({ op: 'eq', field, operand });
export const ne = (field: string, value: string): Condition => ({ op: 'ne', field, operand: text(value) });
export const ge = (field: string, operand: Operand): Condition => ({ op: 'ge', field, operand });
export const lt = (field: string, operand: Operand): Condition => ({ op: 'lt', field, operand });
export const blank = (field: string): Condition => ({ op: 'blank', field });
/** The cell is not empty: rows without an id are not records yet, and a formula's range runs past the data. */
export const present = (field: string): Condition => ({ op: 'present', field });
export const notTrue = (field: string): Condition => ({ op: 'notTrue', field });
/** Equal to the operand, or anything when its value is undefined (an "All" selector). */
export const eqOrAll = (field: string, operand: Operand): Condition => ({ op: 'eqOrAll', field, operand });
/** The `; `-separated list in the field holds the operand as one item (case-sensitive, as FIND is). */
export const hasItem = (field: string, operand: Operand): Condition => ({ op: 'hasItem', field, operand });

/** What a criterion cell holds for "any value": no real owner or source is ever this text. */
export const ANY_VALUE_CRITERION = '<>#all#';

const SERIAL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** A moment as a spreadsheet serial day number (days since 1899-12-30), the unit sheet formulas compare in. */
export function toSerial(ms: number): number {
  return (ms - SERIAL_EPOCH_MS) / 86_400_000;
}
