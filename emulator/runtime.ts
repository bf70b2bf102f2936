import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { CallCounter } from './call-counter';
import { scopeGate } from './scopes';
import { Charts } from './sheet-extras';
import { createServices, type ScriptState } from './services';
import { createSpreadsheetApp } from './spreadsheet-app';
import type { UiAnswer, UiEvent } from './spreadsheet-ui';
import { Workbook } from './workbook';

/** Apps Script's limits on one execution: 6 minutes; custom functions 30 seconds. */
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
const CUSTOM_FUNCTION_LIMIT_MS = 30 * 1000;
const FUNCTION_NAME = /^[A-Za-z_$][\w$]*$/;

/**
 * How the running execution was started; it decides what the script may do, as in Apps Script: no UI in a
 * web app or a time-driven trigger, no writes or authorised services in a custom function.
 */
export type ExecutionKind = 'editor' | 'web app' | 'on edit' | 'time-driven' | 'custom function';

export interface RuntimeOptions {
  /** The folder `gas:build` writes and `clasp push` uploads: Code.js, appsscript.json, *.html. */
  bundleDir: string;
  /** The spreadsheet the script is bound to. */
  workbook?: Workbook;
  /** Other spreadsheets the script can open by id, e.g. those it created before a restart, reloaded from disk. */
  others?: Workbook[];
  state?: ScriptState;
  /** Who the script runs as (the owner, who deployed it and created its triggers). */
  user?: string;
  webAppUrl?: string;
  /**
   * Called after anything the script wrote, to persist it: with the workbook it wrote to (or created), or
   * with none for properties and triggers.
   */
  onChange?: (workbook?: Workbook) => void;
}

export interface Measured<T> {
  result: T;
  calls: number;
  byService: Record<string, number>;
  ms: number;
}

const NO_UI = new Set<ExecutionKind>(['web app', 'time-driven']);
// Custom functions run without authorisation: reading the sheet is allowed, changing anything or opening
// another spreadsheet is not (developers.google.com/apps-script/guides/sheets/functions).
const CUSTOM_FUNCTION_REFUSES = /^(SpreadsheetApp\.(getUi|Ui\.|newDataValidation|openBy|create|\w+\.(set|insert|delete|append|clear|sort|protect|move|hide|show|activate|remove))|ScriptApp\.|Session\.|PropertiesService\.\w+\.(set|delete))/;

/**
 * Runs the exact bundle that `clasp push` uploads inside a Node `vm` context that provides the Apps Script
 * services. The add-on's code cannot tell it apart from Google's runtime; it is a harness, not a product.
 */
export class AppsScriptRuntime {
  readonly calls = new CallCounter();
  readonly workbook: Workbook;
  /** Every spreadsheet the script can open, by id: the bound one and those it created (SpreadsheetApp.create). */
  readonly spreadsheets: Map<string, Workbook>;
  readonly state: ScriptState;
  readonly logs: string[] = [];
  /** What the script showed (sidebars, dialogs, alerts, prompts, toasts) and Sheets' own warnings. */
  readonly ui: UiEvent[] = [];
  /** Answers a person gives to the next prompts and yes/no alerts, in order. */
  readonly answers: UiAnswer[] = [];
  readonly menus: Map<string, Array<[string, string]>>;
  /** Selects a range as the user's cursor would: `select('Customers', 'B7')` (a number means that row). */
  readonly select: (sheetName: string, a1OrRow: string | number) => void;
  /**
   * What other executions (a sync, a person at the sheet) do while this one has let a lock go: requests run
   * one at a time here, so a test sets this to make one happen between a script's locked steps.
   */
  betweenLocks?: () => void;
  private readonly context: vm.Context;
  private readonly user: string;
  private kind: ExecutionKind = 'editor';
  private activeUser: string;

