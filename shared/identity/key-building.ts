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

// Sorted without repeats. Most lists have one key, so that case allocates nothing.
export const inOrder = (keys: string[]): string[] =>
  keys.length < 2 ? keys : keys.sort().filter((key, i, sorted) => i === 0 || key !== sorted[i - 1]);

// A record read from a damaged sheet row may hold a string where a list belongs; read it as one item.
export function listOf(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return value === undefined || value === null ? [] : [value];
}
