import { z } from 'zod';
import { ENTITIES, type EntityName } from '../model';

/**
 * The wire protocol between a rep's browser and the team's sheet (docs/sync.md). Every request is a POST
 * with a text/plain body (no CORS preflight) holding a signed envelope; the answer is always JSON.
 */

export const PROTOCOL_VERSION = 1;
/** A request whose timestamp is further than this from the server's clock is refused (replay window). */
export const MAX_CLOCK_SKEW_MS = 5 * 60_000;
/** Limits that keep one request far inside Apps Script's 6-minute execution, derived in docs/sync.md. */
export const MAX_PUSH_CHANGES = 5000;
export const MAX_PULL_PAGE = 2000;
/** A push is also cut by size, so a batch of long notes stays as cheap as a batch of short ones. */
export const MAX_PUSH_CHARS = 2_000_000;
export const MAX_BODY_CHARS = 5_000_000;

const entityNames = Object.keys(ENTITIES) as [EntityName, ...EntityName[]];

export const envelopeSchema = z.object({
  v: z.literal(PROTOCOL_VERSION),
  /** The rep's key id (its public half, shown in the Team sheet). */
  rep: z.string().min(1).max(64),
  ts: z.number().int(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  body: z.string().max(MAX_BODY_CHARS),
  /** hex HMAC-SHA256 of `signingInput` under the rep's key. */
  sig: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Envelope = z.infer<typeof envelopeSchema>;

/** The exact text a signature covers: everything in the envelope but the signature. */
export const signingInput = (e: Omit<Envelope, 'sig'>) => `${e.v}.${e.rep}.${e.ts}.${e.nonce}.${e.body}`;

export const changeSchema = z.object({
  entity: z.enum(entityNames),
  /** Idempotency key: the same change sent twice is applied once. */
  key: z.string().min(8).max(128),
  /** The revision of the sheet's row the client last saw; null for a record the client created. */
  assumedRevision: z.number().int().nonnegative().nullable(),
  record: z.record(z.string(), z.unknown()),
});
export type Change = z.infer<typeof changeSchema>;

export const checkpointSchema = z.object({ updatedAt: z.string(), id: z.string() });
export type Checkpoint = z.infer<typeof checkpointSchema>;

export const requestSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('hello') }),
  z.object({ op: z.literal('push'), changes: z.array(changeSchema).max(MAX_PUSH_CHANGES) }),
  z.object({
    op: z.literal('pull'),
    entity: z.enum(entityNames),
    checkpoint: checkpointSchema.nullable(),
    limit: z.number().int().min(1).max(MAX_PULL_PAGE),
  }),
]);
export type SyncRequest = z.infer<typeof requestSchema>;

/**
 * applied: written; duplicate: this key was already applied (a replay); conflict: the row moved on, `record`
 * is the master state to merge with; merged: a new person was the same as an existing row and was merged
 * into it (`record.id` is the survivor's id); rejected: invalid, with `error`.
 */
export type ChangeStatus = 'applied' | 'duplicate' | 'conflict' | 'merged' | 'rejected';
export interface ChangeResult {
  key: string;
  id: string;
  status: ChangeStatus;
  /** The master state after the change (applied, duplicate) or as it stands (conflict). */
  record?: Record<string, unknown>;
  error?: string;
}

export const ERROR_CODES = [
  'malformed',
  'unknown_rep',
  'revoked',
  'bad_signature',
  'stale_timestamp',
  'replayed',
  'too_large',
  'busy',
  'not_set_up',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type SyncResponse =
  | { ok: true; op: 'hello'; spreadsheet: string; rep: { name: string; email: string } }
  | { ok: true; op: 'push'; results: ChangeResult[] }
  | { ok: true; op: 'pull'; documents: Record<string, unknown>[]; checkpoint: Checkpoint | null; hasMore: boolean }
  | { ok: false; error: { code: ErrorCode; message: string } };

/** Tells a protocol answer from anything else (an HTML error page, a login page, a proxy's body). */
export function parseResponse(text: string): SyncResponse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1];
    throw new SyncTransportError(`The sheet answered with a page instead of data${title ? ` ("${title}")` : ''}: check the web-app URL and its access setting.`);
  }
  if (typeof value !== 'object' || value === null || typeof (value as { ok?: unknown }).ok !== 'boolean')
    throw new SyncTransportError('The sheet answered with something that is not a Clipsheet response.');
  return value as SyncResponse;
}

export class SyncTransportError extends Error {
  override name = 'SyncTransportError';
}
