import './DealsPanel.css';
import { useState } from 'preact/hooks';
import { LOST_REASONS, type Deal } from '../../shared/model';
import { useTranslator } from '../i18n/i18n';
import type { PersonRecord } from '../store/record';
import { useStore } from './workspace-store';

/** Value figures from shared/value (revenue, cost to serve, base value, share of wallet) and the person's deals. */
export function DealsPanel({ record }: { record: PersonRecord }) {
  const { t, number } = useTranslator();
  const [adding, setAdding] = useState<'order' | 'opportunity' | null>(null);
  const { value, person } = record;
  return (
    <section class="panel" aria-labelledby="value-heading" data-testid="value">
      <h3 id="value-heading">{t('value.heading')}</h3>
      {value ? (
        <dl class="value-figures">
          <div>
            <dt>{t('value.revenue')}</dt>
            <dd data-testid="value-revenue">{number(value.revenue)}</dd>
          </div>
          <div>
            <dt>{t('value.costs')}</dt>
            <dd>{number(value.costs)}</dd>
          </div>
          <div>
            <dt>{t('value.base')}</dt>
            <dd data-testid="value-base">{number(value.base)}</dd>
          </div>
          {person.shareOfWallet !== undefined && (
            <div>
              <dt>{t('value.wallet')}</dt>
              <dd>{number(person.shareOfWallet, { style: 'percent' })}</dd>
            </div>
          )}
        </dl>
      ) : (
        <p class="muted">{t('value.none')}</p>
      )}
      {value && value.missingCosts > 0 && <p class="muted">{t('value.missingCosts', { count: value.missingCosts })}</p>}
      <h3>{t('deals.heading')}</h3>
      {record.deals.length === 0 && <p class="muted">{t('deals.none')}</p>}
      <ul class="deal-list">
        {record.deals.map((deal) => (
          <DealItem key={deal.id} deal={deal} />
        ))}
      </ul>
      {adding ? (
        <DealForm personId={person.id} kind={adding} onDone={() => setAdding(null)} />
      ) : (
        <div class="deal-actions">
          <button type="button" class="button" onClick={() => setAdding('order')} data-testid="add-order">
            {t('deals.addOrder')}
          </button>
          <button type="button" class="button" onClick={() => setAdding('opportunity')} data-testid="add-opportunity">
            {t('deals.addOpportunity')}
          </button>
        </div>
      )}
    </section>
  );
}

function DealItem({ deal }: { deal: Deal }) {
  const store = useStore();
  const { t, number, date, term } = useTranslator();
  const [status, setStatus] = useState<'won' | 'lost'>('won');
  const [reason, setReason] = useState('');
  const [competitor, setCompetitor] = useState('');
  const [problem, setProblem] = useState('');
  const close = async (event: Event) => {
    event.preventDefault();
    const result = await store.closeOpportunity(deal.id, { status, reason, competitor });
    setProblem(result.ok ? '' : result.problems.join(' '));
  };
  const statusLabel = deal.status === 'won' ? t('deals.won') : deal.status === 'lost' ? t('deals.lost') : t('deals.open');
  return (
    <li data-testid="deal">
      <span>
        <strong>{deal.kind === 'order' ? t('deals.order') : t('deals.opportunity')}</strong> · {number(deal.value)} {deal.currency ?? ''} · {deal.product ?? ''} ·{' '}
        <span class="chip" data-tone={deal.status === 'won' ? 'good' : deal.status === 'lost' ? 'bad' : undefined}>
          {statusLabel}
        </span>{' '}
        <span class="muted">{date(deal.closedAt ?? deal.openedAt)}</span>
      </span>
      {deal.reason && <span class="muted">{deal.reason}</span>}
      {deal.kind === 'opportunity' && deal.status === 'open' && (
        <form class="row" onSubmit={close} aria-label={t('deals.close')}>
          <label class="field">
            <span>{t('deals.close')}</span>
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value as 'won' | 'lost')} data-testid="deal-status">
              <option value="won">{t('deals.won')}</option>
              <option value="lost">{t('deals.lost')}</option>
            </select>
          </label>
          <label class="field">
            <span>{t('deals.reason')}</span>
            <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} list={status === 'lost' ? 'lost-reasons' : undefined} aria-required="true" data-testid="deal-reason" />
            <datalist id="lost-reasons">
              {LOST_REASONS.map((value) => (
                <option key={value} value={value}>
                  {term('lost', value)}
                </option>
              ))}
            </datalist>
          </label>
          {status === 'lost' && (
            <label class="field">
              <span>{t('deals.competitor')}</span>
              <input value={competitor} onInput={(e) => setCompetitor(e.currentTarget.value)} />
            </label>
          )}
          <button type="submit" class="button" data-testid="deal-close">
            {t('deals.save')}
          </button>
          {problem && (
            <p class="problem" role="alert">
              {problem}
            </p>
          )}
        </form>
      )}
    </li>
  );
}

function DealForm({ personId, kind, onDone }: { personId: string; kind: 'order' | 'opportunity'; onDone: () => void }) {
  const store = useStore();
  const { t } = useTranslator();
  const [value, setValue] = useState('');
  const [cost, setCost] = useState('');
  const [product, setProduct] = useState('');
  const [problem, setProblem] = useState('');
  const submit = async (event: Event) => {
    event.preventDefault();
    const amount = Number(value.replace(/,/g, ''));
    const costToServe = cost.trim() ? Number(cost.replace(/,/g, '')) : undefined;
    if (!Number.isFinite(amount) || (costToServe !== undefined && !Number.isFinite(costToServe))) return setProblem(`${t('deals.value')}: ${t('common.required')}`);
    const result = kind === 'order' ? await store.addOrder({ personId, value: amount, costToServe, product }) : await store.openOpportunity({ personId, value: amount, product });
    if (!result.ok) return setProblem(result.problems.join(' '));
    onDone();
  };
  return (
    <form class="row" onSubmit={submit} aria-label={kind === 'order' ? t('deals.addOrder') : t('deals.addOpportunity')} data-testid="deal-form">
      <label class="field">
        <span>{t('deals.value')}</span>
        <input inputMode="decimal" value={value} onInput={(e) => setValue(e.currentTarget.value)} required data-testid="deal-value" />
      </label>
      {kind === 'order' && (
        <label class="field">
          <span>{t('deals.cost')}</span>
          <input inputMode="decimal" value={cost} onInput={(e) => setCost(e.currentTarget.value)} />
        </label>
      )}
      <label class="field">
        <span>{t('deals.product')}</span>
        <input value={product} onInput={(e) => setProduct(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button primary" data-testid="deal-save">
        {t('deals.save')}
      </button>
      <button type="button" class="button" onClick={onDone}>
        {t('person.cancel')}
      </button>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
