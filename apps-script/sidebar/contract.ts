/**
 * What the sidebar and the server say to each other through google.script.run. Plain types only: this file
 * is read by the server (Apps Script) and by the sidebar (the browser), so it imports nothing.
 */

/** One entry of the person's timeline. */
export interface TimelineItem {
  kind: 'interaction' | 'deal' | 'task';
  id: string;
  /** ISO time the item happened or is due. */
  at: string;
  title: string;
  detail?: string;
  /** The sheet row, to jump to it. */
  sheet: string;
  row: number;
}

/** The person's interactions in the archive spreadsheet: how many, how many the timeline shows, and where. */
export type ArchivedSummary = { url: string; interactions: number; shown: number } | { url: string; problem: string };

/** Another row that may be the same person. */
export interface DuplicateProposal {
  id: string;
  row: number;
  fullName: string;
  company?: string;
  emails: string[];
  strength: 'exact' | 'possible';
  /** The key or rule that matched, in the identity core's words. */
  why: string;
}

/** The person as the sidebar shows them, with the domain's assessments. */
export interface PersonSummary {
  id: string;
  row: number;
  fullName: string;
  title?: string;
  company?: string;
  emails: string[];
  phones: string[];
  owner: string;
  stage: string;
  stageReason?: string;
  /** The CRM framework phase of the stage (identify, acquire, retain, develop). */
  phase?: string;
  level?: string;
  /** Stages a move is allowed to, given won orders. */
  allowedStages: string[];
  purchases: number;
  activity: { status: string; daysSinceContact?: number };
  completeness: { score: number; missing: string[] };
}

/** What the sidebar shows: a person, or a sentence saying what to select. */
export type SidebarView =
  | { kind: 'empty'; message: string }
  | { kind: 'person'; person: PersonSummary; timeline: TimelineItem[]; archived?: ArchivedSummary; duplicates: DuplicateProposal[] };

/** A stage move's answer: the new view, or why the ladder refused it. */
export type StageChangeResult = { ok: true; view: SidebarView } | { ok: false; message: string };

/** The server functions the sidebar calls: each is a top-level function of Code.js with this name. */
export interface SidebarApi {
  sidebarLoad(): SidebarView;
  sidebarSetStage(personId: string, stage: string, reason: string, note: string): StageChangeResult;
}

/** The names of SidebarApi's functions, for the typed client and for the test that they exist in Code.js. */
export const SIDEBAR_FUNCTIONS = ['sidebarLoad', 'sidebarSetStage'] as const satisfies ReadonlyArray<keyof SidebarApi>;
