import { buildPersonIndex, mergePeople } from '../../shared/identity';
import { Person } from '../../shared/model';
import type { PersonCapture } from '../../shared/capture/capture';
import { personFieldsFromCapture } from '../../shared/capture/person-from-capture';
import type { ClipsheetDb } from './db';

export interface SaveContext {
  owner: string;
  now: string;
  newId: () => string;
}

/**
 * Saves a captured person: merged into the person already known by an exact identity key (LinkedIn profile,
 * email with its provider's aliasing, phone: shared/identity, the same rules as the in-page "already in
 * Clipsheet" and sync), or created; the change is queued for sync in the same transaction, so a saved person
 * is never left unsynced. A possible duplicate (same name at the same company) is created and named in
 * `possibleDuplicates`: the merge review proposes it, a rep decides.
 */
export async function saveCapturedPerson(
  db: ClipsheetDb,
  capture: PersonCapture,
  context: SaveContext,
): Promise<{ person: Person; created: boolean; possibleDuplicates: readonly string[] }> {
  const { fields, provenance } = personFieldsFromCapture(capture, context.now);
  if (!fields.fullName) throw new Error('This page did not show a name, so there is nobody to save.');

  return db.transaction('rw', db.people, db.outbox, async () => {
    const stored = await db.people.toArray();
    const match = buildPersonIndex(stored).match(fields);
    const existing = match.kind === 'exact' ? stored.find((person) => person.id === match.id) : undefined;
    const person = Person.schema.parse(
      existing
        ? // The capture, as a version of the same person, goes through the one merge [S8]: its values are the
          // newest, lists are unioned, and every value it replaces stays in history.
          mergePeople(existing, { ...fields, id: existing.id, createdAt: existing.createdAt, revision: existing.revision, updatedAt: context.now, provenance, history: [] } as Person, { at: context.now })
        : { id: context.newId(), revision: 0, createdAt: context.now, updatedAt: context.now, owner: context.owner, stage: 'suspect', acquisitionSource: sourceOf(capture), ...fields, provenance },
    );
    await db.people.put(person);
    await db.outbox.add({ entity: 'person', recordId: person.id, key: context.newId(), at: context.now });
    return { person, created: !existing, possibleDuplicates: match.kind === 'candidates' ? match.ids : [] };
  });
}

const sourceOf = (capture: PersonCapture): Person['acquisitionSource'] => (capture.source === 'linkedin' ? 'linkedin' : capture.source === 'gmail' ? 'email' : 'website');
