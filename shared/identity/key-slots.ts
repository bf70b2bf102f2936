/** The slots of the stored records holding one key: a number for the usual single record, an array for the rare shared key. */
export type Slots = number | number[];

// Each position of the table is two int32s: a key's hash, and its entry number plus one (0: free).
const FREE = 0;
const MIN_POSITIONS = 16;

/**
 * Identity keys to the slots of the stored records that hold them: the index's tables. A `Map` would do, but
 * a million people give it millions of keys, and a lookup walks V8's hash table through two or three cache
 * misses, for a key it usually lacks (most incoming records are new, and most of a stored record's keys are
 * its own). Here a key that is absent costs one: its hash and entry number sit side by side in one typed array
 * (open addressing, linear probing, at most half full), and the key's text is compared only when a whole
 * 32-bit hash matches. With it the dedup bench (`npx tsx bench/run.ts dedup`) matches 100k people against
 * 100k in about 1.75 s instead of 2.0, and 1M against 1M in about 29 s instead of 33.
 *
 * A key that no record holds any more keeps its entry, empty, and gets it back if it returns: deleting from
 * open addressing means moving its neighbours, and an index is rebuilt far more often than its records change.
 */
export class KeySlots {
  private positions = new Int32Array(2 * MIN_POSITIONS);
  private readonly keys: string[] = [];
  private readonly slots: (Slots | undefined)[] = [];
  // A hash of our own, as V8 does not hand out its strings' hashes; seeded per table, so that no crafted
  // keys collide on every machine and turn each lookup into a walk of the whole table.
  private readonly seed = (Math.random() * 0x1_0000_0000) | 0;

  constructor(private readonly hash: (key: string, seed: number) => number = hashText) {}

  /** The slots holding `key`, or undefined. */
  slotsOf(key: string): Slots | undefined {
    const entry = this.positions[this.find(key, this.hash(key, this.seed)) + 1]!;
    return entry === FREE ? undefined : this.slots[entry - 1];
  }

  /** Adds `slot` to the slots holding `key`. */
  add(key: string, slot: number): void {
    const hash = this.hash(key, this.seed);
    const at = this.find(key, hash);
    const entry = this.positions[at + 1]!;
    if (entry === FREE) {
      this.positions[at] = hash;
      this.positions[at + 1] = this.keys.push(key);
      this.slots.push(slot);
      if (this.keys.length * 4 > this.positions.length) this.grow(); // more than half the positions used
      return;
    }
    const existing = this.slots[entry - 1];
    if (existing === undefined) this.slots[entry - 1] = slot;
    else if (typeof existing === 'number') this.slots[entry - 1] = [existing, slot];
    else existing.push(slot);
  }

  /** Keeps only the slots of `key` that `keep` accepts. */
  filter(key: string, keep: (slot: number) => boolean): void {
    const entry = this.positions[this.find(key, this.hash(key, this.seed)) + 1]!;
    const existing = entry === FREE ? undefined : this.slots[entry - 1];
    if (existing === undefined) return;
    const kept = (typeof existing === 'number' ? [existing] : existing).filter(keep);
    this.slots[entry - 1] = kept.length === 0 ? undefined : kept.length === 1 ? kept[0]! : kept;
  }

  // The position of `key`, or of the free one where it would go.
  private find(key: string, hash: number): number {
    const mask = this.positions.length - 2; // the length is a power of two, positions are even
    for (let at = (hash << 1) & mask; ; at = (at + 2) & mask) {
      const entry = this.positions[at + 1]!;
      if (entry === FREE || (this.positions[at] === hash && this.keys[entry - 1] === key)) return at;
    }
  }

  private grow(): void {
    const old = this.positions;
    this.positions = new Int32Array(old.length * 2);
    const mask = this.positions.length - 2;
    for (let from = 0; from < old.length; from += 2) {
      if (old[from + 1] === FREE) continue;
      let at = (old[from]! << 1) & mask;
      while (this.positions[at + 1] !== FREE) at = (at + 2) & mask;
      this.positions[at] = old[from]!;
      this.positions[at + 1] = old[from + 1]!;
    }
  }
}

/** FNV-1a over the UTF-16 code units, mixed by MurmurHash3's finaliser so that linear probing sees no runs. */
export function hashText(text: string, seed: number): number {
  let hash = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}
