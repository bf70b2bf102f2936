import './Timeline.css';
import { useEffect, useRef, useState } from 'preact/hooks';
import { TermSelect } from './TermSelect';
import { DIRECTIONS, EXPERIENCES, INTERACTION_TYPES, VOICE_OF_CUSTOMER, type Interaction } from '../../shared/model';
import { useTranslator } from '../i18n/i18n';
import { ConfirmDelete } from './ConfirmDelete';
import { fromLocalInput, toLocalInput } from './date-input';
import { useStore } from './workspace-store';

const FIRST = 50;
const MORE = 200;

/**
 * Every interaction with the person (or an organisation's people), from every channel and rep, newest first;
 * long histories open in pages. Each can be corrected or deleted in place; `names` says who an entry was with,
 * where the timeline covers more than one person.
 */
export function Timeline({ interactions, names }: { interactions: readonly Interaction[]; names?: Readonly<Record<string, string>> }) {
  const { t } = useTranslator();
  const [shown, setShown] = useState(FIRST);
  const headingRef = useRef<HTMLHeadingElement>(null);
  return (
    <section class="panel timeline" aria-labelledby="timeline-heading" data-testid="timeline" data-count={interactions.length}>
      <h3 id="timeline-heading" tabIndex={-1} ref={headingRef}>
        {t('timeline.heading')} <span class="muted">({t('timeline.count', { count: interactions.length })})</span>
      </h3>
      {interactions.length === 0 && <p class="muted">{t('timeline.empty')}</p>}
      <ol>
        {interactions.slice(0, shown).map((interaction, i) => (
          <TimelineItem key={interaction.id} interaction={interaction} names={names} onDeleted={() => focusAfterDelete(headingRef.current, interactions[i + 1]?.id ?? interactions[i - 1]?.id)} />
        ))}
      </ol>
      {interactions.length > shown && (
        <button type="button" class="button" onClick={() => setShown(shown + MORE)} data-testid="timeline-more">
          {t('timeline.more', { count: Math.min(MORE, interactions.length - shown) })}
        </button>
      )}
    </section>
  );
}

// After a delete the list re-renders without the item: focus goes to the next one's Edit (or the heading), never to the page.
function focusAfterDelete(heading: HTMLElement | null, neighbourId: string | undefined) {
  requestAnimationFrame(() => {
    const next = neighbourId && document.querySelector<HTMLElement>(`[data-interaction-id="${CSS.escape(neighbourId)}"] [data-testid="timeline-edit"]`);
    (next || heading)?.focus();
  });
}

type Mode = 'view' | 'editing' | 'confirming';

function TimelineItem({ interaction, names, onDeleted }: { interaction: Interaction; names?: Readonly<Record<string, string>>; onDeleted: () => void }) {
  const store = useStore();
  const { t, term, dateTime, lang, dir } = useTranslator();
  const [mode, setMode] = useState<Mode>('view');
  const [problems, setProblems] = useState<string[]>([]);
  const editRef = useRef<HTMLButtonElement>(null);
  const type = term('interaction', interaction.type);
  const when = dateTime(interaction.at);
  const withNames = names ? interaction.personIds.map((id) => names[id]).filter(Boolean) : [];
  const back = () => {
    setMode('view');
    setProblems([]);
    requestAnimationFrame(() => editRef.current?.focus());
  };
  const remove = async () => {
    const result = await store.deleteInteraction(interaction.id);
    if (!result.ok) return setProblems(result.problems);
    store.notify('info', t('timeline.deleted'));
    onDeleted();
  };

  return (
    <li data-testid="timeline-item" data-interaction-id={interaction.id} data-experience={interaction.experience}>
      {mode === 'editing' ? (
        <InteractionForm interaction={interaction} onDone={back} />
      ) : (
        <>
          <div class="timeline-head">
            <strong>{type}</strong>
            {interaction.direction && <span>{term('direction', interaction.direction)}</span>}
            <time dateTime={interaction.at}>{when}</time>
            {interaction.owner && <span>{t('timeline.by', { rep: interaction.owner })}</span>}
            {withNames.length > 0 && <span data-testid="timeline-with">{t('timeline.with', { names: withNames.join(lang === 'fa' ? '، ' : ', ') })}</span>}
            {interaction.experience && (
              <span class="chip" data-tone={interaction.experience === 'bad' ? 'bad' : interaction.experience === 'good' ? 'good' : undefined}>
                {term('experience', interaction.experience)}
              </span>
            )}
            {interaction.voiceOfCustomer && <span class="chip">{term('voc', interaction.voiceOfCustomer)}</span>}
          </div>
          {interaction.subject && <p class="timeline-body">{interaction.subject}</p>}
          {interaction.summary && <p class="timeline-body">{interaction.summary}</p>}
          {interaction.outcome && (
            // The arrow points the way the line reads (a character's own direction never flips); the outcome, typed in
            // either language, is isolated so that its letters do not reorder the arrow around it.
            <p class="timeline-body muted" data-testid="timeline-outcome">
              <span aria-hidden="true">{dir === 'rtl' ? '←' : '→'}</span> <bdi>{interaction.outcome}</bdi>
            </p>
          )}
          {mode === 'view' ? (
            <div class="timeline-actions">
              <button type="button" class="button small" ref={editRef} onClick={() => setMode('editing')} aria-label={t('timeline.editLabel', { type, date: when })} data-testid="timeline-edit">
                {t('timeline.edit')}
              </button>
              <button type="button" class="button small" onClick={() => setMode('confirming')} aria-label={t('timeline.deleteLabel', { type, date: when })} data-testid="timeline-delete">
                {t('timeline.delete')}
              </button>
            </div>
          ) : (
            <ConfirmDelete question={t('timeline.confirmDelete', { type })} onConfirm={() => void remove()} onCancel={back} />
          )}
          {problems.map((problem) => (
            <p class="problem" role="alert" key={problem}>
              {problem}
            </p>
          ))}
        </>
      )}
    </li>
  );
}

