import Papa from 'papaparse';
import { buildPersonIndex, domainOfEmail, foldText, mergePeople, normaliseEmail, valueOf } from '../../shared/identity';
import { transitionStage, isStage } from '../../shared/ladder';
import { ACQUISITION_SOURCES, Person, type ProvenanceEntry } from '../../shared/model';
import { queueForSync, type StoreContext } from './changes';
import type { ClipsheetDb } from './db';
import { shareEqualEntries } from './shared-provenance';

/** The person fields a CSV column can be mapped to. */
export const IMPORT_FIELDS = [
  'fullName',
  'givenName',
  'familyName',
  'title',
  'headline',
  'company',
  'emails',
  'phones',
  'linkedinUrl',
  'website',
  'location',
  'tags',
  'stage',
  'stageReason',
  'acquisitionSource',
  'owner',
  'notes',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
/** For each CSV column, the field it fills, or null to leave it out. */
export type ColumnMapping = Array<ImportField | null>;

export interface ParsedCsv {
  headers: string[];
  rows: string[][];
}

/** Reads CSV text (comma, semicolon or tab separated; a UTF-8 BOM is ignored); the first row is the header. */
export function parseCsv(text: string): ParsedCsv {
  const result = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [headers = [], ...rows] = result.data;
  return { headers: headers.map((header) => header.trim()), rows };
}

// Header names people use, folded (lower case, Persian letters unified, no spaces or punctuation).
const SYNONYMS: Record<ImportField, string[]> = {
  fullName: ['fullname', 'name', 'contact', 'contactname', 'person', 'نامونامخانوادگی', 'نامکامل', 'نام', 'مخاطب'],
  givenName: ['givenname', 'firstname', 'first', 'forename', 'نامکوچک'],
  familyName: ['familyname', 'lastname', 'last', 'surname', 'نامخانوادگی', 'فامیلی'],
  title: ['title', 'jobtitle', 'position', 'role', 'سمت', 'عنوانشغلی', 'شغل'],
  headline: ['headline'],
  company: ['company', 'organisation', 'organization', 'org', 'account', 'employer', 'companyname', 'شرکت', 'سازمان'],
  emails: ['emails', 'email', 'emailaddress', 'mail', 'ایمیل', 'پستالکترونیک', 'رایانامه'],
  phones: ['phones', 'phone', 'mobile', 'tel', 'telephone', 'phonenumber', 'cell', 'تلفن', 'موبایل', 'شمارهتماس', 'تلفنهمراه', 'همراه'],
  linkedinUrl: ['linkedin', 'linkedinurl', 'linkedinprofile', 'لینکدین'],
  website: ['website', 'web', 'url', 'site', 'وبسایت', 'سایت'],
  location: ['location', 'city', 'address', 'country', 'شهر', 'موقعیت', 'آدرس', 'نشانی'],
  tags: ['tags', 'tag', 'labels', 'label', 'برچسب', 'برچسبها'],
  stage: ['stage', 'status', 'lifecyclestage', 'مرحله', 'وضعیت'],
  stageReason: ['stagereason', 'reason', 'دلیل'],
  acquisitionSource: ['source', 'leadsource', 'منبع'],
  owner: ['owner', 'rep', 'accountowner', 'مسئول'],
  notes: ['notes', 'note', 'comments', 'comment', 'description', 'یادداشت', 'توضیحات'],
};
const foldHeader = (header: string) => foldText(header).replace(/[\s\p{P}\u200c]+/gu, '');

/** A first guess at which field each column fills, from its header; each field is used once. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const folded = foldHeader(header);
    const field = IMPORT_FIELDS.find((candidate) => !used.has(candidate) && SYNONYMS[candidate].includes(folded));
    if (field) used.add(field);
    return field ?? null;
  });
}

/** Why a row was rejected, merged or flagged; the side panel words it in the rep's language. */
export type ImportNote =
  | { code: 'no-name' }
  | { code: 'never-log'; domain: string }
  | { code: 'never-log-address'; address: string }
  | { code: 'invalid'; detail: string }
  | { code: 'same-key'; key: string }
  | { code: 'possible-duplicate'; names: string[] }
  | { code: 'bad-email'; value: string }
  | { code: 'stage-ignored'; value: string; detail: string };

export interface ImportRowOutcome {
  /** The line in the file (the header is line 1). */
  line: number;
  outcome: 'created' | 'merged' | 'rejected';
  name?: string;
  personId?: string;
  notes: ImportNote[];
}

export interface ImportReport {
  created: number;
  merged: number;
  rejected: number;
  /** Created, but a possible duplicate the rep should review. */
  flagged: number;
  /** Every row that was not simply created: rejected, merged, flagged or with a value left out. */
  details: ImportRowOutcome[];
}

export interface ImportOptions {
  /** Email domains and addresses never logged [S8] (the team's own, personal ones): such rows are rejected. */
  neverLogDomains?: readonly string[];
  neverLogAddresses?: readonly string[];
  onProgress?: (done: number, total: number) => void;
  /** Rows written per transaction. */
  chunkSize?: number;
}

// A cell our own export protected against formulas ('=...) comes back without its guard.
const unguard = (cell: string) => (/^'[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell);
const splitList = (cell: string, separators: RegExp) => cell.split(separators).map((item) => item.trim()).filter(Boolean);

/** One row as person fields, with the values left out and why. */
export function rowToFields(row: readonly string[], mapping: ColumnMapping): { fields: Record<string, unknown>; notes: ImportNote[] } {
  const fields: Record<string, unknown> = {};
  const notes: ImportNote[] = [];
  mapping.forEach((field, column) => {
    const cell = unguard((row[column] ?? '').trim());
    if (!field || !cell) return;
    if (field === 'emails') {
      const emails = (fields.emails as string[] | undefined) ?? [];
      for (const email of splitList(cell, /[;,\s]+/)) {
        if (normaliseEmail(email).ok) emails.push(email);
        else notes.push({ code: 'bad-email', value: email });
      }
      if (emails.length) fields.emails = emails;
    } else if (field === 'phones') fields.phones = splitList(cell, /[;,\n]+/);
    else if (field === 'tags') fields.tags = splitList(cell, /[;,،\n]+/);
    else if (field === 'acquisitionSource') {
      const source = cell.toLowerCase();
      fields.acquisitionSource = (ACQUISITION_SOURCES as readonly string[]).includes(source) ? source : 'other';
    } else fields[field] = cell;
  });
  if (!fields.fullName && (fields.givenName || fields.familyName)) fields.fullName = [fields.givenName, fields.familyName].filter(Boolean).join(' ');
  return { fields, notes };
}

// A stage from another CRM is kept when the ladder allows it for a contact without purchases; first-time and
// repeat customer are facts about orders, which a contact list does not carry.
function importedStage(fields: Record<string, unknown>, notes: ImportNote[]): { stage: string; stageReason?: string } {
  const raw = typeof fields.stage === 'string' ? fields.stage.toLowerCase() : '';
  if (!raw || raw === 'suspect' || raw === 'prospect') return { stage: raw || 'suspect' };
  if (!isStage(raw)) {
    notes.push({ code: 'stage-ignored', value: String(fields.stage), detail: 'not a stage' });
    return { stage: 'suspect' };
  }
  const reason = typeof fields.stageReason === 'string' ? fields.stageReason : undefined;
  const [code, ...rest] = (reason ?? '').split(':');
  const moved = transitionStage('prospect', raw, { purchases: 0, reason: code, note: rest.join(':') });
  if (moved.ok) return { stage: moved.stage, stageReason: moved.stageReason };
  notes.push({ code: 'stage-ignored', value: raw, detail: moved.error.message });
  return { stage: 'suspect' };
}

const emailKey = (email: string) => valueOf(normaliseEmail(email)) ?? email.trim().toLowerCase();
const neverLoggedDomain = (key: string, domains: readonly string[]) => {
  const domain = domainOfEmail(key);
  return domains.find((blocked) => domain === blocked || domain.endsWith(`.${blocked}`));
};

// Rows worked out between two looks at the event loop: IndexedDB's answers to the chunk being written wait for
// the import to let them in, and its transaction commits only once they have.
const ROWS_PER_TURN = 250;
const nextTurn = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });

