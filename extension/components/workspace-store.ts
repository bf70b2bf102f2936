import { createContext } from 'preact';
import { useContext, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import type { Recurrence } from '../../shared/levels';
import type { EntityName, Person, Stage } from '../../shared/model';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { TransitionResult } from '../../shared/ladder';
import type { StoreContext as ChangeContext } from '../store/changes';
import type { ClipsheetDb } from '../store/db';
import { addOrder, closeOpportunity, openOpportunity, type OrderInput } from '../store/deals';
import { exportPeopleCsv, exportPeopleVCard } from '../store/export';
import { guessMapping, importPeople, parseCsv, type ColumnMapping, type ImportField, type ImportReport } from '../store/import-csv';
import { deleteInteraction, logInteraction, updateInteraction, type InteractionEdits, type InteractionWrite, type LogInput, type LogResult } from '../store/interactions';
import { dismissProposal, findMergeProposals, mergeProposal, type MergeProposal } from '../store/merge';
import { NotesIndex } from '../store/notes-index';
import { createPerson, deletePerson, moveStage, updatePerson, type PersonEdits, type PersonWrite } from '../store/people';
import { forecastPerson, type Forecast } from '../store/forecast';
import { loadOrganisationRecord, type OrganisationRecord } from '../store/organisation-record';
import { loadPersonRecord, type PersonRecord } from '../store/record';
import { SEARCH_KEYS } from '../store/search-keys';
import { OrganisationSearch, type OrganisationHit } from '../store/search-organisations';
import { countPeople, searchFirstPage, searchPeople } from '../store/search-people';
import { addTask, cancelTask, completeTask, listFollowUps, planAutomaticTasks, snoozeTask, type FollowUps } from '../store/tasks';
import type { Platform, SyncSummary, WorkspaceSettings } from './platform';

export const TABS = ['contacts', 'today', 'duplicates', 'transfer'] as const;
export type Tab = (typeof TABS)[number];

export interface ImportDraft {
  fileName: string;
  headers: string[];
  rows: string[][];
  mapping: ColumnMapping;
}

export interface Notice {
  kind: 'info' | 'error';
  text: string;
  /** A counter, so the same words announced twice are announced again. */
  id: number;
}

export interface WorkspaceState {
  ready: boolean;
  settings: WorkspaceSettings;
  sync?: SyncSummary;
  tab: Tab;
  query: string;
  /** Matching person ids in display order, for the query in `resultsFor`. */
  results: string[];
  resultsFor: string;
  /** Ids found through notes or interactions only (shown with a hint). */
  noteHits: ReadonlySet<string>;
  /** Organisations the query finds, listed above the people. */
  organisationResults: OrganisationHit[];
  total: number;
  /** The keyboard's row in the whole list: the organisations found, then the people. */
  activeIndex: number;
  /** Bumped when rows were fetched into the cache, so visible rows re-render. */
  rowsVersion: number;
  openPersonId?: string;
  /** The organisation shown, or the one a person was opened from (Back returns to it). */
  openOrganisationId?: string;
  organisationRecord?: OrganisationRecord;
  organisationMissing?: boolean;
  creating: boolean;
  record?: PersonRecord;
  recordMissing?: boolean;
  /** The open person's forecast: it follows the record, as fitting can take a moment on a large team. */
  forecast?: Forecast;
  followUps?: FollowUps;
  /** Names of the people the follow-ups are about. */
  followUpPeople: Readonly<Record<string, string>>;
  proposals?: MergeProposal[];
  reviewing?: string;
  importDraft?: ImportDraft;
  importProgress?: { done: number; total: number };
  importReport?: ImportReport;
  notice?: Notice;
  /** Whether full-text search over notes and interactions is ready (it is built after the panel opens). */
  notesReady: boolean;
}

export interface WorkspaceDeps {
  db: ClipsheetDb;
  platform: Platform;
  /** The clock; tests give a fixed one. */
  clock?: () => Date;
  newId?: () => string;
  /** How an import runs: in this thread (tests), or with its planning in a worker (the side panel). */
  importer?: typeof importPeople;
}

const FIRST_PAGE = 60;
// Organisations shown above the people for a query: the few a rep looks for by name.
const ORGANISATION_HITS = 5;
const FULL_LIST_DELAY_MS = 120;
const NOTES_INDEX_DELAY_MS = 1_000;
const DAY_MS = 86_400_000;

export const DEFAULT_WORKSPACE_SETTINGS: WorkspaceSettings = { language: 'en', repEmail: '', repName: '', rules: DEFAULT_SETTINGS, neverLog: { domains: [], addresses: [] } };

/**
 * The side panel's state and everything a rep can do, over the local database. Views read state through
 * `useWorkspace` and call these actions; nothing here touches chrome.* (the platform does), so tests build one
 * on fake-indexeddb with an in-memory platform.
 */
export function createWorkspaceStore(deps: WorkspaceDeps) {
  const { db, platform } = deps;
  const clock = deps.clock ?? (() => new Date());
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const notes = new NotesIndex(db);
  const organisations = new OrganisationSearch(db);
  const rows = new Map<string, Person>();
  const listeners = new Set<() => void>();
  let state: WorkspaceState = {
    ready: false,
    settings: DEFAULT_WORKSPACE_SETTINGS,
    tab: 'contacts',
    query: '',
    results: [],
    resultsFor: '',
    noteHits: new Set(),
    organisationResults: [],
    total: 0,
    activeIndex: 0,
    rowsVersion: 0,
    creating: false,
    followUpPeople: {},
    notesReady: false,
  };
  let searchSeq = 0;
  let fullListTimer: ReturnType<typeof setTimeout> | undefined;
  let noticeId = 0;
  const cleanups: Array<() => void> = [];

  const set = (patch: Partial<WorkspaceState>) => {
    state = { ...state, ...patch };
    for (const listener of listeners) listener();
  };
  const context = (): ChangeContext => ({ owner: state.settings.repEmail, now: clock().toISOString(), newId });
  const notify = (kind: Notice['kind'], text: string) => set({ notice: { kind, text, id: ++noticeId } });

  async function ensureRows(ids: readonly string[]): Promise<void> {
    const missing = ids.filter((id) => !rows.has(id));
    if (!missing.length) return;
    const people = await db.people.bulkGet(missing);
    people.forEach((person, i) => person && rows.set(missing[i]!, person));
    set({ rowsVersion: state.rowsVersion + 1 });
  }

  async function search(query: string): Promise<void> {
    const seq = ++searchSeq;
    clearTimeout(fullListTimer);
    state = { ...state, query };
    // What a keystroke waits for: the first screenful from the indexes, in one read transaction.
    const page = await searchFirstPage(db, query, FIRST_PAGE);
    if (seq !== searchSeq) return;
    for (const person of page) rows.set(person.id, person);
    const first = page.map((person) => person.id);
    set({ query, results: first, resultsFor: query, noteHits: new Set(), organisationResults: organisations.find(query, ORGANISATION_HITS), activeIndex: 0 });
    // Then, once typing pauses: matches in notes and interactions (full text needs a few letters: one or two
    // would match most notes and say nothing), and the rest of a long list for scrolling.
    fullListTimer = setTimeout(async () => {
      const all = first.length < FIRST_PAGE ? first : await searchPeople(db, query);
      if (seq !== searchSeq) return;
      const seen = new Set(all);
      const fromNotes = query.trim().length >= 3 ? notes.search(query).filter((id) => !seen.has(id)) : [];
      if (fromNotes.length) await ensureRows(fromNotes.slice(0, 30));
      if (seq !== searchSeq || (all === first && !fromNotes.length)) return;
      set({ results: [...all, ...fromNotes], noteHits: new Set(fromNotes) });
    }, FULL_LIST_DELAY_MS);
  }

  async function refreshAfterChange(entities: EntityName[], personIds: Array<string | undefined> = []) {
    platform.changed(entities);
    for (const id of personIds) {
      if (!id) continue;
      rows.delete(id);
      void notes.refreshPerson(id);
    }
    const work: Array<Promise<unknown>> = [];
    if (state.openPersonId) work.push(reloadRecord());
    if (state.openOrganisationId) work.push(reloadOrganisation());
    if (state.followUps || entities.includes('task')) work.push(loadToday());
    if (entities.includes('person')) work.push(countPeople(db).then((total) => set({ total })), search(state.query));
    await Promise.all(work);
    set({ rowsVersion: state.rowsVersion + 1 });
  }

  async function reloadRecord(): Promise<void> {
    const id = state.openPersonId;
    if (!id) return;
    const now = clock().toISOString();
    const record = await loadPersonRecord(db, id, now, state.settings.rules);
    if (state.openPersonId !== id) return;
    set({ record: record && !record.person.deleted ? record : undefined, recordMissing: !record || record.person.deleted });
    if (!record || record.person.deleted) return;
    // Not awaited: the record is shown at once and the forecast joins it when the fit is done.
    void forecastPerson(db, id, now, state.settings.rules.discountRatePerYear).then(
      (forecast) => state.openPersonId === id && set({ forecast }),
      (error: unknown) => {
        console.error('forecast failed', error); // the panel says only that it failed; the detail is for a developer
        if (state.openPersonId === id) set({ forecast: { kind: 'unavailable', reason: { code: 'failed' } } });
      },
    );
  }

  async function reloadOrganisation(): Promise<void> {
    const id = state.openOrganisationId;
    if (!id) return;
    const record = await loadOrganisationRecord(db, id);
    if (state.openOrganisationId !== id) return;
    set({ organisationRecord: record, organisationMissing: !record });
  }

  function todayWindow() {
    const now = clock();
    const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
    const end = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
    const until = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 8);
    return { startOfToday: start.toISOString(), endOfToday: end.toISOString(), upcomingUntil: until.toISOString() };
  }

  async function loadToday(): Promise<void> {
    const followUps = await listFollowUps(db, todayWindow());
    const ids = [...new Set([...followUps.overdue, ...followUps.today, ...followUps.upcoming].map((task) => task.personId).filter((id): id is string => !!id))];
    const people = await db.people.bulkGet(ids);
    const followUpPeople = Object.fromEntries(people.filter((person): person is Person => !!person).map((person) => [person.id, person.fullName]));
    set({ followUps, followUpPeople });
  }

  const store = {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** A cached person row for the list, if fetched. */
    row: (id: string) => rows.get(id),
    ensureRows,

    async init(): Promise<void> {
      const settings = await platform.loadSettings();
      set({ settings });
      cleanups.push(
        platform.watchSettings((next) => {
          set({ settings: next });
          void reloadRecord();
        }),
        platform.watchSync((sync) => set({ sync })),
      );
      // Organisations change elsewhere too (a capture, a sync): the list follows them.
      await organisations.start(() => state.query && set({ organisationResults: organisations.find(state.query, ORGANISATION_HITS) }));
      cleanups.push(() => organisations.stop());
      await search('');
      set({ ready: true });
      set({ total: await countPeople(db) });
      // Work that can wait: the level's automatic tasks, then the today list, then full text over notes.
      const planned = await planAutomaticTasks(db, context(), settings.rules);
      if (planned.length) platform.changed(['task', 'person']);
      await loadToday();
      await new Promise((resolve) => setTimeout(resolve, NOTES_INDEX_DELAY_MS));
      void notes.build().then(() => {
        set({ notesReady: true });
        return state.query ? search(state.query) : undefined;
      });
    },
    dispose() {
      clearTimeout(fullListTimer);
      cleanups.splice(0).forEach((cleanup) => cleanup());
    },

    setTab(tab: Tab) {
      set({ tab });
      if (tab === 'today') void loadToday();
      if (tab === 'duplicates' && !state.proposals) void store.loadProposals();
    },
    async setLanguage(language: WorkspaceSettings['language']) {
      set({ settings: { ...state.settings, language } });
      await platform.saveSettings({ language });
    },

    search,
    moveActive(delta: number) {
      const last = state.organisationResults.length + state.results.length - 1;
      if (last < 0) return;
      set({ activeIndex: Math.max(0, Math.min(last, state.activeIndex + delta)) });
    },
    setActive(index: number) {
      set({ activeIndex: index });
    },
    /** Opens the keyboard's row: an organisation's record, or a person's. */
    openActive() {
      const organisation = state.organisationResults[state.activeIndex];
      if (organisation) return void store.openOrganisation(organisation.id);
      const id = state.results[state.activeIndex - state.organisationResults.length];
      if (id) void store.openPerson(id);
    },

    /** Opens a person's record; from an organisation's record, Back returns to the organisation. */
    async openPerson(personId: string, options: { fromOrganisation?: boolean } = {}) {
      const organisation = options.fromOrganisation ? {} : { openOrganisationId: undefined, organisationRecord: undefined, organisationMissing: false };
      set({ tab: 'contacts', openPersonId: personId, record: undefined, recordMissing: false, forecast: undefined, creating: false, ...organisation });
      await reloadRecord();
    },
    closePerson() {
      set({ openPersonId: undefined, record: undefined, recordMissing: false });
      if (state.openOrganisationId) void reloadOrganisation();
    },
    async openOrganisation(organisationId: string) {
      set({ tab: 'contacts', openPersonId: undefined, record: undefined, creating: false, openOrganisationId: organisationId, organisationRecord: undefined, organisationMissing: false });
      await reloadOrganisation();
    },
    closeOrganisation() {
      set({ openOrganisationId: undefined, organisationRecord: undefined, organisationMissing: false });
    },
    startCreating() {
      set({ tab: 'contacts', creating: true, openPersonId: undefined, record: undefined });
    },
    stopCreating() {
      set({ creating: false });
    },

    async createPerson(fields: PersonEdits): Promise<PersonWrite> {
      const result = await createPerson(db, fields, context());
      if (result.ok) {
        set({ creating: false });
        await refreshAfterChange(['person'], [result.person.id]);
        await store.openPerson(result.person.id);
      }
      return result;
    },
    async updatePerson(personId: string, edits: PersonEdits): Promise<PersonWrite> {
      const result = await updatePerson(db, personId, edits, context());
      if (result.ok) {
        await refreshAfterChange(['person'], [personId]);
        if (edits.level !== undefined) {
          const planned = await planAutomaticTasks(db, context(), state.settings.rules, [personId]);
          if (planned.length) await refreshAfterChange(['task', 'person'], [personId]);
        }
      }
      return result;
    },
    async deletePerson(personId: string): Promise<PersonWrite> {
      const result = await deletePerson(db, personId, context());
      if (result.ok) {
        if (state.openPersonId === personId) store.closePerson();
        await refreshAfterChange(['person', 'task'], [personId]);
      }
      return result;
    },
    async moveStage(personId: string, to: Stage, why: { reason?: string; note?: string }): Promise<TransitionResult> {
      const result = await moveStage(db, personId, to, why, context());
      if (result.ok) await refreshAfterChange(['person'], [personId]);
      return result;
    },
    async logInteraction(input: LogInput): Promise<LogResult> {
      const result = await logInteraction(db, input, context());
      if (result.ok) await refreshAfterChange(result.task ? ['interaction', 'person', 'task'] : ['interaction', 'person'], [input.personId]);
      return result;
    },
    async updateInteraction(interactionId: string, edits: InteractionEdits): Promise<InteractionWrite> {
      const result = await updateInteraction(db, interactionId, edits, context());
      if (result.ok) await refreshAfterChange(['interaction', 'person'], result.interaction.personIds);
      return result;
    },
    async deleteInteraction(interactionId: string): Promise<InteractionWrite> {
      const result = await deleteInteraction(db, interactionId, context());
      if (result.ok) await refreshAfterChange(['interaction', 'person'], result.interaction.personIds);
      return result;
    },
    async addTask(input: { personId?: string; title: string; dueAt: string; recurrence?: Recurrence }) {
      const task = await addTask(db, input, context());
      await refreshAfterChange(['task', 'person'], [input.personId]);
      return task;
    },
    async completeTask(taskId: string) {
      const result = await completeTask(db, taskId, context());
      await refreshAfterChange(['task', 'person'], [result.done?.personId]);
      return result;
    },
    async snoozeTask(taskId: string, days: number) {
      const task = await db.tasks.get(taskId);
      if (!task) return;
      // From now when it is overdue, else from its due time: "+1 day" never lands in the past.
      const from = Math.max(Date.parse(task.dueAt), clock().getTime());
      await snoozeTask(db, taskId, new Date(from + days * DAY_MS).toISOString(), context());
      await refreshAfterChange(['task', 'person'], [task.personId]);
    },
    async cancelTask(taskId: string) {
      const task = await cancelTask(db, taskId, context());
      await refreshAfterChange(['task', 'person'], [task?.personId]);
    },
    async addOrder(input: OrderInput) {
      const result = await addOrder(db, input, context());
      if (result.ok) {
        await planAutomaticTasks(db, context(), state.settings.rules, [input.personId]);
        await refreshAfterChange(['deal', 'person', 'task'], [input.personId]);
      }
      return result;
    },
    async openOpportunity(input: Omit<OrderInput, 'costToServe'>) {
      const result = await openOpportunity(db, input, context());
      if (result.ok) await refreshAfterChange(['deal'], [input.personId]);
      return result;
    },
    async closeOpportunity(dealId: string, outcome: { status: 'won' | 'lost'; reason: string; competitor?: string }) {
      const result = await closeOpportunity(db, dealId, outcome, context());
      if (result.ok) {
        if (outcome.status === 'won') await planAutomaticTasks(db, context(), state.settings.rules, [result.person.id]);
        await refreshAfterChange(['deal', 'person', 'task'], [result.person.id]);
      }
      return result;
    },

    loadToday,

    async loadProposals() {
      set({ proposals: undefined, reviewing: undefined });
      set({ proposals: await findMergeProposals(db, { limit: 500 }) });
    },
    review(pair: string | undefined) {
      set({ reviewing: pair });
    },
    async mergeProposal(proposal: MergeProposal) {
      const merged = await mergeProposal(db, proposal, context());
      set({ proposals: state.proposals?.filter((p) => p.a.id !== proposal.a.id && p.b.id !== proposal.b.id && p.a.id !== proposal.b.id && p.b.id !== proposal.a.id), reviewing: undefined });
      await refreshAfterChange(proposal.entity === 'person' ? ['person', 'interaction', 'task', 'deal'] : ['organisation', 'person', 'interaction', 'deal'], [proposal.a.id, proposal.b.id]);
      return merged;
    },
    async dismissProposal(proposal: MergeProposal) {
      await dismissProposal(db, proposal.a.id, proposal.b.id, clock().toISOString());
      set({ proposals: state.proposals?.filter((p) => p.pair !== proposal.pair), reviewing: undefined });
    },

    previewImport(fileName: string, text: string): boolean {
      const { headers, rows: data } = parseCsv(text);
      if (!headers.length) return false;
      set({ importDraft: { fileName, headers, rows: data, mapping: guessMapping(headers) }, importReport: undefined, importProgress: undefined });
      return true;
    },
    setImportMapping(column: number, field: ImportField | null) {
      const draft = state.importDraft;
      if (!draft) return;
      const mapping = draft.mapping.map((current, i) => (i === column ? field : field !== null && current === field ? null : current));
      set({ importDraft: { ...draft, mapping } });
    },
    resetImport() {
      set({ importDraft: undefined, importReport: undefined, importProgress: undefined });
    },
    async runImport(): Promise<ImportReport | undefined> {
      const draft = state.importDraft;
      if (!draft) return undefined;
      set({ importProgress: { done: 0, total: draft.rows.length } });
      const report = await (deps.importer ?? importPeople)(db, draft.rows, draft.mapping, context(), {
        neverLogDomains: [...state.settings.rules.neverLogDomains, ...state.settings.neverLog.domains],
        neverLogAddresses: state.settings.neverLog.addresses,
        onProgress: (done, total) => set({ importProgress: { done, total } }),
      });
      rows.clear();
      // The imported notes become searchable as the index catches up.
      set({ notesReady: false });
      void notes.build().then(() => set({ notesReady: true }));
      set({ importReport: report, importDraft: undefined, importProgress: undefined, proposals: undefined });
      await refreshAfterChange(['person']);
      return report;
    },
    async exportPeople(format: 'csv' | 'vcard'): Promise<number> {
      const people = await db.people.orderBy(`${SEARCH_KEYS}.name`).toArray();
      const stamp = clock().toISOString().slice(0, 10);
      if (format === 'csv') platform.download(`clipsheet-contacts-${stamp}.csv`, 'text/csv;charset=utf-8', exportPeopleCsv(people));
      else platform.download(`clipsheet-contacts-${stamp}.vcf`, 'text/vcard;charset=utf-8', exportPeopleVCard(people));
      return people.length;
    },

    notify,
    /** Clears the notice, if it is still the one given. */
    clearNotice(id: number) {
      if (state.notice?.id === id) set({ notice: undefined });
    },
  };
  return store;
}

export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;

export const StoreContext = createContext<WorkspaceStore | null>(null);

/** The store the nearest provider gives. */
export function useStore(): WorkspaceStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('No workspace store: render inside <StoreContext.Provider>.');
  return store;
}

/** A slice of the workspace state; the component re-renders when that slice changes. */
export function useWorkspace<T>(select: (state: WorkspaceState) => T): T {
  const store = useStore();
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const selectRef = useRef(select);
  selectRef.current = select;
  const selected = select(store.getState());
  const last = useRef(selected);
  last.current = selected;
  useLayoutEffect(() => {
    const check = () => {
      if (!Object.is(selectRef.current(store.getState()), last.current)) rerender(0);
    };
    const unsubscribe = store.subscribe(check);
    check(); // a change between this render and the subscription is not missed
    return unsubscribe;
  }, [store]);
  return selected;
}
