import '../../components/Workspace.css';
import './Popup.css';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStore, useWorkspace } from '../../components/workspace-store';
import { createTranslator, TranslatorContext } from '../../i18n/i18n';

export interface PopupActions {
  /** Clips the current tab as the toolbar button would; resolves to what was saved, in words. */
  clipPage(): Promise<string>;
  openWorkspace(personId?: string): Promise<void>;
}

const SHOWN = 6;

/** The toolbar popup: clip the page, find someone, see what is due, open the side panel workspace. */
export function Popup({ locale, actions }: { locale: string; actions: PopupActions }) {
  const store = useStore();
  const language = useWorkspace((s) => s.settings.language);
  const translator = useMemo(() => createTranslator(language, locale), [language, locale]);
  const { t, term } = translator;
  const query = useWorkspace((s) => s.query);
  const results = useWorkspace((s) => s.results.slice(0, SHOWN).join(' '));
  const due = useWorkspace((s) => (s.followUps ? s.followUps.overdue.length + s.followUps.today.length : 0));
  useWorkspace((s) => s.rowsVersion);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    document.documentElement.lang = translator.lang;
    document.documentElement.dir = translator.dir;
  }, [translator]);

  const clip = async () => {
    setBusy(true);
    setStatus(t('popup.clipping'));
    try {
      setStatus(await actions.clipPage());
    } catch (error) {
      setStatus((error as Error).message);
    }
    setBusy(false);
  };

  const ids = results ? results.split(' ') : [];
  return (
    <TranslatorContext.Provider value={translator}>
      <main class="popup" lang={translator.lang} dir={translator.dir} data-testid="popup">
        <h1>{t('app.name')}</h1>
        <div class="actions">
          <button type="button" class="button primary" autoFocus disabled={busy} onClick={() => void clip()} data-testid="popup-clip">
            {t('popup.clip')}
          </button>
          <button type="button" class="button" onClick={() => void actions.openWorkspace()} data-testid="popup-open">
            {t('popup.open')}
          </button>
        </div>
        <p role="status" aria-live="polite" class="muted">
          {status}
        </p>
        <label class="visually-hidden" for="popup-search">
          {t('search.label')}
        </label>
        <input id="popup-search" type="search" placeholder={t('search.placeholder')} value={query} onInput={(e) => void store.search(e.currentTarget.value)} data-testid="popup-search" />
        {query && (
          <ul aria-label={t('search.results')}>
            {ids.map((id) => {
              const person = store.row(id);
              return (
                <li key={id}>
                  <button type="button" onClick={() => void actions.openWorkspace(id)} data-testid="popup-result">
                    {person?.fullName ?? '…'}
                    <small>{[person && term('stage', person.stage), person?.company].filter(Boolean).join(' · ')}</small>
                  </button>
                </li>
              );
            })}
          </ul>
        )}
        <button type="button" class="button link" onClick={() => void actions.openWorkspace()} data-testid="popup-due">
          {due ? t('popup.due', { count: due }) : t('popup.noneDue')}
        </button>
      </main>
    </TranslatorContext.Provider>
  );
}
