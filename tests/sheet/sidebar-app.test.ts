// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { afterEach, expect, test, vi } from 'vitest';
import { App } from '../../apps-script/sidebar/App';
import type { SidebarView } from '../../apps-script/sidebar/contract';
import { createServer, type ScriptRunner, type Server } from '../../apps-script/sidebar/server';

/** The sidebar's components and its google.script.run wrapper, apart from the server (sidebar.test.ts has both). */
afterEach(cleanup);

test('the typed wrapper calls the named server function and settles with its answer or its error', async () => {
  const calls: string[] = [];
  const runner = (ok?: (v: unknown) => void, fail?: (e: Error) => void): ScriptRunner => ({
    withSuccessHandler: (handler) => runner(handler, fail),
    withFailureHandler: (handler) => runner(ok, handler),
    sidebarLoad: () => {
      calls.push('sidebarLoad');
      ok?.({ kind: 'empty', message: 'hi' });
    },
    sidebarSetStage: (...args: unknown[]) => {
      calls.push(`sidebarSetStage ${args.join(',')}`);
      fail?.(new Error('nope'));
    },
  });
  const server = createServer(runner());
  await expect(server.sidebarLoad()).resolves.toEqual({ kind: 'empty', message: 'hi' });
  await expect(server.sidebarSetStage('p1', 'lost', 'price', '')).rejects.toThrow('nope');
  expect(calls).toEqual(['sidebarLoad', 'sidebarSetStage p1,lost,price,']);
});

test('a failed load shows the server’s message; getting focus back reloads', async () => {
  const views: Array<SidebarView | Error> = [new Error('Exception: Clipsheet is busy'), { kind: 'empty', message: 'Select a row in Customers' }];
  const sidebarLoad = vi.fn(async () => {
    const next = views.shift()!;
    if (next instanceof Error) throw next;
    return next;
  });
  const server = { sidebarLoad, sidebarSetStage: vi.fn() } as unknown as Server;
  render(h(App, { server }));
  await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Exception: Clipsheet is busy'));
  window.dispatchEvent(new Event('focus'));
  await waitFor(() => expect(screen.getByTestId('empty').textContent).toBe('Select a row in Customers'));
  expect(screen.queryByRole('alert')).toBeNull();
  expect(sidebarLoad).toHaveBeenCalledTimes(2);
});
