import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Deal, Person, Rep } from '../../shared/model';

/**
 * The CDNOW 1/10 sample (../shared/data/cdnow/CDNOW_sample.txt: customer, sample id, YYYYMMDD, CDs, dollars)
 * as a team's records: one customer per CDNOW customer, one won order per line, closed at noon UTC on its day.
 * Real purchase data for the retention figures and the Predictions step.
 */
export const CDNOW_SAMPLE = join(import.meta.dirname, '..', '..', '..', 'shared', 'data', 'cdnow', 'CDNOW_sample.txt');

export interface CdnowTeam {
  reps: Rep[];
  people: Person[];
  deals: Deal[];
  interactions: [];
  organisations: [];
}

/** The sample's purchases up to and including `lastDay` (YYYY-MM-DD). */
export function readCdnowTeam(lastDay = '1998-06-30'): CdnowTeam {
  const owner = 'cdnow@team.example';
  const record = (id: string, at: string) => ({ id, revision: 1, createdAt: at, updatedAt: at, owner, deleted: false, provenance: {}, history: [] });
  const deals: Deal[] = [];
  const firstSeen = new Map<string, string>();
  for (const line of readFileSync(CDNOW_SAMPLE, 'utf8').split('\n')) {
    const [customer, , day, , dollars] = line.trim().split(/\s+/);
    if (!customer || !day) continue;
    const iso = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`;
    if (iso > lastDay) continue;
    const at = `${iso}T12:00:00.000Z`;
    if (!firstSeen.has(customer) || at < firstSeen.get(customer)!) firstSeen.set(customer, at);
    deals.push({ ...record(`cd${deals.length + 1}`, at), personId: `c${customer}`, kind: 'order', status: 'won', product: 'CDs', value: Number(dollars), openedAt: at, closedAt: at });
  }
  const people = [...firstSeen].map(([customer, at]): Person => ({
    ...record(`c${customer}`, at), fullName: `CDNOW customer ${customer}`, emails: [], phones: [], tags: [], segments: [], doNotContact: false,
    stage: deals.filter((d) => d.personId === `c${customer}`).length > 1 ? 'repeat customer' : 'first-time customer',
  }));
  const rep: Rep = { ...record('rep-cdnow', '1997-01-01T00:00:00.000Z'), name: 'CDNOW', email: owner, role: 'rep', active: true };
  return { reps: [rep], people, deals, interactions: [], organisations: [] };
}
