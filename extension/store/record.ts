import { assessActivity, countPurchases, findFrameworkPhase, listAllowedStages, type ActivityAssessment, type FrameworkPhase } from '../../shared/ladder';
import type { Deal, Interaction, Organisation, Person, Stage, Task } from '../../shared/model';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/settings';
import { computeBaseValue, listImportantButDissatisfied, scoreCompleteness, type BaseValue, type Completeness } from '../../shared/value';
import type { ClipsheetDb } from './db';

/** Everything the 360-degree record shows [S8], each figure from the domain core's functions. */
export interface PersonRecord {
  person: Person;
  /** Their organisation: the one they are linked to, else the one named as their company. */
  organisation?: Organisation;
  /** Every interaction with the person, from every channel and rep, newest first. */
  timeline: Interaction[];
  openTasks: Task[];
  closedTasks: Task[];
  deals: Deal[];
  purchases: number;
  allowedStages: Stage[];
  phase?: FrameworkPhase;
  activity: ActivityAssessment;
  completeness: Completeness;
  value?: BaseValue;
  /** Important but dissatisfied [S4]: served first. */
  needsAttention: boolean;
}

/** Reads one person's record: a handful of indexed queries, however long their history. */
export async function loadPersonRecord(db: ClipsheetDb, personId: string, now: string, settings: Settings = DEFAULT_SETTINGS): Promise<PersonRecord | undefined> {
  const person = await db.people.get(personId);
  if (!person) return undefined;
  const [interactions, tasks, deals, organisation] = await Promise.all([
    db.interactions.where('personIds').equals(personId).toArray(),
    db.tasks.where('personId').equals(personId).toArray(),
    db.deals.where('personId').equals(personId).toArray(),
    // Linked by id, or (clipped and imported people are not linked) the organisation named as their company.
    person.organisationId ? db.organisations.get(person.organisationId) : person.company ? db.organisations.where('name').equals(person.company).first() : undefined,
  ]);
  const live = <T extends { deleted?: boolean }>(records: T[]) => records.filter((record) => !record.deleted);
  const timeline = live(interactions).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
  const liveTasks = live(tasks);
  const liveDeals = live(deals).sort((a, b) => (a.openedAt < b.openedAt ? 1 : -1));
  const purchases = countPurchases(liveDeals);
  const sales = liveDeals.filter((deal) => deal.kind === 'order' && deal.status === 'won');
  const value = computeBaseValue(sales);
  return {
    person,
    organisation: organisation && !organisation.deleted ? organisation : undefined,
    timeline,
    openTasks: liveTasks.filter((task) => task.status === 'open').sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1)),
    closedTasks: liveTasks.filter((task) => task.status !== 'open').sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1)),
    deals: liveDeals,
    purchases,
    allowedStages: listAllowedStages(person.stage, purchases),
    phase: findFrameworkPhase(person.stage),
    activity: assessActivity({ stage: person.stage, lastContactAt: person.lastContactAt, since: person.createdAt, now }, settings),
    completeness: scoreCompleteness(person),
    value: value.ok && sales.length ? value.value : undefined,
    needsAttention: listImportantButDissatisfied([{ id: person.id, importance: person.importance, satisfaction: person.satisfaction }], settings.attention).length > 0,
  };
}
