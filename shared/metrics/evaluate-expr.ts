import { computeParetoShare } from '../value/pareto';
import type { Condition, Expr, TableName } from './expr';

/**
 * The JavaScript meaning of a live metric (expr.ts), with the spreadsheet's semantics: text compares without
 * case, a blank cell never passes >= or <, "<>x" lets blanks through, and a ratio over 0 is blank (undefined).
 * Rows hold values in sheet units: times as serial days, lists as arrays.
 */

export type SheetRow = Readonly<Record<string, unknown>>;
export type TableRows = Readonly<Record<TableName, readonly SheetRow[]>>;

/** The value of an expression over the tables; undefined where the sheet shows a blank. */
export function evaluateExpr(expr: Expr, tables: TableRows): number | undefined {
  switch (expr.kind) {
    case 'count':
      return tables[expr.table].reduce((n, row) => (matches(row, expr.where) ? n + 1 : n), 0);
    case 'sum':
      return tables[expr.table].reduce((total, row) => {
        const value = row[expr.field];
        return matches(row, expr.where) && typeof value === 'number' ? total + value : total;
      }, 0);
    case 'ratio': {
      const numerator = evaluateExpr(expr.numerator, tables);
      const denominator = evaluateExpr(expr.denominator, tables);
      return numerator === undefined || !denominator ? undefined : numerator / denominator;
    }
    case 'add':
    case 'subtract': {
      const values = expr.terms.map((term) => evaluateExpr(term, tables));
      if (values.some((v) => v === undefined)) return undefined;
      return values.slice(1).reduce<number>((total, v) => (expr.kind === 'add' ? total + v! : total - v!), values[0] ?? 0);
    }
    case 'cell':
      return evaluateExpr(expr.expr, tables);
    case 'topShare': {
      const values = tables[expr.table].filter((row) => Number(row[expr.countField] ?? 0) > 0).map((row) => Number(row[expr.field] ?? 0));
      const share = computeParetoShare(values, expr.percent);
      return share.ok ? share.value.share : undefined;
    }
  }
}

/** Whether a row passes every condition. */
export function matches(row: SheetRow, where: readonly Condition[]): boolean {
  return where.every((condition) => passes(row[condition.field], condition));
}

const isBlank = (value: unknown) => value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
const textOf = (value: unknown) => String(value).toLowerCase();

function passes(value: unknown, condition: Condition): boolean {
  switch (condition.op) {
    case 'eq':
      return !isBlank(value) && textOf(value) === textOf(condition.operand.value);
    case 'eqOrAll':
      return condition.operand.value === undefined || (!isBlank(value) && textOf(value) === textOf(condition.operand.value));
    case 'ne':
      return isBlank(value) || textOf(value) !== textOf(condition.operand.value);
    case 'ge':
      return typeof value === 'number' && value >= Number(condition.operand.value);
    case 'lt':
      return typeof value === 'number' && value < Number(condition.operand.value);
    case 'blank':
      return isBlank(value);
    case 'present':
      return !isBlank(value);
    case 'notTrue':
      return value !== true;
    case 'hasItem': {
      const items = Array.isArray(value) ? value : isBlank(value) ? [] : String(value).split('; ');
      return items.includes(condition.operand.value);
    }
  }
}
