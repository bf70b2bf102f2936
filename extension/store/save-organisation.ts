import { Organisation } from '../../shared/model';
import type { OrganisationCapture } from '../../shared/capture/capture';
import { companyDomainFromEmail, companyDomainFromWebsite } from '../../shared/identity/company-domain';
import { normaliseCompanyName } from '../../shared/identity/name';
import { valueOf } from '../../shared/identity/problem';
import type { ClipsheetDb } from './db';
import type { SaveContext } from './save-person';

const SCALARS = ['name', 'website', 'linkedinUrl', 'industry', 'sizeBand', 'headquarters'] as const;

/** The organisation fields a capture sets, with the company domain derived from its website or email. */
export function organisationFieldsFromCapture(capture: OrganisationCapture): Partial<Organisation> {
  const fields: Partial<Organisation> = {};
  for (const name of SCALARS) {
    const value = capture.fields[name]?.value.trim();
    if (value) fields[name] = value;
  }
  const domain = valueOf(companyDomainFromWebsite(fields.website ?? '')) ?? valueOf(companyDomainFromEmail(capture.fields.email?.value ?? ''));
  if (domain) fields.domain = domain;
  return fields;
}

/**
 * Saves a captured organisation: the one known by the same LinkedIn URL, domain or company name (legal form
 * and Persian letter variants aside) is updated, otherwise one is created; its outbox entry is written in the
 * same transaction. Captured values fill and refresh fields; the one they replace is kept in history.
 */
export async function saveCapturedOrganisation(db: ClipsheetDb, capture: OrganisationCapture, context: SaveContext): Promise<{ organisation: Organisation; created: boolean }> {
  const fields = organisationFieldsFromCapture(capture);
  if (!fields.name) throw new Error('This page did not show the organisation’s name, so there is nothing to save.');
  return db.transaction('rw', db.organisations, db.outbox, async () => {
    const existing = await findSameOrganisation(db, fields);
    const provenance = Object.fromEntries(Object.keys(fields).map((key) => [key, { source: capture.source, at: context.now, url: capture.url }]));
    let record: Organisation;
    if (existing) {
      const history = [...existing.history];
      for (const [key, value] of Object.entries(fields)) {
        const old = (existing as Record<string, unknown>)[key];
        if (old !== undefined && old !== value) history.push({ field: key, value: old, source: existing.provenance[key]?.source, at: existing.provenance[key]?.at, replacedAt: context.now });
      }
      record = Organisation.schema.parse({ ...existing, ...fields, updatedAt: context.now, history, provenance: { ...existing.provenance, ...provenance } });
    } else {
      record = Organisation.schema.parse({ id: context.newId(), revision: 0, createdAt: context.now, updatedAt: context.now, owner: context.owner, stage: 'suspect', ...fields, provenance });
    }
    await db.organisations.put(record);
    await db.outbox.add({ entity: 'organisation', recordId: record.id, key: context.newId(), at: context.now });
    return { organisation: record, created: !existing };
  });
}

async function findSameOrganisation(db: ClipsheetDb, fields: Partial<Organisation>): Promise<Organisation | undefined> {
  if (fields.linkedinUrl) {
    const byUrl = await db.organisations.where('linkedinUrl').equals(fields.linkedinUrl).first();
    if (byUrl) return byUrl;
  }
  if (fields.domain) {
    const byDomain = await db.organisations.where('domain').equals(fields.domain).first();
    if (byDomain) return byDomain;
  }
  const key = valueOf(normaliseCompanyName(fields.name));
  if (!key) return undefined;
  return db.organisations.filter((org) => !org.deleted && valueOf(normaliseCompanyName(org.name)) === key).first();
}
