import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { CallCounter } from './call-counter';
import { createServices, type ScriptState } from './services';
import { createSpreadsheetApp } from './spreadsheet-app';
import { Workbook } from './workbook';

/** Apps Script's limit on one execution (web app request, menu action, trigger). */
const EXECUTION_LIMIT_MS = 6 * 60 * 1000;
const FUNCTION_NAME = /^[A-Za-z_$][\w$]*$/;

export interface RuntimeOptions {
  /** The folder `gas:build` writes and `clasp push` uploads: Code.js, appsscript.json, *.html. */
  bundleDir: string;
  workbook?: Workbook;
  state?: ScriptState;
  /** Who the script runs as. */
  user?: string;
  webAppUrl?: string;
  /** Called after anything the script wrote (cells, properties, triggers), to persist it. */
  onChange?: () => void;
}

export interface Measured<T> {
  result: T;
  calls: number;
  byService: Record<string, number>;
  ms: number;
}

/**
 * Runs the exact bundle that `clasp push` uploads inside a Node `vm` context that provides the Apps Script
 * services. The add-on's code cannot tell it apart from Google's runtime; it is a harness, not a product.
 */
export class AppsScriptRuntime {
  readonly calls = new CallCounter();
  readonly workbook: Workbook;
  readonly state: ScriptState;
  readonly logs: string[] = [];
  readonly ui: Array<{ kind: string; content: string }> = [];
  readonly menus: Map<string, Array<[string, string]>>;
  readonly select: (sheetName: string, row: number) => void;
  private readonly context: vm.Context;
  private readonly services: ReturnType<typeof createServices>;

  constructor(readonly options: RuntimeOptions) {
    this.workbook = options.workbook ?? new Workbook();
    this.state = options.state ?? { properties: {}, triggers: [] };
    const files = Object.fromEntries(readdirSync(options.bundleDir).map((f) => [f, readFileSync(join(options.bundleDir, f), 'utf8')]));
    if (!files['Code.js']) throw new Error(`No Code.js in ${options.bundleDir}: run 'npm run gas:build' first.`);

    this.context = vm.createContext({});
    const ScriptDate = vm.runInContext('Date', this.context) as DateConstructor;
    const sheets = createSpreadsheetApp({
      workbook: this.workbook,
      calls: this.calls,
      makeDate: (ms) => new ScriptDate(ms),
      onUi: (kind, content) => this.ui.push({ kind, content }),
      onWrite: () => options.onChange?.(),
    });
    this.menus = sheets.menus;
    this.select = sheets.select;
    this.services = createServices({
      calls: this.calls,
      state: this.state,
      user: options.user ?? 'owner@clipsheet.local',
      files,
      webAppUrl: () => options.webAppUrl ?? 'http://localhost/macros/s/local/exec',
      now: () => Date.now(),
      log: (line) => this.logs.push(line),
      onStateChange: () => options.onChange?.(),
    });
    Object.assign(this.context, { SpreadsheetApp: sheets.SpreadsheetApp, ...this.services });
    vm.runInContext(files['Code.js'], this.context, { filename: 'Code.js', timeout: EXECUTION_LIMIT_MS });
  }

  /** Calls a global function of the bundle, as a menu item, trigger or google.script.run would. */
  call<T = unknown>(functionName: string, ...args: unknown[]): T {
    if (!FUNCTION_NAME.test(functionName) || typeof this.context[functionName] !== 'function')
      throw new Error(`Script function not found: ${functionName}`);
    this.context.__clipsheetArgs = args;
    try {
      return vm.runInContext(`${functionName}.apply(null, __clipsheetArgs)`, this.context, { timeout: EXECUTION_LIMIT_MS }) as T;
    } finally {
      delete this.context.__clipsheetArgs;
    }
  }

  /** Calls a function and reports what it cost: service calls and emulated time. */
  measure<T = unknown>(functionName: string, ...args: unknown[]): Measured<T> {
    this.calls.reset();
    const start = performance.now();
    const result = this.call<T>(functionName, ...args);
    return { result, calls: this.calls.total(), byService: this.calls.snapshot(), ms: performance.now() - start };
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
    const output = this.call<{ getContent(): string; getMimeType?(): string } | undefined>(method === 'POST' ? 'doPost' : 'doGet', event);
    if (!output || typeof output.getContent !== 'function') throw new Error(`${method === 'POST' ? 'doPost' : 'doGet'} returned no output`);
    return { content: output.getContent(), mimeType: output.getMimeType?.() ?? 'HTML' };
  }

  /**
   * A person editing cells by hand: writes the values, then fires the installable on-edit triggers, as
   * Sheets does for user edits (and never for script writes).
   */
  editByHand(sheetName: string, a1: string, values: unknown[][]): void {
    const range = this.calls.uncounted(() => {
      const sheet = this.services && this.context.SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName);
      if (!sheet) throw new Error(`No sheet ${sheetName}`);
      const target = sheet.getRange(a1);
      target.setValues(values);
      return target;
    });
    for (const trigger of this.state.triggers.filter((t) => t.event === 'ON_EDIT')) {
      this.call(trigger.handler, { range, value: values.length === 1 && values[0]!.length === 1 ? values[0]![0] : undefined, source: this.context.SpreadsheetApp.getActiveSpreadsheet(), triggerUid: trigger.id, authMode: 'FULL', user: { getEmail: () => 'editor@clipsheet.local' } });
    }
  }

  /** Runs the time-driven triggers once, as their schedule would. */
  runTimeDriven(): void {
    for (const trigger of this.state.triggers.filter((t) => t.event === 'CLOCK')) this.call(trigger.handler, { triggerUid: trigger.id, authMode: 'FULL' });
  }
}
