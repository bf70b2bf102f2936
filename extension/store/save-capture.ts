import type { Capture } from '../../shared/capture/capture';
import type { ClipsheetDb } from './db';
import { saveCapturedOrganisation } from './save-organisation';
import { saveCapturedPerson } from './save-person';
import { saveEmailThread, type ThreadContext } from './save-thread';

/** What one save did, in words the in-page bar and a notification can show. */
export interface SaveSummary {
  created: number;
  updated: number;
  logged: number;
  skipped: number;
  /** The first record saved, for a "view it" link. */
  first?: { entity: 'person' | 'organisation'; id: string };
  message: string;
}

/** Saves any capture: a person, an organisation, a mail thread, or every record of a list or page. */
export async function saveCapture(db: ClipsheetDb, capture: Capture, context: ThreadContext): Promise<SaveSummary> {
  const summary: SaveSummary = { created: 0, updated: 0, logged: 0, skipped: 0, message: '' };
  const count = (created: boolean, entity: 'person' | 'organisation', id: string) => {
    summary[created ? 'created' : 'updated']++;
    summary.first ??= { entity, id };
  };
  if (capture.kind === 'person') {
    const { person, created } = await saveCapturedPerson(db, capture, context);
    count(created, 'person', person.id);
  } else if (capture.kind === 'organisation') {
    const { organisation, created } = await saveCapturedOrganisation(db, capture, context);
    count(created, 'organisation', organisation.id);
  } else if (capture.kind === 'email-thread') {
    const saved = await saveEmailThread(db, capture, context);
    Object.assign(summary, { created: saved.created, updated: saved.updated, logged: saved.logged, skipped: saved.skipped });
    if (saved.personIds[0]) summary.first = { entity: 'person', id: saved.personIds[0] };
    summary.message = `${plural(saved.logged, 'message')} logged${saved.alreadyLogged ? `, ${saved.alreadyLogged} already there` : ''}${saved.skipped ? `, ${saved.skipped} skipped` : ''}; `;
  } else {
    for (const org of capture.organisations) {
      const { organisation, created } = await saveCapturedOrganisation(db, org, context);
      count(created, 'organisation', organisation.id);
    }
    for (const one of capture.people) {
      const { person, created } = await saveCapturedPerson(db, one, context);
      count(created, 'person', person.id);
    }
  }
  if (summary.created + summary.updated === 0 && capture.kind !== 'email-thread') throw new Error('Nothing on this page could be saved: no name was found.');
  summary.message += `${summary.created} new, ${summary.updated} updated in Clipsheet`;
  return summary;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
