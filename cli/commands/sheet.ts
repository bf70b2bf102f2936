import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError, type Command } from '../command';
import { parseOptions, portOption } from '../options';
import { DEFAULT_WORKBOOK, startLocalBackend } from '../../emulator/local-backend';
import { signRequest } from '../../extension/sync/transport';
import { parseSyncKey } from '../../shared/sync/key';
import { requestSchema } from '../../shared/sync/protocol';
import { buildAppsScript } from '../../scripts/build-apps-script';

const usage = `Usage:
  clipsheet sheet serve [--port N] [--workbook FILE]
      The local sheet backend: the built Apps Script add-on in the emulator, served as a web app
      (POST /macros/s/local/exec), persisted to FILE (default ${DEFAULT_WORKBOOK}).
  clipsheet sheet sign REQUEST_JSON [--workbook FILE] [--key KEY]
      Prints REQUEST_JSON as a signed request body, e.g. to send with curl:
      clipsheet sheet sign '{"op":"hello"}' | curl -sL --data-binary @- URL`;

export default {
  name: 'sheet',
  summary: 'the local sheet backend (serve) and signed requests to it (sign)',
  usage,
  async run([sub, ...args]) {
    if (sub === 'serve') return serve(args);
    if (sub === 'sign') return sign(args);
    throw new UsageError(sub ? `unknown subcommand '${sub}'` : 'say serve or sign');
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
