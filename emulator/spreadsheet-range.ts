import { parseA1, toA1 } from './a1';
import { recordFormat, type CellFormat } from './sheet-extras';
import type { SheetsContext } from './sheets-context';
import { TextFinder } from './text-finder';
import type { ProtectionState, ValidationRule } from './sheet-anchors';
import type { CellValue, SheetState } from './workbook';

/**
 * Range, Protection and data validation of the emulated SpreadsheetApp, with Sheets' semantics: 1-based
 * coordinates, 2-D arrays, exceptions with Sheets' messages, anchors (protections, drop-downs, notes) that
 * follow their cells.
 */
const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** SpreadsheetApp's Range: a block of cells on one sheet. */
export class Range {
  constructor(
    private readonly ctx: SheetsContext,
    readonly state: SheetState,
    readonly row: number,
    readonly column: number,
    readonly rows: number,
    readonly columns: number,
    /** Set for open-ended ranges (`A:A`, `B2:B`), which Sheets reports as written. */
    private readonly openA1?: string,
  ) {}

  getRow() { return this.row; }
  getColumn() { return this.column; }
  getLastRow() { return this.row + this.rows - 1; }
  getLastColumn() { return this.column + this.columns - 1; }
  getNumRows() { return this.rows; }
  getNumColumns() { return this.columns; }
  getA1Notation() { return this.openA1 ?? toA1(this.row, this.column, this.rows, this.columns); }
  getSheet() { return this.ctx.sheetOf(this.state); }
  getCell(row: number, column: number) { return this.ctx.range(this.state, this.row + row - 1, this.column + column - 1, 1, 1); }
  offset(rows: number, columns: number, numRows = this.rows, numColumns = this.columns) {
    return this.ctx.range(this.state, this.row + rows, this.column + columns, numRows, numColumns);
  }
  activate() { this.ctx.selection.sheet = this.state; this.ctx.selection.a1 = this.getA1Notation(); return this; }

  getValues(): CellValue[][] { return this.ctx.workbook.readValues(this.state, this.row, this.column, this.rows, this.columns, this.ctx.makeDate); }
  getValue(): CellValue { return this.ctx.workbook.readValues(this.state, this.row, this.column, 1, 1, this.ctx.makeDate)[0]![0]!; }
  getDisplayValues(): string[][] { return this.getValues().map((line) => line.map((v) => (isDate(v) ? v.toISOString() : String(v)))); }
  getDisplayValue(): string { return this.getDisplayValues()[0]![0]!; }
  getFormulas(): string[][] { return this.ctx.workbook.readFormulas(this.state, this.row, this.column, this.rows, this.columns); }
  getFormula(): string { return this.getFormulas()[0]![0]!; }
  createTextFinder(text: string) { return this.ctx.wrap(new TextFinder(this.ctx, this, text), 'TextFinder'); }

