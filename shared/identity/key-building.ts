import type { IdentityProblem, Normalised } from './problem';

// What every entity's key derivation shares.

// The value of a normalisation, its problem noted unless it is the expected, harmless one.
export function kept<T>(result: Normalised<T>, problems: IdentityProblem[], quiet?: string): T | undefined {
  if (result.ok) return result.value;
  if (result.problem.code !== quiet) problems.push(result.problem);
  return undefined;
}

export function addKey(keys: string[], prefix: string, value: string | undefined): void {
  if (value !== undefined) keys.push(prefix + value);
}

// `keys` from index `from` on sorted without repeats, in place; what comes before `from` is left as it is, so
// one array can hold several kinds of key, each sorted on its own. Lists hold one to three keys, so an
// insertion sort with plain `<` beats `Array.prototype.sort` (which converts and compares through its generic
// comparator) many times over.
export function inOrder(keys: string[], from = 0): string[] {
  let kept = from;
  for (let next = from; next < keys.length; next++) {
    const key = keys[next]!;
    let at = kept;
    while (at > from && keys[at - 1]! > key) at--;
    if (at > from && keys[at - 1] === key) continue;
    for (let move = kept; move > at; move--) keys[move] = keys[move - 1]!;
    keys[at] = key;
    kept++;
  }
  if (kept < keys.length) keys.length = kept; // setting the length is a runtime call even when it changes nothing
  return keys;
}

// A record read from a damaged sheet row may hold a string where a list belongs; read it as one item.
export function listOf(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}