const HAS_DIRECTION = new Set(['email', 'call', 'linkedin message']);

/** Corrects a logged interaction: every field the quick log sets, and when it happened. Ctrl+Enter saves, Esc cancels. */
function InteractionForm({ interaction, onDone }: { interaction: Interaction; onDone: () => void }) {
  const store = useStore();
  const { t, term, dateTime } = useTranslator();
  const initialAt = toLocalInput(new Date(interaction.at));
  const [type, setType] = useState(interaction.type);
  const [direction, setDirection] = useState<Interaction['direction'] | ''>(interaction.direction ?? '');
  const [at, setAt] = useState(initialAt);
  const [subject, setSubject] = useState(interaction.subject ?? '');
  const [summary, setSummary] = useState(interaction.summary ?? '');
  const [outcome, setOutcome] = useState(interaction.outcome ?? '');
  const [experience, setExperience] = useState<Interaction['experience'] | ''>(interaction.experience ?? '');
  const [voc, setVoc] = useState<Interaction['voiceOfCustomer'] | ''>(interaction.voiceOfCustomer ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const firstRef = useRef<HTMLSelectElement>(null);
  useEffect(() => firstRef.current?.focus(), []);
  const id = (name: string) => `edit-${interaction.id}-${name}`;

  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (busy) return;
    // A time left as shown is not sent: the input has whole minutes, the record may have seconds.
    const when = at === initialAt ? undefined : fromLocalInput(at);
    if (at !== initialAt && !when) return setProblems([t('timeline.badTime')]);
    setBusy(true);
    const result = await store.updateInteraction(interaction.id, {
      type,
      direction: HAS_DIRECTION.has(type) ? direction || undefined : undefined,
      ...(when ? { at: when } : {}),
      subject,
      summary,
      outcome,
      experience: experience || undefined,
      voiceOfCustomer: voc || undefined,
    });
    setBusy(false);
    if (!result.ok) return setProblems(result.problems);
    store.notify('info', t('timeline.saved'));
    onDone();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
    else if (event.key === 'Escape') {
      event.preventDefault();
      onDone();
    }
  };

  return (
    <form class="timeline-form" aria-labelledby={id('heading')} onSubmit={submit} onKeyDown={onKeyDown} data-keeps-escape data-testid="interaction-form">
      <h4 id={id('heading')}>{t('timeline.editHeading', { type: term('interaction', interaction.type) })}</h4>
      <div class="row">
        <TermSelect label={t('log.type')} group="interaction" values={INTERACTION_TYPES} value={type} onChange={(value) => setType(value as Interaction['type'])} testId="edit-type" selectRef={firstRef} />
        {HAS_DIRECTION.has(type) && (
          <TermSelect label={t('log.direction')} group="direction" values={DIRECTIONS} value={direction ?? ''} onChange={setDirection} none={t('common.none')} testId="edit-direction" />
        )}
      </div>
      <label class="field">
        <span>{t('timeline.when')}</span>
        <input type="datetime-local" value={at} onInput={(e) => setAt(e.currentTarget.value)} data-testid="edit-at" />
        {/* The input writes the browser's calendar; the rep's (Persian for Persian) is said beside it. */}
        <small class="muted" data-testid="edit-at-preview">
          {dateTime(fromLocalInput(at))}
        </small>
      </label>
      <label class="field">
        <span>{t('timeline.subject')}</span>
        <input value={subject} onInput={(e) => setSubject(e.currentTarget.value)} dir="auto" data-testid="edit-subject" />
      </label>
      <label class="field">
        <span>{t('log.summary')}</span>
        <textarea value={summary} onInput={(e) => setSummary(e.currentTarget.value)} rows={3} dir="auto" data-testid="edit-summary" />
      </label>
      <label class="field">
        <span>{t('log.outcome')}</span>
        <input value={outcome} onInput={(e) => setOutcome(e.currentTarget.value)} dir="auto" data-testid="edit-outcome" />
      </label>
      <div class="row">
        <TermSelect label={t('log.experience')} group="experience" values={EXPERIENCES} value={experience ?? ''} onChange={setExperience} none={t('log.experienceNone')} testId="edit-experience" />
        <TermSelect label={t('log.voc')} group="voc" values={VOICE_OF_CUSTOMER} value={voc ?? ''} onChange={setVoc} none={t('log.vocNone')} testId="edit-voc" />
      </div>
      {problems.map((problem) => (
        <p class="problem" role="alert" key={problem}>
          {problem}
        </p>
      ))}
      <div class="timeline-actions">
        <button type="submit" class="button primary small" disabled={busy} data-testid="edit-save">
          {t('timeline.save')}
        </button>
        <button type="button" class="button small" onClick={onDone} data-testid="edit-cancel">
          {t('timeline.cancel')}
        </button>
        <kbd>{t('log.saveHint')}</kbd>
      </div>
    </form>
  );
}
