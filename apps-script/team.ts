import { Rep } from '../shared/model';
import { createClock } from './clock';
import { Table } from './table';

/**
 * Reps and their sync keys. The secret half of a key lives only in script properties (never in a cell,
 * never in a log); the Team sheet shows its id, and unticking Active (or Revoke a rep) revokes it.
 * Callers hold the script lock: Team rows sync like any record, so their stamps come from the clock.
 */
/** The script property that holds a key id's secret. */
export const KEY_PROPERTY = (keyId: string) => `clipsheet.key.${keyId}`;

/** A rep as the sync endpoint sees them. */
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

/** The secret of a key id, from script properties; null once revoked. */
export function keySecret(keyId: string): string | null {
  return PropertiesService.getScriptProperties().getProperty(KEY_PROPERTY(keyId));
}

function openTeam(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Table {
  const table = Table.open(spreadsheet, Rep);
  if (!table) throw new Error('The Team sheet is missing: run Clipsheet > Set up spreadsheet first.');
  return table;
}

const sameEmail = (a: unknown, b: string) => String(a ?? '').trim().toLowerCase() === b.trim().toLowerCase();

/**
 * Adds a rep to the Team sheet (or re-keys one) and issues their sync key: `cs1.<key id>.<secret>`, shown
 * once to the admin and pasted into the rep's extension options. A previous key of the rep stops working.
 */
export function issueKey(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, member: { name: string; email: string; role?: string; territory?: string }): string {
  const email = member.email.trim();
  if (!/^[^@\s]+@[^@\s]+$/.test(email)) throw new Error(`"${member.email}" is not an email address.`);
  if (!member.name.trim()) throw new Error('A rep needs a name.');
  const table = openTeam(spreadsheet);
  const clock = createClock();
  const existing = table.rows().find((r) => sameEmail(r.values.email, email));
  const properties = PropertiesService.getScriptProperties();
  if (typeof existing?.values.keyId === 'string') properties.deleteProperty(KEY_PROPERTY(existing.values.keyId));
  const keyId = randomToken(12);
  const secret = randomToken(43);
  properties.setProperty(KEY_PROPERTY(keyId), secret);
  const now = clock.now();
  table.put(
    Rep.schema.parse({
      ...existing?.values,
      id: typeof existing?.values.id === 'string' ? existing.values.id : Utilities.getUuid(),
      revision: Number(existing?.values.revision ?? 0) + 1,
      createdAt: existing?.values.createdAt ?? now,
      updatedAt: now,
      owner: email,
      name: member.name.trim(),
      email,
      role: member.role ?? existing?.values.role ?? 'rep',
      territory: member.territory ?? existing?.values.territory,
      keyId,
      active: true,
      lastChange: undefined,
    }),
  );
  table.commit();
  clock.save();
  return `cs1.${keyId}.${secret}`;
}

/**
 * Revokes a rep: their key is deleted (their extension stops syncing and keeps its local data) and Active
 * is unticked. Their customers keep them as owner until reassigned. Returns their name, or null if unknown.
 */
export function revokeRep(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, email: string): string | null {
  const table = openTeam(spreadsheet);
  const existing = table.rows().find((r) => sameEmail(r.values.email, email));
  if (!existing) return null;
  if (typeof existing.values.keyId === 'string') PropertiesService.getScriptProperties().deleteProperty(KEY_PROPERTY(existing.values.keyId));
  const clock = createClock();
  const parsed = Rep.schema.safeParse({ ...existing.values, active: false, revision: Number(existing.values.revision ?? 0) + 1, updatedAt: clock.now(), lastChange: undefined });
  if (parsed.success) table.put(parsed.data);
  table.commit();
  clock.save();
  return String(existing.values.name ?? email);
}

/** Url-safe random text from Apps Script's UUIDs (v4, random) hashed together. */
function randomToken(length: number): string {
  const bytes = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, Utilities.getUuid() + Utilities.getUuid() + Utilities.getUuid());
  return Utilities.base64EncodeWebSafe(bytes).replace(/[=_-]/g, '').slice(0, length).padEnd(length, 'x');
}
