import { MAX_CLOCK_SKEW_MS, signingInput, type Envelope, type ErrorCode } from '../shared/sync/protocol';
import { findRep, KEY_PROPERTY, type TeamMember } from './team';

export class RequestError extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
  }
}

const NONCE_TTL_S = (2 * MAX_CLOCK_SKEW_MS) / 1000;
/** How long a rep's Team row is trusted from the cache: the longest a revocation by hand takes to bite. */
const MEMBER_TTL_S = 60;
const nonceKey = (e: Envelope) => `nonce.${e.rep}.${e.nonce}`;
const memberKey = (keyId: string) => `rep.${keyId}`;

/**
 * Checks a request's age, its rep (known, active), its signature and its nonce. Throws a RequestError with
 * a plain-words message; never echoes the key. The rep's Team row and the nonce come from one cache read,
 * so a request reads the Team sheet only once a minute per rep.
 */
export function authenticate(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, envelope: Envelope, now: number, properties: Record<string, string>): TeamMember {
  if (Math.abs(now - envelope.ts) > MAX_CLOCK_SKEW_MS)
    throw new RequestError('stale_timestamp', 'The request is too old or the computer’s clock is off by more than 5 minutes.');
  const cache = CacheService.getScriptCache();
  const cached = cache.getAll([nonceKey(envelope), memberKey(envelope.rep)]);
  const secret = properties[KEY_PROPERTY(envelope.rep)];
  const member: TeamMember | null = cached[memberKey(envelope.rep)] ? JSON.parse(cached[memberKey(envelope.rep)]!) : findRep(spreadsheet, envelope.rep);
  if (!member || !secret) throw new RequestError('unknown_rep', 'This sync key is not known to the sheet: ask your admin for a new key.');
  if (!member.active) throw new RequestError('revoked', 'Your access to this sheet was removed by an admin. Your local data is kept.');
  const expected = toHex(Utilities.computeHmacSha256Signature(signingInput(envelope), secret));
  if (!constantTimeEqual(expected, envelope.sig)) throw new RequestError('bad_signature', 'The request’s signature does not match its key.');
  if (cached[nonceKey(envelope)]) throw new RequestError('replayed', 'This exact request was already received.');
  cache.put(nonceKey(envelope), '1', NONCE_TTL_S);
  if (!cached[memberKey(envelope.rep)]) cache.put(memberKey(envelope.rep), JSON.stringify(member), MEMBER_TTL_S);
  return member;
}

/** Forgets a rep's cached Team row, so a change to it (revocation) takes effect on their next request. */
export function forgetRep(keyId: string): void {
  CacheService.getScriptCache().remove(memberKey(keyId));
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
