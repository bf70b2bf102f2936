import Dexie, { type EntityTable } from 'dexie';
import { Deal, Interaction, Organisation, Person, Task, type EntityName } from '../../shared/model';
import { sharedProvenanceMiddleware } from './shared-provenance';
import { deriveSearchKeys, SEARCH_KEYS, SEARCH_LOG, searchKeysMiddleware, searchTermsOf, TERM_SEPARATOR, type SearchLogRecord } from './search-keys';

/**
 * A local change waiting to be pushed to the sheet; written in the same transaction as the change. It names one
 * record (`recordId`), or every record of a change of many (`recordIds`: an import chunk, a merge); changes.ts
 * reads both, and the sync engine pushes each record of it as a change of its own.
 */
export interface OutboxEntry {
  seq?: number;
  entity: EntityName;
  recordId?: string;
  recordIds?: string[];
  /** Idempotency key sent with the push (for many records, the start of each one's key: changes.ts). */
  key: string;
  at: string;
}

const LOG_RECORD_SIZE = 5_000;

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
  searchLog!: EntityTable<SearchLogRecord, 'seq'>;

  constructor(name = 'clipsheet') {
    super(name);
    // A version's stores are history: written out as they were, so a later change to the model's indexes
    // (shared/model) becomes a new version instead of rewriting an old one.
    this.version(1).stores({
      people: 'id, updatedAt, owner, company, organisationId, *emails, *phones, linkedinUrl, stage, *tags, lastContactAt, nextFollowUpAt',
      organisations: 'id, updatedAt, owner, name, domain, linkedinUrl, stage, *tags',
      interactions: 'id, updatedAt, owner, *personIds, organisationId, at, externalId',
      deals: 'id, updatedAt, owner, personId, organisationId, openedAt',
      tasks: 'id, updatedAt, owner, personId, dueAt, status',
      outbox: '++seq, [entity+recordId]',
      checkpoints: 'entity',
    });
    // Version 2, the rep's workspace (issue 5): people by normalised name and search words (search-keys.ts)
    // and by level (automatic tasks), open tasks by due time (the today list, reminders), and two local tables.
    this.version(2)
      .stores({
        people: `id, updatedAt, owner, company, organisationId, *emails, *phones, linkedinUrl, stage, *tags, lastContactAt, nextFollowUpAt, level, ${SEARCH_KEYS}.name, *${SEARCH_KEYS}.terms, ${SEARCH_KEYS}.noted`,
        tasks: 'id, updatedAt, owner, personId, dueAt, status, [status+dueAt]',
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
    // Version 3, importing 100,000 contacts (issue 5): every index entry is a write of its own, and they were most
    // of an import's time. Search terms (about ten entries a person) move to the search log (search-keys.ts),
    // built here from every person, and every store keeps only the indexes something queries: the model's
    // (shared/model) plus level, the A-Z name and notes for people and due open tasks.
    // Written out as the model's indexes were then (`${Person.dexieStore}, ...`), so a later change to the model is a
    // version of its own.
    this.version(3)
      .stores({
        people: `id, *emails, linkedinUrl, level, ${SEARCH_KEYS}.name, ${SEARCH_KEYS}.noted`,
        organisations: 'id, name, domain, linkedinUrl, stage, *tags',
        interactions: 'id, *personIds, organisationId, at, externalId',
        deals: 'id, personId, organisationId, openedAt',
        tasks: 'id, personId, dueAt, status, [status+dueAt]',
        [SEARCH_LOG]: '++seq',
      })
      .upgrade(async (tx) => {
        // A page of people at a time: one log record each, and never the whole store in memory.
        const people = tx.table<Person, string>('people');
        for (let page = await people.limit(LOG_RECORD_SIZE).toArray(); page.length; ) {
          const found = page.map((person) => [person.id, searchTermsOf(person)] as const).filter(([, terms]) => terms.length);
          if (found.length) await tx.table(SEARCH_LOG).add({ ids: found.map(([id]) => id), terms: found.map(([, terms]) => terms.join(TERM_SEPARATOR)) } satisfies SearchLogRecord);
          page = page.length < LOG_RECORD_SIZE ? [] : await people.where(':id').above(page[page.length - 1]!.id).limit(LOG_RECORD_SIZE).toArray();
        }
      });
    // Version 4, the organisation's record: its people by organisationId. Sparse (imported rows carry none), so an
    // import writes no more index entries than before.
    // Written out as the model's indexes were then, so the model's later changes are versions of their own.
    this.version(4).stores({
      people: `id, *emails, linkedinUrl, level, ${SEARCH_KEYS}.name, ${SEARCH_KEYS}.noted, organisationId`,
      organisations: 'id, name, domain, linkedinUrl, stage, *tags',
      interactions: 'id, *personIds, organisationId, at, externalId',
      deals: 'id, personId, organisationId, openedAt',
      tasks: 'id, personId, dueAt, status, [status+dueAt]',
    });
    // Version 5, importing 100,000 contacts (issue 5): people lose their email and LinkedIn indexes, which nothing
    // queried (exact matches are found by shared/identity's index over the stored people, in memory: find-known.ts,
    // save-person.ts, planImport). Measured with 100,000 person-shaped records in Chromium, the email index alone
    // cost the browser's IndexedDB about 1.5 CPU-seconds of an import's 16 (one entry per address).
    this.version(5).stores({
      people: `${Person.dexieStore}, level, ${SEARCH_KEYS}.name, ${SEARCH_KEYS}.noted, organisationId`,
      organisations: Organisation.dexieStore,
      interactions: Interaction.dexieStore,
      deals: Deal.dexieStore,
      tasks: `${Task.dexieStore}, [status+dueAt]`,
    });
    this.use(searchKeysMiddleware);
    this.use(sharedProvenanceMiddleware);
  }

  /** The table that holds an entity's records. */
  tableOf(entity: EntityName) {
    const tables = { person: this.people, organisation: this.organisations, interaction: this.interactions, deal: this.deals, task: this.tasks } as const;
    const table = tables[entity as keyof typeof tables];
    if (!table) throw new Error(`No local table for ${entity}`);
    return table as unknown as EntityTable<Record<string, unknown> & { id: string }, 'id'>;
  }
}
