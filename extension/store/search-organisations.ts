import { liveQuery } from 'dexie';
import type { Organisation } from '../../shared/model';
import type { ClipsheetDb } from './db';
import { foldForSearch, searchWords } from './search-keys';

/** An organisation as the search list shows it. */
export interface OrganisationHit {
  id: string;
  name: string;
  domain?: string;
}

interface Entry extends OrganisationHit {
  folded: string;
  words: string[];
}

const entryOf = (organisation: Organisation): Entry => ({
  id: organisation.id,
  name: organisation.name,
  ...(organisation.domain ? { domain: organisation.domain } : {}),
  folded: foldForSearch(organisation.name),
  // The domain is one word, as an email address is: "engines.test" and its start "engin" find it.
  words: [...searchWords(organisation.name), ...(organisation.domain ? [foldForSearch(organisation.domain)] : [])],
});

const byName = (a: Entry, b: Entry) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The organisations a query finds, by the same words as people's search (search-keys.ts: folded, Persian letters
 * and digits unified): every word of the query starts a word of the name or the domain. Names that start with
 * the whole query come first, then the rest, each A-Z. None for an empty query: the list is of people then.
 */
function matchOrganisations(entries: readonly Entry[], query: string, limit: number): OrganisationHit[] {
  const words = searchWords(query);
  if (!words.length) return [];
  const whole = foldForSearch(query);
  const found = entries.filter((entry) => words.every((word) => entry.words.some((own) => own.startsWith(word))));
  const first = found.filter((entry) => entry.folded.startsWith(whole));
  const rest = found.filter((entry) => !entry.folded.startsWith(whole));
  return [...first, ...rest].slice(0, limit).map(({ id, name, domain }) => (domain ? { id, name, domain } : { id, name }));
}

/**
 * The live organisations held in memory for search-as-you-type, kept current by a Dexie live query: a change to
 * the organisations table from any context (a capture or a sync in the background, a merge in the panel) reads
 * them again. A team's organisations are thousands, not the hundred thousand people a rep may hold, so they are
 * read whole rather than kept in an index of their own on disk.
 */
export class OrganisationSearch {
  private entries: Entry[] = [];
  private subscription: { unsubscribe(): void } | undefined;

  constructor(private readonly db: ClipsheetDb) {}

  /** Reads the organisations (resolved once they are read), then follows every change, calling `onChange` after each. */
  start(onChange: () => void): Promise<void> {
    return new Promise((resolve) => {
      let first = true;
      this.subscription = liveQuery(() => this.read()).subscribe({
        next: (entries) => {
          this.entries = entries;
          if (first) resolve();
          else onChange();
          first = false;
        },
        // The database closing, or failing to read: search goes on with the organisations it had (none at first).
        error: () => resolve(),
      });
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }

  /** The first `limit` organisations the query finds (matchOrganisations). */
  find(query: string, limit: number): OrganisationHit[] {
    return matchOrganisations(this.entries, query, limit);
  }

  private async read(): Promise<Entry[]> {
    const organisations = await this.db.organisations.toArray();
    return organisations.filter((organisation) => !organisation.deleted && organisation.name).map(entryOf).sort(byName);
  }
}
