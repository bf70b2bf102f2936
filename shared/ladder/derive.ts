import type { Stage } from '../model/vocabulary';
import { isLadderStage, pickHigherStage, type LadderStage } from './stages';

/** The fields of a Deal that decide whether it is a purchase; structural so sheet rows and records both fit. */
export interface PurchaseLike {
  kind: string;
  status: string;
  deleted?: boolean;
}

/**
 * Purchases are won orders that are not tombstoned. Won opportunities are not counted: a won opportunity is
 * recorded as an order too, and counting both would make a first-time customer look like a repeat one.
 */
export function countPurchases(deals: readonly PurchaseLike[]): number {
  return deals.filter((deal) => deal.kind === 'order' && deal.status === 'won' && deal.deleted !== true).length;
}

/** A purchase count if the value is one (a whole number >= 0), otherwise undefined. */
export function readPurchaseCount(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** The rung purchase history alone proves: none for 0 purchases, first-time for 1, repeat for 2 or more. */
export function findPurchaseStage(purchases: number): LadderStage | undefined {
  const count = readPurchaseCount(purchases);
  if (count === undefined || count === 0) return undefined;
  return count === 1 ? 'first-time customer' : 'repeat customer';
}

/**
 * The stage after applying purchase history: the higher of the current rung and the rung purchases prove.
 * It never demotes (a hand-set client stays client; a repeat customer whose order was refunded stays repeat),
 * leaves side states alone (winning back a lost customer is a transition someone makes), and is idempotent.
 * An invalid purchase count or an unknown stage returns the current value unchanged, for the schema to report.
 */
export function deriveStage(current: Stage, purchases: number): Stage {
  if (!isLadderStage(current)) return current;
  const proven = findPurchaseStage(purchases);
  return proven === undefined ? current : pickHigherStage(current, proven);
}
