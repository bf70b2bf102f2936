import { PROTOCOL_VERSION, parseResponse, signingInput, SyncTransportError, type SyncRequest, type SyncResponse } from '../../shared/sync/protocol';
import type { SyncKey } from '../../shared/sync/key';

/**
 * Sends one signed request to the sheet's web app. A text/plain POST needs no CORS preflight (Apps Script
 * answers none); fetch follows the 302 to the output, and anything that is not a protocol answer (an HTML
 * error or login page) is a failure, never a success. Works in the extension's worker and in Node.
 */
export async function sendToSheet(url: string, key: SyncKey, request: SyncRequest, options: { signal?: AbortSignal; now?: number } = {}): Promise<SyncResponse> {
  const body = await signRequest(key, request, options.now ?? Date.now());
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain;charset=utf-8' }, body, redirect: 'follow', signal: options.signal });
  } catch (error) {
    throw new SyncTransportError(`Could not reach the sheet (${(error as Error).message}). Changes stay queued until the network is back.`);
  }
  if (!response.ok) throw new SyncTransportError(`The sheet's web app answered HTTP ${response.status}.`);
  return parseResponse(await response.text());
}

/** The request as the signed envelope the add-on verifies (HMAC-SHA256 over the envelope's fields). */
export async function signRequest(key: SyncKey, request: SyncRequest, now: number): Promise<string> {
  const unsigned = { v: PROTOCOL_VERSION, rep: key.keyId, ts: now, nonce: randomNonce(), body: JSON.stringify(request) } as const;
  const cryptoKey = await crypto.subtle.importKey('raw', new TextEncoder().encode(key.secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const signature = new Uint8Array(await crypto.subtle.sign('HMAC', cryptoKey, new TextEncoder().encode(signingInput(unsigned))));
  const sig = Array.from(signature, (b) => b.toString(16).padStart(2, '0')).join('');
  return JSON.stringify({ ...unsigned, sig });
}

function randomNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
