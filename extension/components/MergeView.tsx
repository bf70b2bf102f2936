import './MergeView.css';
import type { Organisation, Person } from '../../shared/model';
import { useTranslator } from '../i18n/i18n';
import type { MessageKey } from '../i18n/en';
import { previewMerge, type MergeProposal } from '../store/merge';
import { useStore, useWorkspace } from './workspace-store';

// The fields shown side by side, each with its label.
const COMPARED: Record<MergeProposal['entity'], ReadonlyArray<readonly [string, MessageKey]>> = {
  person: (['fullName', 'title', 'company', 'emails', 'phones', 'linkedinUrl', 'location', 'stage', 'owner', 'tags', 'notes'] as const).map((field) => [field, `field.${field}`] as const),
  organisation: [
    ['name', 'field.company'],
    ['domain', 'organisation.domain'],
    ['website', 'field.website'],
    ['linkedinUrl', 'field.linkedinUrl'],
    ['industry', 'organisation.industry'],
    ['sizeBand', 'organisation.size'],
    ['headquarters', 'organisation.headquarters'],
    ['stage', 'field.stage'],
    ['owner', 'field.owner'],
    ['tags', 'field.tags'],
    ['notes', 'field.notes'],
  ] as ReadonlyArray<readonly [string, MessageKey]>,
};

const nameOf = (record: Person | Organisation) => ('fullName' in record ? record.fullName : record.name);

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
              <strong dir="auto">{nameOf(proposal.a)}</strong>
              <span aria-hidden="true">⇄</span>
              <strong dir="auto">{nameOf(proposal.b)}</strong>
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
  const merged = previewMerge(proposal, new Date().toISOString());
  const show = (record: Person | Organisation, field: string) => {
    const value = (record as Record<string, unknown>)[field];
    if (field === 'stage') return term('stage', value as string);
    return Array.isArray(value) ? value.join(', ') : (value as string | undefined) ?? '';
  };
  const merge = async () => {
    const survivor = await store.mergeProposal(proposal);
    store.notify('info', t('merge.done', { name: nameOf(survivor) }));
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
          {COMPARED[proposal.entity].filter(([field]) => show(proposal.a, field) || show(proposal.b, field)).map(([field, label]) => (
            <tr key={field}>
              <th scope="row">{t(label)}</th>
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
