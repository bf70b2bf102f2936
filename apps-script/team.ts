import { Rep } from '../shared/model';
import { Table } from './table';

/**
 * Reps and their sync keys. The secret half of a key lives only in script properties (never in a cell,
 * never in a log); the Team sheet shows its id, and unticking Active revokes it.
 */
/** The script property that holds a key's secret. */
export const KEY_PROPERTY = (keyId: string) => `clipsheet.key.${keyId}`;

export interface TeamMember {
  name: string;
  email: string;
  active: boolean;
}

/** The Team row whose key id is given, or null. */
export function findRep(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, keyId: string): TeamMember | null {
  const row = Table.open(spreadsheet, Rep)?.rows().find((r) => r.values.keyId === keyId);
  if (!row) return null;
  return { name: String(row.values.name ?? ''), email: String(row.values.email ?? ''), active: row.values.active === true };
}

export function keySecret(keyId: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(KEY_PROPERTY(keyId));
}

/**
 * Adds a rep to the Team sheet and issues their sync key: `cs1.<key id>.<secret>`, shown once to the
 * admin and pasted into the rep's extension options.
 */
export function issueKey(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, member: { name: string; email: string; role?: string }, now: string): string {
  const table = Table.open(spreadsheet, Rep);
  if (!table) throw new Error('The Team sheet is missing: run Clipsheet > Set up spreadsheet first.');
  const keyId = randomToken(12);
  const secret = randomToken(43);
  PropertiesService.getScriptProperties().setProperty(KEY_PROPERTY(keyId), secret);
  const existing = table.rows().find((r) => String(r.values.email ?? '').toLowerCase() === member.email.toLowerCase());
  const id = typeof existing?.values.id === 'string' ? existing.values.id : Utilities.getUuid();
  table.put(
    Rep.schema.parse({
      ...existing?.values,
      id,
      revision: Number(existing?.values.revision ?? 0) + 1,
      createdAt: existing?.values.createdAt ?? now,
      updatedAt: now,
      owner: member.email,
      name: member.name,
      email: member.email,
      role: member.role ?? existing?.values.role ?? 'rep',
      keyId,
      active: true,
    }),
  );
  table.commit();
  return `cs1.${keyId}.${secret}`;
}

/** Revokes a rep's key: their extension stops syncing and keeps its local data. */
export function revokeKey(keyId: string): void {
  PropertiesService.getScriptProperties().deleteProperty(KEY_PROPERTY(keyId));
}

/** Url-safe random text from Apps Script's UUIDs (v4, random) hashed together. */
function randomToken(length: number): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, Utilities.getUuid() + Utilities.getUuid() + Utilities.getUuid());
  return Utilities.base64EncodeWebSafe(bytes).replace(/[=_-]/g, '').slice(0, length).padEnd(length, 'x');
}
