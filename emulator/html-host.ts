import { Window } from 'happy-dom';
import type { AppsScriptRuntime } from './runtime';

/**
 * What a person's browser does with HtmlService output (a sidebar or dialog): renders it in happy-dom and
 * gives it `google.script.run`, whose calls run the bundle's functions in the runtime, asynchronously, with
 * Apps Script's rules on what may cross (primitives, arrays, plain objects: no Date, no function).
 */
export interface HtmlHost {
  window: Window;
  /** Server functions called, in order. */
  calls: string[];
  /** Waits until every pending server call and render has finished. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** Throws as google.script.run does for a value that cannot cross between browser and server. */
function checkLegal(value: unknown, path = 'value'): void {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return;
  if (typeof value === 'function' || Object.prototype.toString.call(value) === '[object Date]')
    throw new Error(`Illegal value in ${path}: google.script.run passes primitives, arrays and plain objects only`);
  for (const [key, child] of Object.entries(value as object)) checkLegal(child, `${path}.${key}`);
}

/** Renders HtmlService output with google.script.run bridged to the runtime. */
export async function openHtml(html: string, runtime: AppsScriptRuntime): Promise<HtmlHost> {
  const window = new Window({ settings: { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true } });
  const calls: string[] = [];
  type Handler = ((value: unknown) => void) | undefined;
  const runner = (onSuccess: Handler, onFailure: Handler): object =>
    new Proxy(
      {},
      {
        get(_, name) {
          if (name === 'withSuccessHandler') return (handler: Handler) => runner(handler, onFailure);
          if (name === 'withFailureHandler') return (handler: Handler) => runner(onSuccess, handler);
          if (name === 'withUserObject') return () => runner(onSuccess, onFailure);
          return (...args: unknown[]) => {
            calls.push(String(name));
            // Calls reach the server later, never inside the caller's own stack.
            window.setTimeout(() => {
              try {
                checkLegal(args, 'arguments');
                const result = runtime.call(String(name), ...args);
                checkLegal(result, 'the result');
                onSuccess?.(result === undefined ? undefined : JSON.parse(JSON.stringify(result)));
              } catch (error) {
                onFailure?.(new window.Error((error as Error).message));
              }
            }, 0);
          };
        },
      },
    );
  Object.assign(window, { google: { script: { run: runner(undefined, undefined), host: { close: () => undefined } } } });
  window.document.write(html);
  const settle = async () => {
    for (let round = 0; round < 5; round++) await window.happyDOM.waitUntilComplete();
  };
  await settle();
  return { window, calls, settle, close: () => window.happyDOM.close() };
}
