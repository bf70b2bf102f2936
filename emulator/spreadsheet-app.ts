import { randomBytes } from 'node:crypto';
import { parseA1 } from './a1';
import type { CallCounter } from './call-counter';
import { ConditionalFormatRuleBuilder, EmbeddedChart, EmbeddedChartBuilder, extrasOf, InterpolationType, type ConditionalRuleState } from './sheet-extras';
import { track, type SheetsContext } from './sheets-context';
import { DataValidationBuilder, Protection, Range } from './spreadsheet-range';
import { createUi, type UiAnswer, type UiEvent } from './spreadsheet-ui';
import type { SheetState, Workbook } from './workbook';

export { track } from './sheets-context';

/**
 * SpreadsheetApp over the emulator's Workbook: the subset of Apps Script's API the add-on uses, with the
 * same semantics (1-based coordinates, 2-D arrays, exceptions with Sheets' messages). Every method call is
 * counted, because that count is what a request costs in Apps Script.
 */
export interface SpreadsheetAppOptions {
  /** The spreadsheet the script is bound to: what getActiveSpreadsheet returns. */
  workbook: Workbook;
  /** Every spreadsheet the script may open by id, the bound one included; create() adds to it. */
  spreadsheets?: Map<string, Workbook>;
  calls: CallCounter;
  makeDate: (ms: number) => Date;
  /** Called when the script shows something: a sidebar, dialog, alert, prompt or toast. */
  onUi?: (event: UiEvent) => void;
  /** Answers to prompts and yes/no alerts, taken in order. */
  answers?: UiAnswer[];
  /** Called after every write to a workbook (and when one is created), so the host can persist it. */
  onWrite?: (workbook: Workbook) => void;
  /** Whether the running execution may show UI (not in a web app or a time-driven trigger). */
  uiAllowed?: () => boolean;
  /** Whom the running execution acts as: what it may open, and who owns what it creates. */
  effectiveUser?: () => string;
}

// Google's spreadsheet URLs; openByUrl reads the id after /d/ and ignores the rest (/edit, #gid=0, ?usp=...).
const SPREADSHEET_URL = 'https://docs.google.com/spreadsheets/d/';
const ID_IN_URL = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([\w-]+)/;

/** A new spreadsheet id shaped like Google's: 44 characters of [A-Za-z0-9_-]. */
const newSpreadsheetId = () => randomBytes(33).toString('base64url');

/** The SpreadsheetApp global over a workbook (and any other it opens or creates), with its menus and the user's selection. */
export function createSpreadsheetApp(options: SpreadsheetAppOptions) {
  const { workbook: container, calls } = options;
  const spreadsheets = options.spreadsheets ?? new Map<string, Workbook>();
  spreadsheets.set(container.id, container);
  // One binding per workbook, kept, so that each spreadsheet keeps its own selection between opens.
  const bound = new Map<Workbook, ReturnType<typeof bindWorkbook>>();
  const of = (workbook: Workbook) => bound.get(workbook) ?? bound.set(workbook, bindWorkbook(workbook, options)).get(workbook)!;
  const main = of(container);
  const { wrap } = main.ctx;
  const menus = new Map<string, Array<[string, string]>>();
  const ui = createUi({ answers: options.answers ?? [], menus, show: (event) => options.onUi?.(event) });
  const effectiveUser = () => options.effectiveUser?.() ?? '';
  const open = (id: string | undefined, method: string) => {
    const workbook = id && spreadsheets.get(id);
    if (!workbook) throw new Error(`Exception: Unexpected error while getting the method or property ${method} on object SpreadsheetApp.`);
    if (workbook.access && !workbook.access.has(effectiveUser())) throw new Error('Exception: You do not have permission to access the requested document.');
    return of(workbook).spreadsheet();
  };

  const app = {
    getActiveSpreadsheet: main.spreadsheet,
    getActive: main.spreadsheet,
    getActiveSheet: () => main.ctx.sheetOf(main.activeSheet()),
    getActiveRange: () => main.ctx.rangeOfA1(main.activeSheet(), main.ctx.selection.a1),
    openById: (id: string) => open(String(id), 'openById'),
    openByUrl: (url: string) => open(ID_IN_URL.exec(String(url))?.[1], 'openByUrl'),
    /** A new spreadsheet with one sheet, `Sheet1`, of Sheets' default size unless given. */
    create: (name: string, rows?: number, columns?: number) => {
      // Of the bound workbook's kind: a benchmark's plain-array workbook creates plain-array ones.
      const Kind = container.constructor as new (name: string, id: string) => Workbook;
      const workbook = new Kind(String(name), newSpreadsheetId());
      workbook.addSheet('Sheet1', 0, rows, columns);
      workbook.access = new Map([[effectiveUser(), 'owner']]);
      spreadsheets.set(workbook.id, workbook);
      options.onWrite?.(workbook);
      return of(workbook).spreadsheet();
    },
    flush: () => undefined,
    getUi: () => {
      if (options.uiAllowed && !options.uiAllowed()) throw new Error('Exception: Cannot call SpreadsheetApp.getUi() from this context.');
      return track(ui, 'SpreadsheetApp.Ui', calls);
    },
    newDataValidation: () => wrap(new DataValidationBuilder(main.ctx), 'DataValidationBuilder'),
    newConditionalFormatRule: () => wrap(new ConditionalFormatRuleBuilder(), 'ConditionalFormatRuleBuilder'),
    InterpolationType,
    ProtectionType: { RANGE: 'RANGE', SHEET: 'SHEET' },
    DataValidationCriteria: { VALUE_IN_LIST: 'VALUE_IN_LIST', CHECKBOX: 'CHECKBOX' },
  };
  return {
    SpreadsheetApp: track(app, 'SpreadsheetApp', calls),
    menus,
    /** Selects a range as the user's cursor would (`select('Customers', 'B7')`), for code that reads the active range. */
    select(sheetName: string, a1: string) {
      const state = container.sheet(sheetName);
      if (!state) throw new Error(`No sheet ${sheetName}`);
      parseA1(a1);
      main.ctx.selection.sheet = state;
      main.ctx.selection.a1 = a1;
    },
  };
}

