import { Organisation } from '../../shared/model';
import type { OrganisationCapture } from '../../shared/capture/capture';
import { buildOrganisationIndex, mergeOrganisations } from '../../shared/identity';
import { companyDomainFromEmail, companyDomainFromWebsite } from '../../shared/identity/company-domain';
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
 * Saves a captured organisation [S8]: merged with shared/identity into the one known by the same LinkedIn page,
 * domain or name (legal form and Persian letter variants aside), otherwise created; its outbox entry is written
 * in the same transaction. The capture's values are the newest, and every value they replace stays in history.
 * A name whose domain or LinkedIn page disagrees with the stored one's is another organisation: it is created,
 * and `possibleDuplicates` names the ones a rep may want to merge it with.
 */
export async function saveCapturedOrganisation(
  db: ClipsheetDb,
  capture: OrganisationCapture,
  context: SaveContext,
): Promise<{ organisation: Organisation; created: boolean; possibleDuplicates: readonly string[] }> {
  const fields = organisationFieldsFromCapture(capture);
  if (!fields.name) throw new Error('This page did not show the organisation’s name, so there is nothing to save.');
  const provenance = Object.fromEntries(Object.keys(fields).map((key) => [key, { source: capture.source, at: context.now, url: capture.url }]));
  return db.transaction('rw', db.organisations, db.outbox, async () => {
    const stored = await db.organisations.toArray();
    const match = buildOrganisationIndex(stored).match(fields);
    const existing = match.kind === 'exact' ? stored.find((organisation) => organisation.id === match.id) : undefined;
    const organisation = Organisation.schema.parse(
      existing
        ? // The capture, as a version of the same organisation, goes through the one merge.
          mergeOrganisations(existing, { ...fields, id: existing.id, createdAt: existing.createdAt, revision: existing.revision, updatedAt: context.now, provenance, history: [] } as Organisation, { at: context.now })
        : { id: context.newId(), revision: 0, createdAt: context.now, updatedAt: context.now, owner: context.owner, stage: 'suspect', ...fields, provenance },
    );
    await db.organisations.put(organisation);
    await db.outbox.add({ entity: 'organisation', recordId: organisation.id, key: context.newId(), at: context.now });
    return { organisation, created: !existing, possibleDuplicates: match.kind === 'candidates' ? match.ids : [] };
  });
}
