import 'fake-indexeddb/auto';
import { configure, render } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import type { Platform, SyncSummary, WorkspaceSettings } from '../../../extension/components/platform';
import { createWorkspaceStore, DEFAULT_WORKSPACE_SETTINGS, StoreContext, type WorkspaceStore } from '../../../extension/components/workspace-store';
import { createTranslator, TranslatorContext, type Language } from '../../../extension/i18n/i18n';
import type { ClipsheetDb } from '../../../extension/store/db';
import type { EntityName } from '../../../shared/model';
import { freshDb } from '../support';

// fake-indexeddb is slower than a browser's IndexedDB, more so while other test files run alongside.
configure({ asyncUtilTimeout: 5_000 });

/** The platform a page gets from chrome.*, in memory: what the workspace told it is recorded for assertions. */
export function memoryPlatform(settings: Partial<WorkspaceSettings> = {}) {
  let current: WorkspaceSettings = { ...DEFAULT_WORKSPACE_SETTINGS, repEmail: 'rep@clipsheet.test', ...settings };
  const watchers = new Set<(s: WorkspaceSettings) => void>();
  const changes: EntityName[][] = [];
  const downloads: Array<{ fileName: string; mimeType: string; content: string }> = [];
  const platform: Platform = {
    locale: 'en-GB',
    loadSettings: async () => current,
    async saveSettings(changes) {
      current = { ...current, ...changes };
      watchers.forEach((watch) => watch(current));
    },
    watchSettings(callback) {
      watchers.add(callback);
      return () => watchers.delete(callback);
    },
    watchSync(callback) {
      callback({ state: 'not-configured', pending: 0 } satisfies SyncSummary);
      return () => undefined;
    },
    changed: (entities) => void changes.push(entities),
    download: (fileName, mimeType, content) => void downloads.push({ fileName, mimeType, content }),
    openOptions: () => undefined,
  };
  return { platform, changes, downloads };
}

export interface Harness {
  db: ClipsheetDb;
  store: WorkspaceStore;
  changes: EntityName[][];
  downloads: Array<{ fileName: string; mimeType: string; content: string }>;
}

/** A workspace store on a fresh fake-indexeddb database, initialised. */
export async function workspace(options: { seed?: (db: ClipsheetDb) => Promise<unknown>; settings?: Partial<WorkspaceSettings>; clock?: () => Date } = {}): Promise<Harness> {
  const db = freshDb();
  await options.seed?.(db);
  const { platform, changes, downloads } = memoryPlatform(options.settings);
  const store = createWorkspaceStore({ db, platform, clock: options.clock });
  await store.init();
  return { db, store, changes, downloads };
}

/** Renders views inside the store and translator providers, as the side panel does. */
export function renderWith(store: WorkspaceStore, ui: ComponentChildren, lang: Language = 'en') {
  return render(
    <StoreContext.Provider value={store}>
      <TranslatorContext.Provider value={createTranslator(lang, 'en-GB')}>{ui}</TranslatorContext.Provider>
    </StoreContext.Provider>,
  );
}

/** Form controls and buttons that have no accessible name: each must be labelled [issue 5: accessible]. */
export function unlabelled(root: ParentNode): string[] {
  const problems: string[] = [];
  for (const element of root.querySelectorAll<HTMLElement>('input, select, textarea, button, [role="listbox"], [role="combobox"], [role="tab"]')) {
    if ((element as HTMLInputElement).type === 'hidden') continue;
    const id = element.getAttribute('id');
    const labelledBy = element.getAttribute('aria-labelledby');
    const named =
      !!element.getAttribute('aria-label')?.trim() ||
      (!!labelledBy && labelledBy.split(' ').every((ref) => document.getElementById(ref)?.textContent?.trim())) ||
      !!element.closest('label')?.textContent?.trim() ||
      (!!id && !!document.querySelector(`label[for="${id}"]`)?.textContent?.trim()) ||
      (element.tagName === 'BUTTON' && !!element.textContent?.trim()) ||
      (element.getAttribute('role') === 'tab' && !!element.textContent?.trim());
    if (!named) problems.push(element.outerHTML.slice(0, 120));
  }
  return problems;
}
