import 'fake-indexeddb/auto';
import type { PersonCapture } from '../../shared/capture/capture';
import { ClipsheetDb } from '../../extension/store/db';
import { saveCapturedPerson } from '../../extension/store/save-person';
import { syncOnce, type Send } from '../../extension/sync/sync-engine';

let replicas = 0;

/**
 * A rep's browser for sync tests: the real Dexie store (on fake-indexeddb) and the real sync engine, with
 * a logical clock so that edits are ordered and reproducible.
 */
export function createReplica(rep: string, clock: { tick(): string }) {
  const db = new ClipsheetDb(`replica-${process.pid}-${++replicas}`);
  const name = rep.split('@')[0]!;
  let keys = 0;
  const serial = () => String(++keys).padStart(6, '0');
  const newKey = () => `${name}-key-${serial()}`;
  return {
    rep,
    db,
    capture: (capture: PersonCapture) => saveCapturedPerson(db, capture, { owner: rep, now: clock.tick(), newId: () => `${name}-${serial()}` }),
    /** A rep's edit of one field (a note is added to the notes), stamped with its provenance, queued for sync. */
    async edit(id: string, field: 'title' | 'notes' | 'location', value: string) {
      const at = clock.tick();
      await db.transaction('rw', db.people, db.outbox, async () => {
        const person = await db.people.get(id);
        if (!person) return;
        const next = field === 'notes' && person.notes ? `${person.notes}\n${value}` : value;
        await db.people.put({ ...person, [field]: next, provenance: { ...person.provenance, [field]: { source: 'manual', at } } });
        await db.outbox.add({ entity: 'person', recordId: id, key: newKey(), at });
      });
    },
    /** A logged call, queued for sync. */
    async logCall(personId: string, summary: string) {
      const at = clock.tick();
      const id = `${name}-call-${serial()}`;
      await db.transaction('rw', db.interactions, db.outbox, async () => {
        await db.interactions.put({ id, revision: 0, createdAt: at, updatedAt: at, deleted: false, owner: rep, provenance: {}, history: [], personIds: [personId], type: 'call', at, summary });
        await db.outbox.add({ entity: 'interaction', recordId: id, key: newKey(), at });
      });
      return id;
    },
    sync: (send: Send) => syncOnce(db, send, { newKey, now: clock.tick }),
    close: () => db.delete(),
  };
}
export type Replica = ReturnType<typeof createReplica>;

/** A LinkedIn capture of one of a small pool of people, so that reps often capture the same person. */
export function linkedinCapture(slug: string, fullName: string, headline?: string): PersonCapture {
  const url = `https://www.linkedin.com/in/${slug}/`;
  return {
    kind: 'person',
    source: 'linkedin',
    url,
    fields: {
      fullName: { value: fullName, confidence: 0.95, strategy: 'json-ld' },
      linkedinUrl: { value: url, confidence: 0.95, strategy: 'url' },
      ...(headline ? { headline: { value: headline, confidence: 0.9, strategy: 'json-ld' } } : {}),
    },
    missing: [],
  };
}
