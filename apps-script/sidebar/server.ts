import { SIDEBAR_FUNCTIONS, type SidebarApi } from './contract';

/**
 * A typed wrapper around google.script.run: `server.sidebarLoad()` returns a Promise of what the Apps
 * Script function returns, and rejects with its Error. Runs in the sidebar (the browser), never on the server.
 */
export type Server = { [K in keyof SidebarApi]: (...args: Parameters<SidebarApi[K]>) => Promise<ReturnType<SidebarApi[K]>> };

/** google.script.run as HtmlService provides it in a sidebar: each with*Handler call returns a new runner. */
export interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: Error) => void): ScriptRunner;
  [functionName: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

/** The typed server over google.script.run (or a runner a test passes). */
export function createServer(run: ScriptRunner = google.script.run): Server {
  const server: Partial<Record<string, unknown>> = {};
  for (const name of SIDEBAR_FUNCTIONS) {
    server[name] = (...args: unknown[]) =>
      new Promise((resolve, reject) => {
        const runner = run.withSuccessHandler(resolve).withFailureHandler(reject);
        (runner[name] as (...a: unknown[]) => void)(...args);
      });
  }
  return server as Server;
}
