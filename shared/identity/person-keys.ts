import type { Person } from '../model';
import { companyDomainFromWebsite, toCompanyDomain } from './company-domain';
import { aliasEmail, cleanEmail, domainOfEmail } from './email';
import { parseLinkedInUrl } from './linkedin';
import { normaliseCompanyName, normaliseName } from './name';
import { normalisePhone, type CountryCode } from './phone';
import { valueOf, type IdentityProblem, type Normalised } from './problem';

/** The fields identity reads; incoming captures may carry only some of them. */
export type PersonLike = Partial<
  Pick<Person, 'id' | 'fullName' | 'emails' | 'phones' | 'linkedinUrl' | 'company' | 'organisationId' | 'website' | 'deleted'>
>;

export interface IdentityOptions {
  /** The country a national phone number (`0912 ...`) is read in, usually the team's. */
  defaultCountry?: CountryCode;
}

/** A person's identity keys: exact ones merge automatically, fuzzy ones only propose candidates. */
export interface PersonKeys {
  /** `in:<public id>`, `email:<key>`, `phone:<E.164>`, strongest first, so both sides of a match name the same key. */
  readonly exact: readonly string[];
  /** `<name key>` + separator + `org:<id>`, `company:<key>` or `domain:<domain>`. */
  readonly fuzzy: readonly string[];
  readonly problems: readonly IdentityProblem[];
}

/** Separates the name from the company part of a fuzzy key; it cannot occur in a normalised name. */
export const FUZZY_SEPARATOR = '\u0000';

/** Every identity key of a person, with the problems of the values that gave none; never throws. */
export function derivePersonKeys(person: PersonLike, options: IdentityOptions = {}): PersonKeys {
  const problems: IdentityProblem[] = [];
  // Exact keys go strongest kind first (LinkedIn, email, phone), each kind in text order, so both sides of a
  // match name the same key.
  const profiles: string[] = [];
  const emails: string[] = [];
  const phones: string[] = [];
  // Where the person works. Every value is read, so its problems are reported, even when the name gives no key.
  const workplaces: string[] = [];
  if (person.linkedinUrl !== undefined) {
    const page = kept(parseLinkedInUrl(person.linkedinUrl), problems);
    if (page?.kind === 'person') profiles.push(`in:${page.id}`);
    else if (page) problems.push({ field: 'linkedinUrl', code: 'malformed', message: 'linkedinUrl is a company page, not a profile' });
  }
  for (const email of listOf(person.emails)) {
    const clean = kept(cleanEmail(email), problems); // cleaned once for both its key and its domain
    if (clean === undefined) continue;
    addKey(emails, 'email:', kept(aliasEmail(clean), problems));
    addKey(workplaces, 'domain:', valueOf(toCompanyDomain(domainOfEmail(clean)))); // free mail: no company, no problem
  }
  for (const phone of listOf(person.phones)) addKey(phones, 'phone:', kept(normalisePhone(phone, options.defaultCountry), problems));
  if (typeof person.organisationId === 'string' && person.organisationId !== '') addKey(workplaces, 'org:', person.organisationId);
  if (person.company !== undefined) addKey(workplaces, 'company:', kept(normaliseCompanyName(person.company), problems));
  if (person.website !== undefined) addKey(workplaces, 'domain:', kept(companyDomainFromWebsite(person.website), problems, 'free-mail'));
  const name = person.fullName === undefined ? undefined : kept(normaliseName(person.fullName), problems);
  const exact = profiles.concat(inOrder(emails), inOrder(phones));
  const fuzzy = name === undefined ? [] : inOrder(workplaces).map((workplace) => name + FUZZY_SEPARATOR + workplace);
  return { exact, fuzzy, problems };
}

// The value of a normalisation, its problem noted unless it is the expected, harmless one.
function kept<T>(result: Normalised<T>, problems: IdentityProblem[], quiet?: string): T | undefined {
  if (result.ok) return result.value;
  if (result.problem.code !== quiet) problems.push(result.problem);
  return undefined;
}

function addKey(keys: string[], prefix: string, value: string | undefined): void {
  if (value !== undefined) keys.push(prefix + value);
}

// Sorted without repeats. Most lists have one key, so that case allocates nothing.
const inOrder = (keys: string[]): string[] =>
  keys.length < 2 ? keys : keys.sort().filter((key, i, sorted) => i === 0 || key !== sorted[i - 1]);

// A record read from a damaged sheet row may hold a string where a list belongs; read it as one item.
function listOf(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}
