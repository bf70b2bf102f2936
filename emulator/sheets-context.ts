import type { CallCounter } from './call-counter';
import type { SheetState, Workbook } from './workbook';

/** What the SpreadsheetApp classes share: the workbook, the counter, the user's selection and UI hooks. */
export interface SheetsContext {
  workbook: Workbook;
  calls: CallCounter;
  /** Builds Dates in the script's realm, so `instanceof Date` holds inside the bundle. */
  makeDate: (ms: number) => Date;
  /** Wraps a service object so every method call is counted as `SpreadsheetApp.<name>.<method>`. */
  wrap: <T extends object>(object: T, name: string) => T;
  /** Called after every write, so the host can persist. */
  written: () => void;
  /** The user's selection: a sheet and an A1 range on it. */
  selection: { sheet?: SheetState; a1: string };
  /** The wrapped Sheet for a sheet, and wrapped Ranges by coordinates or A1 (open ends allowed). */
  sheetOf: (state: SheetState) => unknown;
  range: (state: SheetState, row: number, column: number, rows: number, columns: number) => unknown;
  rangeOfA1: (state: SheetState, a1: string) => unknown;
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
