import { buildPersonIndex, mergePeople, repointInteractions, repointPersonIds, type CandidateRule } from '../../shared/identity';
import { Person, type Deal, type Task } from '../../shared/model';
import { queueForSync, type StoreContext } from './changes';
import type { ClipsheetDb } from './db';
import { refreshNextFollowUp } from './people';

/** Two stored people the domain core thinks may be one person, and why. */
export interface MergeProposal {
  pair: string;
  a: Person;
  b: Person;
  rule: CandidateRule;
}

const pairOf = (x: string, y: string) => (x < y ? `${x} ${y}` : `${y} ${x}`);

/**
 * Possible duplicates in the store, from shared/identity's index: people sharing an exact key (an email written
 * differently, the same phone) and fuzzy candidates (same name at the same company or domain). Pairs the rep
 * dismissed are left out. One pass over the store; fine for 100k people when the rep opens the review.
 */
export async function findMergeProposals(db: ClipsheetDb, options: { limit?: number } = {}): Promise<MergeProposal[]> {
  const people = (await db.people.toArray()).filter((person) => !person.deleted);
  const byId = new Map(people.map((person) => [person.id, person]));
  const index = buildPersonIndex(people);
  const dismissed = new Set((await db.dismissedMerges.toArray()).map((entry) => entry.pair));
  const proposals = new Map<string, MergeProposal>();
  for (const person of people) {
    const match = index.match(person);
    const reasons =
      match.kind === 'exact' ? [{ id: match.id, rule: 'shared-exact-key' as const }] : match.kind === 'candidates' ? match.reasons : [];
    for (const reason of reasons) {
      const other = byId.get(reason.id);
      const pair = pairOf(person.id, reason.id);
      if (!other || dismissed.has(pair) || proposals.has(pair)) continue;
      const [a, b] = person.id < other.id ? [person, other] : [other, person];
      proposals.set(pair, { pair, a, b, rule: reason.rule });
      if (options.limit && proposals.size >= options.limit) return [...proposals.values()];
    }
  }
  return [...proposals.values()];
}

/** Remembers that two people are not the same, so their merge is not proposed again (local to this browser). */
export async function dismissProposal(db: ClipsheetDb, aId: string, bId: string, now: string): Promise<void> {
  await db.dismissedMerges.put({ pair: pairOf(aId, bId), at: now });
}

/** What merging two people would give, for the side-by-side review; nothing is written. */
export function previewMerge(a: Person, b: Person, now: string): Person {
  return mergePeople(a, b, { at: now });
}

/**
 * Merges two people with shared/identity's mergePeople [S8]: the survivor keeps every value (losers in history),
 * the other becomes a tombstone, and their interactions, tasks and deals point at the survivor. One
 * transaction, every changed record queued for sync.
 */
export async function mergeTwoPeople(db: ClipsheetDb, aId: string, bId: string, context: StoreContext): Promise<Person> {
  return db.transaction('rw', [db.people, db.interactions, db.tasks, db.deals, db.outbox], async () => {
    const [a, b] = await db.people.bulkGet([aId, bId]);
    if (!a || !b || a.deleted || b.deleted) throw new Error('One of these people is no longer in the store.');
    const merged = Person.schema.parse({ ...mergePeople(a, b, { at: context.now }), updatedAt: context.now });
    const goneId = merged.id === a.id ? b.id : a.id;
    const gone = merged.id === a.id ? b : a;
    await db.people.bulkPut([merged, { ...gone, deleted: true, updatedAt: context.now }]);
    await queueForSync(db, 'person', [merged.id, goneId], context);

    const redirects = new Map([[goneId, merged.id]]);
    const stamp = <T extends { updatedAt: string }>(records: T[]) => records.map((record) => ({ ...record, updatedAt: context.now }));
    const interactions = stamp(repointInteractions(await db.interactions.where('personIds').equals(goneId).toArray(), redirects));
    await db.interactions.bulkPut(interactions);
    await queueForSync(db, 'interaction', interactions.map((record) => record.id), context);
    const tasks = stamp(repointPersonIds<Task>(await db.tasks.where('personId').equals(goneId).toArray(), redirects));
    await db.tasks.bulkPut(tasks);
    await queueForSync(db, 'task', tasks.map((record) => record.id), context);
    const deals = stamp(repointPersonIds<Deal>(await db.deals.where('personId').equals(goneId).toArray(), redirects));
    await db.deals.bulkPut(deals);
    await queueForSync(db, 'deal', deals.map((record) => record.id), context);
    await refreshNextFollowUp(db, merged.id, context);
    return (await db.people.get(merged.id))!;
  });
}
