// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { Options } from '../../../extension/entrypoints/options/Options';
import { checkOptions, type OptionsPorts, type OptionsValues, type ValidOptions } from '../../../extension/entrypoints/options/options-values';
import type { SyncStatus } from '../../../extension/settings';
import { unlabelled } from './harness';

afterEach(cleanup);

const VALID_KEY = `cs1.${'a'.repeat(8)}.${'b'.repeat(43)}`;
const blank: OptionsValues = { url: '', key: '', email: '', name: '', language: '', atRiskAfterDays: '60', inactiveAfterDays: '180', neverLogDomains: '', neverLogAddresses: '' };

function ports(initial: Partial<OptionsValues> = {}) {
  const saved: ValidOptions[] = [];
  let syncs = 0;
  const port: OptionsPorts = {
    locale: 'en-GB',
    load: async () => ({ ...blank, ...initial }),
    save: async (values) => void saved.push(values),
    syncNow: async () => (syncs++, { state: 'idle', pending: 0, failures: 0, lastSyncAt: '2026-05-04T09:00:00.000Z' } satisfies SyncStatus),
    watchStatus: (callback) => (callback({ state: 'not-configured', pending: 2, failures: 0 }), () => undefined),
  };
  return { port, saved, syncs: () => syncs };
}

describe('checkOptions', () => {
  const messages = { urlInvalid: 'bad url' };
  test('a sheet is optional; without one, everything else is still saved', () => {
    expect(checkOptions({ ...blank, email: 'ana@team.test' }, messages)).toMatchObject({ ok: true, value: { sync: null, email: 'ana@team.test' } });
  });
  test('a half-configured sheet is refused, field by field', () => {
    const result = checkOptions({ ...blank, url: 'script.google.com' }, messages);
    expect(result.ok ? [] : result.problems.map((p) => p.field)).toEqual(['url', 'key']);
  });
  test('thresholds and never-log domains go through the domain settings rules', () => {
    const result = checkOptions({ ...blank, atRiskAfterDays: '200', inactiveAfterDays: '100', neverLogDomains: 'team.example\nnot a domain' }, messages);
    expect(result.ok ? [] : result.problems.map((p) => p.field).sort()).toEqual(['atRiskAfterDays', 'neverLogDomains']);
    expect(checkOptions({ ...blank, neverLogDomains: 'Team.Example, gmail.com', neverLogAddresses: 'Boss@Team.Example' }, messages)).toMatchObject({
      ok: true,
      value: { neverLog: { domains: ['team.example', 'gmail.com'], addresses: ['boss@team.example'] }, rules: { atRiskAfterDays: 60, inactiveAfterDays: 180 } },
    });
  });
});

test('the page keeps its test ids, shows the sync status, saves and syncs', async () => {
  const { port, saved, syncs } = ports({ email: 'ana@team.test' });
  render(<Options ports={port} />);
  await waitFor(() => expect((screen.getByTestId('rep-email') as HTMLInputElement).value).toBe('ana@team.test'));
  for (const id of ['sync-url', 'sync-key', 'rep-email', 'sync-status']) expect(screen.getByTestId(id)).toBeTruthy();
  expect(screen.getByTestId('sync-status').getAttribute('data-state')).toBe('not-configured');
  expect(unlabelled(document.body)).toEqual([]);

  fireEvent.input(screen.getByTestId('sync-url'), { target: { value: 'http://localhost:8080/exec' } });
  fireEvent.input(screen.getByTestId('sync-key'), { target: { value: 'nonsense' } });
  fireEvent.click(screen.getByTestId('options-save'));
  await screen.findByTestId('options-problem');
  expect(screen.getByTestId('sync-key').getAttribute('aria-invalid')).toBe('true');
  expect(saved).toEqual([]);

  fireEvent.input(screen.getByTestId('sync-key'), { target: { value: VALID_KEY } });
  fireEvent.input(screen.getByTestId('never-log-domains'), { target: { value: 'team.example' } });
  fireEvent.click(screen.getByTestId('options-save'));
  await waitFor(() => expect(screen.getByTestId('sync-status').getAttribute('data-state')).toBe('idle'));
  expect(saved).toEqual([expect.objectContaining({ sync: { url: 'http://localhost:8080/exec', key: VALID_KEY }, neverLog: { domains: ['team.example'], addresses: [] } })]);
  expect(syncs()).toBe(1);
});

test('choosing Persian turns the page right-to-left', async () => {
  const { port } = ports();
  render(<Options ports={port} />);
  fireEvent.change(await screen.findByTestId('language'), { target: { value: 'fa' } });
  await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('تنظیمات کلیپ‌شیت');
});

test('edits that newer changes overtook are listed, each linked to its record', async () => {
  const { port } = ports();
  const overtaken = [{ entity: 'person', id: 'p-42', fields: ['title', 'location'], at: '2026-05-04T09:00:00.000Z' }];
  port.watchStatus = (callback) => (callback({ state: 'idle', pending: 0, failures: 0, overtaken }), () => undefined);
  render(<Options ports={port} />);
  const list = await screen.findByTestId('sync-overtaken');
  expect(list.textContent).toContain('p-42: title, location');
  expect(list.querySelector('a')!.getAttribute('href')).toBe('sidepanel.html#/person/p-42');
});
