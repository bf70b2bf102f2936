import './PersonView.css';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Person } from '../../shared/model';
import { useTranslator, type Translator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import type { PersonRecord } from '../store/record';
import type { Forecast } from '../store/forecast';
import { ConfirmDelete } from './ConfirmDelete';
import { DealsPanel } from './DealsPanel';
import { PersonForm } from './PersonForm';
import { QuickLog } from './QuickLog';
import { StageMove } from './StageMove';
import { TaskForm, TaskList } from './TaskList';
import { Timeline } from './Timeline';
import { RecordPlaceholder } from './RecordPlaceholder';
import { useStore, useWorkspace } from './workspace-store';

/**
 * The 360-degree record [S8]: who they are, where they stand on the ladder, the relationship level and owner,
 * completeness and value, what to do next, and one timeline of every interaction. "l" jumps to the quick log.
 */
export function PersonView() {
  const store = useStore();
  const { t, dir } = useTranslator();
  const record = useWorkspace((s) => s.record);
  const missing = useWorkspace((s) => s.recordMissing);
  const from = useWorkspace((s) => s.organisationRecord?.organisation);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key === 'l' && !event.ctrlKey && !event.altKey && !event.metaKey && !(target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) {
        event.preventDefault();
        document.getElementById('quick-log-summary')?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Opened from an organisation's record, Back returns there.
  const back = (
    <button type="button" class="button link" onClick={() => store.closePerson()} data-testid="person-back">
      <span aria-hidden="true">{dir === 'rtl' ? '→' : '←'}</span> {from ? t('organisation.back', { name: from.name }) : t('person.back')}
    </button>
  );
  if (missing) return <RecordPlaceholder back={back} message={t('person.notFound')} />;
  if (!record) return <RecordPlaceholder back={back} message={t('common.loading')} busy />;
  return (
    <article class="person-view" aria-labelledby="person-name" data-testid="person-view" data-person-id={record.person.id}>
      <Header record={record} back={back} />
      <QuickLog personId={record.person.id} />
      <section class="panel" aria-labelledby="tasks-heading" data-testid="person-tasks">
        <h3 id="tasks-heading">{t('tasks.heading')}</h3>
        {record.openTasks.length === 0 && <p class="muted">{t('tasks.none')}</p>}
        <TaskList tasks={record.openTasks} now={Date.now()} />
        <TaskForm personId={record.person.id} />
      </section>
      <StageMove key={`${record.person.stage}:${record.purchases}`} record={record} />
      <Timeline interactions={record.timeline} />
      <Details person={record.person} />
      <ForecastPanel />
      <DealsPanel record={record} />
    </article>
  );
}

function Header({ record, back }: { record: PersonRecord; back: ComponentChildren }) {
  const store = useStore();
  const { t, term, dateTime, number, lang } = useTranslator();
  const { person, activity } = record;
  const tone = activity.status === 'inactive' ? 'bad' : activity.status === 'at-risk' ? 'warn' : 'good';
  const markLost = () => void store.moveStage(person.id, 'lost', { reason: 'no contact' });
  return (
    <header class="person-head">
      {back}
      <h2 id="person-name" data-testid="person-name">
        {person.fullName}
      </h2>
      <p class="subtitle">
        {[person.title, record.organisation ? undefined : person.company].filter(Boolean).join(' · ')}
        {record.organisation && (
          <>
            {person.title && ' · '}
            <button type="button" class="button link inline" onClick={() => void store.openOrganisation(record.organisation!.id)} aria-label={t('organisation.open', { name: record.organisation.name })} data-testid="person-organisation">
              {record.organisation.name}
            </button>
          </>
        )}
      </p>
      <div class="chips">
        <span class="chip" data-testid="person-stage">
          {term('stage', person.stage)}
        </span>
        {(activity.status === 'active' || activity.status === 'at-risk' || activity.status === 'inactive') && (
          <span class="chip" data-tone={tone} data-testid="person-activity">
            {activity.status === 'active' ? t('activity.active') : t(`activity.${activity.status}` as MessageKey, { days: activity.daysSinceContact ?? 0 })}
          </span>
        )}
        {person.level && <span class="chip">{`${t('person.level')}: ${term('level', person.level)}`}</span>}
        {record.needsAttention && (
          <span class="chip" data-tone="bad">
            {t('person.attention')}
          </span>
        )}
        {person.doNotContact && (
          <span class="chip" data-tone="bad">
            {t('person.doNotContact')}
          </span>
        )}
      </div>
      <p class="muted">
        {person.lastContactAt ? t('person.lastContact', { date: dateTime(person.lastContactAt) }) : t('person.neverContacted')}
        {person.nextFollowUpAt && ` · ${t('person.nextFollowUp', { date: dateTime(person.nextFollowUpAt) })}`}
      </p>
      {activity.suggestion && (
        <button type="button" class="button small" onClick={markLost} data-testid="suggest-lost">
          {t('activity.suggestLost')}
        </button>
      )}
      <div class="completeness" role="meter" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(record.completeness.score * 100)} aria-label={t('person.completeness', { percent: number(record.completeness.score, { style: 'percent' }) })}>
        <div style={{ inlineSize: `${Math.round(record.completeness.score * 100)}%` }} />
      </div>
      <p class="muted" data-testid="person-completeness">
        {t('person.completeness', { percent: number(record.completeness.score, { style: 'percent' }) })}
        {record.completeness.missing.length > 0 && ` · ${t('person.missing', { fields: record.completeness.missing.map((field) => t(`field.${field}` as MessageKey)).join(lang === 'fa' ? '، ' : ', ') })}`}
      </p>
    </header>
  );
}

/** P(alive), expected purchases and predicted value [S4]: what the purchase models expect of this customer. */
function ForecastPanel() {
  const { t, number } = useTranslator();
  const forecast = useWorkspace((s) => s.forecast);
  const rows: Array<[MessageKey, string]> =
    forecast?.kind === 'predicted'
      ? [
          ['forecast.alive', number(forecast.prediction.probabilityAlive, { style: 'percent' })],
          ['forecast.purchases', number(forecast.prediction.expectedPurchases, { maximumFractionDigits: 1 })],
          ...(forecast.prediction.clv === undefined ? [] : [['forecast.value', number(forecast.prediction.clv, { maximumFractionDigits: 0 })] as [MessageKey, string]]),
        ]
      : [];
  return (
    <section class="panel" aria-labelledby="forecast-heading" aria-busy={!forecast} data-testid="person-forecast" data-kind={forecast?.kind ?? 'pending'}>
      <h3 id="forecast-heading">{t('forecast.heading')}</h3>
      {!forecast && <p class="muted">{t('common.loading')}</p>}
      {forecast?.kind === 'no-purchases' && <p class="muted">{t('forecast.noPurchases')}</p>}
      {forecast?.kind === 'unavailable' && (
        <p class="muted" data-testid="forecast-reason" data-reason={forecast.reason.code}>
          {t('forecast.unavailable', { reason: describeForecastReason(forecast.reason, t) })}
        </p>
      )}
      {rows.length > 0 && (
        <>
          <dl class="person-details">{rows.map(([label, value]) => [<dt key={`${label}-t`}>{t(label)}</dt>, <dd key={`${label}-d`} data-testid={label}>{value}</dd>])}</dl>
          <p class="muted">{t('forecast.source')}</p>
        </>
      )}
    </section>
  );
}

/** The rep's-language sentence for why there is no forecast (the reasons are codes from shared/metrics). */
function describeForecastReason(reason: Extract<Forecast, { kind: 'unavailable' }>['reason'], t: Translator['t']): string {
  return reason.code === 'too-few-repeat-buyers' ? t('forecast.reason.too-few-repeat-buyers', { needed: reason.needed, found: reason.found }) : t(`forecast.reason.${reason.code}`);
}

function Details({ person }: { person: Person }) {
  const store = useStore();
  const { t, term } = useTranslator();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = async () => {
    const result = await store.deletePerson(person.id);
    if (!result.ok) return store.notify('error', result.problems.join(' '));
    store.notify('info', t('person.deleted'));
    // Back where the record was opened from: the contacts list, or the organisation's record.
    requestAnimationFrame(() => (document.getElementById('search-input') ?? document.querySelector<HTMLElement>('[data-testid="organisation-back"]'))?.focus());
  };
  if (editing) return <PersonForm person={person} onDone={() => setEditing(false)} />;
  const rows: Array<[MessageKey, string | undefined]> = [
    ['field.emails', person.emails.join(', ')],
    ['field.phones', person.phones.join(', ')],
    ['field.linkedinUrl', person.linkedinUrl],
    ['field.website', person.website],
    ['field.location', person.location],
    ['person.owner', person.owner],
    ['person.level', person.level ? term('level', person.level) : t('person.levelNone')],
    ['person.tags', person.tags.join(', ')],
    ['person.segments', person.segments.join(', ')],
    ['field.acquisitionSource', term('source', person.acquisitionSource)],
    ['field.notes', person.notes],
  ];
  const shown = rows.filter(([, value]) => value);
  return (
    <section class="panel" aria-labelledby="details-heading" data-testid="person-details">
      <h3 id="details-heading">{t('person.details')}</h3>
      {shown.length === 0 ? (
        <p class="muted">{t('person.noDetails')}</p>
      ) : (
        <dl class="person-details">
          {shown.map(([label, value]) => [<dt key={`${label}-t`}>{t(label)}</dt>, <dd key={`${label}-d`} dir="auto">{value}</dd>])}
        </dl>
      )}
      <div class="person-actions">
        <button type="button" class="button" onClick={() => setEditing(true)} data-testid="person-edit">
          {t('person.edit')}
        </button>
        {!confirming && (
          <button type="button" class="button" onClick={() => setConfirming(true)} data-testid="person-delete">
            {t('person.delete')}
          </button>
        )}
      </div>
      {confirming && <ConfirmDelete question={t('person.confirmDelete', { name: person.fullName })} onConfirm={() => void remove()} onCancel={() => (setConfirming(false), requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="person-delete"]')?.focus()))} testId="person" />}
    </section>
  );
}
