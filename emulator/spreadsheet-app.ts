import { parseA1, toA1 } from './a1';
import type { CallCounter } from './call-counter';
import type { CellValue, SheetState, Workbook } from './workbook';

/**
 * SpreadsheetApp over the emulator's Workbook: the subset of Apps Script's API the add-on uses, with the
 * same semantics (1-based coordinates, 2-D arrays, exceptions with Sheets' messages). Every method call is
 * counted by `track`, because that count is what a request costs in Apps Script.
 */
export interface SpreadsheetAppOptions {
  workbook: Workbook;
  calls: CallCounter;
  /** Builds Dates in the script's realm, so `instanceof Date` holds inside the bundle. */
  makeDate: (ms: number) => Date;
  /** Called when the script opens a sidebar or dialog, with its HTML. */
  onUi?: (kind: 'sidebar' | 'dialog' | 'alert' | 'toast', content: string) => void;
  /** Called after every write, so the host can persist and fire change triggers. */
  onWrite?: () => void;
}

/** Wraps an object so that every method call is counted under `Service.Class.method`. */
export function track<T extends object>(target: T, name: string, calls: CallCounter): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== 'function' || typeof property !== 'string' || property === 'constructor') return value;
      return (...args: unknown[]) => {
        calls.count(`${name}.${property}`);
        return value.apply(object, args);
      };
    },
  });
}

