import type { Deal, Interaction, Person } from '../../shared/model';

/**
 * The answers tallied while the team data is generated (generate-team-data.ts), with date arithmetic of their
 * own: months are the first seven characters of an ISO time, weeks start on the Monday getUTCDay finds.
 */
export class KnownAnswers {
  readonly stages = new Map<string, number>();
  /** `YYYY-MM|stage`, `YYYY-MM|stage|owner` and `YYYY-MM|stage|source` of people created that month. */
  readonly created = new Map<string, number>();
  /** Last interaction of any type, per person. */
  readonly lastContact = new Map<string, number>();
  /** `owner|YYYY-MM-DD` (the Monday): contacts (not visits, purchases or payments). */
  readonly contacts = new Map<string, number>();
  /** `YYYY-MM|won` / `YYYY-MM|lost`: opportunities by close month; with `|owner` too. */
  readonly opportunities = new Map<string, number>();
  /** `YYYY-MM|lost|reason|price` etc: deals of any kind by close month, status and field. */
  readonly closedBy = new Map<string, number>();
  readonly bad = new Map<string, number>();
  readonly voice = new Map<string, number>();
  readonly purchases: Array<{ personId: string; month: string; product: string }> = [];
  neverContacted = 0;
  people = 0;

  addPerson(person: Person): void {
    this.people++;
    bump(this.stages, person.stage);
    const month = person.createdAt.slice(0, 7);
    bump(this.created, `${month}|${person.stage}`);
    bump(this.created, `${month}|${person.stage}|${person.owner}`);
    if (person.acquisitionSource) bump(this.created, `${month}|${person.stage}|${person.acquisitionSource}`);
  }

  addDeal(deal: Deal): void {
    if (deal.deleted) return;
    if (deal.kind === 'order' && deal.status === 'won') this.purchases.push({ personId: deal.personId!, month: (deal.closedAt ?? deal.openedAt).slice(0, 7), product: deal.product! });
    if (!deal.closedAt || deal.status === 'open') return;
    const month = deal.closedAt.slice(0, 7);
    if (deal.kind === 'opportunity') {
      bump(this.opportunities, `${month}|${deal.status}`);
      bump(this.opportunities, `${month}|${deal.status}|${deal.owner}`);
    }
    for (const field of ['reason', 'region', 'product'] as const) if (deal[field]) bump(this.closedBy, `${month}|${deal.status}|${field}|${deal[field]}`);
  }

  addInteraction(interaction: Interaction): void {
    if (interaction.deleted) return;
    const at = Date.parse(interaction.at);
    for (const id of interaction.personIds) this.lastContact.set(id, Math.max(this.lastContact.get(id) ?? -Infinity, at));
    const month = interaction.at.slice(0, 7);
    if (!['website visit', 'purchase', 'payment'].includes(interaction.type)) bump(this.contacts, `${interaction.owner}|${monday(at)}`);
    if (interaction.experience === 'bad') bump(this.bad, month);
    if (interaction.voiceOfCustomer) bump(this.voice, `${month}|${interaction.voiceOfCustomer}`);
  }

  finish(people: readonly Person[]): void {
    this.neverContacted = people.filter((p) => !p.deleted && !this.lastContact.has(p.id)).length;
  }

  /** Retention from one month to the next, by brute force over the tallied purchases. */
  retention(previous: string, month: string, product?: string): { base: number; retained: number } {
    const buyers = (m: string) => new Set(this.purchases.filter((p) => p.month === m && (!product || p.product === product)).map((p) => p.personId));
    const before = buyers(previous);
    const now = buyers(month);
    return { base: before.size, retained: [...before].filter((id) => now.has(id)).length };
  }

  /** Customers whose first purchase was in `month`, and how many of them bought again `offset` months later. */
  cohort(month: string, offset: number): { size: number; active: number } {
    const first = new Map<string, string>();
    for (const p of this.purchases) if (!first.has(p.personId) || p.month < first.get(p.personId)!) first.set(p.personId, p.month);
    const members = [...first].filter(([, m]) => m === month).map(([id]) => id);
    const target = addMonths(month, offset);
    const active = members.filter((id) => this.purchases.some((p) => p.personId === id && p.month === target)).length;
    return { size: members.length, active };
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** The ISO date of the Monday of the week holding `ms` (UTC). */
export function monday(ms: number): string {
  const date = new Date(ms);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM` plus some months. */
export function addMonths(month: string, offset: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + offset;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
}
