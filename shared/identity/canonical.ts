/** Compares strings by UTF-16 code units: the same order on every runtime, unlike `localeCompare`. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Compares numbers, `-Infinity` included (where subtraction would give NaN). */
export const compareNumbers = (a: number, b: number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Milliseconds of an ISO timestamp; absent or unreadable counts as the oldest possible. */
export function instantOf(iso: unknown): number {
  const ms = typeof iso === 'string' ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** Orders ISO timestamps by the instant they denote, then by their text (`+03:30` vs `Z` spellings). */
export const compareInstants = (a: unknown, b: unknown): number =>
  compareNumbers(instantOf(a), instantOf(b)) || compareText(String(a ?? ''), String(b ?? ''));

/** JSON with object keys sorted and `undefined` members left out: equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort(compareText)
      .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
