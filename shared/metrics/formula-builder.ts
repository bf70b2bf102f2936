import { ANY_VALUE_CRITERION, type Condition, type Expr, type TableName } from './expr';

/**
 * Writes a live metric (expr.ts) as a formula that Google Sheets, HyperFormula and LibreOffice evaluate alike:
 * COUNTIFS and SUMIFS where every condition is a criterion, SUMPRODUCT where one is not (an item of a
 * `; ` list, found with FIND), IFERROR for blank ratios, and LARGE/SUMIF/COUNTIF for the top share. No
 * AVERAGEIFS, MAXIFS, LET or array spills: HyperFormula or LibreOffice 7.4 lack them (PLATFORM.md).
 */

/** Where a table's field sits in the workbook: an absolute range such as `Customers!$O$2:$O$5001`. */
export type RangeOf = (table: TableName, field: string) => string;

/** The formula (with its leading `=`) of an expression. */
export function buildFormula(expr: Expr, rangeOf: RangeOf): string {
  return `=${build(expr, rangeOf)}`;
}

function build(expr: Expr, rangeOf: RangeOf): string {
  switch (expr.kind) {
    case 'count':
      if (expr.where.length === 0) throw new Error('a count needs at least one condition');
      return expr.where.every(isCriterion)
        ? `COUNTIFS(${criteria(expr.table, expr.where, rangeOf)})`
        : `SUMPRODUCT(${products(expr.table, expr.where, rangeOf).join('*')}${expr.where.length === 1 ? '*1' : ''})`;
    case 'sum': {
      const range = rangeOf(expr.table, expr.field);
      if (expr.where.length === 0) return `SUM(${range})`;
      return expr.where.every(isCriterion)
        ? `SUMIFS(${range},${criteria(expr.table, expr.where, rangeOf)})`
        : `SUMPRODUCT(${[...products(expr.table, expr.where, rangeOf), range].join('*')})`;
    }
    case 'ratio':
      return `IFERROR(${build(expr.numerator, rangeOf)}/${build(expr.denominator, rangeOf)},"")`;
    case 'add':
    case 'subtract':
      // Always in brackets, so that a sum over a count never reads as a + (b / c).
      return `(${expr.terms.map((t) => build(t, rangeOf)).join(expr.kind === 'add' ? '+' : '-')})`;
    case 'cell':
      return expr.a1;
    case 'topShare': {
      const values = rangeOf(expr.table, expr.field);
      const k = `ROUNDUP(COUNTIF(${rangeOf(expr.table, expr.countField)},">0")*${expr.percent}/100,0)`;
      const cut = `LARGE(${values},${k})`;
      // The k largest sum to: everything above the k-th largest, plus as many copies of it as are still needed
      // (exact with ties at the cut, as shared/value's Pareto share is).
      return `IFERROR((SUMIF(${values},">"&${cut})+(${k}-COUNTIF(${values},">"&${cut}))*${cut})/SUM(${values}),"")`;
    }
  }
}

const isCriterion = (c: Condition) => c.op !== 'hasItem';

function criteria(table: TableName, where: readonly Condition[], rangeOf: RangeOf): string {
  return where.map((c) => `${rangeOf(table, c.field)},${criterion(c)}`).join(',');
}

function criterion(c: Condition): string {
  switch (c.op) {
    case 'eq':
    case 'eqOrAll':
      return c.operand.ref;
    case 'ne':
      return `"<>${String(c.operand.value).replace(/"/g, '""')}"`;
    case 'ge':
      return `">="&${c.operand.ref}`;
    case 'lt':
      return `"<"&${c.operand.ref}`;
    case 'blank':
      return '""';
    case 'present':
      return '"<>"';
    case 'notTrue':
      return '"<>TRUE"';
    case 'hasItem':
      throw new Error('hasItem is not a criterion');
  }
}

function products(table: TableName, where: readonly Condition[], rangeOf: RangeOf): string[] {
  return where.map((c) => {
    const range = rangeOf(table, c.field);
    switch (c.op) {
      case 'eq':
        return `(${range}=${c.operand.ref})`;
      case 'eqOrAll':
        return `((${c.operand.ref}="${ANY_VALUE_CRITERION}")+(${range}=${c.operand.ref})>0)`;
      case 'ne':
        return `(${range}<>${criterionText(c.operand.value)})`;
      case 'ge':
        return `ISNUMBER(${range})*(${range}>=${c.operand.ref})`;
      case 'lt':
        return `ISNUMBER(${range})*(${range}<${c.operand.ref})`;
      case 'blank':
        return `(${range}="")`;
      case 'present':
        return `(${range}<>"")`;
      case 'notTrue':
        return `(${range}<>TRUE())`;
      case 'hasItem':
        return `ISNUMBER(FIND("; "&${c.operand.ref}&"; ","; "&${range}&"; "))`;
    }
  });
}

const criterionText = (value: unknown) => `"${String(value).replace(/"/g, '""')}"`;
