/**
 * Sync cost against the exact add-on bundle in the emulator: time and Apps Script service calls to push
 * 10,000 changes and to pull 10,000 changes, in the batch sizes the client uses. docs/sync.md derives the
 * batch size from these counts. Emulated time is this machine's, not Google's: the service-call count is
 * what carries over (each call is a round trip inside Google, tens of ms).
 */
import { AppsScriptRuntime } from '../emulator/runtime';
import { signRequest } from '../extension/sync/transport';
import { parseSyncKey } from '../shared/sync/key';
import { MAX_PULL_PAGE, MAX_PUSH_CHANGES, type SyncRequest, type SyncResponse } from '../shared/sync/protocol';
import { buildAppsScript } from '../scripts/build-apps-script';
import type { Benchmark, Figure } from './figure';

const CHANGES = 10_000;

const bench: Benchmark = async () => {
  const runtime = new AppsScriptRuntime({ bundleDir: await buildAppsScript() });
  runtime.call('setUpSpreadsheet');
  const key = parseSyncKey(runtime.call<string>('issueRepKey', 'Bench Rep', 'bench@team.example'));
  const send = async (request: SyncRequest) => {
    const body = await signRequest(key, request, Date.now());
    runtime.calls.reset();
    const start = performance.now();
    const answer = JSON.parse(runtime.request('POST', {}, body).content) as SyncResponse;
    if (!answer.ok) throw new Error(answer.error.message);
    return { answer, calls: runtime.calls.total(), sheetCalls: runtime.calls.total('SpreadsheetApp.'), ms: performance.now() - start };
  };

  const at = '2026-06-01T00:00:00.000Z';
  let push = { calls: 0, sheetCalls: 0, ms: 0, requests: 0, slowest: 0 };
  for (let start = 0; start < CHANGES; start += MAX_PUSH_CHANGES) {
    const changes = Array.from({ length: Math.min(MAX_PUSH_CHANGES, CHANGES - start) }, (_, i) => {
      const n = start + i;
      return { entity: 'person' as const, key: `bench-${String(n).padStart(8, '0')}`, assumedRevision: null, record: { id: `p-${n}`, revision: 0, createdAt: at, updatedAt: at, owner: '', fullName: `Person ${n}`, emails: [`person${n}@example.com`], stage: 'prospect' } };
    });
    const r = await send({ op: 'push', changes });
    push = { calls: push.calls + r.calls, sheetCalls: push.sheetCalls + r.sheetCalls, ms: push.ms + r.ms, requests: push.requests + 1, slowest: Math.max(push.slowest, r.ms) };
  }

  let pull = { calls: 0, sheetCalls: 0, ms: 0, requests: 0, slowest: 0, documents: 0 };
  let checkpoint = null;
  for (;;) {
    const r = await send({ op: 'pull', entity: 'person', checkpoint, limit: MAX_PULL_PAGE });
    if (r.answer.ok && r.answer.op === 'pull') {
      pull = { calls: pull.calls + r.calls, sheetCalls: pull.sheetCalls + r.sheetCalls, ms: pull.ms + r.ms, requests: pull.requests + 1, slowest: Math.max(pull.slowest, r.ms), documents: pull.documents + r.answer.documents.length };
      checkpoint = r.answer.checkpoint;
      if (!r.answer.hasMore) break;
    } else break;
  }

  // The heavy case: a full batch into a sheet that already holds 50,000 people (a large first sync's end).
  for (let n = CHANGES; n < 47_000; n += MAX_PUSH_CHANGES) {
    await send({ op: 'push', changes: Array.from({ length: MAX_PUSH_CHANGES }, (_, i) => ({ entity: 'person' as const, key: `fill-${String(n + i).padStart(8, '0')}`, assumedRevision: null, record: { id: `f-${n + i}`, revision: 0, createdAt: at, updatedAt: at, owner: '', fullName: `Filler ${n + i}`, stage: 'prospect' } })) });
  }
  const rows = runtime.workbook.lastRow(runtime.workbook.sheet('Customers')!) - 1;
  const heavy = await send({ op: 'push', changes: Array.from({ length: MAX_PUSH_CHANGES }, (_, i) => ({ entity: 'person' as const, key: `heavy-${String(i).padStart(8, '0')}`, assumedRevision: null, record: { id: `h-${i}`, revision: 0, createdAt: at, updatedAt: at, owner: '', fullName: `Heavy ${i}`, emails: [`heavy${i}@example.com`], stage: 'prospect' } })) });
  const small = await send({ op: 'push', changes: [{ entity: 'person' as const, key: 'small-000001', assumedRevision: null, record: { id: 's-1', revision: 0, createdAt: at, updatedAt: at, owner: '', fullName: 'Small', stage: 'prospect' } }] });

  const per1000 = (calls: number) => (calls / CHANGES) * 1000;
  const figures: Figure[] = [
    { name: `push ${CHANGES} changes: time`, value: push.ms, unit: 'ms', note: `${push.requests} requests of ${MAX_PUSH_CHANGES}; slowest ${Math.round(push.slowest)} ms (the last, into ${CHANGES - MAX_PUSH_CHANGES} rows)` },
    { name: 'push: service calls per 1,000 rows', value: per1000(push.calls), unit: 'calls', target: '< 10', meets: per1000(push.calls) < 10, note: `${push.calls} calls in all, ${push.sheetCalls} of them SpreadsheetApp` },
    { name: 'push: service calls per request', value: push.calls / push.requests, unit: 'calls' },
    { name: `pull ${pull.documents} changes: time`, value: pull.ms, unit: 'ms', note: `${pull.requests} requests of up to ${MAX_PULL_PAGE}; slowest ${Math.round(pull.slowest)} ms` },
    { name: 'pull: service calls per 1,000 rows', value: per1000(pull.calls), unit: 'calls', target: '< 10', meets: per1000(pull.calls) < 10, note: `${pull.calls} calls in all, ${pull.sheetCalls} of them SpreadsheetApp` },
    { name: 'pull: service calls per request', value: pull.calls / pull.requests, unit: 'calls' },
    { name: `push ${MAX_PUSH_CHANGES} into ${rows} rows: time`, value: heavy.ms, unit: 'ms', note: `${heavy.calls} service calls (${heavy.sheetCalls} SpreadsheetApp)` },
    { name: `push 1 change into ${rows + MAX_PUSH_CHANGES} rows: time`, value: small.ms, unit: 'ms', note: `${small.calls} service calls: a rep's everyday sync` },
  ];
  return figures;
};
export default bench;
