import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '../../messaging';
import type { PersonCapture } from '../../../shared/capture/capture';

type State = { kind: 'checking' } | { kind: 'new' } | { kind: 'known'; fullName: string; stage: string } | { kind: 'saving' } | { kind: 'saved'; created: boolean } | { kind: 'error'; message: string };

/** The in-page control: says whether the person is already in Clipsheet, and saves them in one click. */
export function SaveButton({ capture }: { capture: () => PersonCapture }) {
  const [state, setState] = useState<State>({ kind: 'checking' });

  useEffect(() => {
    const url = capture().fields.linkedinUrl?.value;
    sendMessage('find-person', { linkedinUrl: url })
      .then((found) => setState(found ? { kind: 'known', fullName: found.fullName, stage: found.stage } : { kind: 'new' }))
      .catch(() => setState({ kind: 'new' }));
  }, [capture]);

  const save = async () => {
    setState({ kind: 'saving' });
    try {
      const { created } = await sendMessage('save-person', { capture: capture() });
      setState({ kind: 'saved', created });
    } catch (error) {
      setState({ kind: 'error', message: (error as Error).message });
    }
  };

  const label =
    state.kind === 'saving' ? 'Saving…' : state.kind === 'saved' ? (state.created ? 'Saved to Clipsheet' : 'Updated in Clipsheet') : state.kind === 'known' ? 'Update in Clipsheet' : 'Save to Clipsheet';
  return (
    <div class="clipsheet-bar" role="region" aria-label="Clipsheet">
      {state.kind === 'known' && <span class="clipsheet-note" data-testid="clipsheet-known">In Clipsheet · {state.stage}</span>}
      {state.kind === 'error' && <span class="clipsheet-error" role="alert">{state.message}</span>}
      <button type="button" data-testid="clipsheet-save" data-state={state.kind} disabled={state.kind === 'saving' || state.kind === 'checking'} onClick={save}>
        {label}
      </button>
    </div>
  );
}
