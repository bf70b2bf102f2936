import './MergeView.css';
import type { Person } from '../../shared/model';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { previewMerge, type MergeProposal } from '../store/merge';
import { useStore, useWorkspace } from './workspace-store';

const COMPARED = ['fullName', 'title', 'company', 'emails', 'phones', 'linkedinUrl', 'location', 'stage', 'owner', 'tags', 'notes'] as const;

/** Possible duplicates from the domain core's matching, each reviewed side by side with the merged result. */
export function MergeView() {
  const store = useStore();
  const { t } = useTranslator();
  const proposals = useWorkspace((s) => s.proposals);
  const reviewing = useWorkspace((s) => s.reviewing);
  if (!proposals) return <p class="panel" aria-busy="true">{t('merge.loading')}</p>;
  return (
    <section class="panel" aria-labelledby="merge-heading" data-testid="merge-view">
      <h2 id="merge-heading">{t('merge.heading')}</h2>
      <p class="muted">{proposals.length ? t('merge.count', { count: proposals.length }) : t('merge.none')}</p>
      <ul class="merge-list">
        {proposals.map((proposal) => (
          <li key={proposal.pair} data-testid="merge-proposal">
            <div class="merge-pair">
              <strong>{proposal.a.fullName}</strong>
              <span aria-hidden="true">⇄</span>
              <strong>{proposal.b.fullName}</strong>
              <span class="chip">{t(`merge.rule.${proposal.rule}` as MessageKey)}</span>
              <button type="button" class="button small" aria-expanded={reviewing === proposal.pair} onClick={() => store.review(reviewing === proposal.pair ? undefined : proposal.pair)} data-testid="merge-review">
                {t('merge.review')}
              </button>
            </div>
            {reviewing === proposal.pair && <Review proposal={proposal} />}
          </li>
        ))}
      </ul>
    </section>
  );
}

function Review({ proposal }: { proposal: MergeProposal }) {
  const store = useStore();
  const { t, term } = useTranslator();
  const merged = previewMerge(proposal.a, proposal.b, new Date().toISOString());
  const show = (person: Person, field: (typeof COMPARED)[number]) => {
    const value = person[field];
    if (field === 'stage') return term('stage', value as string);
    return Array.isArray(value) ? value.join(', ') : (value as string | undefined) ?? '';
  };
  const merge = async () => {
    const survivor = await store.mergeProposal(proposal);
    store.notify('info', t('merge.done', { name: survivor.fullName }));
  };
  return (
    <div data-testid="merge-review-panel">
      <table class="merge-compare">
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">A</th>
            <th scope="col">B</th>
            <th scope="col">{t('merge.merged')}</th>
          </tr>
        </thead>
        <tbody>
          {COMPARED.filter((field) => show(proposal.a, field) || show(proposal.b, field)).map((field) => (
            <tr key={field}>
              <th scope="row">{t(`field.${field}` as MessageKey)}</th>
              <td data-differs={show(proposal.a, field) !== show(proposal.b, field)} dir="auto">{show(proposal.a, field)}</td>
              <td data-differs={show(proposal.a, field) !== show(proposal.b, field)} dir="auto">{show(proposal.b, field)}</td>
              <td class="merged" dir="auto">{show(merged, field)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="merge-actions">
        <button type="button" class="button primary" onClick={() => void merge()} data-testid="merge-confirm">
          {t('merge.confirm')}
        </button>
        <button type="button" class="button" onClick={() => void store.dismissProposal(proposal)} data-testid="merge-dismiss">
          {t('merge.dismiss')}
        </button>
      </div>
    </div>
  );
}
