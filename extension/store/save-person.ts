import { Person, type ProvenanceEntry } from '../../shared/model';
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
        ? updatePerson(existing, fields, provenance, context.now)
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

/** The captured values win (they are newest); a value they replace is kept in history. */
function updatePerson(existing: Person, fields: Partial<Person>, provenance: Record<string, ProvenanceEntry>, now: string): Person {
  const history = [...existing.history];
  const next: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(fields)) {
    const old = (existing as Record<string, unknown>)[key];
    const merged = Array.isArray(value) ? [...new Set([...((old as string[]) ?? []), ...value])] : value;
    if (old !== undefined && !Array.isArray(old) && old !== value) history.push({ field: key, value: old, source: existing.provenance[key]?.source, at: existing.provenance[key]?.at, replacedAt: now });
    next[key] = merged;
  }
  return { ...(next as Person), updatedAt: now, history, provenance: { ...existing.provenance, ...provenance } };
}

const sourceOf = (capture: PersonCapture): Person['acquisitionSource'] => (capture.source === 'linkedin' ? 'linkedin' : capture.source === 'gmail' ? 'email' : 'website');
