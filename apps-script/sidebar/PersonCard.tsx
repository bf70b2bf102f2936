import type { PersonSummary } from './contract';

const ACTIVITY: Record<string, string> = {
  active: 'active',
  'at-risk': 'at risk',
  inactive: 'inactive',
  'not-tracked': 'not tracked at this stage',
  unknown: 'no contact recorded',
};

/** Who the person is, where they stand on the ladder, their level, activity and profile completeness. */
export function PersonCard({ person }: { person: PersonSummary }) {
  const percent = Math.round(person.completeness.score * 100);
  return (
    <section class="person" data-testid="person">
      <h1 data-testid="person-name">{person.fullName}</h1>
      {(person.title || person.company) && <p class="role">{[person.title, person.company].filter(Boolean).join(' at ')}</p>}
      <dl>
        <dt>Stage</dt>
        <dd data-testid="stage">
          {person.stage}
          {person.phase && <span class="muted"> ({person.phase})</span>}
          {person.stageReason && <span class="muted">: {person.stageReason}</span>}
        </dd>
        <dt>Level</dt>
        <dd data-testid="level">{person.level ?? 'not set'}</dd>
        <dt>Activity</dt>
        <dd data-testid="activity">
          {ACTIVITY[person.activity.status] ?? person.activity.status}
          {person.activity.daysSinceContact !== undefined && `, ${person.activity.daysSinceContact} days since contact`}
        </dd>
        <dt>Profile</dt>
        <dd data-testid="completeness">
          {percent}% complete{person.completeness.missing.length ? `; missing ${person.completeness.missing.join(', ')}` : ''}
        </dd>
        {person.emails.length > 0 && (
          <>
            <dt>Email</dt>
            <dd>{person.emails.join(', ')}</dd>
          </>
        )}
        {person.phones.length > 0 && (
          <>
            <dt>Phone</dt>
            <dd>{person.phones.join(', ')}</dd>
          </>
        )}
        <dt>Owner</dt>
        <dd>{person.owner || 'nobody yet'}</dd>
      </dl>
    </section>
  );
}
