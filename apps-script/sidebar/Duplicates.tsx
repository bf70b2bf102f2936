import type { DuplicateProposal } from './contract';

/**
 * Merge proposals: rows that may be this same person, most often added by hand in the sheet (the extension
 * merges its own clips). Certain ones share an email, phone or LinkedIn profile; possible ones a name and a
 * company. Merging is done by hand for now: keep one row, tick Deleted on the other.
 */
export function Duplicates({ duplicates }: { duplicates: DuplicateProposal[] }) {
  if (!duplicates.length) return null;
  return (
    <section class="duplicates">
      <h2>Possible duplicates</h2>
      <ul data-testid="duplicates">
        {duplicates.map((d) => (
          <li key={d.id} class={d.strength}>
            <strong>{d.strength === 'exact' ? 'Same person' : 'Maybe the same person'}</strong>: row {d.row}, {d.fullName}
            {d.company && ` (${d.company})`} <span class="muted">— {d.why}</span>
          </li>
        ))}
      </ul>
      <p class="muted">To merge, copy what is missing into one row and tick Deleted on the other.</p>
    </section>
  );
}
