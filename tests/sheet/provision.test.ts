import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { provision } from '../../cli/commands/sheet';
import { findCredentials, ProvisionError, spreadsheetRequest, type SheetsClient } from '../../cli/sheet-provision';
import { ENTITY_SHEETS, SHEET_ORDER, settingRows } from '../../apps-script/layout';

/** `clipsheet sheet provision`, without ever reaching Google: the Sheets client is a recording fake. */
const saved = process.env.GOOGLE_APPLICATION_CREDENTIALS;
afterEach(() => {
  if (saved === undefined) delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
  else process.env.GOOGLE_APPLICATION_CREDENTIALS = saved;
  vi.restoreAllMocks();
});

function credentialsFile(content: unknown): string {
  const file = join(mkdtempSync(join(tmpdir(), 'clipsheet-creds-')), 'key.json');
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
}

describe('without usable credentials it stops with a clear message, before any network', () => {
  test.each([
    ['none at all', undefined, /No Google credentials\. Pass --credentials FILE/],
    ['a missing file', '/nonexistent/key.json', /does not exist/],
    ['not JSON', credentialsFile('not json'), /is not JSON/],
    ['an OAuth client secret, not credentials', credentialsFile({ installed: { client_id: 'x' } }), /expected service_account or authorized_user/],
  ])('%s', async (_name, file, message) => {
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    expect(() => findCredentials(file, {})).toThrow(ProvisionError);
    expect(() => findCredentials(file, {})).toThrow(message);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const client = vi.fn();
    expect(await provision(file ? ['--credentials', file] : [], client)).toBe(1);
    expect(client).not.toHaveBeenCalled();
    expect(errors.mock.calls[0]![0]).toMatch(message);
  });
});

test('with credentials it creates every tab and header Set up would, shares it, and says what to do next', async () => {
  const file = credentialsFile({ type: 'service_account', client_email: 'bot@project.iam.gserviceaccount.com', private_key: 'unused' });
  const created: unknown[] = [];
  const shared: string[] = [];
  const fake: SheetsClient = {
    async create(body) {
      created.push(body);
      return { spreadsheetId: 'sheet-123', spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/sheet-123/edit' };
    },
    async share(id, email) {
      shared.push(`${id} ${email}`);
    },
  };
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  expect(await provision(['--credentials', file, '--title', 'Team CRM', '--share', 'admin@team.example'], async () => fake)).toBe(0);
  expect(created).toEqual([spreadsheetRequest('Team CRM')]);
  expect(shared).toEqual(['sheet-123 admin@team.example']);
  expect(log.mock.calls[0]![0]).toContain('clasp create-script --type sheets --parentId sheet-123');
});

test('the request holds the same layout as the add-on: tabs in order, headers from the schemas, settings', () => {
  const request = spreadsheetRequest('Clipsheet');
  expect(request.sheets.map((s) => s.properties.title)).toEqual(SHEET_ORDER);
  const headerRow = (title: string) => request.sheets.find((s) => s.properties.title === title)!.data[0]!.rowData[0]!.values.map((v) => v.userEnteredValue.stringValue);
  for (const entity of ENTITY_SHEETS) expect(headerRow(entity.sheet)).toEqual(entity.columns.map((c) => c.header));
  const settings = request.sheets.find((s) => s.properties.title === 'Settings')!.data[0]!.rowData;
  expect(settings).toHaveLength(settingRows().length + 1);
  expect(request.sheets.find((s) => s.properties.title === 'Customers')!.properties.gridProperties.columnCount).toBeGreaterThanOrEqual(ENTITY_SHEETS[0]!.columns.length);
});
