import './Timeline.css';
import { useState } from 'preact/hooks';
import type { Interaction } from '../../shared/model';
import { useTranslator } from '../i18n/i18n';

const FIRST = 50;
const MORE = 200;

/** Every interaction with the person, from every channel and rep, newest first; long histories open in pages. */
export function Timeline({ interactions }: { interactions: readonly Interaction[] }) {
  const { t, term, dateTime } = useTranslator();
  const [shown, setShown] = useState(FIRST);
  return (
    <section class="panel timeline" aria-labelledby="timeline-heading" data-testid="timeline" data-count={interactions.length}>
      <h3 id="timeline-heading">
        {t('timeline.heading')} <span class="muted">({t('timeline.count', { count: interactions.length })})</span>
      </h3>
      {interactions.length === 0 && <p class="muted">{t('timeline.empty')}</p>}
      <ol>
        {interactions.slice(0, shown).map((interaction) => (
          <li key={interaction.id} data-testid="timeline-item" data-experience={interaction.experience}>
            <div class="timeline-head">
              <strong>{term('interaction', interaction.type)}</strong>
              {interaction.direction && <span>{term('direction', interaction.direction)}</span>}
              <time dateTime={interaction.at}>{dateTime(interaction.at)}</time>
              {interaction.owner && <span>{t('timeline.by', { rep: interaction.owner })}</span>}
              {interaction.experience && (
                <span class="chip" data-tone={interaction.experience === 'bad' ? 'bad' : interaction.experience === 'good' ? 'good' : undefined}>
                  {term('experience', interaction.experience)}
                </span>
              )}
              {interaction.voiceOfCustomer && <span class="chip">{term('voc', interaction.voiceOfCustomer)}</span>}
            </div>
            {interaction.subject && <p class="timeline-body">{interaction.subject}</p>}
            {interaction.summary && <p class="timeline-body">{interaction.summary}</p>}
            {interaction.outcome && <p class="timeline-body muted">→ {interaction.outcome}</p>}
          </li>
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
