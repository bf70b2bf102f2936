import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deal, Person, Rep } from '../../shared/model';

/**
 * The CDNOW 1/10 sample (../shared/data/cdnow/CDNOW_sample.txt: customer, sample id, YYYYMMDD, CDs, dollars)
 * as a team's records: one customer per CDNOW customer, one won order per line, closed at noon UTC on its day.
 * Real purchase data for the retention figures and the Predictions step.
 */
export const CDNOW_SAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'cdnow', 'CDNOW_sample.txt');
/** The full cohort (customer, YYYYMMDD, CDs, dollars; a header line first): 23,570 customers, 69,659 lines. */
export const CDNOW_MASTER = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'cdnow', 'CDNOW_master.txt');

export interface CdnowTeam {
  reps: Rep[];
  people: Person[];
  deals: Deal[];
  interactions: [];
  organisations: [];
}

/** The sample's (or `file`'s) purchases up to and including `lastDay` (YYYY-MM-DD). */
export function readCdnowTeam(lastDay = '1998-06-30', file = CDNOW_SAMPLE): CdnowTeam {
  const owner = 'cdnow@team.example';
  const record = (id: string, at: string) => ({ id, revision: 1, createdAt: at, updatedAt: at, owner, deleted: false, provenance: {}, history: [] });
  const deals: Deal[] = [];
  const firstSeen = new Map<string, string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const fields = line.trim().split(/\s+/);
    // The sample has a sample id after the customer; the master file does not, and starts with a header.
    const [customer, day, , dollars] = fields.length === 5 ? [fields[0], fields[2], fields[3], fields[4]] : fields;
    if (!customer || !day || !/^\d{8}$/.test(day)) continue;
    const iso = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
    if (iso > lastDay) continue;
    const at = `${iso}T12:00:00.000Z`;
    if (!firstSeen.has(customer) || at < firstSeen.get(customer)!) firstSeen.set(customer, at);
    deals.push({ ...record(`cd${deals.length + 1}`, at), personId: `c${customer}`, kind: 'order', status: 'won', product: 'CDs', value: Number(dollars), openedAt: at, closedAt: at });
  }
  const orders = new Map<string, number>();
  for (const deal of deals) orders.set(deal.personId!, (orders.get(deal.personId!) ?? 0) + 1);
  const people = [...firstSeen].map(([customer, at]): Person => ({
    ...record(`c${customer}`, at), fullName: `CDNOW customer ${customer}`, emails: [], phones: [], tags: [], segments: [], doNotContact: false,
    stage: orders.get(`c${customer}`)! > 1 ? 'repeat customer' : 'first-time customer',
  }));
  const rep: Rep = { ...record('rep-cdnow', '1997-01-01T00:00:00.000Z'), name: 'CDNOW', email: owner, role: 'rep', active: true };
  return { reps: [rep], people, deals, interactions: [], organisations: [] };
}