  constructor(readonly options: RuntimeOptions) {
    this.workbook = options.workbook ?? new Workbook();
    this.spreadsheets = new Map([this.workbook, ...(options.others ?? [])].map((workbook) => [workbook.id, workbook]));
    this.state = options.state ?? { properties: {}, triggers: [] };
    this.user = options.user ?? 'owner@clipsheet.local';
    this.activeUser = this.user;
    const files = Object.fromEntries(readdirSync(options.bundleDir).map((f) => [f, readFileSync(join(options.bundleDir, f), 'utf8')]));
    if (!files['Code.js']) throw new Error(`No Code.js in ${options.bundleDir}: run 'npm run gas:build' first.`);
    const scopes = scopeGate(files['appsscript.json'] ? JSON.parse(files['appsscript.json']) : undefined);
    this.calls.gate = (call) => {
      scopes?.(call);
      if (this.kind === 'custom function' && CUSTOM_FUNCTION_REFUSES.test(call)) throw new Error(`Exception: You do not have permission to call ${call}.`);
    };

    this.context = vm.createContext({});
    const ScriptDate = vm.runInContext('Date', this.context) as DateConstructor;
    // From a menu or the editor a script acts as the person running it; triggers and the web app (executed
    // as its owner) act as the owner. SpreadsheetApp (what it may open) and Session agree on it.
    const effectiveUser = () => (this.kind === 'editor' ? this.activeUser : this.user);
    const sheets = createSpreadsheetApp({
      workbook: this.workbook,
      spreadsheets: this.spreadsheets,
      calls: this.calls,
      makeDate: (ms) => new ScriptDate(ms),
      onUi: (event) => this.ui.push(event),
      answers: this.answers,
      onWrite: (workbook) => options.onChange?.(workbook),
      uiAllowed: () => !NO_UI.has(this.kind),
      effectiveUser,
    });
    this.menus = sheets.menus;
    this.select = (sheetName, a1OrRow) => sheets.select(sheetName, typeof a1OrRow === 'number' ? `A${a1OrRow}` : a1OrRow);
    const services = createServices({
      calls: this.calls,
      state: this.state,
      user: this.user,
      activeUser: () => this.activeUser,
      files,
      webAppUrl: () => options.webAppUrl ?? 'http://localhost/macros/s/local/exec',
      now: () => Date.now(),
      log: (line) => this.logs.push(line),
      onStateChange: () => options.onChange?.(),
      onLockReleased: () => this.betweenLocks?.(),
      effectiveUser,
    });
    Object.assign(this.context, { SpreadsheetApp: sheets.SpreadsheetApp, Charts, ...services });
    vm.runInContext(files['Code.js'], this.context, { filename: 'Code.js', timeout: EXECUTION_LIMIT_MS });
  }

  /** Calls a global function of the bundle, as a menu item, google.script.run or the script editor would. */
  call<T = unknown>(functionName: string, ...args: unknown[]): T {
    return this.callAs<T>(this.user, functionName, ...args);
  }

  /** Calls a global function as another person at the keyboard would, from a menu: it acts as them. */
  callAs<T = unknown>(user: string, functionName: string, ...args: unknown[]): T {
    return this.execute<T>('editor', user, functionName, args);
  }

  /** Calls a function and reports what it cost: service calls and emulated time. */
  measure<T = unknown>(functionName: string, ...args: unknown[]): Measured<T> {
    return this.measureWith(() => this.call<T>(functionName, ...args));
  }

  /** Runs any work (a request, a hand edit) and reports the service calls it made and its emulated time. */
  measureWith<T>(work: () => T): Measured<T> {
    this.calls.reset();
    const start = performance.now();
    const result = work();
    return { result, calls: this.calls.total(), byService: this.calls.snapshot(), ms: performance.now() - start };
  }

  /** A formula's custom function (`=CLIPSHEET_CLV(...)`): ranges arrive as 2-D arrays, no writes allowed. */
  callCustomFunction<T = unknown>(functionName: string, ...args: unknown[]): T {
    return this.execute<T>('custom function', '', functionName, args, CUSTOM_FUNCTION_LIMIT_MS);
  }

  /** Opening the spreadsheet: runs the simple onOpen trigger, which builds the menu. */
  open(): void {
    if (typeof this.context.onOpen === 'function') this.execute('editor', this.user, 'onOpen', [{ source: this.spreadsheet(), authMode: 'LIMITED' }]);
  }

  /** A web-app request: doGet/doPost with the event object Apps Script builds. Returns the output's text. */
  request(method: 'GET' | 'POST', query: Record<string, string>, body = ''): { content: string; mimeType: string } {
    const queryString = new URLSearchParams(query).toString();
    const event = {
      queryString,
      parameter: { ...query },
      parameters: Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
      contextPath: '',
      contentLength: method === 'POST' ? Buffer.byteLength(body) : -1,
      ...(method === 'POST' ? { postData: { contents: body, length: Buffer.byteLength(body), type: 'text/plain', name: 'postData' } } : {}),
    };
    // "Execute as: Me, access: Anyone": the script runs as its owner for a visitor Google does not know.
    const output = this.execute<{ getContent(): string; getMimeType?(): string } | undefined>('web app', '', method === 'POST' ? 'doPost' : 'doGet', [event]);
    if (!output || typeof output.getContent !== 'function') throw new Error(`${method === 'POST' ? 'doPost' : 'doGet'} returned no output`);
    return { content: output.getContent(), mimeType: output.getMimeType?.() ?? 'HTML' };
  }

