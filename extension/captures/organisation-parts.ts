import { cleanText, ldString } from './dom';

/** The upper ends of LinkedIn's company size bands (1, 2-10, 11-50 ... 10,001+ employees). */
const BAND_TOPS = [1, 10, 50, 200, 500, 1000, 5000, 10000];
const grouped = (n: number) => n.toLocaleString('en-US');

/** A head count (a number or `{value|minValue|maxValue}`) as LinkedIn's size band. */
export function sizeBand(count: unknown): string | undefined {
  const record = count && typeof count === 'object' ? (count as Record<string, unknown>) : undefined;
  const n = Number(record ? (record.value ?? record.maxValue ?? record.minValue) : count);
  if (!Number.isFinite(n) || n < 1) return undefined;
  const band = BAND_TOPS.findIndex((top) => n <= top);
  if (band === 0) return '1 employee';
  return band < 0 ? '10,001+ employees' : `${grouped(BAND_TOPS[band - 1]! + 1)}-${grouped(BAND_TOPS[band]!)} employees`;
}

/** A size band as the page prints it ("51-200 employees", "۵۱-۲۰۰ کارمند"), not a sentence that mentions one. */
export const isSizeBand = (value: string) => {
  const clean = cleanText(value);
  return clean && /^[\d۰-۹,٬]+(?:\s*[-–]\s*[\d۰-۹,٬]+|\+)?\s+\p{L}+$/u.test(clean) ? clean : undefined;
};

/** A postal address in JSON-LD as one line: locality, region, country; a string is taken as is. */
export function addressLine(address: unknown): string | undefined {
  if (typeof address === 'string' || Array.isArray(address)) return ldString(address);
  if (!address || typeof address !== 'object') return undefined;
  const a = address as Record<string, unknown>;
  const parts = [a.addressLocality, a.addressRegion, ldString(a.addressCountry)].map((p) => (typeof p === 'string' ? cleanText(p) : undefined));
  return cleanText(parts.filter(Boolean).join(', '));
}

/** The target of LinkedIn's outbound redirect (`/redir/redirect?url=…`), or the link itself. */
export function unwrapRedirect(href: string | null | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href, 'https://www.linkedin.com/');
    return url.pathname.startsWith('/redir/redirect') ? (url.searchParams.get('url') ?? undefined) : url.href;
  } catch {
    return undefined;
  }
}
