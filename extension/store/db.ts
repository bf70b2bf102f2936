import Dexie, { type EntityTable } from 'dexie';
import { Deal, Interaction, Organisation, Person, Task, type EntityName } from '../../shared/model';
import { deriveSearchKeys, SEARCH_KEYS, searchKeysMiddleware } from './search-keys';

/** A local change waiting to be pushed to the sheet; written in the same transaction as the change. */
export interface OutboxEntry {
  seq?: number;
  entity: EntityName;
  recordId: string;
  /** Idempotency key sent with the push. */
  key: string;
  at: string;
}

/** Where pulling left off, per entity. */
export interface SyncCheckpoint {
  entity: EntityName;
  updatedAt: string;
  id: string;
}

/** A task whose reminder was shown, at the due time it was shown for (a snoozed task reminds again). Local only. */
export interface ReminderShown {
  taskId: string;
  dueAt: string;
  shownAt: string;
}

/** Two people the rep said are not the same person; their merge is not proposed again. Local only. */
export interface DismissedMerge {
  /** The two ids, sorted, joined by a space. */
  pair: string;
  at: string;
}

/**
 * The rep's local database. It lives in the extension's origin (background and extension pages), never in
 * a content script, which would open the visited site's IndexedDB. Stores derive their indexes from the
 * domain schemas. A new index is a new version; a version with an upgrader is never edited again.
 */
export class ClipsheetDb extends Dexie {
  people!: EntityTable<Person, 'id'>;
  organisations!: EntityTable<Organisation, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  deals!: EntityTable<Deal, 'id'>;
  tasks!: EntityTable<Task, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  checkpoints!: EntityTable<SyncCheckpoint, 'entity'>;
  reminders!: EntityTable<ReminderShown, 'taskId'>;
  dismissedMerges!: EntityTable<DismissedMerge, 'pair'>;

  constructor(name = 'clipsheet') {
    super(name);
    this.version(1).stores({
      people: Person.dexieStore,
      organisations: Organisation.dexieStore,
      interactions: Interaction.dexieStore,
      deals: Deal.dexieStore,
      tasks: Task.dexieStore,
      outbox: '++seq, [entity+recordId]',
      checkpoints: 'entity',
    });
    // Version 2, the rep's workspace (issue 5): people by normalised name and search words (search-keys.ts)
    // and by level (automatic tasks), open tasks by due time (the today list, reminders), and two local tables.
    this.version(2)
      .stores({
        people: `${Person.dexieStore}, level, ${SEARCH_KEYS}.name, *${SEARCH_KEYS}.terms, ${SEARCH_KEYS}.noted`,
        tasks: `${Task.dexieStore}, [status+dueAt]`,
        reminders: 'taskId',
        dismissedMerges: 'pair',
      })
      .upgrade((tx) =>
        tx
          .table('people')
          .toCollection()
          .modify((person: Record<string, unknown>) => {
            const keys = deriveSearchKeys(person as Partial<Person>);
            if (keys) person[SEARCH_KEYS] = keys;
          }),
      );
    this.use(searchKeysMiddleware);
  }

  /** The table that holds an entity's records. */
  tableOf(entity: EntityName) {
    const tables = { person: this.people, organisation: this.organisations, interaction: this.interactions, deal: this.deals, task: this.tasks } as const;
    const table = tables[entity as keyof typeof tables];
    if (!table) throw new Error(`No local table for ${entity}`);
    return table as unknown as EntityTable<Record<string, unknown> & { id: string }, 'id'>;
  }
}
