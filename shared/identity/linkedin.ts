import { parseQuery, parseUrl } from './parse-url';
import { accept, reject, type Normalised } from './problem';

/** What a LinkedIn URL points at. */
export type LinkedInKind = 'person' | 'company' | 'school' | 'showcase';

/** A LinkedIn page reduced to its identity: kind, public id, and the one canonical URL for it. */
export interface LinkedInPage {
  readonly kind: LinkedInKind;
  /** The public id (vanity name) in lower case, percent-decoded: `ada-lovelace`, `علی-رضایی-123`. */
  readonly id: string;
  readonly url: string;
}

const FIELD = 'linkedinUrl';
const ORGANISATION_KINDS: ReadonlySet<string> = new Set(['company', 'school', 'showcase']);
// Vanity names are letters (in any script), digits, `-` and `_`; LinkedIn compares them case-insensitively.
// Organisation slugs may also hold dots (/company/booking.com).
const PUBLIC_ID = /^[\p{L}\p{M}\p{N}_-]{1,100}$/u;
const ORGANISATION_ID = /^[\p{L}\p{M}\p{N}_.-]{1,100}$/u;
// Sales Navigator's own member ids (`ACwAAA...`) are not public ids and never equal one.
const SALES_MEMBER_ID = /^AC[A-Za-z0-9_-]{10,}$/;
const SALES_PUBLIC_ID_PARAMS = ['publicIdentifier', 'publicId', 'vanityName'];
const HEX_PART = /^[0-9a-f]{1,3}$/;

/** A LinkedIn profile or company URL in any of its forms, reduced to kind, public id and canonical URL. */
export function parseLinkedInUrl(raw: unknown): Normalised<LinkedInPage> {
  const parsed = parseUrl(raw, FIELD);
  if (!parsed.ok) return parsed;
  const { host, query } = parsed.value;
  // uk.linkedin.com, m.linkedin.com, www.linkedin.com: one site. lnkd.in short links need a network hop.
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return reject(FIELD, 'not-linkedin', `${FIELD} is not a linkedin.com address`);
  // The lightweight mobile site prefixes every path with /mwlite.
  const path = parsed.value.path[0] === 'mwlite' ? parsed.value.path.slice(1) : parsed.value.path;
  const section = path[0]?.toLowerCase(); // a pasted URL may be all capitals
  const first = path[1];
  if (section === 'in' && first) return toPage('person', first);
  if (section === 'pub' && first) return fromPubPath(first, path.slice(2));
  if (section && ORGANISATION_KINDS.has(section) && first) return toPage(section as LinkedInKind, first);
  if (section === 'sales') return fromSalesNavigator(/^(lead|people)$/i.test(first ?? '') ? path[2] : undefined, parseQuery(query));
  return reject(FIELD, 'malformed', `${FIELD} is not a profile or company page`);
}

/** The canonical URL of a LinkedIn profile or company, e.g. `https://www.linkedin.com/in/ada-lovelace`. */
export function normaliseLinkedInUrl(raw: unknown): Normalised<string> {
  const page = parseLinkedInUrl(raw);
  return page.ok ? accept(page.value.url) : page;
}

function toPage(kind: LinkedInKind, rawId: string): Normalised<LinkedInPage> {
  const id = rawId.normalize('NFC').toLowerCase();
  if (!(kind === 'person' ? PUBLIC_ID : ORGANISATION_ID).test(id)) return reject(FIELD, 'malformed', `${FIELD} has an invalid public id`);
  const section = kind === 'person' ? 'in' : kind;
  return accept({ kind, id, url: `https://www.linkedin.com/${section}/${encodeURIComponent(id)}` });
}

// /pub/krzysztof-marzec/a7/576/b50 is the pre-2015 public URL; LinkedIn redirects it to
// /in/krzysztof-marzec-b50576a7: the three hex parts reversed, the inner ones padded to three digits
// (https://github.com/akitten/linkedin-canonical-url).
function fromPubPath(name: string, parts: readonly string[]): Normalised<LinkedInPage> {
  const hex = parts.slice(0, 3).map((part) => part.toLowerCase());
  if (hex.length !== 3 || !hex.every((part) => HEX_PART.test(part))) {
    return reject(FIELD, 'malformed', `${FIELD} is an old /pub/ address without its member number`);
  }
  const [a, b, c] = hex as [string, string, string];
  return toPage('person', `${name}-${c.padStart(3, '0')}${b.padStart(3, '0')}${a}`);
}

// A lead URL is normally /sales/lead/<member id>,<auth type>,<token>, where the member id (ACwAA...) is
// Sales Navigator's own and never equals a public id. Only when the link carries the public id instead (as
// that first part, or as a query parameter) does it identify a profile.
function fromSalesNavigator(lead: string | undefined, query: ReadonlyMap<string, string>): Normalised<LinkedInPage> {
  const fromQuery = SALES_PUBLIC_ID_PARAMS.map((name) => query.get(name)).find(Boolean);
  const candidate = fromQuery ?? lead?.split(',')[0];
  if (!candidate || SALES_MEMBER_ID.test(candidate) || /^[0-9]+$/.test(candidate)) {
    return reject(FIELD, 'no-public-id', `${FIELD} is a Sales Navigator link without the public profile id`);
  }
  return toPage('person', candidate);
}
