import './QuickLog.css';
import { useRef, useState } from 'preact/hooks';
import { DIRECTIONS, EXPERIENCES, INTERACTION_TYPES, VOICE_OF_CUSTOMER, type Interaction } from '../../shared/model';
import type { Recurrence } from '../../shared/levels';
import { useTranslator } from '../i18n/i18n';
import { fromLocalInput, toLocalInput, tomorrowAt } from './date-input';
import { DueFields } from './DueFields';
import { TermSelect } from './TermSelect';
import { useStore } from './workspace-store';

const MAIN_TYPES = ['call', 'meeting', 'note', 'email'] as const;
const HAS_DIRECTION = new Set(['email', 'call', 'linkedin message']);

/**
 * Log a touchpoint in a few keystrokes: the type (arrow keys), what happened, outcome, experience, voice of
 * customer and the next step with its due date; Ctrl+Enter saves from anywhere in the form.
 */
export function QuickLog({ personId }: { personId: string }) {
  const store = useStore();
  const { t, term } = useTranslator();
  const [type, setType] = useState<Interaction['type']>('call');
  const [direction, setDirection] = useState<Interaction['direction']>('outbound');
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState('');
  const [experience, setExperience] = useState<Interaction['experience'] | ''>('');
  const [voc, setVoc] = useState<Interaction['voiceOfCustomer'] | ''>('');
  const [nextStep, setNextStep] = useState('');
  const [due, setDue] = useState(() => toLocalInput(tomorrowAt(9)));
  const [recurrence, setRecurrence] = useState<Recurrence>('none');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const summaryRef = useRef<HTMLTextAreaElement>(null);

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (busy) return;
    const dueAt = fromLocalInput(due);
    if (nextStep.trim() && !dueAt) return setProblems([t('log.nextStepDue')]);
    setBusy(true);
    const result = await store.logInteraction({
      personId,
      type,
      direction: HAS_DIRECTION.has(type) ? direction : undefined,
      summary,
      outcome,
      experience: experience || undefined,
      voiceOfCustomer: voc || undefined,
      nextStep: nextStep.trim() && dueAt ? { title: nextStep, dueAt, recurrence } : undefined,
    });
    setBusy(false);
    if (!result.ok) return setProblems(result.problems);
    setProblems([]);
    setSummary('');
    setOutcome('');
    setExperience('');
    setVoc('');
    setNextStep('');
    setRecurrence('none');
    store.notify('info', t('log.saved'));
    summaryRef.current?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
  };

  return (
    <form class="panel quick-log" aria-labelledby="quick-log-heading" onSubmit={submit} onKeyDown={onKeyDown} data-testid="quick-log">
      <h3 id="quick-log-heading">{t('log.heading')}</h3>
      <fieldset>
        <legend>{t('log.type')}</legend>
        <div class="segmented">
          {MAIN_TYPES.map((value) => (
            <label key={value}>
              <input type="radio" name="log-type" value={value} checked={type === value} onChange={() => setType(value)} data-testid={`log-type-${value}`} />
              {term('interaction', value)}
            </label>
          ))}
          <select aria-label={t('log.more')} value={(MAIN_TYPES as readonly string[]).includes(type) ? '' : type} onChange={(e) => e.currentTarget.value && setType(e.currentTarget.value as Interaction['type'])} data-testid="log-type-more">
            <option value="">{t('log.more')}</option>
            {INTERACTION_TYPES.filter((value) => !(MAIN_TYPES as readonly string[]).includes(value)).map((value) => (
              <option key={value} value={value}>
                {term('interaction', value)}
              </option>
            ))}
          </select>
        </div>
      </fieldset>
      {HAS_DIRECTION.has(type) && (
        <TermSelect label={t('log.direction')} group="direction" values={DIRECTIONS} value={direction ?? ''} onChange={(value) => setDirection(value as Interaction['direction'])} testId="log-direction" />
      )}
      <label class="field">
        <span>{t('log.summary')}</span>
        <textarea ref={summaryRef} id="quick-log-summary" value={summary} onInput={(e) => setSummary(e.currentTarget.value)} rows={2} data-testid="log-summary" />
      </label>
      <div class="row">
        <label class="field">
          <span>{t('log.outcome')}</span>
          <input value={outcome} onInput={(e) => setOutcome(e.currentTarget.value)} data-testid="log-outcome" />
        </label>
        <TermSelect label={t('log.voc')} group="voc" values={VOICE_OF_CUSTOMER} value={voc ?? ''} onChange={setVoc} none={t('log.vocNone')} testId="log-voc" />
      </div>
      <fieldset>
        <legend>{t('log.experience')}</legend>
        <div class="segmented">
          {(['', ...EXPERIENCES] as const).map((value) => (
            <label key={value || 'none'}>
              <input type="radio" name="log-experience" value={value} checked={experience === value} onChange={() => setExperience(value)} data-testid={`log-experience-${value || 'none'}`} />
              {value ? term('experience', value) : t('log.experienceNone')}
            </label>
          ))}
        </div>
      </fieldset>
      <div class="row">
        <label class="field">
          <span>{t('log.nextStep')}</span>
          <input value={nextStep} onInput={(e) => setNextStep(e.currentTarget.value)} data-testid="log-next-step" />
        </label>
        <DueFields label={t('log.nextStepDue')} due={due} onDue={setDue} recurrence={recurrence} onRecurrence={setRecurrence} testId="log-next" />
      </div>
      {problems.map((problem) => (
        <p class="problem" role="alert" key={problem}>
          {problem}
        </p>
      ))}
      <div class="quick-log-actions">
        <button type="submit" class="button primary" disabled={busy} data-testid="log-save">
          {t('log.save')}
        </button>
        <kbd>{t('log.saveHint')}</kbd>
      </div>
    </form>
  );
}
