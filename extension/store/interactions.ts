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
