import MiniSearch from 'minisearch';
import type { ClipsheetDb } from './db';
import { SEARCH_KEYS, searchWords } from './search-keys';

interface NoteDoc {
  id: string;
  personIds: string[];
  text: string;
}

const CHUNK = 500;
// Between chunks the build waits for the page to be idle, so typing in the search box comes first.
const yieldToTyping = () => new Promise<void>((resolve) => (typeof requestIdleCallback === 'function' ? requestIdleCallback(() => resolve(), { timeout: 200 }) : setTimeout(resolve, 0)));

/**
 * Full-text search over long text, which Dexie must not index [STYLE]: people's notes and the subjects and
 * summaries of their interactions. Built in memory with minisearch, in chunks, after the side panel opens;
 * until `ready`, search finds nothing here and the indexed name/company/title search answers alone.
 */
export class NotesIndex {
  private readonly index = new MiniSearch<NoteDoc>({
    fields: ['text'],
    storeFields: ['personIds'],
    tokenize: (text) => searchWords(text),
    processTerm: (term) => term,
    searchOptions: { prefix: true, combineWith: 'AND', tokenize: (text) => searchWords(text), processTerm: (term) => term },
  });
  ready = false;

  constructor(private readonly db: ClipsheetDb) {}

  /** Reads the notes of the people who have any, and every interaction's text; yields between chunks so typing comes first. */
  async build(signal?: AbortSignal): Promise<void> {
    const { people, interactions } = this.db;
    let offset = 0;
    await this.eachChunk(async () => {
      const page = await people.where(`${SEARCH_KEYS}.noted`).equals(1).offset(offset).limit(CHUNK).toArray();
      offset += page.length;
      return page;
    }, (person) => (person.notes && !person.deleted ? [{ id: `p:${person.id}`, personIds: [person.id], text: person.notes }] : []), signal);
    await this.eachChunk((after) => (after === undefined ? interactions.orderBy('id') : interactions.where('id').above(after)).limit(CHUNK).toArray(), (interaction) => {
      const text = [interaction.subject, interaction.summary, interaction.outcome].filter(Boolean).join('\n');
      return text && !interaction.deleted ? [{ id: `i:${interaction.id}`, personIds: interaction.personIds, text }] : [];
    }, signal);
    this.ready = !signal?.aborted;
  }

  private async eachChunk<T extends { id: string }>(read: (after: string | undefined) => Promise<T[]>, docsOf: (record: T) => NoteDoc[], signal?: AbortSignal) {
    let after: string | undefined;
    for (;;) {
      if (signal?.aborted) return;
      const page = await read(after);
      for (const record of page) this.put(docsOf(record));
      if (page.length < CHUNK) return;
      after = page[page.length - 1]!.id;
      await yieldToTyping();
    }
  }

  private put(docs: NoteDoc[]) {
    for (const doc of docs) {
      if (this.index.has(doc.id)) this.index.discard(doc.id);
      this.index.add(doc);
    }
  }

  /** Re-reads one person's notes and interactions after they changed. */
  async refreshPerson(personId: string): Promise<void> {
    const [person, interactions] = await Promise.all([this.db.people.get(personId), this.db.interactions.where('personIds').equals(personId).toArray()]);
    if (this.index.has(`p:${personId}`)) this.index.discard(`p:${personId}`);
    if (person?.notes && !person.deleted) this.put([{ id: `p:${personId}`, personIds: [personId], text: person.notes }]);
    for (const interaction of interactions) {
      const text = [interaction.subject, interaction.summary, interaction.outcome].filter(Boolean).join('\n');
      // A deleted interaction (a tombstone) or one whose text was cleared is no longer found by its old words.
      if (text && !interaction.deleted) this.put([{ id: `i:${interaction.id}`, personIds: interaction.personIds, text }]);
      else if (this.index.has(`i:${interaction.id}`)) this.index.discard(`i:${interaction.id}`);
    }
  }

  /** Person ids whose notes or interactions contain every word of the query (the last as a prefix), best first. */
  search(query: string, limit = 200): string[] {
    if (!this.ready || searchWords(query).length === 0) return [];
    const ids = new Set<string>();
    for (const hit of this.index.search(query)) {
      for (const id of (hit.personIds as string[]) ?? []) ids.add(id);
      if (ids.size >= limit) break;
    }
    return [...ids];
  }
}
