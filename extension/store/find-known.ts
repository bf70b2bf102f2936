import type { Person } from '../../shared/model';
import { buildPersonIndex } from '../../shared/identity/person-index';
import type { PersonLike } from '../../shared/identity/person-keys';
import type { ClipsheetDb } from './db';

/** A stored person as the in-page UI shows them: enough to say "already in Clipsheet" and link to the record. */
export interface KnownPerson {
  personId: string;
  fullName: string;
  stage: Person['stage'];
  /** Why they matched: an exact key (`in:…`, `email:…`) or a fuzzy one (same name at the same company). */
  match: 'exact' | 'possible';
}

/**
 * Looks people up by identity, as the domain core defines it: LinkedIn URL, email (Gmail dots and plus tags
 * aside) and phone match exactly; the same name at the same company or domain is a possible match. Built
 * per request: a rep's local store is thousands of people, which the index reads in milliseconds.
 */
export async function findKnownPeople(db: ClipsheetDb, queries: PersonLike[]): Promise<Array<KnownPerson | null>> {
  const stored = await db.people.toArray();
  const index = buildPersonIndex(stored);
  const byId = new Map(stored.map((p) => [p.id, p]));
  return queries.map((query) => {
    const result = index.match(query);
    const id = result.kind === 'exact' ? result.id : result.kind === 'candidates' && result.ids.length === 1 ? result.ids[0] : undefined;
    const person = id ? byId.get(id) : undefined;
    return person ? { personId: person.id, fullName: person.fullName, stage: person.stage, match: result.kind === 'exact' ? 'exact' : 'possible' } : null;
  });
}