/** People an import decided to write (created, or merged into), and how many rows were worked through. */
export interface ImportChunk {
  people: Person[];
  done: number;
}

/** What planImport needs besides the rows and the context: the never-log lists and the chunk size. */
export type PlanOptions = Omit<ImportOptions, 'onProgress'>;

/**
 * The import's decisions, without the database [S8]: each row becomes a person, de-duplicated with
 * shared/identity against the stored people and the rows before it. A row sharing an exact key (email, phone,
 * LinkedIn) with someone is merged into them (mergePeople, the other values kept in history); a fuzzy candidate
 * is created and flagged for the merge review; a row without a name, on the never-log list or refused by the
 * schema is rejected, with the reason. Yields the people to write a chunk at a time (and an empty chunk every
 * few hundred rows, the caller's turn) and returns the report; no I/O, so it runs in the page or in a worker
 * (import-worker.ts).
 */
export function* planImport(storedPeople: readonly Person[], rows: readonly string[][], mapping: ColumnMapping, context: StoreContext, options: PlanOptions = {}): Generator<ImportChunk, ImportReport> {
  const stored = storedPeople.filter((person) => !person.deleted);
  const current = new Map(stored.map((person) => [person.id, person]));
  const index = buildPersonIndex(stored);
  const report: ImportReport = { created: 0, merged: 0, rejected: 0, flagged: 0, details: [] };
  const provenance: ProvenanceEntry = { source: 'import', at: context.now, by: context.owner || undefined };
  const chunkSize = options.chunkSize ?? 2_500;
  const neverLog = (options.neverLogDomains ?? []).map((domain) => domain.toLowerCase());
  const neverLogAddresses = new Set((options.neverLogAddresses ?? []).map(emailKey));
  let dirty = new Map<string, Person>();

  for (let i = 0; i < rows.length; i++) {
    const line = i + 2;
    const { fields, notes } = rowToFields(rows[i]!, mapping);
    const name = typeof fields.fullName === 'string' ? fields.fullName : undefined;
    const reject = (note: ImportNote) => {
      report.rejected++;
      report.details.push({ line, outcome: 'rejected', name, notes: [...notes, note] });
    };
    const emails = (fields.emails as string[] | undefined) ?? [];
    const keys = neverLog.length || neverLogAddresses.size ? emails.map(emailKey) : [];
    const blocked = neverLog.length ? keys.map((key) => neverLoggedDomain(key, neverLog)).find(Boolean) : undefined;
    const blockedAddress = neverLogAddresses.size ? emails.find((_, k) => neverLogAddresses.has(keys[k]!)) : undefined;
    if (!name) reject({ code: 'no-name' });
    else if (blocked) reject({ code: 'never-log', domain: blocked });
    else if (blockedAddress) reject({ code: 'never-log-address', address: blockedAddress });
    else {
      const { stage, stageReason } = importedStage(fields, notes);
      delete fields.stage;
      delete fields.stageReason;
      const id = context.newId();
      const rowProvenance = Object.fromEntries(Object.keys(fields).map((key) => [key, provenance]));
      const parsed = Person.schema.safeParse({
        ...fields,
        id,
        revision: 0,
        createdAt: context.now,
        updatedAt: context.now,
        owner: (fields.owner as string | undefined) || context.owner,
        stage,
        stageReason,
        acquisitionSource: fields.acquisitionSource ?? 'other',
        provenance: rowProvenance,
      });
      if (!parsed.success) reject({ code: 'invalid', detail: parsed.error.issues.slice(0, 3).map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') });
      else {
        // Derived once: a new person is indexed by the same keys the row was matched by.
        const keys = index.keysOf(parsed.data);
        const match = index.match(parsed.data, keys);
        const existing = match.kind === 'exact' ? current.get(match.id) : undefined;
        if (match.kind === 'exact' && existing) {
          // What the row says, laid over the person it matched: a value the row leaves empty is no news. Stage and
          // owner stay as they are: a contact list neither moves anyone on the ladder nor hands them over.
          const { owner: _owner, ...news } = fields;
          const incoming = Person.schema.parse({ ...existing, ...news, id, createdAt: context.now, updatedAt: context.now, provenance: { ...existing.provenance, ...rowProvenance } });
          const merging = mergePeople(existing, incoming, { at: context.now });
          // The row merges into the person it matched, who keeps their id even when the row's (created this
          // instant, a tie mergePeople settles by id) would sort first; the row's id never existed anywhere.
          const merged = Person.schema.parse({
            ...merging,
            id: existing.id,
            createdAt: existing.createdAt,
            history: merging.history.filter((entry) => !(entry.field === 'id' && (entry.value === id || entry.value === existing.id))),
          });
          current.set(merged.id, merged);
          dirty.set(merged.id, merged);
          index.add(merged);
          report.merged++;
          report.details.push({ line, outcome: 'merged', name, personId: merged.id, notes: [...notes, { code: 'same-key', key: match.key }] });
        } else {
          // As the store will hold it (shared-provenance.ts): the chunk crosses from the worker to the page as
          // fewer objects, which the page then clones and collects fewer of.
          const person = shareEqualEntries(parsed.data);
          current.set(id, person);
          dirty.set(id, person);
          index.add(person, keys);
          report.created++;
          if (match.kind === 'candidates') {
            report.flagged++;
            notes.push({ code: 'possible-duplicate', names: match.ids.slice(0, 3).map((other) => current.get(other)?.fullName ?? other) });
          }
          if (notes.length) report.details.push({ line, outcome: 'created', name, personId: id, notes });
        }
      }
    }
    if (dirty.size >= chunkSize || (i + 1) % ROWS_PER_TURN === 0) {
      const people = dirty.size >= chunkSize ? [...dirty.values()] : [];
      if (people.length) dirty = new Map();
      yield { people, done: i + 1 };
    }
  }
  if (dirty.size) yield { people: [...dirty.values()], done: rows.length };
  return report;
}

/**
 * Writes an import's chunks as they come: each chunk's people and their one outbox entry in one transaction (a
 * crash loses whole chunks, never a person's entry). IndexedDB does its part in the browser process, so writing
 * overlaps working out the next chunks: the next transaction is opened before the last commits, IndexedDB runs
 * them in the order they were opened, and at most two are in flight.
 */
export async function writeImportChunks(db: ClipsheetDb, chunks: AsyncIterable<ImportChunk> | Iterable<ImportChunk>, context: Pick<StoreContext, 'newId' | 'now'>, onProgress?: (done: number) => void): Promise<void> {
  const writing: Array<Promise<void>> = [];
  for await (const { people, done } of chunks) {
    if (people.length) {
      const written = db.transaction('rw', db.people, db.outbox, async () => {
        await db.people.bulkPut(people);
        await queueForSync(db, 'person', people.map((person) => person.id), context);
      });
      written.catch(() => undefined); // awaited below; a failure is thrown from there
      writing.push(written);
      onProgress?.(done);
    } else if (writing.length) await nextTurn();
    while (writing.length > 1) await writing.shift();
  }
  for (const written of writing) await written;
}

/** Imports people from CSV rows in this thread: planImport's decisions, written by writeImportChunks. */
export async function importPeople(db: ClipsheetDb, rows: readonly string[][], mapping: ColumnMapping, context: StoreContext, options: ImportOptions = {}): Promise<ImportReport> {
  const plan = planImport(await db.people.toArray(), rows, mapping, context, options);
  let report: ImportReport | undefined;
  // The plan's chunks, keeping the report it returns at the end.
  function* chunks(): Generator<ImportChunk> {
    for (let step = plan.next(); ; step = plan.next()) {
      if (step.done) return void (report = step.value);
      yield step.value;
    }
  }
  await writeImportChunks(db, chunks(), context, (done) => options.onProgress?.(done, rows.length));
  options.onProgress?.(rows.length, rows.length);
  return report!;
}
