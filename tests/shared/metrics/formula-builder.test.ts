import { describe, expect, test } from 'vitest';
import {
  blank, buildFormula, cellOperand, count, eq, eqOrAll, evaluateExpr, ge, hasItem, inCell, lt, ne, notTrue, ratio, subtract, sum, text,
  type Expr, type TableRows,
} from '../../../shared/metrics';

/** One definition, two meanings: the formula a sheet evaluates and the value JavaScript computes. */
const rangeOf = (table: string, field: string) => `'${table}'!$${field.toUpperCase()}$2:$${field.toUpperCase()}$9`;
const rows = (list: Array<Record<string, unknown>>): TableRows => ({ Customers: list, Deals: [], Interactions: [], 'Customer value': [], 'Archived interactions': [] });

describe('buildFormula writes portable formulas', () => {
  test.each<[string, Expr, string]>([
    ['criteria become COUNTIFS', count('Customers', eq('s', text('prospect')), ge('c', cellOperand('$B$4', 1)), lt('c', cellOperand('$E$4', 2)), notTrue('d')),
      `=COUNTIFS('Customers'!$S$2:$S$9,"prospect",'Customers'!$C$2:$C$9,">="&$B$4,'Customers'!$C$2:$C$9,"<"&$E$4,'Customers'!$D$2:$D$9,"<>TRUE")`],
    ['an "All" selector is a criterion cell', count('Customers', eqOrAll('o', cellOperand('$T$3', undefined)), blank('l')), `=COUNTIFS('Customers'!$O$2:$O$9,$T$3,'Customers'!$L$2:$L$9,"")`],
    ['a sum with criteria is SUMIFS', sum('Customers', 'v', ne('t', 'website visit')), `=SUMIFS('Customers'!$V$2:$V$9,'Customers'!$T$2:$T$9,"<>website visit")`],
    ['a list item needs SUMPRODUCT with FIND', count('Customers', hasItem('g', cellOperand('$A9', 'VIP')), eqOrAll('o', cellOperand('$T$3', undefined))),
      `=SUMPRODUCT(ISNUMBER(FIND("; "&$A9&"; ","; "&'Customers'!$G$2:$G$9&"; "))*(($T$3="<>#all#")+('Customers'!$O$2:$O$9=$T$3)>0))`],
    ['a ratio is blank over zero', ratio(inCell('C5', count('Customers', notTrue('d'))), subtract(sum('Customers', 'p'), inCell('C6', count('Customers', notTrue('d'))))), `=IFERROR(C5/(SUM('Customers'!$P$2:$P$9)-C6),"")`],
  ])('%s', (_name, expr, formula) => {
    expect(buildFormula(expr, rangeOf as never)).toBe(formula);
  });

  test('the top share is exact with ties at the cut, with LARGE, SUMIF and COUNTIF only', () => {
    const formula = buildFormula({ kind: 'topShare', table: 'Customer value', field: 'r', countField: 'p', percent: 20 }, rangeOf as never);
    expect(formula).toMatch(/^=IFERROR\(\(SUMIF\(.*LARGE\(.*ROUNDUP\(COUNTIF\('Customer value'!\$P\$2:\$P\$9,">0"\)\*20\/100,0\)/);
    expect(formula).not.toMatch(/AVERAGEIFS|MAXIFS|MINIFS|LET|FILTER|SORT|UNIQUE/);
  });
});

describe('evaluateExpr follows the spreadsheet', () => {
  const table = rows([
    { s: 'Prospect', c: 10, d: false, o: 'a@x', l: 5, g: ['VIP', 'at risk'], t: 'call', v: 2 },
    { s: 'prospect', c: 11, d: true, o: 'b@x', g: [], t: 'website visit', v: 3 },
    { s: 'client', c: undefined, d: undefined, o: '', l: '', g: ['vip'], v: 4 },
  ]);
  test.each<[string, Expr, number | undefined]>([
    ['text compares without case', count('Customers', eq('s', text('PROSPECT'))), 2],
    ['>= and < never pass a blank cell', count('Customers', ge('c', text('0' as never)), lt('c', { ref: '99', value: 99 })), 2],
    ['"<>x" lets blanks through', count('Customers', ne('t', 'website visit')), 2],
    ['"<>TRUE" keeps FALSE and blank', count('Customers', notTrue('d')), 2],
    ['"" counts blank cells', count('Customers', blank('l')), 2],
    ['"All" passes everything, blanks included', count('Customers', eqOrAll('o', cellOperand('$T$3', undefined))), 3],
    ['FIND is case-sensitive, and matches whole items', count('Customers', hasItem('g', text('VIP'))), 1],
    ['a ratio over zero is blank', ratio(count('Customers', eq('s', text('client'))), count('Customers', eq('s', text('none')))), undefined],
    ['sums skip rows that fail', sum('Customers', 'v', notTrue('d')), 6],
  ])('%s', (_name, expr, expected) => {
    expect(evaluateExpr(expr, table)).toBe(expected);
  });
});