  /**
   * A person editing cells by hand: Sheets warns on warning-only protected ranges, writes the values, then
   * runs the simple onEdit and the installable on-edit triggers (script writes never fire them).
   */
  editByHand(sheetName: string, a1: string, values: unknown[][], editor = 'editor@clipsheet.local'): void {
    const { range, oldValue } = this.calls.uncounted(() => {
      const sheet = this.spreadsheet().getSheetByName(sheetName);
      if (!sheet) throw new Error(`No sheet ${sheetName}`);
      const target = sheet.getRange(a1);
      for (const protection of sheet.getProtections('RANGE')) {
        if (!overlaps(protection.getRange(), target)) continue;
        if (!protection.isWarningOnly() && editor !== this.user)
          throw new Error('You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.');
        this.ui.push({ kind: 'alert', title: 'Heads up!', content: protection.getDescription() || 'You are trying to edit part of this sheet that should not be accidentally changed.' });
      }
      const before = target.getValues();
      target.setValues(values);
      return { range: target, oldValue: before.length === 1 && before[0]!.length === 1 && before[0]![0] !== '' ? before[0]![0] : undefined };
    });
    const single = values.length === 1 && values[0]!.length === 1;
    const event = (extra: Record<string, unknown>) => ({
      range,
      source: this.spreadsheet(),
      user: { getEmail: () => editor },
      ...(single ? { value: values[0]![0], ...(oldValue !== undefined ? { oldValue } : {}) } : {}),
      ...extra,
    });
    if (typeof this.context.onEdit === 'function') this.execute('on edit', editor, 'onEdit', [event({ authMode: 'LIMITED' })], 30_000);
    for (const trigger of this.state.triggers.filter((t) => t.event === 'ON_EDIT'))
      this.execute('on edit', editor, trigger.handler, [event({ authMode: 'FULL', triggerUid: trigger.id })]);
  }

  /** Runs the time-driven triggers once, as their schedule would. */
  runTimeDriven(): void {
    for (const trigger of this.state.triggers.filter((t) => t.event === 'CLOCK'))
      this.execute('time-driven', this.user, trigger.handler, [{ triggerUid: trigger.id, authMode: 'FULL' }]);
  }

  private execute<T>(kind: ExecutionKind, activeUser: string, functionName: string, args: unknown[], timeout = EXECUTION_LIMIT_MS): T {
    if (!FUNCTION_NAME.test(functionName) || typeof this.context[functionName] !== 'function')
      throw new Error(`Script function not found: ${functionName}`);
    const outer = { kind: this.kind, activeUser: this.activeUser };
    this.kind = kind;
    this.activeUser = activeUser;
    this.context.__clipsheetArgs = args;
    try {
      return vm.runInContext(`${functionName}.apply(null, __clipsheetArgs)`, this.context, { timeout }) as T;
    } finally {
      delete this.context.__clipsheetArgs;
      this.kind = outer.kind;
      this.activeUser = outer.activeUser;
    }
  }

  private spreadsheet(): { getSheetByName(name: string): EmulatedSheet | null } {
    return this.context.SpreadsheetApp.getActiveSpreadsheet();
  }
}

type EmulatedSheet = {
  getRange(a1: string): RangeLike & { getValues(): unknown[][]; setValues(values: unknown[][]): void };
  getProtections(type: string): Array<{ getRange(): RangeLike; isWarningOnly(): boolean; getDescription(): string }>;
};
type RangeLike = { getRow(): number; getColumn(): number; getNumRows(): number; getNumColumns(): number };
function overlaps(a: RangeLike, b: RangeLike): boolean {
  const apart = (s1: number, n1: number, s2: number, n2: number) => s1 + n1 <= s2 || s2 + n2 <= s1;
  return !apart(a.getRow(), a.getNumRows(), b.getRow(), b.getNumRows()) && !apart(a.getColumn(), a.getNumColumns(), b.getColumn(), b.getNumColumns());
}
