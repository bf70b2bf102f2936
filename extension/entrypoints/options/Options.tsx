import { useEffect, useState } from 'preact/hooks';
import { parseSyncKey } from '../../../shared/sync/key';
import { sendMessage } from '../../messaging';
import { repEmail, syncSettings, syncStatus, type SyncStatus } from '../../settings';

/** Sync target and credentials: the sheet's web-app URL and the rep's key, with the live sync status. */
export function Options() {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [email, setEmail] = useState('');
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [problem, setProblem] = useState('');

  useEffect(() => {
    void syncSettings.getValue().then((s) => {
      setUrl(s?.url ?? '');
      setKey(s?.key ?? '');
    });
    void repEmail.getValue().then(setEmail);
    void syncStatus.getValue().then(setStatus);
    return syncStatus.watch((next) => setStatus(next));
  }, []);

  const save = async (event: Event) => {
    event.preventDefault();
    setProblem('');
    try {
      parseSyncKey(key);
      if (!/^https?:\/\//.test(url.trim())) throw new Error('The web-app URL starts with https:// (from Deploy > Manage deployments in Apps Script).');
    } catch (error) {
      return setProblem((error as Error).message);
    }
    await syncSettings.setValue({ url: url.trim(), key: key.trim() });
    await repEmail.setValue(email.trim());
    setStatus(await sendMessage('sync-now', {}));
  };

  return (
    <main class="options">
      <h1>Clipsheet</h1>
      <form onSubmit={save}>
        <label>
          Sheet web-app URL
          <input type="url" value={url} onInput={(e) => setUrl(e.currentTarget.value)} placeholder="https://script.google.com/macros/s/…/exec" required data-testid="sync-url" />
        </label>
        <label>
          Sync key
          <input type="password" value={key} onInput={(e) => setKey(e.currentTarget.value)} placeholder="cs1.…" autoComplete="off" required data-testid="sync-key" />
        </label>
        <label>
          Your email (owner of what you capture)
          <input type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} data-testid="rep-email" />
        </label>
        {problem && <p role="alert" class="problem">{problem}</p>}
        <button type="submit">Save and sync now</button>
      </form>
      <section aria-live="polite" data-testid="sync-status" data-state={status?.state}>
        <h2>Sync</h2>
        {status && <p>{describe(status)}</p>}
      </section>
    </main>
  );
}

function describe(status: SyncStatus): string {
  const last = status.lastSyncAt ? `Last synced ${new Date(status.lastSyncAt).toLocaleString()}.` : 'Not synced yet.';
  const pending = status.pending ? ` ${status.pending} change(s) waiting.` : '';
  switch (status.state) {
    case 'not-configured':
      return 'Not connected to a sheet yet: paste the URL and key your admin gave you.';
    case 'syncing':
      return `Syncing…${pending}`;
    case 'error':
      return `${last}${pending} Last error: ${status.lastError}`;
    case 'revoked':
      return `${status.lastError} Your local data is kept.`;
    default:
      return `${last}${pending}`;
  }
}
