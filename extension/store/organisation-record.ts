import { normaliseCompanyName } from '../../shared/identity/name';
import { valueOf } from '../../shared/identity/problem';
import type { Deal, Interaction, Organisation, Person, Task } from '../../shared/model';
import type { ClipsheetDb } from './db';
import { searchPeople } from './search-people';

/** What the organisation's record shows: its details, its people, and one timeline of everyone's interactions. */
export interface OrganisationRecord {
  organisation: Organisation;
  /** Its live people, A-Z. */
  people: Person[];
  /** Interactions with the organisation or any of its people, from every channel and rep, newest first. */
  timeline: Interaction[];
  /** Orders and opportunities of the organisation or its people, newest first. */
  deals: Deal[];
  /** Open follow-ups with its people, soonest first. */
  openTasks: Task[];
}

const live = <T extends { deleted?: boolean }>(records: T[]) => records.filter((record) => !record.deleted);
const newestFirst = (a: string, b: string) => (a < b ? 1 : a > b ? -1 : 0);

const companyKey = (name: string | undefined) => (name ? valueOf(normaliseCompanyName(name)) : undefined);

/**
 * The organisation's people: those linked to it (organisationId), and those not linked to any organisation whose
 * company is its name (legal form and Persian letter variants aside), as clipped and imported people are. The
 * second are found through search's term index by the normalised name's words, then compared whole.
 */
async function peopleOf(db: ClipsheetDb, organisation: Organisation): Promise<Person[]> {
  const linked = await db.people.where('organisationId').equals(organisation.id).toArray();
  const key = companyKey(organisation.name);
  const candidates = key ? await searchPeople(db, key) : [];
  const known = new Set(linked.map((person) => person.id));
  const byCompany = (await db.people.bulkGet(candidates.filter((id) => !known.has(id)))).filter(
    (person): person is Person => !!person && !person.organisationId && companyKey(person.company) === key,
  );
  return live([...linked, ...byCompany]).sort((a, b) => a.fullName.localeCompare(b.fullName));
}

/**
 * Reads one organisation's record through the indexes: its people, then the interactions, deals and tasks of the
 * organisation and of those people. Organisations are read as the store holds them (their de-duplication is
 * save-organisation.ts's); a tombstone or unknown id gives undefined.
 */
export async function loadOrganisationRecord(db: ClipsheetDb, organisationId: string): Promise<OrganisationRecord | undefined> {
  const organisation = await db.organisations.get(organisationId);
  if (!organisation || organisation.deleted) return undefined;
  const people = await peopleOf(db, organisation);
  const ids = people.map((person) => person.id);
  const [byOrganisation, byPeople, dealsOfOrganisation, dealsOfPeople, tasks] = await Promise.all([
    db.interactions.where('organisationId').equals(organisationId).toArray(),
    ids.length ? db.interactions.where('personIds').anyOf(ids).toArray() : [],
    db.deals.where('organisationId').equals(organisationId).toArray(),
    ids.length ? db.deals.where('personId').anyOf(ids).toArray() : [],
    ids.length ? db.tasks.where('personId').anyOf(ids).toArray() : [],
  ]);
  const unique = <T extends { id: string }>(records: T[]) => [...new Map(records.map((record) => [record.id, record])).values()];
  return {
    organisation,
    people,
    timeline: live(unique([...byOrganisation, ...byPeople])).sort((a, b) => newestFirst(a.at, b.at)),
    deals: live(unique([...dealsOfOrganisation, ...dealsOfPeople])).sort((a, b) => newestFirst(a.openedAt, b.openedAt)),
    openTasks: live(tasks).filter((task) => task.status === 'open').sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0)),
  };
}
