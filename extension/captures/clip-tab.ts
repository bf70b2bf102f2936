import { browser } from '#imports';
import type { Capture } from '../../shared/capture/capture';
import { parseSettings } from '../../shared/settings';
import { localRules, repEmail } from '../settings';
import type { ClipsheetDb } from '../store/db';
import { neverLogList } from '../store/never-log';
import { saveCapture, type SaveSummary } from '../store/save-capture';
import type { ThreadContext } from '../store/save-thread';
import { extractSelection } from './selection';

/** What clipping a tab needs from the background: its database and the save context of this moment. */
export interface ClipDeps {
  db: ClipsheetDb;
  newId: () => string;
}

/**
 * Clips a tab as the toolbar button, the keyboard shortcut and the context menu do. Pages other than LinkedIn
 * and Gmail are reached through `activeTab` (granted by that click or key), by injecting the extractor
 * bundle (/clip.js) for that one page: no host permission, and nothing runs on pages the rep did not clip.
 */
export async function clipTab(deps: ClipDeps, tabId: number, selection = false): Promise<SaveSummary> {
  const capture = selection ? await readSelection(tabId) : await readPage(tabId);
  return saveWithContext(deps, capture);
}

/** Saves a capture with the rep's own addresses and never-log list. */
export async function saveWithContext(deps: ClipDeps, capture: Capture): Promise<SaveSummary> {
  const rep = await repEmail.getValue();
  const account = capture.kind === 'email-thread' ? capture.fields.account?.value : undefined;
  const context: ThreadContext = {
    owner: rep,
    now: new Date().toISOString(),
    newId: deps.newId,
    ownAddresses: [rep, account].filter((a): a is string => !!a),
    neverLog: await readNeverLog(),
  };
  return saveCapture(deps.db, capture, context);
}

// The rep's own list plus the team's never-log domains (the Settings rules); the rep's company domain is
// added by planThread from their own address.
async function readNeverLog() {
  const own = await neverLogList.getValue();
  const team = parseSettings(await localRules.getValue());
  return { domains: [...own.domains, ...(team.ok ? team.settings.neverLogDomains : [])], addresses: own.addresses };
}

async function readPage(tabId: number): Promise<Capture> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, files: ['/clip.js'] });
  const capture = (await result?.result) as Capture | undefined;
  if (!capture) throw new Error('Clipsheet has nothing to clip on this page.');
  return capture;
}

// The selection is read in the page (getSelection keeps line breaks, which name and title lines need) and
// parsed here, where the parser's size costs nothing.
async function readSelection(tabId: number): Promise<Capture> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, func: () => [globalThis.getSelection?.()?.toString() ?? '', location.href] });
  const [text, url] = (result?.result as [string, string] | undefined) ?? ['', ''];
  if (!text.trim()) throw new Error('Select some text first.');
  return extractSelection(text, url);
}
