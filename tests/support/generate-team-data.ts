/**
 * A seeded, deterministic team for the segments and dashboard tests: 10 reps, 5,000 customers, 50,000
 * interactions and 8,000 deals over the two years before TEAM_NOW, as schema-valid records. While it builds
 * them it tallies the answers a manager would read (counts by stage and month, contacts per rep and week, wins
 * and losses by month), with its own date arithmetic (ISO strings, getUTCDay): the domain core is checked
 * against these tallies, and the sheet against the domain core.
 */
import { LOST_REASONS, type Deal, type Interaction, type Organisation, type Person, type Rep } from '../../shared/model';
import { drawGamma, seededRandom } from '../../shared/retention/simulate';
import { KnownAnswers } from './team-data-answers';

export const TEAM_NOW = '2026-07-01T00:00:00.000Z';
const NOW = Date.parse(TEAM_NOW);
const DAY = 86_400_000;
const START = NOW - 730 * DAY;
export const TERRITORIES = ['North', 'South', 'East', 'West'] as const;
export const PRODUCTS = ['Starter', 'Pro', 'Enterprise', 'Support plan', 'Training'] as const;
const PRICES = [120, 480, 2400, 300, 650];
const INDUSTRIES = ['Software', 'Retail', 'Manufacturing', 'Finance', 'Health', 'Education'];
const SIZES = ['1-10', '11-50', '51-200', '201-1000', '1000+'];
const SOURCES = ['website', 'email', 'webinar', 'trade show', 'referral', 'linkedin', 'inbound content'] as const;
const REP_NAMES = ['Ava Reyes', 'Babak Karimi', 'Chen Wei', 'Dana Olsen', 'Elif Demir', 'Farid Nouri', 'Grace Okafor', 'Hugo Martin', 'Ines Costa', 'Jonas Berg'];
const VOC = ['suggestion', 'criticism', 'complaint', 'opinion', 'defect', 'feature request'] as const;
// Type, share, and the direction it usually has.
const TYPES: Array<[Interaction['type'], number]> = [
  ['email', 0.35], ['call', 0.15], ['meeting', 0.08], ['linkedin message', 0.1], ['linkedin visit', 0.05], ['note', 0.1],
  ['website visit', 0.07], ['support', 0.05], ['survey', 0.02], ['purchase', 0.02], ['payment', 0.01],
];

