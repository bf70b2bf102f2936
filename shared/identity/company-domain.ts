import { getDomain } from 'tldts';
import { cleanEmail, domainOfEmail } from './email';
import { isFreeMailDomain } from './free-mail';
import { parseUrl } from './parse-url';
import { accept, reject, type Normalised } from './problem';
import { rememberText } from './remember';

// Private suffixes (github.io, blogspot.com) count: acme.github.io and rival.github.io are two companies.
const PSL_OPTIONS = { allowPrivateDomains: true, extractHostname: false, validateHostname: false } as const;

/** The registrable domain of a host by the Public Suffix List, unless it is a free-mail provider. */
export function toCompanyDomain(host: string, field = 'domain'): Normalised<string> {
  const domain = registrableDomain(host);
  if (!domain) return reject(field, 'malformed', `${field} has no registrable domain`);
  if (isFreeMailDomain(domain)) return reject(field, 'free-mail', `${field} is a free-mail provider, not a company`);
  return accept(domain);
}

// Every colleague's address names the same host: the Public Suffix List is walked once per host.
const registrableDomain = rememberText((host) => getDomain(host as string, PSL_OPTIONS));

/** The company domain an address belongs to (`ali@mail.acme.co.uk` gives `acme.co.uk`), never a free-mail one. */
export function companyDomainFromEmail(raw: unknown): Normalised<string> {
  const email = cleanEmail(raw);
  return email.ok ? toCompanyDomain(domainOfEmail(email.value), 'email') : email;
}

/** The company domain of a website (`https://blog.acme.ir/fa` gives `acme.ir`). */
export const companyDomainFromWebsite = rememberText((raw: unknown): Normalised<string> => {
  const url = parseUrl(raw, 'website');
  return url.ok ? toCompanyDomain(url.value.host, 'website') : url;
});