export function createSpreadsheetApp(options: SpreadsheetAppOptions) {
  const { workbook, calls } = options;
  const t = <T extends object>(object: T, name: string) => track(object, `SpreadsheetApp.${name}`, calls);
  const written = () => options.onWrite?.();

  class Range {
    constructor(
      readonly state: SheetState,
      readonly row: number,
      readonly column: number,
      readonly rows: number,
      readonly columns: number,
    ) {}
    getRow() { return this.row; }
    getColumn() { return this.column; }
    getLastRow() { return this.row + this.rows - 1; }
    getLastColumn() { return this.column + this.columns - 1; }
    getNumRows() { return this.rows; }
    getNumColumns() { return this.columns; }
    getA1Notation() { return toA1(this.row, this.column, this.rows, this.columns); }
    getSheet() { return t(new Sheet(this.state), 'Sheet'); }
    getValues(): CellValue[][] {
      return workbook.readValues(this.state, this.row, this.column, this.rows, this.columns, options.makeDate);
    }
    getValue(): CellValue { return workbook.readValues(this.state, this.row, this.column, 1, 1, options.makeDate)[0]![0]!; }
    getDisplayValues(): string[][] { return this.getValues().map((line) => line.map((v) => (v instanceof Date || Object.prototype.toString.call(v) === '[object Date]' ? (v as Date).toISOString() : String(v)))); }
    getFormulas(): string[][] { return workbook.readFormulas(this.state, this.row, this.column, this.rows, this.columns); }
    getFormula(): string { return this.getFormulas()[0]![0]!; }
    setValues(values: unknown[][]) {
      if (!Array.isArray(values) || values.length !== this.rows)
        throw new Error(`Exception: The number of rows in the data does not match the number of rows in the range. The data has ${values?.length ?? 0} but the range has ${this.rows}.`);
      for (const line of values) {
        if (!Array.isArray(line) || line.length !== this.columns)
          throw new Error(`Exception: The number of columns in the data does not match the number of columns in the range. The data has ${line?.length ?? 0} but the range has ${this.columns}.`);
      }
      workbook.writeValues(this.state, this.row, this.column, values);
      written();
      return this;
    }
    setValue(value: unknown) {
      workbook.writeValues(this.state, this.row, this.column, Array.from({ length: this.rows }, () => Array.from({ length: this.columns }, () => value)));
      written();
      return this;
    }
    setFormulas(formulas: string[][]) { return this.setValues(formulas); }
    setFormula(formula: string) { return this.setValue(formula); }
    clearContent() { return this.setValue(''); }
    clear() { return this.clearContent(); }
    sort(spec: number | { column: number; ascending?: boolean } | Array<number | { column: number; ascending?: boolean }>) {
      const specs = (Array.isArray(spec) ? spec : [spec]).map((s) => (typeof s === 'number' ? { column: s, ascending: true } : { column: s.column, ascending: s.ascending ?? true }));
      workbook.sortRows(this.state, this.row, this.column, this.rows, this.columns, specs);
      written();
      return this;
    }
    setDataValidation(rule: DataValidation | null) {
      const a1 = this.getA1Notation();
      if (rule) this.state.validations[a1] = rule.values;
      else delete this.state.validations[a1];
      return this;
    }
    protect() {
      const protection = { a1: this.getA1Notation(), warningOnly: false, description: '' };
      this.state.protections.push(protection);
      return t(new Protection(this.state, protection), 'Protection');
    }
    // Formatting has no effect on values; accepted so the add-on's formatting code runs unchanged.
    setNumberFormat() { return this; }
    setNumberFormats() { return this; }
    setFontWeight() { return this; }
    setBackground() { return this; }
    setNote() { return this; }
    setWrap() { return this; }
  }

  class Protection {
    constructor(readonly state: SheetState, readonly protection: SheetState['protections'][number]) {}
    setWarningOnly(warningOnly: boolean) { this.protection.warningOnly = warningOnly; return this; }
    setDescription(description: string) { this.protection.description = description; return this; }
    getDescription() { return this.protection.description; }
    isWarningOnly() { return this.protection.warningOnly; }
    getRange() { const g = parseA1(this.protection.a1); return t(new Range(this.state, g.startRow, g.startColumn, (g.endRow ?? g.startRow) - g.startRow + 1, (g.endColumn ?? g.startColumn) - g.startColumn + 1), 'Range'); }
    remove() { this.state.protections.splice(this.state.protections.indexOf(this.protection), 1); }
  }

  class Sheet {
    constructor(readonly state: SheetState) {}
    getName() { return this.state.name; }
    setName(name: string) { workbook.renameSheet(this.state, name); return this; }
    getSheetId() { return this.state.gid; }
    getIndex() { return workbook.sheets.indexOf(this.state) + 1; }
    getParent() { return spreadsheet(); }
    getMaxRows() { return this.state.maxRows; }
    getMaxColumns() { return this.state.maxColumns; }
    getLastRow() { return workbook.lastRow(this.state); }
    getLastColumn() { return workbook.lastColumn(this.state); }
    getFrozenRows() { return this.state.frozenRows; }
    setFrozenRows(rows: number) { this.state.frozenRows = rows; return this; }
    getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1) {
      if (typeof rowOrA1 === 'string') {
        const g = parseA1(rowOrA1);
        const endRow = g.endRow ?? this.state.maxRows;
        const endColumn = g.endColumn ?? this.state.maxColumns;
        return this.range(g.startRow, g.startColumn, endRow - g.startRow + 1, endColumn - g.startColumn + 1);
      }
      return this.range(rowOrA1, column!, rows, columns);
    }
    getDataRange() { return this.range(1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn())); }
    insertRowsAfter(afterRow: number, count: number) { workbook.insertRows(this.state, afterRow + 1, count); written(); return this; }
    insertRowsBefore(beforeRow: number, count: number) { workbook.insertRows(this.state, beforeRow, count); written(); return this; }
    insertRowAfter(afterRow: number) { return this.insertRowsAfter(afterRow, 1); }
    deleteRows(row: number, count: number) { workbook.deleteRows(this.state, row, count); written(); }
    deleteRow(row: number) { this.deleteRows(row, 1); }
    insertColumnsAfter(afterColumn: number, count: number) { workbook.insertColumns(this.state, afterColumn + 1, count); written(); return this; }
    insertColumnAfter(afterColumn: number) { return this.insertColumnsAfter(afterColumn, 1); }
    insertColumnBefore(beforeColumn: number) { workbook.insertColumns(this.state, beforeColumn, 1); written(); return this; }
    deleteColumn(column: number) { workbook.deleteColumns(this.state, column, 1); written(); }
    hideColumns(column: number, count = 1) { for (let c = column; c < column + count; c++) if (!this.state.hiddenColumns.includes(c)) this.state.hiddenColumns.push(c); }
    isColumnHiddenByUser(column: number) { return this.state.hiddenColumns.includes(column); }
    appendRow(values: unknown[]) {
      const row = this.getLastRow() + 1;
      if (row > this.state.maxRows) workbook.insertRows(this.state, this.state.maxRows + 1, row - this.state.maxRows);
      workbook.writeValues(this.state, row, 1, [values]);
      written();
      return this;
    }
    sort(column: number, ascending = true) {
      const last = this.getLastRow();
      if (last > this.state.frozenRows) workbook.sortRows(this.state, this.state.frozenRows + 1, 1, last - this.state.frozenRows, Math.max(1, this.getLastColumn()), [{ column, ascending }]);
      written();
      return this;
    }
    clear() { const last = this.getLastRow(); if (last) this.range(1, 1, last, Math.max(1, this.getLastColumn())).clearContent(); return this; }
    protect() { return this.getDataRange().protect(); }
    getProtections() { return this.state.protections.map((p) => t(new Protection(this.state, p), 'Protection')); }
    getDataValidations() { return this.state.validations; }
    activate() { active.sheet = this.state; return this; }
    private range(row: number, column: number, rows: number, columns: number) {
      if (row < 1 || column < 1 || rows < 1 || columns < 1) throw new Error('Exception: The starting row/column of the range is too small, or the range is empty.');
      return t(new Range(this.state, row, column, rows, columns), 'Range');
    }
  }

  class Spreadsheet {
    getId() { return workbook.id; }
    getName() { return workbook.name; }
    getUrl() { return `http://localhost/spreadsheets/d/${workbook.id}`; }
    getSpreadsheetTimeZone() { return 'Etc/UTC'; }
    getSheets() { return workbook.sheets.map((s) => t(new Sheet(s), 'Sheet')); }
    getSheetByName(name: string) { const s = workbook.sheet(name); return s ? t(new Sheet(s), 'Sheet') : null; }
    insertSheet(name: string, index?: number) { const s = workbook.addSheet(name, index); written(); return t(new Sheet(s), 'Sheet'); }
    deleteSheet(sheet: Sheet) { workbook.removeSheet(sheet.state); written(); }
    getActiveSheet() { return t(new Sheet(active.sheet ?? workbook.sheets[0]!), 'Sheet'); }
    getActiveRange() { const s = active.sheet ?? workbook.sheets[0]!; return t(new Range(s, active.row, 1, 1, 1), 'Range'); }
    setActiveSheet(sheet: Sheet) { active.sheet = sheet.state; return sheet; }
    getRangeByName(name: string) {
      const named = workbook.namedRanges.get(name);
      return named ? this.getSheetByName(named.sheetName)?.getRange(named.a1) ?? null : null;
    }
    setNamedRange(name: string, range: Range) { workbook.namedRanges.set(name, { sheetName: range.state.name, a1: range.getA1Notation() }); }
    toast(message: string) { options.onUi?.('toast', message); }
  }

  class DataValidation {
    values: string[] = [];
    requireValueInList(values: string[]) { this.values = [...values]; return this; }
    setAllowInvalid() { return this; }
    setHelpText() { return this; }
    build() { return this; }
  }

  class Menu {
    items: Array<[string, string]> = [];
    constructor(readonly title: string) {}
    addItem(caption: string, functionName: string) { this.items.push([caption, functionName]); return this; }
    addSeparator() { return this; }
    addSubMenu() { return this; }
    addToUi() { menus.set(this.title, this.items); }
  }

  const menus = new Map<string, Array<[string, string]>>();
  const active: { sheet?: SheetState; row: number } = { row: 2 };
  const spreadsheet = () => t(new Spreadsheet(), 'Spreadsheet');
  const ui = {
    createMenu: (title: string) => new Menu(title),
    createAddonMenu: () => new Menu('Clipsheet'),
    showSidebar: (html: { getContent(): string }) => options.onUi?.('sidebar', html.getContent()),
    showModalDialog: (html: { getContent(): string }) => options.onUi?.('dialog', html.getContent()),
    alert: (message: string) => { options.onUi?.('alert', message); return 'OK'; },
    ButtonSet: { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO' },
    Button: { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO' },
  };

  const app = {
    getActiveSpreadsheet: spreadsheet,
    getActive: spreadsheet,
    openById: (id: string) => {
      if (id !== workbook.id) throw new Error(`Exception: Unexpected error while getting the method or property openById on object SpreadsheetApp.`);
      return spreadsheet();
    },
    flush: () => undefined,
    getUi: () => track(ui, 'SpreadsheetApp.Ui', calls),
    newDataValidation: () => t(new DataValidation(), 'DataValidationBuilder'),
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
  };
  return {
    SpreadsheetApp: track(app, 'SpreadsheetApp', calls),
    menus,
    /** Selects a cell as the user's cursor would, for sidebar code that reads the active row. */
    select(sheetName: string, row: number) { active.sheet = workbook.sheet(sheetName); active.row = row; },
  };
}
