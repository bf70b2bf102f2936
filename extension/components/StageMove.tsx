import './StageMove.css';
import { useState } from 'preact/hooks';
import { rankStage, isLadderStage } from '../../shared/ladder';
import { DISQUALIFY_REASONS, LADDER_STAGES, LOST_REASONS, type Stage } from '../../shared/model';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import type { PersonRecord } from '../store/record';
import { useStore } from './workspace-store';

/**
 * The person's place on the ladder and the moves open from it (shared/ladder's listAllowedStages). Side states
 * ask for the reason the ladder requires, and "other" for a note; the ladder's transition decides.
 */
export function StageMove({ record }: { record: PersonRecord }) {
  const store = useStore();
  const { t, term } = useTranslator();
  const { person } = record;
  const [to, setTo] = useState<Stage | ''>('');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState('');
  const reasons = to === 'disqualified' ? DISQUALIFY_REASONS : to === 'lost' ? LOST_REASONS : undefined;
  const rank = isLadderStage(person.stage) ? rankStage(person.stage) : -1;

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!to) return;
    const result = await store.moveStage(person.id, to, { reason, note });
    if (!result.ok) return setProblem(t(`stage.error.${result.error.code}` as MessageKey, { stage: term('stage', to) }));
    setProblem('');
    setTo('');
    setReason('');
    setNote('');
    store.notify('info', t('stage.moved', { stage: term('stage', result.stage) }));
  };

  return (
    <form class="panel stage-move" aria-labelledby="stage-heading" onSubmit={submit} data-testid="stage-move">
      <h3 id="stage-heading">{t('stage.heading')}</h3>
      <ol class="stage-ladder" aria-hidden="true">
        {LADDER_STAGES.map((stage, i) => (
          <li key={stage} data-reached={i <= rank} title={term('stage', stage)} />
        ))}
      </ol>
      <div class="stage-now">
        <strong data-testid="stage-current">{term('stage', person.stage)}</strong>
        {record.phase && <span class="chip">{t('stage.phase', { phase: term('phase', record.phase) })}</span>}
        <span class="chip">{t('stage.purchases', { count: record.purchases })}</span>
        {person.stageReason && <span class="muted">({person.stageReason})</span>}
      </div>
      <div class="row">
        <label class="field">
          <span>{t('stage.move')}</span>
          <select value={to} onChange={(e) => (setTo(e.currentTarget.value as Stage), setReason(''), setProblem(''))} data-testid="stage-to">
            <option value="">{t('stage.choose')}</option>
            {record.allowedStages.map((stage) => (
              <option key={stage} value={stage}>
                {term('stage', stage)}
              </option>
            ))}
          </select>
        </label>
        {reasons && (
          <label class="field">
            <span>{t('stage.reason')}</span>
            <select value={reason} onChange={(e) => setReason(e.currentTarget.value)} aria-required="true" data-testid="stage-reason">
              <option value="">{t('stage.chooseReason')}</option>
              {reasons.map((value) => (
                <option key={value} value={value}>
                  {term(to === 'disqualified' ? 'disqualify' : 'lost', value)}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {reasons && (
        <label class="field">
          <span>{reason === 'other' ? t('stage.noteRequired') : t('stage.note')}</span>
          <input value={note} onInput={(e) => setNote(e.currentTarget.value)} maxLength={450} data-testid="stage-note" />
        </label>
      )}
      {problem && (
        <p class="problem" role="alert" data-testid="stage-problem">
          {problem}
        </p>
      )}
      <button type="submit" class="button" disabled={!to} data-testid="stage-apply">
        {t('stage.apply')}
      </button>
    </form>
  );
}
