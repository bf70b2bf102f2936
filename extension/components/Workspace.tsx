import './Workspace.css';
import { useEffect, useMemo } from 'preact/hooks';
import { createTranslator, TranslatorContext, useTranslator, type Translator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { MergeView } from './MergeView';
import { OrganisationView } from './OrganisationView';
import { PersonForm } from './PersonForm';
import { PersonView } from './PersonView';
import { SearchView } from './SearchView';
import { TodayView } from './TodayView';
import { TransferView } from './TransferView';
import { TABS, useStore, useWorkspace, type Tab } from './workspace-store';
import type { SyncSummary } from './platform';

const TAB_LABEL: Record<Tab, MessageKey> = { contacts: 'nav.contacts', today: 'nav.today', duplicates: 'nav.duplicates', transfer: 'nav.transfer' };

/**
 * The rep's workspace in the side panel: contacts (search and the 360-degree record), today's follow-ups,
 * possible duplicates, and import/export. Keyboard: Alt+1-4 switch views, "/" searches, Esc goes back.
 */
export function Workspace({ locale }: { locale: string }) {
  const store = useStore();
  const language = useWorkspace((s) => s.settings.language);
  const translator = useMemo(() => createTranslator(language, locale), [language, locale]);
  const tab = useWorkspace((s) => s.tab);
  const openPersonId = useWorkspace((s) => s.openPersonId);
  const openOrganisationId = useWorkspace((s) => s.openOrganisationId);
  const creating = useWorkspace((s) => s.creating);
  const ready = useWorkspace((s) => s.ready);

  useEffect(() => {
    document.documentElement.lang = translator.lang;
    document.documentElement.dir = translator.dir;
    document.title = translator.t('app.name');
  }, [translator]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey && /^[1-4]$/.test(event.key)) {
        event.preventDefault();
        selectTab(TABS[Number(event.key) - 1]!);
      } else if (event.key === '/' && !isTyping(event.target)) {
        event.preventDefault();
        store.setTab('contacts');
        store.closePerson();
        requestAnimationFrame(() => document.getElementById('search-input')?.focus());
      } else if (event.key === 'Escape' && (store.getState().openPersonId || store.getState().openOrganisationId || store.getState().creating) && !(event.target as HTMLElement | null)?.closest?.('[data-keeps-escape]')) {
        // One step back: a person opened from an organisation goes back to it, the organisation to the list.
        event.preventDefault();
        const { openPersonId: personId, openOrganisationId: organisationId, creating: wasCreating } = store.getState();
        if (personId || wasCreating) {
          store.closePerson();
          store.stopCreating();
        } else store.closeOrganisation();
        const returnTo = personId ? `[data-person-id="${CSS.escape(personId)}"]` : organisationId ? `[data-organisation-id="${CSS.escape(organisationId)}"]` : '#search-input';
        requestAnimationFrame(() => (document.querySelector<HTMLElement>(returnTo) ?? document.getElementById('search-input'))?.focus());
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);

  // An action that failed (the database refused a write, a file could not be read) is said, not swallowed.
  useEffect(() => {
    const onFailure = (event: PromiseRejectionEvent) => store.notify('error', translator.t('common.error', { message: (event.reason as Error)?.message ?? String(event.reason) }));
    window.addEventListener('unhandledrejection', onFailure);
    return () => window.removeEventListener('unhandledrejection', onFailure);
  }, [store, translator]);

  const selectTab = (next: Tab) => {
    store.setTab(next);
    requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  };
  const onTabKey = (event: KeyboardEvent) => {
    const index = TABS.indexOf(tab);
    const forward = translator.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const back = translator.dir === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    const to = event.key === forward ? index + 1 : event.key === back ? index - 1 : event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : undefined;
    if (to === undefined) return;
    event.preventDefault();
    selectTab(TABS[(to + TABS.length) % TABS.length]!);
  };

  return (
    <TranslatorContext.Provider value={translator}>
      <div class="workspace" data-testid="workspace" data-ready={ready ? 'true' : 'false'} lang={translator.lang} dir={translator.dir}>
        <header class="workspace-header">
          <h1>{translator.t('app.name')}</h1>
          <SyncLine t={translator} />
        </header>
        <nav class="workspace-tabs" role="tablist" aria-label={translator.t('nav.label')} onKeyDown={onTabKey}>
          {TABS.map((name) => (
            <button
              key={name}
              id={`tab-${name}`}
              role="tab"
              type="button"
              aria-selected={tab === name}
              aria-controls="workspace-main"
              tabIndex={tab === name ? 0 : -1}
              data-testid={`tab-${name}`}
              onClick={() => selectTab(name)}
            >
              {translator.t(TAB_LABEL[name])}
              {name === 'today' && <DueBadge />}
            </button>
          ))}
        </nav>
        <div id="workspace-main" class="workspace-main" role="tabpanel" aria-labelledby={`tab-${tab}`} data-tab={tab}>
          {tab === 'contacts' && (creating ? <PersonForm /> : openPersonId ? <PersonView key={openPersonId} /> : openOrganisationId ? <OrganisationView key={openOrganisationId} /> : <SearchView />)}
          {tab === 'today' && <TodayView />}
          {tab === 'duplicates' && <MergeView />}
          {tab === 'transfer' && <TransferView />}
        </div>
        <p class="workspace-shortcuts">{translator.t('nav.shortcuts')}</p>
        <NoticeLine />
      </div>
    </TranslatorContext.Provider>
  );
}

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return !!element && (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName));
}

function DueBadge() {
  const { number } = useTranslator();
  const count = useWorkspace((s) => (s.followUps ? s.followUps.overdue.length + s.followUps.today.length : 0));
  return count ? (
    <span class="badge" data-testid="due-count" data-count={count}>
      {number(count)}
    </span>
  ) : null;
}

const SYNC_TEXT: Record<SyncSummary['state'], MessageKey> = {
  idle: 'sync.idle',
  syncing: 'sync.syncing',
  error: 'sync.error',
  'not-configured': 'sync.notConfigured',
  revoked: 'sync.revoked',
};

function SyncLine({ t }: { t: Translator }) {
  const sync = useWorkspace((s) => s.sync);
  if (!sync) return null;
  return (
    <div class="workspace-sync" data-testid="workspace-sync" data-state={sync.state}>
      {t.t(SYNC_TEXT[sync.state])}
      {sync.pending > 0 && sync.state !== 'syncing' && <div>{t.t('sync.pending', { count: sync.pending })}</div>}
    </div>
  );
}

const NOTICE_MS = 4_000;

function NoticeLine() {
  const store = useStore();
  const notice = useWorkspace((s) => s.notice);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => store.clearNotice(notice.id), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice?.id]);
  return (
    <div class="workspace-notice" role="status" aria-live="polite" data-kind={notice?.kind} data-testid="notice" key={notice?.id}>
      {notice?.text ?? ''}
    </div>
  );
}
