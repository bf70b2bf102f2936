// Text longer than this is computed afresh each time, so a pasted megabyte is never kept; with the limit below,
// a memo holds at most about as much text as it did with 20,000 entries of up to 1,000 characters.
const MAX_REMEMBERED_LENGTH = 256;

/**
 * A pure function of text that remembers its last results. Only for values that repeat across a team's
 * records (a company's name, website and mail domain are shared by all its people), where one parse serves
 * hundreds of lookups; a person's own email or phone is unique, so remembering it would only cost memory.
 * Results are frozen: every caller gets the same one.
 */
export function rememberText<R>(compute: (raw: unknown) => R, limit = 100_000): (raw: unknown) => R {
  const results = new Map<string, R>();
  return (raw) => {
    if (typeof raw !== 'string' || raw.length > MAX_REMEMBERED_LENGTH) return compute(raw);
    const known = results.get(raw);
    if (known !== undefined || results.has(raw)) return known as R;
    // Cleared rather than evicted one by one: a store has fewer companies than the limit, so this only happens
    // on unusual input, and it keeps a lookup to one Map read. The limit covers a million people at some 40,000
    // companies (the dedup bench's largest store): a memo with fewer entries than the values it sees is cleared
    // over and over, misses most lookups, and each record pays the full parse again.
    if (results.size >= limit) results.clear();
    const result = deepFreeze(compute(raw));
    results.set(raw, result);
    return result;
  };
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null) return value;
  for (const inner of Object.values(value)) deepFreeze(inner);
  return Object.freeze(value);
}
