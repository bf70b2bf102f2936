import { useState } from 'preact/hooks';
import { DISQUALIFY_REASONS, LOST_REASONS } from '../../shared/model/vocabulary';
import type { PersonSummary, SidebarView } from './contract';
import type { Server } from './server';

/** Reasons offered when leaving the ladder (the vocabulary's lists); the server checks them again. */
const REASONS: Record<string, readonly string[]> = { disqualified: DISQUALIFY_REASONS, lost: LOST_REASONS };

/** Moves the person to another stage with the ladder's rules; the server says what is missing. */
export function StageMover({ person, server, onMoved }: { person: PersonSummary; server: Server; onMoved: (view: SidebarView) => void }) {
  const [stage, setStage] = useState('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  if (!person.allowedStages.length) return null;

  const move = async (event: Event) => {
    event.preventDefault();
    setMessage('');
    try {
      const result = await server.sidebarSetStage(person.id, stage, reason, note);
      if (!result.ok) return setMessage(result.message);
      setStage('');
      setReason('');
      setNote('');
      onMoved(result.view);
    } catch (error) {
      setMessage((error as Error).message);
    }
  };

  return (
    <form class="stage-mover" onSubmit={move}>
      <label>
        Move to{' '}
        <select value={stage} onChange={(e) => setStage(e.currentTarget.value)} data-testid="stage-select">
          <option value="">choose a stage</option>
          {person.allowedStages.map((s) => (
            <option key={s} value={s}>{s}</option>
          ))}
        </select>
      </label>
      {REASONS[stage] && (
        <label>
          Reason{' '}
          <select value={reason} onChange={(e) => setReason(e.currentTarget.value)} data-testid="reason-select">
            <option value="">choose a reason</option>
            {REASONS[stage]!.map((r) => (
              <option key={r} value={r}>{r}</option>
            ))}
          </select>
        </label>
      )}
      {REASONS[stage] && <input value={note} onInput={(e) => setNote(e.currentTarget.value)} placeholder="Note (needed for other)" data-testid="note" />}
      <button type="submit" disabled={!stage} data-testid="move">Move</button>
      {message && <p class="problem" role="alert" data-testid="stage-problem">{message}</p>}
    </form>
  );
}
