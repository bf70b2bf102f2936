import type { OrganisationCaptureField, PersonCaptureField } from '../../shared/capture/capture';
import { all, cleanText, hasType, ldString, readJsonLd } from './dom';
import { addressLine, sizeBand } from './organisation-parts';
import type { RawRecord } from './records';
import { TRUST } from './strategy';

type PersonRaw = RawRecord<PersonCaptureField>;
type OrgRaw = RawRecord<OrganisationCaptureField>;
const ORG_TYPES = ['Organization', 'Corporation', 'LocalBusiness', 'EducationalOrganization', 'NGO', 'Store', 'ProfessionalService'];
const MAX_RECORDS = 50;
const linkedin = (value: unknown, kind: 'in' | 'company') => [value].flat().map((v) => ldString(v, 'url')).find((v) => v?.includes(`linkedin.com/${kind}/`));
const mail = (value: unknown) => ldString(value)?.replace(/^mailto:/i, '');

/** Persons and organisations in JSON-LD (schema.org), including those nested as worksFor/employee. */
export function readJsonLdRecords(doc: Document): { people: PersonRaw[]; organisations: OrgRaw[] } {
  const nodes = readJsonLd(doc);
  // Employees and founders nested in an organisation are people of the page; a person's employer is only a field.
  const nested = nodes.flatMap((n) => [n.employee, n.member, n.founder].flat()).filter((n): n is Record<string, unknown> => !!n && typeof n === 'object');
  const all = [...nodes, ...nested].slice(0, MAX_RECORDS * 4);
  const people = all.filter((n) => hasType(n, 'Person')).slice(0, MAX_RECORDS).map((n): PersonRaw => ({
    strategy: 'json-ld',
    confidence: TRUST.structured,
    values: {
      fullName: ldString(n.name), givenName: ldString(n.givenName), familyName: ldString(n.familyName), title: ldString(n.jobTitle),
      company: ldString(n.worksFor), email: mail(n.email), phone: ldString(n.telephone), photoUrl: ldString(n.image, 'contentUrl') ?? ldString(n.image, 'url'),
      website: ldString(n.url, 'url'), linkedinUrl: linkedin(n.sameAs, 'in'), location: addressLine(n.address) ?? ldString(n.homeLocation),
    },
  }));
  const organisations = all.filter((n) => hasType(n, ...ORG_TYPES)).slice(0, MAX_RECORDS).map((n): OrgRaw => ({
    strategy: 'json-ld',
    confidence: TRUST.structured,
    values: {
      name: ldString(n.legalName) && !ldString(n.name) ? ldString(n.legalName) : ldString(n.name), website: ldString(n.url, 'url'), linkedinUrl: linkedin(n.sameAs, 'company'),
      email: mail(n.email), phone: ldString(n.telephone), headquarters: addressLine(n.address), logoUrl: ldString(n.logo, 'contentUrl') ?? ldString(n.logo, 'url'),
      sizeBand: sizeBand(n.numberOfEmployees), industry: ldString(n.industry),
    },
  }));
  return { people, organisations };
}

// A microdata property belongs to the nearest enclosing itemscope, never to an outer one; a nested item
// (worksFor as an Organization) gives its name.
function props(item: Element): Map<string, string> {
  const out = new Map<string, string>();
  for (const el of item.querySelectorAll('[itemprop]')) {
    if (el.parentElement?.closest('[itemscope]') !== item) continue;
    const name = el.getAttribute('itemprop')!;
    const value = el.hasAttribute('itemscope')
      ? cleanText(el.querySelector('[itemprop="name"]')?.textContent)
      : (el.getAttribute('content') ?? el.getAttribute('href') ?? el.getAttribute('src') ?? cleanText(el.textContent));
    if (value && !out.has(name)) out.set(name, value);
  }
  return out;
}

/** Typed microdata items. */
export const MICRODATA = '[itemscope][itemtype]';

/** Persons and organisations in schema.org microdata. */
export function readMicrodata(doc: Document): { people: PersonRaw[]; organisations: OrgRaw[] } {
  const items = all(doc, MICRODATA).slice(0, MAX_RECORDS * 2);
  const typed = (type: string) => items.filter((el) => new RegExp(`schema\\.org/(?:${type})$`).test(el.getAttribute('itemtype') ?? ''));
  const people = typed('Person').map((el): PersonRaw => {
    const p = props(el);
    return { strategy: 'microdata', confidence: TRUST.structured, values: { fullName: p.get('name'), givenName: p.get('givenName'), familyName: p.get('familyName'), title: p.get('jobTitle'), company: p.get('worksFor'), email: p.get('email'), phone: p.get('telephone'), photoUrl: p.get('image'), website: p.get('url') } };
  });
  // An organisation that is another item's property (a Person's worksFor) is a field of it, not a record.
  const organisations = typed(ORG_TYPES.join('|')).filter((el) => !el.hasAttribute('itemprop')).map((el): OrgRaw => {
    const p = props(el);
    return { strategy: 'microdata', confidence: TRUST.structured, values: { name: p.get('name'), website: p.get('url'), email: p.get('email'), phone: p.get('telephone'), logoUrl: p.get('logo') } };
  });
  return { people, organisations };
}
