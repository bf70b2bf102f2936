import { Interaction, Person } from '../../shared/model';
import type { EmailThreadCapture } from '../../shared/capture/capture';
import { planThread, type NeverLogList } from '../../shared/capture/plan-thread';
import { buildPersonIndex } from '../../shared/identity/person-index';
import type { ClipsheetDb } from './db';
import type { SaveContext } from './save-person';

export interface ThreadContext extends SaveContext {
  /** The rep's own addresses: the configured one and the account the page is signed in as. */
  ownAddresses: string[];
  neverLog: NeverLogList;
}

export interface ThreadSaved {
  created: number;
  updated: number;
  logged: number;
  /** Messages already logged by an earlier save: saving a thread twice adds nothing. */
  alreadyLogged: number;
  skipped: number;
  personIds: string[];
}

/**
 * Saves a mail thread in one transaction: each participant is matched by identity (Gmail dots and plus tags
 * included) and created when new, each message is logged once as an email Interaction keyed by its message
 * id, and every change is queued for sync with it. Last contact moves forward, never back.
 */
export async function saveEmailThread(db: ClipsheetDb, capture: EmailThreadCapture, context: ThreadContext): Promise<ThreadSaved> {
  const plan = planThread(capture, context.ownAddresses, context.neverLog);
  return db.transaction('rw', db.people, db.interactions, db.outbox, async () => {
    const stored = await db.people.toArray();
    const index = buildPersonIndex(stored);
    const byId = new Map(stored.map((p) => [p.id, p]));
    const idOf = new Map<string, string>();
    const touched = new Map<string, Person>();
    let created = 0;
    for (const address of plan.people) {
      const match = index.match({ emails: [address.email] });
      const existing = match.kind === 'exact' ? byId.get(match.id) : undefined;
      const person = existing
        ? { ...existing, emails: existing.emails.includes(address.email) ? existing.emails : [...existing.emails, address.email] }
        : Person.schema.parse({ id: context.newId(), revision: 0, createdAt: context.now, updatedAt: context.now, owner: context.owner, stage: 'suspect', acquisitionSource: 'email', fullName: address.name ?? address.email, emails: [address.email], provenance: { fullName: { source: 'gmail', at: context.now, url: capture.url }, emails: { source: 'gmail', at: context.now, url: capture.url } } });
      if (!existing) created++;
      idOf.set(address.email, person.id);
      touched.set(person.id, person);
    }
    let logged = 0;
    let alreadyLogged = 0;
    for (const message of plan.messages) {
      if (await db.interactions.where('externalId').equals(message.externalId).first()) {
        alreadyLogged++;
        continue;
      }
      const personIds = [...new Set(message.emails.map((email) => idOf.get(email)!).filter(Boolean))];
      const interaction = Interaction.schema.parse({ id: context.newId(), revision: 0, createdAt: context.now, updatedAt: context.now, owner: context.owner, personIds, type: 'email', direction: message.direction, at: message.at, subject: message.subject, summary: message.summary, externalId: message.externalId });
      await db.interactions.put(interaction);
      await db.outbox.add({ entity: 'interaction', recordId: interaction.id, key: context.newId(), at: context.now });
      logged++;
      for (const id of personIds) {
        const person = touched.get(id)!;
        if (!person.lastContactAt || Date.parse(person.lastContactAt) < Date.parse(message.at)) touched.set(id, { ...person, lastContactAt: message.at });
      }
    }
    // A person is written only when something about them changed: a repeat save leaves the outbox empty.
    for (const person of touched.values()) {
      const before = byId.get(person.id);
      if (before && JSON.stringify(before) === JSON.stringify(person)) continue;
      await db.people.put(Person.schema.parse({ ...person, updatedAt: context.now }));
      await db.outbox.add({ entity: 'person', recordId: person.id, key: context.newId(), at: context.now });
    }
    return { created, updated: plan.people.length - created, logged, alreadyLogged, skipped: plan.skipped.length, personIds: [...touched.keys()] };
  });
}
