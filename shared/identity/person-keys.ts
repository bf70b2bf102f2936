import type { Person } from '../model';
import { companyDomainFromWebsite, toCompanyDomain } from './company-domain';
import { aliasEmail, cleanEmail, domainOfEmail } from './email';
import { parseLinkedInUrl } from './linkedin';
import { normaliseCompanyName, normaliseName } from './name';
import type { IdentityKeys } from './identity-index';
import { normalisePhone, type CountryCode } from './phone';
import { valueOf, type IdentityProblem } from './problem';
import { addKey, inOrder, kept, listOf } from './key-building';
import { rememberText } from './remember';

/** The fields identity reads; incoming captures may carry only some of them. */
export type PersonLike = Partial<
  Pick<Person, 'id' | 'fullName' | 'emails' | 'phones' | 'linkedinUrl' | 'company' | 'organisationId' | 'website' | 'deleted'>
>;

export interface IdentityOptions {
  /** The country a national phone number (`0912 ...`) is read in, usually the team's. */
  defaultCountry?: CountryCode;
}

/** A person's identity keys: `in:<public id>`, `email:<key>`, `phone:<E.164>` exact; `<name key>` + separator + `org:<id>`, `company:<key>` or `domain:<domain>` fuzzy. */
export type PersonKeys = IdentityKeys;

/** Separates the name from the company part of a fuzzy key; it cannot occur in a normalised name. */
export const FUZZY_SEPARATOR = '\u0000';

// The company domain of a mail host, remembered whole (free-mail check included): all of a company's people
// write from the same host.
const companyDomainOfHost = rememberText((host) => toCompanyDomain(host as string));

/** Every identity key of a person, with the problems of the values that gave none; never throws. */
export function derivePersonKeys(person: PersonLike, options: IdentityOptions = {}): PersonKeys {
  const problems: IdentityProblem[] = [];
  // Exact keys go strongest kind first (LinkedIn, email, phone), each kind in text order, so both sides of a
  // match name the same key. One array holds them all, each kind sorted in its own stretch: this runs for
  // every stored and every incoming record, and fewer short-lived arrays mean fewer scavenges.
  const exact: string[] = [];
  // Where the person works. Every value is read, so its problems are reported, even when the name gives no key.
  const workplaces: string[] = [];
  if (person.linkedinUrl !== undefined) {
    const page = kept(parseLinkedInUrl(person.linkedinUrl), problems);
    if (page?.kind === 'person') exact.push(`in:${page.id}`);
    else if (page) problems.push({ field: 'linkedinUrl', code: 'malformed', message: 'linkedinUrl is a company page, not a profile' });
  }
  const emailsFrom = exact.length;
  for (const email of listOf(person.emails)) {
    const clean = kept(cleanEmail(email), problems); // cleaned once for both its key and its domain
    if (clean === undefined) continue;
    addKey(exact, 'email:', kept(aliasEmail(clean), problems));
    addKey(workplaces, 'domain:', valueOf(companyDomainOfHost(domainOfEmail(clean)))); // free mail: no company, no problem
  }
  inOrder(exact, emailsFrom);
  const phonesFrom = exact.length;
  for (const phone of listOf(person.phones)) addKey(exact, 'phone:', kept(normalisePhone(phone, options.defaultCountry), problems));
  inOrder(exact, phonesFrom);
  if (typeof person.organisationId === 'string' && person.organisationId !== '') addKey(workplaces, 'org:', person.organisationId);
  if (person.company !== undefined) addKey(workplaces, 'company:', kept(normaliseCompanyName(person.company), problems));
  if (person.website !== undefined) addKey(workplaces, 'domain:', kept(companyDomainFromWebsite(person.website), problems, 'free-mail'));
  const name = person.fullName === undefined ? undefined : kept(normaliseName(person.fullName), problems);
  if (name === undefined) return { exact, fuzzy: [], problems };
  // The workplaces become the fuzzy keys in place.
  const fuzzy = inOrder(workplaces);
  for (let i = 0; i < fuzzy.length; i++) fuzzy[i] = name + FUZZY_SEPARATOR + fuzzy[i]!;
  return { exact, fuzzy, problems };
}
