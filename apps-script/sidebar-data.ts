import { assessActivity, countPurchases, findFrameworkPhase, listAllowedStages } from '../shared/ladder';
import type { PersonLike } from '../shared/identity';
import { Deal, Interaction, Person, Task, type Entity } from '../shared/model';
import { scoreCompleteness } from '../shared/value';
import { ARCHIVE_SHEET_LABEL, findArchivedInteractions } from './archive';
import { findDuplicatesOf } from './duplicates';
import { entityOfSheet } from './layout';
import { readSettings } from './settings-sheet';
import type { DuplicateProposal, PersonSummary, SidebarView, TimelineItem } from './sidebar/contract';
import { Table } from './table';

const TIMELINE_LIMIT = 200;
/** Archived interactions the timeline shows, the newest: each block of them found apart is one more read. */
const ARCHIVED_LIMIT = 20;

/**
 * A table's valid records among the rows `keep` selects on their raw values: the schema (costly on 50,000
 * rows) only runs on the few rows the sidebar shows; rows it refuses are left to the data-quality check.
 */
function records<T>(rows: ReturnType<Table['rows']>, entity: Entity, keep: (values: Record<string, unknown>) => boolean): Array<{ row: number; record: T }> {
  return rows.flatMap(({ row, values }) => {
    if (!keep(values)) return [];
    const parsed = entity.schema.safeParse(values);
    return parsed.success && !parsed.data.deleted ? [{ row, record: parsed.data as T }] : [];
  });
}

const rowsOf = (spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, entity: Entity) => Table.open(spreadsheet, entity)?.rows() ?? [];

/** The person the cursor is on: their Customers row, or the person an interaction, deal or task is about. */
function personIdAtCursor(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, people: Table): string | undefined {
  const sheet = spreadsheet.getActiveSheet();
  const row = spreadsheet.getActiveRange()?.getRow() ?? 0;
  const entity = entityOfSheet(sheet.getName());
  if (!entity || row < 2) return undefined;
  const values = entity === Person ? people.valuesAt(row) : Table.open(spreadsheet, entity)?.valuesAt(row);
  if (!values) return undefined;
  if (entity === Person) return typeof values.id === 'string' ? values.id : undefined;
  const ids = Array.isArray(values.personIds) ? values.personIds : [values.personId];
  return ids.find((id): id is string => typeof id === 'string' && id !== '');
}

/** The sidebar's view of the current row: the person, their 360-degree timeline and possible duplicates. */
export function loadSidebarView(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, now: string): SidebarView {
  const peopleTable = Table.open(spreadsheet, Person);
  if (!peopleTable) return { kind: 'empty', message: 'Run Clipsheet > Set up spreadsheet first.' };
  const id = personIdAtCursor(spreadsheet, peopleTable);
  if (!id) return { kind: 'empty', message: 'Select a row in Customers (or an interaction, deal or task) to see the person here.' };
  const people = peopleTable.rows();
  const found = records<Person>(people, Person, (values) => values.id === id)[0];
  if (!found) return { kind: 'empty', message: 'This row has no readable person yet: fill in Full name and Stage, or check the data quality.' };
  const person = found.record;

  const naming = (v: Record<string, unknown>) => Array.isArray(v.personIds) && v.personIds.includes(id);
  const interactions = records<Interaction>(rowsOf(spreadsheet, Interaction), Interaction, naming);
  const history = findArchivedInteractions(id, ARCHIVED_LIMIT);
  const archivedInteractions = history && 'rows' in history ? records<Interaction>(history.rows, Interaction, naming) : [];
  const deals = records<Deal>(rowsOf(spreadsheet, Deal), Deal, (v) => v.personId === id);
  const tasks = records<Task>(rowsOf(spreadsheet, Task), Task, (v) => v.personId === id);
  const interactionItem = (sheet: string) => ({ row, record: i }: { row: number; record: Interaction }): TimelineItem => ({ kind: 'interaction', id: i.id, at: i.at, title: `${i.type}${i.direction ? ` (${i.direction})` : ''}${i.subject ? `: ${i.subject}` : ''}`, detail: [i.summary, i.outcome, i.experience && `experience: ${i.experience}`].filter(Boolean).join(' — ') || undefined, sheet, row });
  const timeline: TimelineItem[] = [
    ...interactions.map(interactionItem(Interaction.sheet)),
    ...archivedInteractions.map(interactionItem(ARCHIVE_SHEET_LABEL)),
    ...deals.map(({ row, record: d }): TimelineItem => ({ kind: 'deal', id: d.id, at: d.closedAt ?? d.openedAt, title: `${d.kind} ${d.status}: ${d.product ?? ''} ${d.value}${d.currency ? ` ${d.currency}` : ''}`.replace(/\s+/g, ' '), detail: d.reason, sheet: Deal.sheet, row })),
    ...tasks.map(({ row, record: t }): TimelineItem => ({ kind: 'task', id: t.id, at: t.dueAt, title: `task (${t.status}): ${t.title}`, detail: t.automatic, sheet: Task.sheet, row })),
  ]
    .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, TIMELINE_LIMIT);

  // The matcher reads names, emails, phones, profiles and companies as the cells hold them; no schema needed.
  const byRow = new Map(people.map((p) => [p.values.id, p]));
  const others = people.filter((p) => typeof p.values.id === 'string').map((p) => p.values as PersonLike & { id: string });
  const duplicates: DuplicateProposal[] = findDuplicatesOf(person, others).flatMap((d) => {
    const other = byRow.get(d.id)?.values;
    if (!other) return [];
    const emails = Array.isArray(other.emails) ? other.emails.map(String) : [];
    return [{ id: d.id, row: byRow.get(d.id)!.row, fullName: String(other.fullName ?? ''), company: typeof other.company === 'string' ? other.company : undefined, emails, strength: d.strength, why: d.why }];
  });

  const { settings } = readSettings(spreadsheet);
  const purchases = countPurchases(deals.map((d) => d.record));
  const activity = assessActivity({ stage: person.stage, lastContactAt: person.lastContactAt, since: person.createdAt, now }, settings);
  const summary: PersonSummary = {
    id,
    row: found.row,
    fullName: person.fullName,
    title: person.title,
    company: person.company,
    emails: person.emails,
    phones: person.phones,
    owner: person.owner,
    stage: person.stage,
    stageReason: person.stageReason,
    phase: findFrameworkPhase(person.stage),
    level: person.level,
    allowedStages: listAllowedStages(person.stage, purchases),
    purchases,
    activity: { status: activity.status, daysSinceContact: activity.daysSinceContact },
    completeness: scoreCompleteness(person),
  };
  const archived = history && ('rows' in history ? { url: history.url, interactions: history.interactions, shown: timeline.filter((t) => t.sheet === ARCHIVE_SHEET_LABEL).length } : history);
  return { kind: 'person', person: summary, timeline, ...(archived ? { archived } : {}), duplicates };
}