export interface TeamData {
  now: string;
  reps: Rep[];
  organisations: Organisation[];
  people: Person[];
  deals: Deal[];
  interactions: Interaction[];
  answers: KnownAnswers;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** The team, the same for the same seed and sizes. */
export function generateTeamData({ seed = 8, customers = 5_000, interactions = 50_000, deals = 8_000 } = {}): TeamData {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const between = (from: number, to: number) => Math.floor(from + random() * (to - from));
  const money = (base: number) => Math.round(base * (0.6 + random() * 0.8) * 100) / 100;
  const answers = new KnownAnswers();
  const base = (id: string, owner: string, createdAt: number) => ({ id, revision: 1, createdAt: iso(createdAt), updatedAt: iso(createdAt), owner, deleted: false, provenance: {}, history: [] });

  const reps: Rep[] = REP_NAMES.map((name, i) => ({
    ...base(`rep-${i + 1}`, 'admin@team.example', START), name, email: `rep${String(i + 1).padStart(2, '0')}@team.example`, role: 'rep', territory: TERRITORIES[i % 4], active: true,
  }));
  const organisations: Organisation[] = Array.from({ length: Math.ceil(customers / 8) }, (_, i) => ({
    ...base(`o${String(i + 1).padStart(4, '0')}`, pick(reps).email, START), name: `Company ${i + 1}`, industry: pick(INDUSTRIES), sizeBand: pick(SIZES), territory: pick(TERRITORIES), stage: 'prospect', tags: [],
  }));

  const people: Person[] = [];
  const dealList: Deal[] = [];
  const plannedPurchases = new Map<string, number>();
  for (let i = 0; i < customers; i++) {
    const id = `p${String(i + 1).padStart(5, '0')}`;
    const owner = pick(reps).email;
    const createdAt = between(START, NOW - 20 * DAY);
    const organisation = random() < 0.8 ? pick(organisations) : undefined;
    // Buyers buy the BG/NBD way (exponential gaps at their own rate, a chance to drop out after each purchase),
    // so the Predictions step has real churn to find; the stage then follows from what they bought.
    const times = random() < 0.5 ? [] : buyTimes(createdAt, random);
    const r = random();
    const stage: Person['stage'] =
      times.length === 0 ? (r < 0.36 ? 'suspect' : r < 0.9 ? 'prospect' : 'disqualified')
        : r < 0.13 ? 'lost' : times.length === 1 ? 'first-time customer' : r < 0.7 ? 'repeat customer' : r < 0.85 ? 'client' : r < 0.94 ? 'advocate' : 'partner';
    const spender = 0.5 + 1.5 * random();
    const deleted = random() < 0.01;
    const scored = random() < 0.6;
    const person: Person = {
      ...base(id, owner, createdAt), deleted, fullName: `Customer ${i + 1}`, emails: [`customer${i + 1}@example.com`], phones: [], stage,
      ...(stage === 'lost' ? { stageReason: pick(LOST_REASONS.filter((x) => x !== 'other')) } : stage === 'disqualified' ? { stageReason: 'no fit' } : {}),
      ...(organisation ? { organisationId: organisation.id, company: organisation.name } : {}),
      ...(random() < 0.4 ? { level: pick(['basic', 'reactive', 'accountable', 'proactive', 'partnership'] as const) } : {}),
      ...(random() < 0.85 ? { acquisitionSource: pick(SOURCES) } : {}),
      tags: random() < 0.15 ? ['vip'] : random() < 0.2 ? ['newsletter'] : [], segments: [], doNotContact: false,
      ...(scored ? { importance: between(0, 11), satisfaction: between(0, 11) } : {}),
      ...(random() < 0.2 ? { shareOfWallet: Math.round(random() * 100) / 100 } : {}),
    };
    people.push(person);
    if (deleted) continue;
    answers.addPerson(person);
    plannedPurchases.set(id, times.length);
    for (const opened of times) {
      const product = between(0, PRODUCTS.length);
      const closed = Math.min(opened + between(0, 5 * DAY), NOW - DAY);
      const deal: Deal = {
        ...base(`d${String(dealList.length + 1).padStart(5, '0')}`, owner, opened), personId: id, kind: 'order', status: 'won', product: PRODUCTS[product],
        value: money(PRICES[product]! * spender), ...(random() < 0.9 ? { costToServe: money(PRICES[product]! * 0.35) } : {}), openedAt: iso(opened), closedAt: iso(closed),
        region: organisation?.territory ?? pick(TERRITORIES),
      };
      dealList.push(deal);
      answers.addDeal(deal);
    }
  }
  if (dealList.length > deals) throw new Error(`the plan made ${dealList.length} orders, more than the ${deals} deals asked for`);
  const active = people.filter((p) => !p.deleted && p.stage !== 'suspect' && p.stage !== 'disqualified');
  while (dealList.length < deals) {
    const person = pick(active);
    const opened = between(Date.parse(person.createdAt), NOW - DAY);
    const closed = opened + between(5 * DAY, 120 * DAY);
    const r = random();
    const status: Deal['status'] = closed >= NOW || r < 0.15 ? 'open' : r < 0.55 ? 'won' : 'lost';
    const deal: Deal = {
      ...base(`d${String(dealList.length + 1).padStart(5, '0')}`, random() < 0.9 ? person.owner : pick(reps).email, opened), deleted: random() < 0.01,
      personId: person.id, kind: 'opportunity', status, product: pick(PRODUCTS), value: money(1500), openedAt: iso(opened),
      ...(status === 'open' ? {} : { closedAt: iso(closed), reason: status === 'lost' ? pick(LOST_REASONS) : pick(['price', 'product', 'service', 'relationship']) }),
      region: pick(TERRITORIES), ...(status === 'lost' && random() < 0.5 ? { competitor: pick(['Acme', 'Globex', 'Initech']) } : {}),
    };
    dealList.push(deal);
    answers.addDeal(deal);
  }

  // Some suspects and prospects were never contacted; a third of the rest went quiet some time ago.
  const contactable = people.filter((p) => !p.deleted && !((p.stage === 'suspect' && random() < 0.4) || (p.stage === 'prospect' && random() < 0.05)));
  const quietSince = new Map(contactable.map((p) => [p.id, random() < 0.3 ? NOW - between(30 * DAY, 400 * DAY) : NOW - 1]));
  const weights = contactable.map((p) => 1 + 2 * (plannedPurchases.get(p.id) ?? 0));
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  const interactionList: Interaction[] = [];
  for (let n = 0; n < interactions; n++) {
    // The first pass gives every contactable person one interaction; the rest go by weight.
    const person = n < contactable.length ? contactable[n]! : contactable[lowerBound(cumulative, random() * total)]!;
    const from = Date.parse(person.createdAt);
    const at = between(from, Math.max(from + 1, Math.min(quietSince.get(person.id)!, NOW - 1)));
    const type = pickWeighted(TYPES, random());
    const direction: Interaction['direction'] = type === 'note' ? 'internal' : type === 'website visit' || type === 'support' ? 'inbound'
      : random() < (type === 'email' ? 0.45 : 0.2) ? 'inbound' : 'outbound';
    const interaction: Interaction = {
      ...base(`i${String(n + 1).padStart(6, '0')}`, random() < 0.85 ? person.owner : pick(reps).email, at), deleted: random() < 0.01,
      personIds: [person.id], ...(person.organisationId ? { organisationId: person.organisationId } : {}), type, direction, at: iso(at),
      subject: `${type} ${n + 1}`,
      ...(random() < 0.12 ? { experience: random() < 0.6 ? 'good' : random() < 0.6 ? 'neutral' : 'bad' } : {}),
      ...(random() < 0.06 ? { voiceOfCustomer: pick(VOC) } : {}),
    };
    interactionList.push(interaction);
    answers.addInteraction(interaction);
  }
  for (const person of people) {
    const last = answers.lastContact.get(person.id);
    if (last !== undefined) person.lastContactAt = iso(last);
  }
  answers.finish(people);
  return { now: TEAM_NOW, reps, organisations, people, deals: dealList, interactions: interactionList, answers };
}

/** Purchase times of a buyer: the first soon after they appear, then exponential gaps until they drop out or time ends. */
function buyTimes(createdAt: number, random: () => number): number[] {
  const WEEK = 7 * DAY;
  const rate = drawGamma(0.9, random) / 14;
  const a = drawGamma(0.8, random);
  const dropout = a / (a + drawGamma(2.5, random));
  const end = NOW - 2 * DAY;
  const times = [Math.min(end, createdAt + DAY + Math.floor(random() * 20 * DAY))];
  for (;;) {
    const next = times[times.length - 1]! + (-Math.log(1 - random()) / rate) * WEEK;
    if (!(next < end) || times.length >= 12) break;
    times.push(Math.floor(next));
    if (random() < dropout) break;
  }
  return times;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function pickWeighted<T>(items: ReadonlyArray<[T, number]>, u: number): T {
  let sum = 0;
  for (const [item, weight] of items) if (u < (sum += weight)) return item;
  return items[items.length - 1]![0];
}
