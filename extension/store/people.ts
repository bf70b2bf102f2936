import { countPurchases, transitionStage, type TransitionResult } from '../../shared/ladder';
import { Person, type Stage } from '../../shared/model';
import { newRecord, queueForSync, typedByRep, type StoreContext } from './changes';
import type { ClipsheetDb } from './db';

/** The fields a rep edits by hand in the side panel. */
export const EDITABLE_FIELDS = [
  'fullName',
  'title',
  'company',
  'emails',
  'phones',
  'linkedinUrl',
  'website',
  'location',
  'owner',
  'level',
  'tags',
  'acquisitionSource',
  'doNotContact',
  'importance',
  'satisfaction',
  'shareOfWallet',
  'notes',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];
export type PersonEdits = Partial<Pick<Person, EditableField>>;

export type PersonWrite = { ok: true; person: Person } | { ok: false; problems: string[] };

/** Problems of a record the schema refused, one readable line each. */
function problemsOf(error: { issues: ReadonlyArray<{ path: PropertyKey[]; message: string }> }): string[] {
  return error.issues.slice(0, 5).map((issue) => `${issue.path.map(String).join('.') || 'person'}: ${issue.message}`);
}

const clean = (edits: PersonEdits): PersonEdits =>
  Object.fromEntries(
    Object.entries(edits).map(([key, value]) => [
      key,
      typeof value === 'string' ? value.trim() || undefined : Array.isArray(value) ? value.map((item) => item.trim()).filter(Boolean) : value,
    ]),
  ) as PersonEdits;

/** Adds a person the rep met (a call, a conference): stage suspect unless given, owned by the rep. */
export async function createPerson(db: ClipsheetDb, fields: PersonEdits & { stage?: Stage }, context: StoreContext): Promise<PersonWrite> {
  const edits = clean(fields);
  const provenance = Object.fromEntries(Object.keys(edits).filter((key) => edits[key as EditableField] !== undefined).map((key) => [key, typedByRep(context)]));
  const parsed = Person.schema.safeParse({ ...newRecord(context), stage: 'suspect', acquisitionSource: 'other', ...edits, owner: edits.owner || context.owner, provenance });
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  const person = parsed.data;
  await db.transaction('rw', db.people, db.outbox, async () => {
    await db.people.add(person);
    await queueForSync(db, 'person', [person.id], context);
  });
  return { ok: true, person };
}

/** Applies the rep's edits: each changed value gets manual provenance, and the value it replaces goes to history [S8]. */
export async function updatePerson(db: ClipsheetDb, personId: string, fields: PersonEdits, context: StoreContext): Promise<PersonWrite> {
  return db.transaction('rw', db.people, db.outbox, async () => {
    const existing = await db.people.get(personId);
    if (!existing || existing.deleted) return { ok: false, problems: ['This person is no longer in the store.'] };
    const edits = clean(fields);
    const next: Record<string, unknown> = { ...existing };
    const history = [...existing.history];
    const provenance = { ...existing.provenance };
    let changed = false;
    for (const [key, value] of Object.entries(edits)) {
      const old = (existing as Record<string, unknown>)[key];
      if (JSON.stringify(old) === JSON.stringify(value)) continue;
      changed = true;
      if (old !== undefined && !(Array.isArray(old) && old.length === 0)) {
        const from = existing.provenance[key];
        history.push({ field: key, value: old, source: from?.source, at: from?.at, by: from?.by, replacedAt: context.now });
      }
      next[key] = value;
      provenance[key] = typedByRep(context);
    }
    if (!changed) return { ok: true, person: existing };
    const parsed = Person.schema.safeParse({ ...next, history, provenance, updatedAt: context.now });
    if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
    await db.people.put(parsed.data);
    await queueForSync(db, 'person', [personId], context);
    return { ok: true, person: parsed.data };
  });
}

/**
 * Moves a person along the ladder with shared/ladder's rules: purchases come from their won orders, and side
 * states need the reason (and, for 'other', the note) the ladder asks for. The result names what is missing.
 */
export async function moveStage(db: ClipsheetDb, personId: string, to: Stage, why: { reason?: string; note?: string }, context: StoreContext): Promise<TransitionResult> {
  return db.transaction('rw', db.people, db.deals, db.outbox, async () => {
    const person = await db.people.get(personId);
    if (!person || person.deleted) return { ok: false, error: { code: 'not-allowed', message: 'This person is no longer in the store.' } };
    const purchases = countPurchases(await db.deals.where('personId').equals(personId).toArray());
    const result = transitionStage(person.stage, to, { purchases, reason: why.reason, note: why.note });
    if (!result.ok) return result;
    const history = [...person.history, { field: 'stage', value: person.stage, ...person.provenance.stage, replacedAt: context.now }];
    const moved: Person = { ...person, stage: result.stage, stageReason: result.stageReason, history, provenance: { ...person.provenance, stage: typedByRep(context) }, updatedAt: context.now };
    if (moved.stageReason === undefined) delete moved.stageReason;
    await db.people.put(Person.schema.parse(moved));
    await queueForSync(db, 'person', [personId], context);
    return result;
  });
}

/**
 * Keeps Person.nextFollowUpAt (indexed, and a column in the sheet) equal to the earliest open task of the person.
 * Runs inside the caller's transaction, which must include people, tasks and outbox.
 */
export async function refreshNextFollowUp(db: ClipsheetDb, personId: string | undefined, context: StoreContext): Promise<void> {
  if (!personId) return;
  const person = await db.people.get(personId);
  if (!person || person.deleted) return;
  const open = await db.tasks.where('personId').equals(personId).filter((task) => task.status === 'open' && !task.deleted).toArray();
  const next = open.map((task) => task.dueAt).sort()[0];
  if (next === person.nextFollowUpAt) return;
  const updated: Person = { ...person, updatedAt: context.now };
  if (next) updated.nextFollowUpAt = next;
  else delete updated.nextFollowUpAt;
  await db.people.put(updated);
  await queueForSync(db, 'person', [personId], context);
}

/**
 * Deletes a person the way every delete syncs: a tombstone queued for sync in the same transaction, so the sheet
 * and every rep drop them (search, counts and reports already leave tombstones out). Their open follow-ups are
 * tombstoned with them, so no reminder rings for someone who is gone; what happened (interactions, orders) stays
 * as history.
 */
export async function deletePerson(db: ClipsheetDb, personId: string, context: StoreContext): Promise<PersonWrite> {
  return db.transaction('rw', db.people, db.tasks, db.outbox, async () => {
    const person = await db.people.get(personId);
    if (!person || person.deleted) return { ok: false, problems: ['This person is no longer in the store.'] };
    const tombstone = Person.schema.parse({ ...person, deleted: true, updatedAt: context.now });
    await db.people.put(tombstone);
    await queueForSync(db, 'person', [personId], context);
    const open = await db.tasks.where('personId').equals(personId).filter((task) => task.status === 'open' && !task.deleted).toArray();
    if (open.length) {
      await db.tasks.bulkPut(open.map((task) => ({ ...task, deleted: true, updatedAt: context.now })));
      await queueForSync(db, 'task', open.map((task) => task.id), context);
    }
    return { ok: true, person: tombstone };
  });
}
