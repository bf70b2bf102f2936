import { existsSync, readFileSync } from 'node:fs';
import { ENTITY_SHEETS, LOG_HEADERS, LOG_SHEET, SETTINGS_HEADERS, SETTINGS_SHEET, SHEET_ORDER, newSheetColumns, settingRows } from '../apps-script/layout';

/**
 * `clipsheet sheet provision`: creates the team's spreadsheet through the Sheets API, with every tab and
 * header the add-on's Set up would create (the same layout module), from a service account key or a
 * user's OAuth credentials (an `authorized_user` file, as `gcloud auth application-default login` writes).
 * The admin then binds the add-on to it (clasp) and runs Set up, which adds notes, protections, drop-downs
 * and triggers. Nothing here runs in tests against Google: the client is injected.
 */

/** The narrowest scope that can create a spreadsheet and share what this app created. */
export const PROVISION_SCOPES = ['https://www.googleapis.com/auth/drive.file'];

/** A problem the admin can fix (credentials), printed without a stack. */
export class ProvisionError extends Error {}

type CellData = { userEnteredValue: { stringValue?: string; numberValue?: number; boolValue?: boolean } };
const cell = (value: string | number | boolean): CellData => ({
  userEnteredValue: typeof value === 'number' ? { numberValue: value } : typeof value === 'boolean' ? { boolValue: value } : { stringValue: value },
});

/** The spreadsheets.create body: one tab per sheet, in order, headers in row 1, the Settings rows. */
export function spreadsheetRequest(title: string) {
  const rowsOf = (name: string): Array<Array<string | number | boolean>> => {
    const entity = ENTITY_SHEETS.find((e) => e.sheet === name);
    if (entity) return [newSheetColumns(entity).map((c) => c.header)];
    if (name === SETTINGS_SHEET) return [SETTINGS_HEADERS, ...settingRows().map((r) => [r.key, r.value, r.value])];
    if (name === LOG_SHEET) return [LOG_HEADERS];
    return [];
  };
  return {
    properties: { title, timeZone: 'Etc/UTC' },
    sheets: SHEET_ORDER.map((name, index) => {
      const rows = rowsOf(name);
      const width = Math.max(26, ...rows.map((r) => r.length));
      return {
        properties: { title: name, index, gridProperties: { rowCount: 1000, columnCount: width, frozenRowCount: rows.length ? 1 : 0 } },
        data: rows.length ? [{ startRow: 0, startColumn: 0, rowData: rows.map((r) => ({ values: r.map(cell) })) }] : [],
      };
    }),
  };
}

/** The credentials file to use: --credentials, else GOOGLE_APPLICATION_CREDENTIALS; a clear error otherwise. */
export function findCredentials(explicit: string | undefined, env: NodeJS.ProcessEnv): string {
  const file = explicit ?? env.GOOGLE_APPLICATION_CREDENTIALS;
  if (!file)
    throw new ProvisionError(
      'No Google credentials. Pass --credentials FILE (a service account key, or an authorized_user file from ' +
        '`gcloud auth application-default login`), or set GOOGLE_APPLICATION_CREDENTIALS. Without credentials, create ' +
        'an empty Google Sheet by hand and run Clipsheet > Set up spreadsheet in it (see the README).',
    );
  if (!existsSync(file)) throw new ProvisionError(`The credentials file ${file} does not exist.`);
  let type: unknown;
  try {
    type = (JSON.parse(readFileSync(file, 'utf8')) as { type?: unknown }).type;
  } catch {
    throw new ProvisionError(`The credentials file ${file} is not JSON.`);
  }
  if (type !== 'service_account' && type !== 'authorized_user')
    throw new ProvisionError(`The credentials file ${file} has type "${String(type)}"; expected service_account or authorized_user.`);
  return file;
}

/** What provisioning needs from Google; the real one wraps googleapis, tests pass their own. */
export interface SheetsClient {
  create(body: ReturnType<typeof spreadsheetRequest>): Promise<{ spreadsheetId: string; spreadsheetUrl: string }>;
  share(fileId: string, email: string): Promise<void>;
}

/** A client over googleapis, loaded only once credentials were found (it is large). */
export async function googleClient(credentialsFile: string): Promise<SheetsClient> {
  const { google } = await import('googleapis');
  const auth = new google.auth.GoogleAuth({ keyFile: credentialsFile, scopes: PROVISION_SCOPES });
  const sheets = google.sheets({ version: 'v4', auth });
  const drive = google.drive({ version: 'v3', auth });
  return {
    async create(body) {
      const { data } = await sheets.spreadsheets.create({ requestBody: body, fields: 'spreadsheetId,spreadsheetUrl' });
      if (!data.spreadsheetId || !data.spreadsheetUrl) throw new ProvisionError('Google answered without a spreadsheet id.');
      return { spreadsheetId: data.spreadsheetId, spreadsheetUrl: data.spreadsheetUrl };
    },
    async share(fileId, email) {
      await drive.permissions.create({ fileId, requestBody: { type: 'user', role: 'writer', emailAddress: email }, sendNotificationEmail: true });
    },
  };
}

/** Creates the spreadsheet and shares it; returns its id and URL. */
export async function provisionSpreadsheet(client: SheetsClient, options: { title: string; share: readonly string[] }): Promise<{ spreadsheetId: string; spreadsheetUrl: string }> {
  const created = await client.create(spreadsheetRequest(options.title));
  for (const email of options.share) await client.share(created.spreadsheetId, email);
  return created;
}
