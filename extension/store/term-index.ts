import type { ClipsheetDb } from './db';
import { TERM_SEPARATOR, type SearchLogRecord } from './search-keys';

// A compaction rewrites the log into records of this many people, once it holds more records than COMPACT_AFTER
// (every write adds one: an edit, a capture, an import chunk, a page sync pulls, a push it settles).
const REBUILT_RECORD_SIZE = 5_000;
const COMPACT_AFTER = 200;

/**
 * Every live person's search terms, in memory, read from the search log (search-keys.ts): the one index both
 * the first screenful and the full list search, so they always agree. Reading it catches up with the log first,
 * so it holds every write committed before the search began, whichever context (background, side panel) wrote it.
 *
 * Terms are kept sorted, and the people holding each term sorted by id, so a prefix is found by binary search
 * and listed in the order an IndexedDB index would give: by term, then id.
 */
export class TermIndex {
  private seq = 0;
  private records = 0;
  private readonly termsOf = new Map<string, string>();
  // Most terms (an address, a phone) belong to one person: held as that person's id, a set only when shared.
  private readonly holders = new Map<string, string | Set<string>>();
  private readonly sortedHolders = new Map<string, string[]>();
  private words: string[] = [];
  private newWords: string[] = [];
  private reading: Promise<void> = Promise.resolve();
  private compacting = false;

  constructor(private readonly db: ClipsheetDb) {}

  /** Reads what the log gained since the last read; reads run one after another, each applied once, in log order. */
  catchUp(): Promise<void> {
    const read = this.reading.then(() => this.readLog());
    this.reading = read.catch(() => undefined);
    return read;
  }

  private async readLog(): Promise<void> {
    const added = await this.db.searchLog.where('seq').above(this.seq).toArray();
    const rebuilt = added.findLastIndex((record) => record.rebuilt);
    if (rebuilt >= 0) this.reset();
    for (const record of rebuilt >= 0 ? added.slice(rebuilt) : added) this.apply(record);
    // New terms are sorted in now, not at the next keystroke (100,000 people bring 200,000 terms).
    this.sortedWords();
    if (this.records > COMPACT_AFTER && !this.compacting) void this.compact();
  }

  private reset() {
    this.termsOf.clear();
    this.holders.clear();
    this.sortedHolders.clear();
    this.words = [];
    this.newWords = [];
    this.records = 0;
  }

  private apply(record: SearchLogRecord) {
    record.ids.forEach((id, i) => this.set(id, record.terms[i] ?? ''));
    this.seq = Math.max(this.seq, record.seq!);
    this.records++;
  }

  private set(id: string, joined: string) {
    const before = this.termsOf.get(id);
    if (before === joined) return;
    if (before) {
      for (const term of before.split(TERM_SEPARATOR)) {
        const ids = this.holders.get(term);
        if (ids === id) this.holders.delete(term);
        else if (typeof ids === 'object') {
          ids.delete(id);
          if (ids.size === 1) this.holders.set(term, ids.values().next().value!);
        }
        this.sortedHolders.delete(term);
      }
    }
    if (!joined) {
      this.termsOf.delete(id);
      return;
    }
    this.termsOf.set(id, joined);
    for (const term of joined.split(TERM_SEPARATOR)) {
      const ids = this.holders.get(term);
      if (ids === undefined) {
        this.holders.set(term, id);
        this.newWords.push(term);
      } else if (typeof ids === 'object') ids.add(id);
      else if (ids !== id) this.holders.set(term, new Set([ids, id]));
      this.sortedHolders.delete(term);
    }
  }

  private sortedWords(): string[] {
    if (this.newWords.length) {
      // The new words, sorted, merged into the sorted ones. Words whose last holder left stay until a merge,
      // which drops them and any word listed twice.
      const added = this.newWords.sort();
      const words: string[] = [];
      for (let i = 0, j = 0; i < this.words.length || j < added.length; ) {
        const word = j >= added.length || (i < this.words.length && this.words[i]! <= added[j]!) ? this.words[i++]! : added[j++]!;
        if (word !== words[words.length - 1] && this.holders.has(word)) words.push(word);
      }
      this.words = words;
      this.newWords = [];
    }
    return this.words;
  }

  private holdersOf(term: string): readonly string[] {
    const ids = this.holders.get(term);
    if (typeof ids !== 'object') return ids === undefined ? [] : [ids];
    let sorted = this.sortedHolders.get(term);
    if (!sorted) this.sortedHolders.set(term, (sorted = [...ids].sort()));
    return sorted;
  }

  /** The ids of people with a term starting with `prefix`, by term then id; a person once per term. */
  *withPrefix(prefix: string): Generator<string> {
    const words = this.sortedWords();
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (words[middle]! < prefix) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < words.length && words[i]!.startsWith(prefix); i++) yield* this.holdersOf(words[i]!);
  }

  /** Whether a person has a term starting with `prefix`. */
  hasPrefix(id: string, prefix: string): boolean {
    const joined = this.termsOf.get(id);
    return joined !== undefined && (joined.startsWith(prefix) || joined.includes(TERM_SEPARATOR + prefix));
  }

  /**
   * Rewrites the log as it stands into few records, in one transaction, so that reading it stays quick however
   * many small writes it collected. Readers that meet the first rewritten record start again from it.
   */
  private async compact(): Promise<void> {
    this.compacting = true;
    try {
      await this.db.transaction('rw', this.db.searchLog, async () => {
        const latest = new Map<string, string>();
        await this.db.searchLog.each((record) => record.ids.forEach((id, i) => latest.set(id, record.terms[i] ?? '')));
        const live = [...latest].filter(([, terms]) => terms);
        await this.db.searchLog.clear();
        const records: SearchLogRecord[] = [];
        for (let i = 0; i < live.length || records.length === 0; i += REBUILT_RECORD_SIZE) {
          const part = live.slice(i, i + REBUILT_RECORD_SIZE);
          records.push({ ids: part.map(([id]) => id), terms: part.map(([, terms]) => terms), ...(records.length === 0 ? { rebuilt: true as const } : {}) });
        }
        await this.db.searchLog.bulkAdd(records);
      });
    } catch {
      // Maintenance only: the log is intact if it failed (the database closing, a write in the way), and the next read retries.
    } finally {
      this.compacting = false;
    }
  }
}

const indexes = new WeakMap<ClipsheetDb, TermIndex>();

/** The database's term index, caught up with every write committed so far. */
export async function termIndexOf(db: ClipsheetDb): Promise<TermIndex> {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new TermIndex(db)));
  await index.catchUp();
  return index;
}
