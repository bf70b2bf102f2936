import { MAX_CLOCK_SKEW_MS, signingInput, type Envelope, type ErrorCode } from '../shared/sync/protocol';
import { findRep, keySecret, type TeamMember } from './team';

export class RequestError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

const NONCE_TTL_S = 2 * MAX_CLOCK_SKEW_MS / 1000;

/**
 * Checks a request's signature, age and nonce, and that its rep is active. Throws a RequestError with a
 * plain-words message; never echoes the key.
 */
export function authenticate(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, envelope: Envelope, now: number): TeamMember {
  if (Math.abs(now - envelope.ts) > MAX_CLOCK_SKEW_MS)
    throw new RequestError('stale_timestamp', 'The request is too old or the computer’s clock is off by more than 5 minutes.');
  const secret = keySecret(envelope.rep);
  const member = findRep(spreadsheet, envelope.rep);
  if (!member || !secret) throw new RequestError('unknown_rep', 'This sync key is not known to the sheet: ask your admin for a new key.');
  if (!member.active) throw new RequestError('revoked', 'Your access to this sheet was removed by an admin. Your local data is kept.');
  const expected = toHex(Utilities.computeHmacSha256Signature(signingInput(envelope), secret));
  if (!constantTimeEqual(expected, envelope.sig)) throw new RequestError('bad_signature', 'The request’s signature does not match its key.');
  const cache = CacheService.getScriptCache();
  const nonceKey = `nonce.${envelope.rep}.${envelope.nonce}`;
  if (cache.get(nonceKey)) throw new RequestError('replayed', 'This exact request was already received.');
  cache.put(nonceKey, '1', NONCE_TTL_S);
  return member;
}

/** Apps Script's signatures are signed bytes (-128..127). */
function toHex(bytes: number[]): string {
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
