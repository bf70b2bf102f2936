import { rollUpInteractions } from './archive-rollup';
import type { CustomerFacts } from './customer-facts';
import { toSerial } from './expr';
import type { TableRows } from './evaluate-expr';
import type { MetricsData } from './rows';

/**
 * The sheets as a live formula sees them: every row of each sheet (tombstoned ones too: the formulas leave
 * them out by their Deleted cell), times as serial days, the Segments column as the add-on wrote it. Archived
 * interactions are not on the Interactions sheet: they are the rollup's daily counts.
 */
export function toTableRows(data: MetricsData, facts: readonly CustomerFacts[], segmentsOf: ReadonlyMap<string, readonly string[]>): TableRows {
  const serial = (ms: number | undefined) => (ms === undefined ? undefined : toSerial(ms));
  return {
    Customers: data.customers.map((c) => ({
      ...c,
      acquisitionSource: c.source,
      createdAt: serial(c.createdAt),
      lastContactAt: serial(c.lastContactAt),
      segments: segmentsOf.get(c.id) ?? [],
    })),
    Deals: data.deals.map((d) => ({ ...d, openedAt: serial(d.openedAt), closedAt: serial(d.closedAt) })),
    Interactions: data.interactions.filter((i) => !i.archived).map((i) => ({ ...i, at: serial(i.at) })),
    'Archived interactions': rollUpInteractions(data.interactions.filter((i) => i.archived)).map((r) => ({ ...r, day: serial(r.day) })),
    'Customer value': facts.map((f) => ({
      ...f,
      createdAt: serial(f.createdAt),
      lastContactAt: serial(f.lastContactAt),
      firstPurchaseAt: serial(f.firstPurchaseAt),
      lastPurchaseAt: serial(f.lastPurchaseAt),
      segments: segmentsOf.get(f.id) ?? [],
    })),
  };
}
