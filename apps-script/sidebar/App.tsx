import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SidebarView } from './contract';
import { Duplicates } from './Duplicates';
import { PersonCard } from './PersonCard';
import type { Server } from './server';
import { StageMover } from './StageMover';
import { Timeline } from './Timeline';

/**
 * The sidebar: the person on the row under the cursor. It reloads when the sidebar gets focus back (the
 * person clicked into the sheet and back) and on Refresh, rather than polling the server.
 */
export function App({ server }: { server: Server }) {
  const [view, setView] = useState<SidebarView | null>(null);
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setBusy(true);
    try {
      setView(await server.sidebarLoad());
      setProblem('');
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }, [server]);

  useEffect(() => {
    void load();
    const onFocus = () => void load();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [load]);

  return (
    <main class="sidebar" aria-busy={busy}>
      <header>
        <button type="button" onClick={() => void load()} disabled={busy} data-testid="refresh">
          {busy ? 'Loading…' : 'Refresh'}
        </button>
      </header>
      {problem && <p class="problem" role="alert">{problem}</p>}
      {view?.kind === 'empty' && <p class="empty" data-testid="empty">{view.message}</p>}
      {view?.kind === 'person' && (
        <>
          <PersonCard person={view.person} />
          <StageMover person={view.person} server={server} onMoved={setView} />
          <Duplicates duplicates={view.duplicates} />
          <Timeline items={view.timeline} archived={view.archived} />
        </>
      )}
    </main>
  );
}
