import { normaliseHostname } from './hostname';
import { accept, reject, type Normalised } from './problem';
import { guardText } from './text';

/** The parts of an http(s) URL that identity needs; path segments and query values are percent-decoded. */
export interface ParsedUrl {
  /** `http`, `https`, or `''` when the text had no scheme (`linkedin.com/in/ada`). */
  readonly scheme: string;
  /** Lower-case ASCII host (IDN as punycode). */
  readonly host: string;
  readonly port: string;
  /** Non-empty path segments: `/in/ada//fr/` gives `['in', 'ada', 'fr']`. */
  readonly path: readonly string[];
  /** The raw query string without `?`; `parseQuery` reads it, only when a caller needs it. */
  readonly query: string;
}

const MAX_INPUT = 2_000; // the model's bound on a URL
const SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;
const PORT = /:([0-9]{1,5})$/;
const AUTHORITY_END = /[/?]/;
// `scheme:` without `//`, unless it is a host and port (`www.example.com:443/a`).
const OTHER_SCHEME = /^[a-z][a-z0-9+.-]*:(?![0-9]+(?:[/?#]|$))/i;

// shared/ runs in Apps Script, which has no WHATWG `URL`; this is the small subset identity needs, parsed
// the way browsers do for http(s): backslashes are slashes, userinfo is dropped, the host is case-insensitive.
/** A web address parsed into scheme, host, path segments and query, or the reason it is not one. */
export function parseUrl(raw: unknown, field = 'url'): Normalised<ParsedUrl> {
  const guarded = guardText(raw, { field, maxLength: MAX_INPUT });
  if (!guarded.ok) return guarded;
  if (/\s/.test(guarded.value)) return reject(field, 'malformed', `${field} contains spaces`);
  let rest = guarded.value.includes('\\') ? guarded.value.replace(/\\/g, '/') : guarded.value;
  let scheme = '';
  const schemeMatch = SCHEME.exec(rest);
  if (schemeMatch) {
    scheme = schemeMatch[1]!.toLowerCase();
    if (scheme !== 'http' && scheme !== 'https') return reject(field, 'malformed', `${field} is not a web address`);
    rest = rest.slice(schemeMatch[0].length);
  } else if (rest.startsWith('//')) {
    rest = rest.slice(2);
  } else if (OTHER_SCHEME.test(rest)) {
    return reject(field, 'malformed', `${field} is not a web address`); // mailto:, javascript:, tel:...
  }
  const hashAt = rest.indexOf('#');
  if (hashAt >= 0) rest = rest.slice(0, hashAt);
  const authorityEnd = rest.search(AUTHORITY_END);
  let authority = authorityEnd < 0 ? rest : rest.slice(0, authorityEnd);
  rest = authorityEnd < 0 ? '' : rest.slice(authorityEnd);
  authority = authority.slice(authority.lastIndexOf('@') + 1);
  const portMatch = authority.includes(':') ? PORT.exec(authority) : null;
  const port = portMatch ? portMatch[1]! : '';
  if (portMatch) authority = authority.slice(0, portMatch.index);
  const host = normaliseHostname(authority, field);
  if (!host.ok) return host;
  const queryAt = rest.indexOf('?');
  const pathText = queryAt < 0 ? rest : rest.slice(0, queryAt);
  const path = decodeAll(pathText.split('/').filter(Boolean));
  if (!path) return reject(field, 'malformed', `${field} has a broken percent-encoding`);
  return accept({ scheme, host: host.value, port, path, query: queryAt < 0 ? '' : rest.slice(queryAt + 1) });
}

function decodeAll(segments: string[]): string[] | undefined {
  try {
    return segments.map((segment) => (segment.includes('%') ? decodeURIComponent(segment) : segment));
  } catch {
    return undefined; // URIError: a lone `%` or an invalid UTF-8 sequence
  }
}

/** A query string's parameters, percent-decoded; the first value of a name wins, broken pairs are skipped. */
export function parseQuery(text: string): Map<string, string> {
  const query = new Map<string, string>();
  for (const pair of text.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const decoded = decodeAll([eq < 0 ? pair : pair.slice(0, eq), eq < 0 ? '' : pair.slice(eq + 1)].map((s) => s.replace(/\+/g, ' ')));
    if (decoded && !query.has(decoded[0]!)) query.set(decoded[0]!, decoded[1]!);
  }
  return query;
}
