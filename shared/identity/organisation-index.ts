import type { Organisation } from '../model';
import { companyDomainFromWebsite, toCompanyDomain } from './company-domain';
import { IdentityIndex, type IdentityKeys } from './identity-index';
import { addKey, inOrder, kept } from './key-building';
import { parseLinkedInUrl } from './linkedin';
import { normaliseCompanyName } from './name';
import { reject, type IdentityProblem, type Normalised } from './problem';

const MAX_DOMAIN = 253;

/** The fields organisation identity reads; a capture may carry only some of them. */
export type OrganisationLike = Partial<Pick<Organisation, 'id' | 'name' | 'domain' | 'website' | 'linkedinUrl' | 'deleted'>>;

/**
 * An organisation's identity keys [S8], all exact, strongest first: its LinkedIn page
 * (`linkedin:company/<id>`), its registrable domain (`domain:acme.co.uk`, from the domain or the website; never
 * a free-mail one) and its name without legal form and letter variants (`name:فولاد مبارکه`). Unlike a
 * person's, a company's name identifies it within one team's book, unless a stronger identifier says
 * otherwise: the index makes the same name with other domains, or the same domain with other LinkedIn pages
 * (a group and its subsidiary), a candidate for a rep to decide.
 */
export function deriveOrganisationKeys(organisation: OrganisationLike): IdentityKeys {
  const problems: IdentityProblem[] = [];
  const exact: string[] = [];
  if (organisation.linkedinUrl !== undefined) {
    const page = kept(parseLinkedInUrl(organisation.linkedinUrl), problems);
    if (page && page.kind !== 'person') exact.push(`linkedin:${page.kind}/${page.id}`);
    else if (page) problems.push({ field: 'linkedinUrl', code: 'malformed', message: 'linkedinUrl is a person’s profile, not an organisation’s page' });
  }
  const domains: string[] = [];
  if (organisation.domain !== undefined) addKey(domains, 'domain:', kept(domainKey(organisation.domain), problems, 'free-mail'));
  if (organisation.website !== undefined) addKey(domains, 'domain:', kept(companyDomainFromWebsite(organisation.website), problems, 'free-mail'));
  exact.push(...inOrder(domains));
  if (organisation.name !== undefined) addKey(exact, 'name:', kept(normaliseCompanyName(organisation.name), problems));
  return { exact, fuzzy: [], problems };
}

// A domain as stored (`acme.co.uk`) or pasted (`https://www.acme.co.uk/`): its registrable part.
function domainKey(raw: unknown): Normalised<string> {
  if (typeof raw !== 'string' || raw.length > MAX_DOMAIN) return reject('domain', 'malformed', 'domain is not a domain name');
  return /[/:]/.test(raw) ? companyDomainFromWebsite(raw) : toCompanyDomain(raw.trim().toLowerCase());
}

/** The identity index of organisations: the same LinkedIn page, domain or name, unless a stronger one disagrees. */
export class OrganisationIndex extends IdentityIndex<OrganisationLike> {
  constructor() {
    super({ keysOf: deriveOrganisationKeys, ruleOf: () => 'shared-exact-key', exclusiveKinds: ['linkedin', 'domain'] });
  }
}

/** Builds the index of a store of organisations, e.g. every row of the Organisations sheet. */
export function buildOrganisationIndex(organisations: Iterable<OrganisationLike & { id: string }>): OrganisationIndex {
  const index = new OrganisationIndex();
  for (const organisation of organisations) index.add(organisation);
  return index;
}
