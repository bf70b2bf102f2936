import { join } from 'node:path';
import { AppsScriptRuntime } from '../../emulator/runtime';
import { signRequest } from '../../extension/sync/transport';
import { parseSyncKey, type SyncKey } from '../../shared/sync/key';
import type { SyncRequest, SyncResponse } from '../../shared/sync/protocol';

export const BUNDLE_DIR = join(import.meta.dirname, '..', '..', 'dist', 'apps-script');

/** The built add-on on a fresh, set-up workbook with one rep, and a way to send it signed requests. */
export function loadAddOn() {
  const runtime = new AppsScriptRuntime({ bundleDir: BUNDLE_DIR });
  runtime.call('setUpSpreadsheet');
  const key = parseSyncKey(runtime.call<string>('issueRepKey', 'Dana Rep', 'dana@team.example'));
  const post = (body: string): SyncResponse => JSON.parse(runtime.request('POST', {}, body).content);
  return {
    runtime,
    key,
    post,
    async send(request: SyncRequest, options: { key?: SyncKey; now?: number } = {}): Promise<SyncResponse> {
      return post(await signRequest(options.key ?? key, request, options.now ?? Date.now()));
    },
  };
}

export const ISO = '2026-11-01T09:00:00.000Z';

/** A valid person record for pushing. */
export function person(id: string, fields: Record<string, unknown> = {}) {
  return { id, revision: 0, createdAt: ISO, updatedAt: ISO, owner: '', fullName: `Person ${id}`, stage: 'prospect', ...fields };
}
