import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, type Command } from '../command';
import { parseOptions, portOption } from '../options';
import { DEFAULT_WORKBOOK, startLocalBackend } from '../../emulator/local-backend';
import { signRequest } from '../../extension/sync/transport';
import { parseSyncKey } from '../../shared/sync/key';
import { requestSchema } from '../../shared/sync/protocol';
import { buildAppsScript } from '../../scripts/build-apps-script';
import { findCredentials, googleClient, provisionSpreadsheet, ProvisionError, type SheetsClient } from '../sheet-provision';

const usage = `Usage:
  clipsheet sheet serve [--port N] [--workbook FILE]
      The local sheet backend: the built Apps Script add-on in the emulator, served as a web app
      (POST /macros/s/local/exec), persisted to FILE (default ${DEFAULT_WORKBOOK}).
  clipsheet sheet sign REQUEST_JSON [--workbook FILE] [--key KEY]
      Prints REQUEST_JSON as a signed request body, e.g. to send with curl:
      clipsheet sheet sign '{"op":"hello"}' | curl -sL --data-binary @- URL
  clipsheet sheet provision [--title TITLE] [--credentials FILE] [--share EMAIL]...
      Creates the team's Google spreadsheet (every tab and header) with the Sheets API, from a service
      account key or authorized_user credentials (or GOOGLE_APPLICATION_CREDENTIALS); --share gives an
      admin edit access (needed when a service account creates it). Then bind the add-on (README).`;

export default {
  name: 'sheet',
  summary: 'the local sheet backend (serve), signed requests (sign), a real spreadsheet (provision)',
  usage,
  async run([sub, ...args]) {
    if (sub === 'serve') return serve(args);
    if (sub === 'sign') return sign(args);
    if (sub === 'provision') return provision(args);
    throw new UsageError(sub ? `unknown subcommand '${sub}'` : 'say serve, sign or provision');
  },
} satisfies Command;

async function serve(args: string[]): Promise<number> {
  const { values } = parseOptions(args, { port: { type: 'string' }, workbook: { type: 'string' }, host: { type: 'string' } });
  const bundleDir = await buildAppsScript();
  const backend = await startLocalBackend({ bundleDir, workbookFile: values.workbook ?? DEFAULT_WORKBOOK, port: portOption(values.port, 8787), host: values.host });
  console.log(`Clipsheet local sheet backend
  web app:   ${backend.url}
  workbook:  ${backend.workbookFile} (opens in any spreadsheet program; saved after every write)
  rep key:   ${backend.workbookFile}.key (paste into the extension's options)
Press Ctrl-C to stop.`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await backend.close();
  return 0;
}

async function sign(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions(args, { workbook: { type: 'string' }, key: { type: 'string' } }, true);
  if (positionals.length !== 1) throw new UsageError('give one request, as JSON');
  let request;
  try {
    request = requestSchema.parse(JSON.parse(positionals[0]!));
  } catch (error) {
    throw new UsageError(`that is not a sync request: ${(error as Error).message}`);
  }
  const keyFile = `${values.workbook ?? join(DEFAULT_WORKBOOK)}.key`;
  const keyText = values.key ?? (existsSync(keyFile) ? readFileSync(keyFile, 'utf8') : undefined);
  if (!keyText) throw new UsageError(`no key: pass --key or run 'clipsheet sheet serve' once to create ${keyFile}`);
  process.stdout.write(await signRequest(parseSyncKey(keyText), request, Date.now()));
  return 0;
}

/** Creates the spreadsheet; `client` is for tests, which never reach Google. */
export async function provision(args: string[], client?: (credentials: string) => Promise<SheetsClient>): Promise<number> {
  const { values } = parseOptions(args, { title: { type: 'string' }, credentials: { type: 'string' }, share: { type: 'string', multiple: true } });
  try {
    const credentials = findCredentials(values.credentials, process.env);
    const created = await provisionSpreadsheet(await (client ?? googleClient)(credentials), { title: values.title ?? 'Clipsheet', share: values.share ?? [] });
    console.log(`Created ${created.spreadsheetUrl}
Next (README, "Deploying to a real Google Sheet"):
  npx clasp create-script --type sheets --parentId ${created.spreadsheetId} --rootDir dist/apps-script
  npm run gas:deploy
then open the sheet and run Clipsheet > Set up spreadsheet.`);
    return 0;
  } catch (error) {
    if (!(error instanceof ProvisionError)) throw error;
    console.error(`clipsheet sheet provision: ${error.message}`);
    return 1;
  }
}
