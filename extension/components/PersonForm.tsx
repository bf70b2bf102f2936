import './PersonForm.css';
import { useRef, useEffect, useState } from 'preact/hooks';
import { ACQUISITION_SOURCES, LEVELS, type Person } from '../../shared/model';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import type { PersonEdits } from '../store/people';
import { useStore, useWorkspace } from './workspace-store';

type Draft = Record<string, string | boolean>;

const lines = (text: string) => text.split(/\n|,(?=\s*[^\s@,]+@)/).map((line) => line.trim()).filter(Boolean);
const numberOrUndefined = (text: string, scale = 1) => (text.trim() === '' ? undefined : Number(text.replace(/,/g, '')) / scale);

function draftOf(person?: Person): Draft {
  return {
    fullName: person?.fullName ?? '',
    title: person?.title ?? '',
    company: person?.company ?? '',
    emails: (person?.emails ?? []).join('\n'),
    phones: (person?.phones ?? []).join('\n'),
    linkedinUrl: person?.linkedinUrl ?? '',
    website: person?.website ?? '',
    location: person?.location ?? '',
    tags: (person?.tags ?? []).join(', '),
    owner: person?.owner ?? '',
    level: person?.level ?? '',
    acquisitionSource: person?.acquisitionSource ?? 'other',
    importance: person?.importance?.toString() ?? '',
    satisfaction: person?.satisfaction?.toString() ?? '',
    shareOfWallet: person?.shareOfWallet === undefined ? '' : String(Math.round(person.shareOfWallet * 1000) / 10),
    doNotContact: person?.doNotContact ?? false,
    notes: person?.notes ?? '',
  };
}

function editsOf(draft: Draft, editing: boolean): PersonEdits {
  const text = (key: string) => String(draft[key] ?? '');
  const edits: PersonEdits = {
    fullName: text('fullName'),
    title: text('title'),
    company: text('company'),
    emails: lines(text('emails')),
    phones: lines(text('phones')),
    linkedinUrl: text('linkedinUrl'),
    website: text('website'),
    location: text('location'),
    tags: text('tags').split(/[,،\n]/).map((tag) => tag.trim()).filter(Boolean),
    level: (text('level') || undefined) as PersonEdits['level'],
    acquisitionSource: text('acquisitionSource') as PersonEdits['acquisitionSource'],
    importance: numberOrUndefined(text('importance')),
    satisfaction: numberOrUndefined(text('satisfaction')),
    shareOfWallet: numberOrUndefined(text('shareOfWallet'), 100),
    doNotContact: draft.doNotContact === true,
    notes: text('notes'),
  };
  if (editing) edits.owner = text('owner');
  return edits;
}

/** Adds a contact by hand, or edits one (given `person`); the store validates with the domain schema. */
export function PersonForm({ person, onDone }: { person?: Person; onDone?: () => void }) {
  const store = useStore();
  const { t, term } = useTranslator();
  const repEmail = useWorkspace((s) => s.settings.repEmail);
  const [draft, setDraft] = useState<Draft>(() => draftOf(person));
  const [problems, setProblems] = useState<string[]>([]);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const set = (key: string) => (event: Event) => {
    const target = event.currentTarget as HTMLInputElement;
    setDraft({ ...draft, [key]: target.type === 'checkbox' ? target.checked : target.value });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    const edits = editsOf(draft, !!person);
    const result = person ? await store.updatePerson(person.id, edits) : await store.createPerson(edits);
    if (!result.ok) return setProblems(result.problems);
    onDone?.();
  };
  const cancel = () => (person ? onDone?.() : store.stopCreating());

  const input = (key: string, label: MessageKey, extra: Record<string, unknown> = {}) => (
    <label class="field">
      <span>{t(label)}</span>
      <input value={String(draft[key] ?? '')} onInput={set(key)} data-testid={`person-${key}`} {...extra} />
    </label>
  );
  const area = (key: string, label: MessageKey, hint?: MessageKey) => (
    <label class="field">
      <span>
        {t(label)} {hint && <small class="muted">({t(hint)})</small>}
      </span>
      <textarea value={String(draft[key] ?? '')} onInput={set(key)} rows={key === 'notes' ? 4 : 2} data-testid={`person-${key}`} />
    </label>
  );

  return (
    <form class="panel person-form" onSubmit={submit} aria-labelledby="person-form-heading" data-testid="person-form">
      <h2 id="person-form-heading">{person ? t('person.edit') : t('person.new')}</h2>
      <label class="field">
        <span>
          {t('field.fullName')} <small class="muted">({t('common.required')})</small>
        </span>
        <input ref={first} value={String(draft.fullName)} onInput={set('fullName')} required data-testid="person-fullName" />
      </label>
      <div class="row">
        {input('title', 'field.title')}
        {input('company', 'field.company')}
      </div>
      {area('emails', 'field.emails', 'person.listHint')}
      {area('phones', 'field.phones', 'person.listHint')}
      <div class="row">
        {input('linkedinUrl', 'field.linkedinUrl', { type: 'url', dir: 'ltr' })}
        {input('website', 'field.website', { type: 'url', dir: 'ltr' })}
      </div>
      <div class="row">
        {input('location', 'field.location')}
        {input('tags', 'field.tags', { placeholder: t('person.tagsHint') })}
      </div>
      <div class="row">
        {person && input('owner', 'field.owner', { type: 'email', dir: 'ltr', placeholder: repEmail })}
        <label class="field">
          <span>{t('person.level')}</span>
          <select value={String(draft.level)} onChange={set('level')} data-testid="person-level">
            <option value="">{t('person.levelNone')}</option>
            {LEVELS.map((level) => (
              <option key={level} value={level}>
                {term('level', level)}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('field.acquisitionSource')}</span>
          <select value={String(draft.acquisitionSource)} onChange={set('acquisitionSource')}>
            {ACQUISITION_SOURCES.map((source) => (
              <option key={source} value={source}>
                {term('source', source)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div class="row">
        {input('importance', 'field.importance', { type: 'number', min: 0, max: 10, step: 1 })}
        {input('satisfaction', 'field.satisfaction', { type: 'number', min: 0, max: 10, step: 1 })}
        {input('shareOfWallet', 'field.shareOfWallet', { type: 'number', min: 0, max: 100, step: 1 })}
      </div>
      <label class="check">
        <input type="checkbox" checked={draft.doNotContact === true} onChange={set('doNotContact')} />
        {t('person.doNotContact')}
      </label>
      {area('notes', 'field.notes')}
      {problems.map((problem) => (
        <p class="problem" role="alert" key={problem}>
          {problem}
        </p>
      ))}
      <div class="person-form-actions">
        <button type="submit" class="button primary" data-testid="person-save">
          {t('person.save')}
        </button>
        <button type="button" class="button" onClick={cancel}>
          {t('person.cancel')}
        </button>
      </div>
    </form>
  );
}
