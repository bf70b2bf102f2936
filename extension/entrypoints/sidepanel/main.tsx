import { render } from 'preact';
import { createBrowserPlatform } from '../../components/browser-platform';
import { Workspace } from '../../components/Workspace';
import { createWorkspaceStore, StoreContext } from '../../components/workspace-store';
import { focusPerson } from '../../settings';
import { ClipsheetDb } from '../../store/db';
import { importPeopleInWorker } from '../../store/import-in-worker';

// The rep's workspace. Everything reads and writes the local database; sync runs in the background.
const db = new ClipsheetDb();
const platform = createBrowserPlatform();
const store = createWorkspaceStore({ db, platform, importer: importPeopleInWorker });

render(
  <StoreContext.Provider value={store}>
    <Workspace locale={platform.locale} />
  </StoreContext.Provider>,
  document.getElementById('app')!,
);

// Links into the workspace (the in-page bar's "open in Clipsheet", a clicked reminder): #/person/<id>, #/organisation/<id>.
async function route(hash: string) {
  const [, entity, id] = /^#\/(person|organisation)\/(.+)$/.exec(hash) ?? [];
  if (!id) return;
  const key = decodeURIComponent(id);
  return entity === 'person' ? store.openPerson(key) : store.openOrganisation(key);
}

// A person asked for just before the panel opened (the popup, a clicked reminder) is shown first.
const FOCUS_FRESH_MS = 15_000;
void store.init().then(async () => {
  const focus = await focusPerson.getValue();
  if (focus && Date.now() - focus.at < FOCUS_FRESH_MS) await store.openPerson(focus.personId);
  else await route(location.hash);
});
window.addEventListener('hashchange', () => void route(location.hash));
focusPerson.watch((focus) => void (focus && store.openPerson(focus.personId)));

// For devtools and the benchmarks (bench/workspace.bench.ts): an extension page's globals are reachable only
// from the extension itself.
Object.assign(globalThis, { clipsheet: { db, store } });
