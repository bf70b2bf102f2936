import type { ArchivedSummary, TimelineItem } from './contract';

const ICON = { interaction: '💬', deal: '💰', task: '✅' } as const;

/**
 * The 360-degree timeline [S8]: every interaction, deal and task of the person, newest first, across reps;
 * the newest of their archived interactions among them, and how many more the archive holds.
 */
export function Timeline({ items, archived }: { items: TimelineItem[]; archived?: ArchivedSummary }) {
  return (
    <section class="timeline">
      <h2>Timeline</h2>
      {items.length === 0 ? (
        <p class="muted">Nothing recorded yet.</p>
      ) : (
        <ol data-testid="timeline">
          {items.map((item) => (
            <li key={`${item.kind}-${item.sheet}-${item.id}`} class={item.kind}>
              <time dateTime={item.at}>{item.at.slice(0, 10)}</time> <span aria-hidden="true">{ICON[item.kind]}</span> {item.title}
              {item.detail && <p class="muted">{item.detail}</p>}
            </li>
          ))}
        </ol>
      )}
      {archived && <Archived summary={archived} />}
    </section>
  );
}

function Archived({ summary }: { summary: ArchivedSummary }) {
  const link = (
    <a href={summary.url} target="_blank" rel="noopener noreferrer">
      the interactions archive
    </a>
  );
  if ('problem' in summary) return <p class="muted" data-testid="archived">{summary.problem} ({link})</p>;
  if (summary.interactions === 0) return null;
  return (
    <p class="muted" data-testid="archived">
      {summary.shown === summary.interactions
        ? <>{summary.interactions} of these are in {link}.</>
        : <>Showing the newest {summary.shown} of {summary.interactions} interactions in {link}.</>}
    </p>
  );
}
