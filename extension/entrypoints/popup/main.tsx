import { render } from 'preact';
import { browser } from '#imports';
import { createBrowserPlatform } from '../../components/browser-platform';
import { createWorkspaceStore, StoreContext } from '../../components/workspace-store';
import { sendMessage } from '../../messaging';
import { focusPerson } from '../../settings';
import { ClipsheetDb } from '../../store/db';
import { Popup, type PopupActions } from './Popup';

const db = new ClipsheetDb();
const platform = createBrowserPlatform();
const store = createWorkspaceStore({ db, platform });

async function openWorkspace(personId?: string) {
  if (personId) await focusPerson.setValue({ personId, at: Date.now() });
  const window = await browser.windows.getCurrent();
  // Opening the side panel needs the click that opened the popup; a plain tab is the fallback.
  await browser.sidePanel.open({ windowId: window.id! }).catch(() => browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${personId ? `#/person/${personId}` : ''}` as '/') }));
  close();
}

const actions: PopupActions = {
  async clipPage() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined) throw new Error('No page to clip.');
    const summary = await sendMessage('clip-tab', { tabId: tab.id });
    return summary.message;
  },
  openWorkspace,
};

render(
  <StoreContext.Provider value={store}>
    <Popup locale={platform.locale} actions={actions} />
  </StoreContext.Provider>,
  document.getElementById('app')!,
);
void store.init();
