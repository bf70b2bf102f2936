import type { Capture, PersonCapture } from '../../../shared/capture/capture';
import type { PersonLike } from '../../../shared/identity/person-keys';

/** The identity of one captured person, as the domain core's matcher reads it. */
export function personQuery(person: PersonCapture): PersonLike {
  const f = person.fields;
  return { fullName: f.fullName?.value, linkedinUrl: f.linkedinUrl?.value, emails: f.email ? [f.email.value] : [], phones: f.phone ? [f.phone.value] : [], company: f.company?.value };
}

/** The people a person or list capture names, to ask whether they are already in Clipsheet. */
export const peopleQueries = (capture: Capture): PersonLike[] => (capture.kind === 'person' ? [personQuery(capture)] : capture.kind === 'page' ? capture.people.map(personQuery) : []);

/** Everyone in a mail thread except the signed-in rep. */
export function threadQueries(capture: Capture): PersonLike[] {
  if (capture.kind !== 'email-thread') return [];
  const own = capture.fields.account?.value;
  const addresses = capture.messages.flatMap((m) => [...(m.from ? [m.from] : []), ...m.recipients]).filter((a) => a.email !== own);
  return [...new Map(addresses.map((a) => [a.email, { fullName: a.name, emails: [a.email] }])).values()];
}

/** What the save button says when the capture's own page gives no better word. */
export function saveLabel(capture: Capture): string {
  const count = capture.kind === 'page' ? capture.people.length + capture.organisations.length : 1;
  return count > 1 ? `Save ${count} to Clipsheet` : 'Save to Clipsheet';
}