  setValues(values: unknown[][]) {
    if (!Array.isArray(values) || values.length !== this.rows)
      throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${values?.length ?? 0} but the range has ${this.rows}.`);
    for (const line of values) {
      if (!Array.isArray(line) || line.length !== this.columns)
        throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${line?.length ?? 0} but the range has ${this.columns}.`);
    }
    this.ctx.workbook.writeValues(this.state, this.row, this.column, values);
    this.ctx.written();
    return this;
  }
  setValue(value: unknown) { return this.setValues(this.fill(value)); }
  setFormulas(formulas: string[][]) { return this.setValues(formulas); }
  setFormula(formula: string) { return this.setValue(formula); }
  clearContent() { return this.setValue(''); }
  clear() { return this.clearContent(); }

  sort(spec: number | { column: number; ascending?: boolean } | Array<number | { column: number; ascending?: boolean }>) {
    const specs = (Array.isArray(spec) ? spec : [spec]).map((s) => (typeof s === 'number' ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending ?? true }));
    this.ctx.workbook.sortRows(this.state, this.row, this.column, this.rows, this.columns, specs);
    this.ctx.written();
    return this;
  }

  getNotes(): string[][] {
    return Array.from({ length: this.rows }, (_, r) => Array.from({ length: this.columns }, (_, c) => this.state.notes[`${this.row + r}:${this.column + c}`] ?? ''));
  }
  getNote(): string { return this.getNotes()[0]![0]!; }
  setNotes(notes: Array<Array<string | null>>) {
    if (!Array.isArray(notes) || notes.length !== this.rows || notes.some((line) => !Array.isArray(line) || line.length !== this.columns))
      throw new Error('Exception: The number of rows or columns in the data does not match the range.');
    notes.forEach((line, r) => line.forEach((note, c) => {
      const key = `${this.row + r}:${this.column + c}`;
      if (note === null || note === '') delete this.state.notes[key];
      else this.state.notes[key] = String(note);
    }));
    this.ctx.written();
    return this;
  }
  setNote(note: string | null) { return this.setNotes(this.fill(note)); }

  setDataValidation(rule: DataValidation | null) {
    // Sheets keeps validation per cell: an open-ended range sets the cells that exist now, and rows added
    // later at the end do not get it (protections, by contrast, keep their open range).
    const a1 = toA1(this.row, this.column, this.rows, this.columns);
    // A rule over these cells replaces the rules that covered only them.
    for (const key of Object.keys(this.state.validations)) if (contains(a1, key)) delete this.state.validations[key];
    if (rule) this.state.validations[a1] = rule.rule;
    this.ctx.written();
    return this;
  }
  getDataValidation(): DataValidation | null {
    const covering = Object.entries(this.state.validations).filter(([a1]) => contains(a1, toA1(this.row, this.column)));
    const rule = covering[covering.length - 1]?.[1];
    return rule ? this.ctx.wrap(new DataValidation(rule), 'DataValidation') : null;
  }

  protect() {
    const protection: ProtectionState = { a1: this.getA1Notation(), warningOnly: false, description: '' };
    this.state.protections.push(protection);
    this.ctx.written();
    return this.ctx.wrap(new Protection(this.ctx, this.state, protection), 'Protection');
  }

  // Formatting has no effect on values; recorded beside the sheet (sheet-extras.ts) for tests and pictures.
  setNumberFormat(format: string) { return this.format('numberFormat', format); }
  setNumberFormats(formats: string[][]) { return this.format('numberFormat', formats); }
  setFontWeight(weight: string) { return this.format('bold', weight); }
  setFontWeights(weights: string[][]) { return this.format('bold', weights); }
  setFontColor(color: string) { return this.format('color', color); }
  setFontColors(colors: string[][]) { return this.format('color', colors); }
  setBackground(color: string) { return this.format('background', color); }
  setBackgrounds(colors: string[][]) { return this.format('background', colors); }
  setWrap() { return this; }
  setHorizontalAlignment(alignment: string) { return this.format('align', alignment); }
  setHorizontalAlignments(alignments: string[][]) { return this.format('align', alignments); }

  private format(kind: keyof CellFormat, value: unknown) {
    recordFormat(this.state, this.row, this.column, this.rows, this.columns, kind, value);
    return this;
  }

  private fill<T>(value: T): T[][] {
    return Array.from({ length: this.rows }, () => Array.from({ length: this.columns }, () => value));
  }
}

/** SpreadsheetApp's Protection of a range. */
export class Protection {
  constructor(private readonly ctx: SheetsContext, readonly state: SheetState, readonly protection: ProtectionState) {}
  setWarningOnly(warningOnly: boolean) { this.protection.warningOnly = warningOnly; this.ctx.written(); return this; }
  setDescription(description: string) { this.protection.description = description; this.ctx.written(); return this; }
  getDescription() { return this.protection.description; }
  isWarningOnly() { return this.protection.warningOnly; }
  getProtectionType() { return 'RANGE'; }
  getRange() { return this.ctx.rangeOfA1(this.state, this.protection.a1); }
  remove() {
    const at = this.state.protections.indexOf(this.protection);
    if (at >= 0) this.state.protections.splice(at, 1);
    this.ctx.written();
  }
}

/** A built rule, as Range.getDataValidation returns it. */
export class DataValidation {
  constructor(readonly rule: ValidationRule) {}
  getCriteriaType() { return this.rule.type === 'list' ? 'VALUE_IN_LIST' : 'CHECKBOX'; }
  getCriteriaValues() { return this.rule.type === 'list' ? [[...this.rule.values], true] : []; }
  getAllowInvalid() { return this.rule.allowInvalid; }
  getHelpText() { return this.rule.helpText ?? ''; }
}

/** SpreadsheetApp.newDataValidation(): the criteria the add-on uses (lists and checkboxes). */
export class DataValidationBuilder {
  private rule: ValidationRule = { type: 'list', values: [], allowInvalid: true };
  constructor(private readonly ctx: SheetsContext) {}
  requireValueInList(values: string[]) { this.rule = { ...this.rule, type: 'list', values: Array.from(values, String) }; return this; }
  requireCheckbox() { this.rule = { type: 'checkbox', allowInvalid: this.rule.allowInvalid, helpText: this.rule.helpText }; return this; }
  setAllowInvalid(allow: boolean) { this.rule = { ...this.rule, allowInvalid: allow }; return this; }
  setHelpText(text: string) { this.rule = { ...this.rule, helpText: text }; return this; }
  build() { return this.ctx.wrap(new DataValidation({ ...this.rule }), 'DataValidation'); }
}

/** Whether range `outer` (A1) covers every cell of range `inner` (A1). */
function contains(outer: string, inner: string): boolean {
  const o = parseA1(outer);
  const i = parseA1(inner);
  const within = (start: number, end: number | undefined, innerStart: number, innerEnd: number | undefined) =>
    start <= innerStart && (end === undefined || (innerEnd !== undefined && innerEnd <= end));
  return within(o.startRow, o.endRow, i.startRow, i.endRow) && within(o.startColumn, o.endColumn, i.startColumn, i.endColumn);
}
