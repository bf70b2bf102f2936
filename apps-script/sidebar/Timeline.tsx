import type { TimelineItem } from './contract';

const ICON = { interaction: '💬', deal: '💰', task: '✅' } as const;

/** The 360-degree timeline [S8]: every interaction, deal and task of the person, newest first, across reps. */
export function Timeline({ items }: { items: TimelineItem[] }) {
  return (
    <section class="timeline">
      <h2>Timeline</h2>
      {items.length === 0 ? (
        <p class="muted">Nothing recorded yet.</p>
      ) : (
        <ol data-testid="timeline">
          {items.map((item) => (
            <li key={`${item.kind}-${item.id}`} class={item.kind}>
              <time dateTime={item.at}>{item.at.slice(0, 10)}</time> <span aria-hidden="true">{ICON[item.kind]}</span> {item.title}
              {item.detail && <p class="muted">{item.detail}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
