import { Interaction, Person, Task } from '../../shared/model';
import type { Recurrence } from '../../shared/levels';
import { newRecord, queueForSync, toStoredTime, type StoreContext } from './changes';
import type { ClipsheetDb } from './db';
import { refreshNextFollowUp } from './people';

/** What the quick log form gives: the touchpoint [S2] and, optionally, the next step as a follow-up. */
export interface LogInput {
  personId: string;
  type: Interaction['type'];
  direction?: Interaction['direction'];
  at?: string;
  subject?: string;
  summary?: string;
  outcome?: string;
  experience?: Interaction['experience'];
  voiceOfCustomer?: Interaction['voiceOfCustomer'];
  salePhase?: Interaction['salePhase'];
  nextStep?: { title: string; dueAt: string; recurrence?: Recurrence };
}

export type LogResult = { ok: true; interaction: Interaction; task?: Task } | { ok: false; problems: string[] };

/**
 * Whether an interaction is contact with the customer, which resets the inactivity clock (Person.lastContactAt).
 * A note is the rep writing to themself, and internal traffic never reached the customer.
 */
export const isCustomerContact = (interaction: Pick<Interaction, 'type' | 'direction'>): boolean =>
  interaction.type !== 'note' && interaction.direction !== 'internal';

/**
 * Logs a touchpoint against a person, in one transaction: the interaction, the person's last contact, and the
 * next step as an open task (which becomes the person's next follow-up), each queued for sync.
 */
export async function logInteraction(db: ClipsheetDb, input: LogInput, context: StoreContext): Promise<LogResult> {
  const blank = (text?: string) => (text?.trim() ? text.trim() : undefined);
  return db.transaction('rw', [db.people, db.interactions, db.tasks, db.outbox], async () => {
    const person = await db.people.get(input.personId);
    if (!person || person.deleted) return { ok: false, problems: ['This person is no longer in the store.'] };
    const at = toStoredTime(input.at ?? context.now);
    const parsed = Interaction.schema.safeParse({
      ...newRecord(context),
      personIds: [person.id],
      organisationId: person.organisationId,
      type: input.type,
      direction: input.direction,
      at,
      subject: blank(input.subject),
      summary: blank(input.summary),
      outcome: blank(input.outcome),
      experience: input.experience,
      voiceOfCustomer: input.voiceOfCustomer,
      salePhase: input.salePhase,
      provenance: { type: { source: 'manual', at: context.now, by: context.owner || undefined } },
    });
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
    const interaction = parsed.data;
    await db.interactions.add(interaction);
    await queueForSync(db, 'interaction', [interaction.id], context);

    if (isCustomerContact(interaction) && (!person.lastContactAt || person.lastContactAt < at)) {
      await db.people.put(Person.schema.parse({ ...person, lastContactAt: at, updatedAt: context.now }));
      await queueForSync(db, 'person', [person.id], context);
    }

    let task: Task | undefined;
    if (input.nextStep?.title.trim()) {
      task = Task.schema.parse({
        ...newRecord(context),
        personId: person.id,
        title: input.nextStep.title.trim(),
        dueAt: toStoredTime(input.nextStep.dueAt),
        recurrence: input.nextStep.recurrence ?? 'none',
        status: 'open',
      });
      await db.tasks.add(task);
      await queueForSync(db, 'task', [task.id], context);
      await refreshNextFollowUp(db, person.id, context);
    }
    return { ok: true, interaction, task };
  });
}

/** The fields of a logged interaction a rep may correct from the timeline. */
export const EDITABLE_INTERACTION_FIELDS = ['type', 'direction', 'at', 'subject', 'summary', 'outcome', 'experience', 'voiceOfCustomer', 'salePhase'] as const;
export type InteractionEdits = Partial<Pick<Interaction, (typeof EDITABLE_INTERACTION_FIELDS)[number]>>;

export type InteractionWrite = { ok: true; interaction: Interaction } | { ok: false; problems: string[] };

const GONE = 'This interaction is no longer in the store.';