/** Spreadsheet, Sheet and Range over one workbook: every spreadsheet the script reaches gets the same classes and counts. */
function bindWorkbook(workbook: Workbook, options: SpreadsheetAppOptions) {
  const { calls } = options;
  const effectiveUser = () => options.effectiveUser?.() ?? '';
  const wrap = <T extends object>(object: T, name: string) => track(object, `SpreadsheetApp.${name}`, calls);
  const ctx: SheetsContext = {
    workbook,
    calls,
    makeDate: options.makeDate,
    wrap,
    written: () => options.onWrite?.(workbook),
    selection: { a1: 'A2' },
    sheetOf: (state) => wrap(new Sheet(state), 'Sheet'),
    range: (state, row, column, rows, columns) => rangeAt(state, row, column, rows, columns),
    rangeOfA1: (state, a1) => rangeOfA1(state, a1),
  };

  function rangeAt(state: SheetState, row: number, column: number, rows: number, columns: number, openA1?: string) {
    if (row < 1 || column < 1 || rows < 1 || columns < 1) throw new Error('Exception: The starting row/column of the range is too small, or the range is empty.');
    return wrap(new Range(ctx, state, row, column, rows, columns, openA1), 'Range');
  }

  /** A1 ranges; open ends (`A:A`, `B2:B`, `2:2`) reach the sheet's current edge and keep their notation. */
  function rangeOfA1(state: SheetState, a1: string) {
    const g = parseA1(a1);
    if (g.sheetName !== undefined && g.sheetName !== state.name) throw new Error(`Exception: Range not found`);
    const endRow = g.endRow ?? state.maxRows;
    const endColumn = g.endColumn ?? state.maxColumns;
    const open = g.endRow === undefined || g.endColumn === undefined ? a1.replace(/^.*!/, '').toUpperCase() : undefined;
    return rangeAt(state, g.startRow, g.startColumn, endRow - g.startRow + 1, endColumn - g.startColumn + 1, open);
  }

  class Sheet {
    constructor(readonly state: SheetState) {}
    getName() { return this.state.name; }
    getSheetName() { return this.state.name; }
    setName(name: string) { workbook.renameSheet(this.state, name); ctx.written(); return this; }
    getSheetId() { return this.state.gid; }
    getIndex() { return workbook.sheets.indexOf(this.state) + 1; }
    getParent() { return spreadsheet(); }
    getMaxRows() { return this.state.maxRows; }
    getMaxColumns() { return this.state.maxColumns; }
    getLastRow() { return workbook.lastRow(this.state); }
    getLastColumn() { return workbook.lastColumn(this.state); }
    getFrozenRows() { return this.state.frozenRows; }
    setFrozenRows(rows: number) { this.state.frozenRows = rows; ctx.written(); return this; }
    getRange(rowOrA1: number | string, column?: number, rows = 1, columns = 1) {
      return typeof rowOrA1 === 'string' ? rangeOfA1(this.state, rowOrA1) : rangeAt(this.state, rowOrA1, column!, rows, columns);
    }
    getDataRange() { return rangeAt(this.state, 1, 1, Math.max(1, this.getLastRow()), Math.max(1, this.getLastColumn())); }
    createTextFinder(text: string) { return this.getDataRange().createTextFinder(text); }
    insertRowsAfter(afterRow: number, count: number) { workbook.insertRows(this.state, afterRow + 1, count); ctx.written(); return this; }
    insertRowsBefore(beforeRow: number, count: number) { workbook.insertRows(this.state, beforeRow, count); ctx.written(); return this; }
    insertRowAfter(afterRow: number) { return this.insertRowsAfter(afterRow, 1); }
    insertRowBefore(beforeRow: number) { return this.insertRowsBefore(beforeRow, 1); }
    deleteRows(row: number, count: number) { workbook.deleteRows(this.state, row, count); ctx.written(); }
    deleteRow(row: number) { this.deleteRows(row, 1); }
    insertColumnsAfter(afterColumn: number, count: number) { workbook.insertColumns(this.state, afterColumn + 1, count); ctx.written(); return this; }
    insertColumnsBefore(beforeColumn: number, count: number) { workbook.insertColumns(this.state, beforeColumn, count); ctx.written(); return this; }
    insertColumnAfter(afterColumn: number) { return this.insertColumnsAfter(afterColumn, 1); }
    insertColumnBefore(beforeColumn: number) { return this.insertColumnsBefore(beforeColumn, 1); }
    deleteColumns(column: number, count: number) { workbook.deleteColumns(this.state, column, count); ctx.written(); }
    deleteColumn(column: number) { this.deleteColumns(column, 1); }
    moveColumns(columns: Range, destinationIndex: number) { workbook.move(this.state, 'column', columns.column, columns.columns, destinationIndex); ctx.written(); }
    moveRows(rows: Range, destinationIndex: number) { workbook.move(this.state, 'row', rows.row, rows.rows, destinationIndex); ctx.written(); }
    hideColumns(column: number, count = 1) {
      for (let c = column; c < column + count; c++) if (!this.state.hiddenColumns.includes(c)) this.state.hiddenColumns.push(c);
      ctx.written();
    }
    showColumns(column: number, count = 1) { this.state.hiddenColumns = this.state.hiddenColumns.filter((c) => c < column || c >= column + count); ctx.written(); }
    isColumnHiddenByUser(column: number) { return this.state.hiddenColumns.includes(column); }
    appendRow(values: unknown[]) {
      const row = this.getLastRow() + 1;
      if (row > this.state.maxRows) workbook.insertRows(this.state, this.state.maxRows + 1, row - this.state.maxRows);
      workbook.writeValues(this.state, row, 1, [values]);
      ctx.written();
      return this;
    }
    sort(column: number, ascending = true) {
      const last = this.getLastRow();
      if (last > this.state.frozenRows) workbook.sortRows(this.state, this.state.frozenRows + 1, 1, last - this.state.frozenRows, Math.max(1, this.getLastColumn()), [{ column, ascending }]);
      ctx.written();
      return this;
    }
    clear() { const last = this.getLastRow(); if (last) rangeAt(this.state, 1, 1, last, Math.max(1, this.getLastColumn())).clearContent(); return this; }
    protect() { return rangeAt(this.state, 1, 1, this.state.maxRows, this.state.maxColumns).protect(); }
    getProtections(type: string) {
      return type === 'RANGE' ? this.state.protections.map((p) => wrap(new Protection(ctx, this.state, p), 'Protection')) : [];
    }
    activate() { ctx.selection.sheet = this.state; return this; }
    setColumnWidth(column: number, width: number) { extrasOf(this.state).columnWidths.set(column, width); return this; }
    setColumnWidths(start: number, count: number, width: number) { for (let c = start; c < start + count; c++) extrasOf(this.state).columnWidths.set(c, width); return this; }
    newChart() { return wrap(new EmbeddedChartBuilder(this.state), 'EmbeddedChartBuilder'); }
    insertChart(chart: EmbeddedChart) { extrasOf(this.state).charts.push(chart.chart); ctx.written(); }
    updateChart(chart: EmbeddedChart) { const charts = extrasOf(this.state).charts; charts[charts.findIndex((c) => c.id === chart.chart.id)] = chart.chart; ctx.written(); }
    getCharts() { return extrasOf(this.state).charts.map((chart) => wrap(new EmbeddedChart(this.state, chart), 'EmbeddedChart')); }
    removeChart(chart: EmbeddedChart) {
      const charts = extrasOf(this.state).charts;
      const at = charts.findIndex((c) => c.id === chart.chart.id);
      if (at >= 0) charts.splice(at, 1);
      ctx.written();
    }
    setConditionalFormatRules(rules: Array<{ rule: ConditionalRuleState }>) { extrasOf(this.state).conditionalRules = Array.from(rules, (r) => r.rule); ctx.written(); }
    getConditionalFormatRules() { return extrasOf(this.state).conditionalRules.map((rule) => ({ rule, getRanges: () => rule.ranges })); }
    setTabColor() { return this; }
    autoResizeColumns() { return this; }
  }

  class Spreadsheet {
    getId() { return workbook.id; }
    getName() { return workbook.name; }
    getUrl() { return `${SPREADSHEET_URL}${workbook.id}/edit`; }
    getSpreadsheetTimeZone() { return 'Etc/UTC'; }
    getSheets() { return workbook.sheets.map((s) => wrap(new Sheet(s), 'Sheet')); }
    getNumSheets() { return workbook.sheets.length; }
    getSheetByName(name: string) { const s = workbook.sheet(name); return s ? wrap(new Sheet(s), 'Sheet') : null; }
    insertSheet(name: string, index?: number) { const s = workbook.addSheet(name, index); ctx.written(); return wrap(new Sheet(s), 'Sheet'); }
    deleteSheet(sheet: Sheet) { workbook.removeSheet(sheet.state); ctx.written(); }
    getActiveSheet() { return wrap(new Sheet(activeSheet()), 'Sheet'); }
    getActiveRange() { return rangeOfA1(activeSheet(), ctx.selection.a1); }
    getCurrentCell() { const g = parseA1(ctx.selection.a1); return rangeAt(activeSheet(), g.startRow, g.startColumn, 1, 1); }
    setActiveSheet(sheet: Sheet) { ctx.selection.sheet = sheet.state; return sheet; }
    getRangeByName(name: string) {
      const named = workbook.namedRanges.get(name);
      return named ? this.getSheetByName(named.sheetName)?.getRange(named.a1) ?? null : null;
    }
    setNamedRange(name: string, range: Range) { workbook.namedRanges.set(name, { sheetName: range.state.name, a1: range.getA1Notation() }); }
    toast(message: string, title?: string) { options.onUi?.({ kind: 'toast', title, content: String(message) }); }
    // Sharing, as Drive keeps it: the owner counts among the editors; editors are not listed as viewers.
    getOwner() { return user([...workbook.access ?? []].find(([, role]) => role === 'owner')?.[0] ?? effectiveUser()); }
    getEditors() { return this.having('owner', 'editor'); }
    getViewers() { return this.having('viewer'); }
    addEditors(emails: string[]) { for (const email of emails) this.share(email, 'editor'); return this; }
    addEditor(email: string) { return this.addEditors([email]); }
    addViewers(emails: string[]) { for (const email of emails) this.share(email, 'viewer'); return this; }
    addViewer(email: string) { return this.addViewers([email]); }
    private having(...roles: string[]) {
      const access = workbook.access ?? new Map([[effectiveUser(), 'owner' as const]]);
      return [...access].filter(([, role]) => roles.includes(role)).map(([email]) => user(email));
    }
    private share(email: string, role: 'editor' | 'viewer') {
      if (!/^[^@\s]+@[^@\s]+$/.test(String(email))) throw new Error(`Exception: Invalid email: ${email}`);
      const access = (workbook.access ??= new Map<string, 'owner' | 'editor' | 'viewer'>([[effectiveUser(), 'owner']]));
      // Sharing never lowers anyone: an owner stays owner, an editor stays editor when shared as a viewer.
      if (!access.has(email) || (role === 'editor' && access.get(email) === 'viewer')) access.set(email, role);
      ctx.written();
    }
  }
  const user = (email: string) => wrap({ getEmail: () => email }, 'User');

  const activeSheet = () => ctx.selection.sheet && workbook.sheets.includes(ctx.selection.sheet) ? ctx.selection.sheet : workbook.sheets[0]!;
  const spreadsheet = () => wrap(new Spreadsheet(), 'Spreadsheet');
  return { ctx, spreadsheet, activeSheet };
}
