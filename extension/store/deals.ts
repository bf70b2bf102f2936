import { countPurchases, deriveStage } from '../../shared/ladder';
import { Deal, Person } from '../../shared/model';
import { newRecord, queueForSync, toStoredTime, type StoreContext } from './changes';
import type { ClipsheetDb } from './db';

export interface OrderInput {
  personId: string;
  value: number;
  costToServe?: number;
  product?: string;
  currency?: string;
  /** When the sale closed; now if not given. */
  at?: string;
}

export type DealWrite = { ok: true; deal: Deal; person: Person } | { ok: false; problems: string[] };

const dealTables = (db: ClipsheetDb) => [db.deals, db.people, db.outbox];

// Purchase history moves a person up the ladder (first-time, then repeat customer) and never down [S1].
async function applyPurchases(db: ClipsheetDb, person: Person, context: StoreContext): Promise<Person> {
  const purchases = countPurchases(await db.deals.where('personId').equals(person.id).toArray());
  const stage = deriveStage(person.stage, purchases);
  if (stage === person.stage) return person;
  const moved = Person.schema.parse({
    ...person,
    stage,
    history: [...person.history, { field: 'stage', value: person.stage, ...person.provenance.stage, replacedAt: context.now }],
    provenance: { ...person.provenance, stage: { source: 'manual', at: context.now, by: context.owner || undefined } },
    updatedAt: context.now,
  });
  await db.people.put(moved);
  await queueForSync(db, 'person', [person.id], context);
  return moved;
}

function parseDeal(fields: Record<string, unknown>): { ok: true; deal: Deal } | { ok: false; problems: string[] } {
  const parsed = Deal.schema.safeParse(fields);
  return parsed.success ? { ok: true, deal: parsed.data } : { ok: false, problems: parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}

/** Records a purchase (a won order) and moves the person up the ladder if purchases now prove a higher rung. */
export async function addOrder(db: ClipsheetDb, input: OrderInput, context: StoreContext): Promise<DealWrite> {
  return db.transaction('rw', dealTables(db), async () => {
    const person = await db.people.get(input.personId);
    if (!person || person.deleted) return { ok: false, problems: ['This person is no longer in the store.'] };
    const at = toStoredTime(input.at ?? context.now);
    const parsed = parseDeal({ ...newRecord(context), personId: person.id, organisationId: person.organisationId, kind: 'order', status: 'won', value: input.value, costToServe: input.costToServe, product: input.product?.trim() || undefined, currency: input.currency?.trim() || undefined, openedAt: at, closedAt: at });
    if (!parsed.ok) return parsed;
    await db.deals.add(parsed.deal);
    await queueForSync(db, 'deal', [parsed.deal.id], context);
    return { ok: true, deal: parsed.deal, person: await applyPurchases(db, person, context) };
  });
}

/** Opens an opportunity: a possible sale, not yet a purchase. */
export async function openOpportunity(db: ClipsheetDb, input: Omit<OrderInput, 'costToServe'>, context: StoreContext): Promise<DealWrite> {
  return db.transaction('rw', dealTables(db), async () => {
    const person = await db.people.get(input.personId);
    if (!person || person.deleted) return { ok: false, problems: ['This person is no longer in the store.'] };
    const parsed = parseDeal({ ...newRecord(context), personId: person.id, organisationId: person.organisationId, kind: 'opportunity', status: 'open', value: input.value, product: input.product?.trim() || undefined, currency: input.currency?.trim() || undefined, openedAt: toStoredTime(input.at ?? context.now) });
    if (!parsed.ok) return parsed;
    await db.deals.add(parsed.deal);
    await queueForSync(db, 'deal', [parsed.deal.id], context);
    return { ok: true, deal: parsed.deal, person };
  });
}

/**
 * Closes an opportunity as won or lost. Either needs its reason [S6] (why it was won or where it was lost),
 * and a lost one may name the competitor. A won opportunity is recorded as an order too, which is the purchase
 * the ladder counts (shared/ladder counts orders only, so the two are never counted twice).
 */
export async function closeOpportunity(
  db: ClipsheetDb,
  dealId: string,
  outcome: { status: 'won' | 'lost'; reason: string; competitor?: string },
  context: StoreContext,
): Promise<DealWrite> {
  const reason = outcome.reason.trim();
  if (!reason) return { ok: false, problems: [outcome.status === 'won' ? 'Say why it was won.' : 'Say why it was lost.'] };
  return db.transaction('rw', dealTables(db), async () => {
    const deal = await db.deals.get(dealId);
    if (!deal || deal.deleted || deal.kind !== 'opportunity' || deal.status !== 'open') return { ok: false, problems: ['This opportunity is not open.'] };
    const closed = parseDeal({ ...deal, status: outcome.status, reason, competitor: outcome.competitor?.trim() || deal.competitor, closedAt: context.now, updatedAt: context.now });
    if (!closed.ok) return closed;
    await db.deals.put(closed.deal);
    await queueForSync(db, 'deal', [dealId], context);
    const person = deal.personId ? await db.people.get(deal.personId) : undefined;
    if (!person) return { ok: false, problems: ['This opportunity has no person.'] };
    if (outcome.status === 'lost') return { ok: true, deal: closed.deal, person };
    const order = parseDeal({ ...newRecord(context), owner: deal.owner, personId: deal.personId, organisationId: deal.organisationId, kind: 'order', status: 'won', value: deal.value, costToServe: deal.costToServe, product: deal.product, currency: deal.currency, openedAt: context.now, closedAt: context.now, reason });
    if (!order.ok) return order;
    await db.deals.add(order.deal);
    await queueForSync(db, 'deal', [order.deal.id], context);
    return { ok: true, deal: closed.deal, person: await applyPurchases(db, person, context) };
  });
}
