import type { OrganisationCapture, PageCapture, PersonCapture } from '../../shared/capture/capture';
import { CONTACT_LINKS, HCARDS, readContactLinks, readHCards, readOpenGraph } from './contact-links';
import { JSON_LD } from './dom';
import { mergeRecords, toOrganisation, toPerson } from './records';
import { pageOf } from './strategy';
import { MICRODATA, readJsonLdRecords, readMicrodata } from './structured-data';
import { parseVcard } from './vcard';

// Every reader looks across the whole page (contacts are often in the footer), all in one walk.
const ACROSS_PAGE = [JSON_LD, MICRODATA, HCARDS, CONTACT_LINKS];

/**
 * Any web page: schema.org Person/Organization in JSON-LD and microdata, hCards, vCards the page links to
 * (fetched by the caller and passed in by URL), mailto: links with a name, and Open Graph. A bare address or
 * phone number is given to the page's organisation only when there is exactly one and the address is at
 * its own domain: precision over recall.
 */
export function extractWebPage(doc: Document, url: string, vcards: Record<string, string> = {}): PageCapture {
  const { url: parsed } = pageOf(doc, url, ACROSS_PAGE);
  const ld = readJsonLdRecords(doc);
  const micro = readMicrodata(doc);
  const links = readContactLinks(doc);
  const og = readOpenGraph(doc, parsed);
  const rawPeople = [...ld.people, ...micro.people, ...readHCards(doc), ...Object.values(vcards).flatMap(parseVcard), ...links.people, ...(og.person ? [og.person] : [])];
  const people = mergeRecords(rawPeople.map((raw) => toPerson(raw, url, 'web')).filter((p): p is PersonCapture => !!p));
  let organisations = mergeRecords([...ld.organisations, ...micro.organisations].map((raw) => toOrganisation(raw, url, 'web')).filter((o): o is OrganisationCapture => !!o));
  if (organisations.length === 0 && og.organisation) organisations = [toOrganisation(og.organisation, url, 'web')].filter((o): o is OrganisationCapture => !!o);
  if (organisations.length === 1) attachContacts(organisations[0]!, links.emails, links.phones, people);
  return { kind: 'page', source: 'web', url, people, organisations };
}

function attachContacts(org: OrganisationCapture, emails: string[], phones: string[], people: PersonCapture[]) {
  const taken = new Set(people.flatMap((p) => [p.fields.email?.value, p.fields.phone?.value]));
  const host = hostOf(org.fields.website?.value);
  const own = emails.filter((e) => !taken.has(e) && host && (e.endsWith(`@${host}`) || e.endsWith(`.${host}`)));
  if (!org.fields.email && own.length === 1) org.fields.email = { value: own[0]!, confidence: 0.6, strategy: 'mailto:own-domain' };
  const free = phones.filter((p) => !taken.has(p));
  if (!org.fields.phone && free.length === 1) org.fields.phone = { value: free[0]!, confidence: 0.6, strategy: 'tel:only-one' };
  org.missing = org.missing.filter((f) => !org.fields[f]);
}

function hostOf(website: string | undefined): string | undefined {
  try {
    return website ? new URL(website).hostname.replace(/^www\./, '') : undefined;
  } catch {
    return undefined;
  }
}

// Fixtures: sites/www.example-company.com/index.html, sites/events.example.org/speakers/index.html, sites/www.arya-novin.example/fa/team/index.html, sites/nazanin.example/about/index.html, sites/events.example.org/speakers/ali-rezaei.vcf
