import {
  buildOrganisationIndex,
  buildPersonIndex,
  mergeOrganisations,
  mergePeople,
  repointInteractions,
  repointOrganisationIds,
  repointPersonIds,
  type CandidateRule,
  type IdentityIndex,
} from '../../shared/identity';
import { Organisation, Person, type Deal, type Interaction, type Task } from '../../shared/model';
import { queueForSync, type StoreContext } from './changes';
import type { ClipsheetDb } from './db';
import { refreshNextFollowUp } from './people';

/** Two stored people, or two organisations, the domain core thinks may be one, and why. */
export type MergeProposal = { pair: string; rule: CandidateRule } & ({ entity: 'person'; a: Person; b: Person } | { entity: 'organisation'; a: Organisation; b: Organisation });

const pairOf = (x: string, y: string) => (x < y ? `${x} ${y}` : `${y} ${x}`);

/**
 * Possible duplicates in the store, from shared/identity's indexes: people sharing an exact key (an email written
 * differently, the same phone) and fuzzy candidates (same name at the same company or domain); organisations
 * sharing a key while a stronger identifier disagrees (the same name on another domain). Pairs the rep
 * dismissed are left out. One pass over the store; fine for 100k people when the rep opens the review.
 */
export async function findMergeProposals(db: ClipsheetDb, options: { limit?: number } = {}): Promise<MergeProposal[]> {
  const dismissed = new Set((await db.dismissedMerges.toArray()).map((entry) => entry.pair));
  const proposals = new Map<string, MergeProposal>();
  const propose = <T extends { id: string; deleted?: boolean }>(entity: MergeProposal['entity'], stored: T[], build: (records: T[]) => IdentityIndex<T>) => {
    const records = stored.filter((record) => !record.deleted);
    const byId = new Map(records.map((record) => [record.id, record]));
    const index = build(records);
    for (const record of records) {
      const match = index.match(record);
      const reasons = match.kind === 'exact' ? [{ id: match.id, rule: 'shared-exact-key' as const }] : match.kind === 'candidates' ? match.reasons : [];
      for (const reason of reasons) {
        const other = byId.get(reason.id);
        const pair = pairOf(record.id, reason.id);
        if (!other || dismissed.has(pair) || proposals.has(pair)) continue;
        const [a, b] = record.id < other.id ? [record, other] : [other, record];
        proposals.set(pair, { pair, entity, a, b, rule: reason.rule } as unknown as MergeProposal);
        if (options.limit && proposals.size >= options.limit) return true;
      }
    }
    return false;
  };
  if (!propose('person', await db.people.toArray(), buildPersonIndex)) propose('organisation', await db.organisations.toArray(), buildOrganisationIndex);
  return [...proposals.values()];
}

/** Remembers that two people (or organisations) are not the same, so their merge is not proposed again (local to this browser). */
export async function dismissProposal(db: ClipsheetDb, aId: string, bId: string, now: string): Promise<void> {
  await db.dismissedMerges.put({ pair: pairOf(aId, bId), at: now });
}

/** What merging the proposal's two records would give, for the side-by-side review; nothing is written. */
export function previewMerge(proposal: MergeProposal, now: string): Person | Organisation {
  return proposal.entity === 'person' ? mergePeople(proposal.a, proposal.b, { at: now }) : mergeOrganisations(proposal.a, proposal.b, { at: now });
}

/** Merges the proposal's two records (see `mergeTwoPeople` and `mergeTwoOrganisations`) and returns the survivor. */
export function mergeProposal(db: ClipsheetDb, proposal: MergeProposal, context: StoreContext): Promise<Person | Organisation> {
  return proposal.entity === 'person' ? mergeTwoPeople(db, proposal.a.id, proposal.b.id, context) : mergeTwoOrganisations(db, proposal.a.id, proposal.b.id, context);
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

/**
 * Merges two organisations with shared/identity's mergeOrganisations [S8]: the survivor keeps every value
 * (losers in history), the other becomes a tombstone, and the people, interactions and deals that named it
 * name the survivor. One transaction, every changed record queued for sync.
 */
export async function mergeTwoOrganisations(db: ClipsheetDb, aId: string, bId: string, context: StoreContext): Promise<Organisation> {
  return db.transaction('rw', [db.organisations, db.people, db.interactions, db.deals, db.outbox], async () => {
    const [a, b] = await db.organisations.bulkGet([aId, bId]);
    if (!a || !b || a.deleted || b.deleted) throw new Error('One of these organisations is no longer in the store.');
    const merged = Organisation.schema.parse({ ...mergeOrganisations(a, b, { at: context.now }), updatedAt: context.now });
    const gone = merged.id === a.id ? b : a;
    await db.organisations.bulkPut([merged, { ...gone, deleted: true, updatedAt: context.now }]);
    await queueForSync(db, 'organisation', [merged.id, gone.id], context);

    const redirects = new Map([[gone.id, merged.id]]);
    const stamp = <T extends { updatedAt: string }>(records: T[]) => records.map((record) => ({ ...record, updatedAt: context.now }));
    const people = stamp(repointOrganisationIds<Person>(await db.people.where('organisationId').equals(gone.id).toArray(), redirects));
    await db.people.bulkPut(people);
    await queueForSync(db, 'person', people.map((record) => record.id), context);
    const interactions = stamp(repointOrganisationIds<Interaction>(await db.interactions.where('organisationId').equals(gone.id).toArray(), redirects));
    await db.interactions.bulkPut(interactions);
    await queueForSync(db, 'interaction', interactions.map((record) => record.id), context);
    const deals = stamp(repointOrganisationIds<Deal>(await db.deals.where('organisationId').equals(gone.id).toArray(), redirects));
    await db.deals.bulkPut(deals);
    await queueForSync(db, 'deal', deals.map((record) => record.id), context);
    return merged;
  });
}
