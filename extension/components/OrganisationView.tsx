import './OrganisationView.css';
import { computeBaseValue } from '../../shared/value';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import type { OrganisationRecord } from '../store/organisation-record';
import { Timeline } from './Timeline';
import { RecordPlaceholder } from './RecordPlaceholder';
import { useStore, useWorkspace } from './workspace-store';

/**
 * An organisation's record [S8]: its details and stage, its people (each opens their record, and Back returns
 * here), what was sold to it, and one timeline of every interaction with it or its people.
 */
export function OrganisationView() {
  const store = useStore();
  const { t, dir } = useTranslator();
  const record = useWorkspace((s) => s.organisationRecord);
  const missing = useWorkspace((s) => s.organisationMissing);
  const back = (
    <button type="button" class="button link" onClick={() => store.closeOrganisation()} data-testid="organisation-back">
      <span aria-hidden="true">{dir === 'rtl' ? '→' : '←'}</span> {t('person.back')}
    </button>
  );
  if (missing) return <RecordPlaceholder back={back} message={t('organisation.notFound')} />;
  if (!record) return <RecordPlaceholder back={back} message={t('common.loading')} busy />;
  const names = Object.fromEntries(record.people.map((person) => [person.id, person.fullName]));
  return (
    <article class="person-view organisation-view" aria-labelledby="organisation-name" data-testid="organisation-view" data-organisation-id={record.organisation.id}>
      <Header record={record} back={back} />
      <People record={record} />
      <Timeline interactions={record.timeline} names={names} />
      <Details record={record} />
      <Deals record={record} />
    </article>
  );
}

function Header({ record, back }: { record: OrganisationRecord; back: preact.ComponentChildren }) {
  const { t, term } = useTranslator();
  const { organisation } = record;
  return (
    <header class="person-head">
      {back}
      <p class="muted organisation-kind">{t('organisation.kind')}</p>
      <h2 id="organisation-name" data-testid="organisation-name">
        <bdi>{organisation.name}</bdi>
      </h2>
      <p class="subtitle">{[organisation.industry, organisation.headquarters].filter(Boolean).join(' · ')}</p>
      <div class="chips">
        <span class="chip" data-testid="organisation-stage">
          {term('stage', organisation.stage)}
        </span>
        {organisation.level && <span class="chip">{`${t('person.level')}: ${term('level', organisation.level)}`}</span>}
        <span class="chip">{t('organisation.peopleCount', { count: record.people.length })}</span>
        {record.openTasks.length > 0 && <span class="chip">{t('organisation.openTasks', { count: record.openTasks.length })}</span>}
      </div>
    </header>
  );
}

function People({ record }: { record: OrganisationRecord }) {
  const store = useStore();
  const { t, term, dateTime } = useTranslator();
  return (
    <section class="panel" aria-labelledby="organisation-people-heading" data-testid="organisation-people">
      <h3 id="organisation-people-heading">{t('organisation.people')}</h3>
      {record.people.length === 0 ? (
        <p class="muted">{t('organisation.noPeople')}</p>
      ) : (
        <ul class="organisation-people">
          {record.people.map((person) => (
            <li key={person.id}>
              <button type="button" class="organisation-person" data-person-id={person.id} onClick={() => void store.openPerson(person.id, { fromOrganisation: true })} data-testid="organisation-person">
                <bdi class="organisation-person-name">{person.fullName}</bdi>
                <span class="muted">
                  {[person.title, term('stage', person.stage), person.lastContactAt ? t('person.lastContact', { date: dateTime(person.lastContactAt) }) : t('person.neverContacted')].filter(Boolean).join(' · ')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Details({ record }: { record: OrganisationRecord }) {
  const { t, term } = useTranslator();
  const { organisation } = record;
  const rows: Array<[MessageKey, string | undefined]> = [
    ['organisation.domain', organisation.domain],
    ['field.website', organisation.website],
    ['field.linkedinUrl', organisation.linkedinUrl],
    ['organisation.industry', organisation.industry],
    ['organisation.size', organisation.sizeBand],
    ['organisation.headquarters', organisation.headquarters],
    ['organisation.territory', organisation.territory],
    ['person.owner', organisation.owner],
    ['person.level', organisation.level ? term('level', organisation.level) : undefined],
    ['person.tags', organisation.tags.join(', ')],
    ['field.notes', organisation.notes],
  ];
  const shown = rows.filter(([, value]) => value);
  return (
    <section class="panel" aria-labelledby="organisation-details-heading" data-testid="organisation-details">
      <h3 id="organisation-details-heading">{t('organisation.details')}</h3>
      {shown.length === 0 ? (
        <p class="muted">{t('organisation.noDetails')}</p>
      ) : (
        <dl class="person-details">{shown.map(([label, value]) => [<dt key={`${label}-t`}>{t(label)}</dt>, <dd key={`${label}-d`} dir="auto">{value}</dd>])}</dl>
      )}
    </section>
  );
}

function Deals({ record }: { record: OrganisationRecord }) {
  const { t, number, date } = useTranslator();
  const sales = record.deals.filter((deal) => deal.kind === 'order' && deal.status === 'won');
  const value = computeBaseValue(sales);
  return (
    <section class="panel" aria-labelledby="organisation-deals-heading" data-testid="organisation-deals">
      <h3 id="organisation-deals-heading">{t('organisation.deals')}</h3>
      {record.deals.length === 0 && <p class="muted">{t('organisation.noDeals')}</p>}
      {value.ok && sales.length > 0 && (
        <p data-testid="organisation-revenue">{t('organisation.revenue', { value: number(value.value.revenue, { maximumFractionDigits: 0 }), count: sales.length })}</p>
      )}
      <ul class="organisation-deals">
        {record.deals.slice(0, 20).map((deal) => (
          <li key={deal.id}>
            {`${t(deal.kind === 'order' ? 'deals.order' : 'deals.opportunity')} · ${t(deal.status === 'won' ? 'deals.won' : deal.status === 'lost' ? 'deals.lost' : 'deals.open')} · ${number(deal.value)}`}
            {deal.product && ` · ${deal.product}`} <span class="muted">{date(deal.openedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
