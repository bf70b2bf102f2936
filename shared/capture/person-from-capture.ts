import type { Person, ProvenanceEntry } from '../model';
import type { PersonCapture, PersonCaptureField } from './capture';

/** Capture fields that are also Person fields of the same name. */
const SCALAR_FIELDS = ['fullName', 'givenName', 'familyName', 'headline', 'title', 'company', 'location', 'linkedinUrl', 'photoUrl', 'website'] as const;

/**
 * The person a capture describes, as the fields it sets and where each came from. Only what the page
 * showed is set; ids, stage and ownership are the store's business.
 */
export function personFieldsFromCapture(capture: PersonCapture, at: string): { fields: Partial<Person>; provenance: Record<string, ProvenanceEntry> } {
  const fields: Partial<Person> = {};
  const provenance: Record<string, ProvenanceEntry> = {};
  const found = (name: PersonCaptureField) => capture.fields[name]?.value.trim() || undefined;
  const mark = (field: string) => (provenance[field] = { source: capture.source, at, url: capture.url });

  for (const name of SCALAR_FIELDS) {
    const value = found(name);
    if (value !== undefined) {
      fields[name] = value;
      mark(name);
    }
  }
  const email = found('email');
  if (email) {
    fields.emails = [email];
    mark('emails');
  }
  const phone = found('phone');
  if (phone) {
    fields.phones = [phone];
    mark('phones');
  }
  return { fields, provenance };
}