/**
 * Corrects a logged interaction (a typo in a call's summary, the wrong day): each changed value gets the rep's
 * provenance and the value it replaces goes to history [S8], as a person's edits do. The interaction and, when its
 * time or type moved the people's last contact, those people are written and queued for sync in one transaction.
 * An empty text clears the field.
 */
export async function updateInteraction(db: ClipsheetDb, interactionId: string, edits: InteractionEdits, context: StoreContext): Promise<InteractionWrite> {
  return db.transaction('rw', [db.people, db.interactions, db.outbox], async () => {
    const existing = await db.interactions.get(interactionId);
    if (!existing || existing.deleted) return { ok: false, problems: [GONE] };
    const next: Record<string, unknown> = { ...existing };
    const history = [...existing.history];
    const provenance = { ...existing.provenance };
    let changed = false;
    for (const key of EDITABLE_INTERACTION_FIELDS) {
      if (!(key in edits)) continue;
      const raw = edits[key];
      const value = typeof raw === 'string' ? (key === 'at' ? toStoredTime(raw) : raw.trim() || undefined) : raw;
      const old = (existing as Record<string, unknown>)[key];
      if (old === value) continue;
      changed = true;
      if (old !== undefined) {
        const from = existing.provenance[key];
        history.push({ field: key, value: old, source: from?.source, at: from?.at, by: from?.by, replacedAt: context.now });
      }
      if (value === undefined) delete next[key];
      else next[key] = value;
      provenance[key] = { source: 'manual', at: context.now, by: context.owner || undefined };
    }
    if (!changed) return { ok: true, interaction: existing };
    const parsed = Interaction.schema.safeParse({ ...next, history, provenance, updatedAt: context.now });
    if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
    await db.interactions.put(parsed.data);
    await queueForSync(db, 'interaction', [interactionId], context);
    await refreshLastContact(db, existing, parsed.data, context);
    return { ok: true, interaction: parsed.data };
  });
}

/**
 * Deletes a logged interaction the way every delete syncs: a tombstone (deleted, a new updatedAt) queued for sync
 * in the same transaction, so the sheet and every other rep drop it too; a local removal would come back with the
 * next pull. The people's last contact no longer counts it.
 */
export async function deleteInteraction(db: ClipsheetDb, interactionId: string, context: StoreContext): Promise<InteractionWrite> {
  return db.transaction('rw', [db.people, db.interactions, db.outbox], async () => {
    const existing = await db.interactions.get(interactionId);
    if (!existing || existing.deleted) return { ok: false, problems: [GONE] };
    const tombstone = Interaction.schema.parse({ ...existing, deleted: true, updatedAt: context.now });
    await db.interactions.put(tombstone);
    await queueForSync(db, 'interaction', [interactionId], context);
    await refreshLastContact(db, existing, undefined, context);
    return { ok: true, interaction: tombstone };
  });
}

// Person.lastContactAt follows an edited or deleted interaction: an edit that makes it later contact raises it; when
// the interaction was what set it, it becomes the latest customer contact left (none: never contacted). Runs inside
// the caller's transaction (people, interactions, outbox).
async function refreshLastContact(db: ClipsheetDb, before: Interaction, after: Interaction | undefined, context: StoreContext): Promise<void> {
  const ids = [...new Set([...before.personIds, ...(after?.personIds ?? [])])];
  const people = await db.people.bulkGet(ids);
  for (const person of people) {
    if (!person || person.deleted) continue;
    let last = person.lastContactAt;
    if (before.at === last && isCustomerContact(before)) {
      const rest = await db.interactions.where('personIds').equals(person.id).filter((other) => !other.deleted && other.id !== before.id && isCustomerContact(other)).toArray();
      last = rest.reduce<string | undefined>((latest, other) => (!latest || other.at > latest ? other.at : latest), undefined);
    }
    if (after && !after.deleted && isCustomerContact(after) && after.personIds.includes(person.id) && (!last || after.at > last)) last = after.at;
    if (last === person.lastContactAt) continue;
    const updated: Person = { ...person, updatedAt: context.now };
    if (last) updated.lastContactAt = last;
    else delete updated.lastContactAt;
    await db.people.put(Person.schema.parse(updated));
    await queueForSync(db, 'person', [person.id], context);
  }
}
