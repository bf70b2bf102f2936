import { mergePeople } from '../../shared/identity';
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
 * Saves a captured person: updates the person already known by the same LinkedIn URL or email, or creates
 * one, and queues the change for sync in the same transaction, so a saved person is never left unsynced.
 */
export async function saveCapturedPerson(db: ClipsheetDb, capture: PersonCapture, context: SaveContext): Promise<{ person: Person; created: boolean }> {
  const { fields, provenance } = personFieldsFromCapture(capture, context.now);
  if (!fields.fullName) throw new Error('This page did not show a name, so there is nobody to save.');

  return db.transaction('rw', db.people, db.outbox, async () => {
    const existing = await findSamePerson(db, fields);
    const person = Person.schema.parse(
      existing
        ? // The capture, as a version of the same person, goes through the one merge [S8]: its values are the
          // newest, lists are unioned, and every value it replaces stays in history.
          mergePeople(existing, { ...fields, id: existing.id, createdAt: existing.createdAt, revision: existing.revision, updatedAt: context.now, provenance, history: [] } as Person, { at: context.now })
        : { id: context.newId(), revision: 0, createdAt: context.now, updatedAt: context.now, owner: context.owner, stage: 'suspect', acquisitionSource: sourceOf(capture), ...fields, provenance },
    );
    await db.people.put(person);
    await db.outbox.add({ entity: 'person', recordId: person.id, key: context.newId(), at: context.now });
    return { person, created: !existing };
  });
}

async function findSamePerson(db: ClipsheetDb, fields: Partial<Person>): Promise<Person | undefined> {
  if (fields.linkedinUrl) {
    const byUrl = await db.people.where('linkedinUrl').equals(fields.linkedinUrl).first();
    if (byUrl) return byUrl;
  }
  for (const email of fields.emails ?? []) {
    const byEmail = await db.people.where('emails').equals(email).first();
    if (byEmail) return byEmail;
  }
  return undefined;
}

const sourceOf = (capture: PersonCapture): Person['acquisitionSource'] => (capture.source === 'linkedin' ? 'linkedin' : capture.source === 'gmail' ? 'email' : 'website');
