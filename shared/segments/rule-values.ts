import type { RuleField } from './fields';
import { RuleError, type Token } from './tokenize';

/**
 * The values a rule compares with, checked against their field as the rule is read: numbers (with `%` and
 * day units), yes/no for flags, a field's own vocabulary for enums, with "did you mean" for a near miss.
 */

const UNITS: Record<string, number> = { day: 1, days: 1, d: 1, week: 7, weeks: 7, w: 7, month: 30, months: 30 };

/** The value of the words after a comparison, for this field; throws a RuleError saying what it expected. */
export function checkValue(field: RuleField, words: Token[]): string | number {
  const text = words.map((w) => w.value).join(' ').trim();
  const at = words[0]!.position;
  switch (field.kind) {
    case 'number':
    case 'days': {
      const match = /^(-?\d+(?:\.\d+)?)(%?)(?:\s+(\w+))?$/.exec(text);
      const unit = match?.[3]?.toLowerCase();
      if (!match || (unit !== undefined && (field.kind !== 'days' || !(unit in UNITS)))) {
        throw new RuleError(`${field.name} needs a number${field.kind === 'days' ? ' of days, such as 60 days or 8 weeks' : ''}, not "${text}"`, at);
      }
      const value = Number(match[1]) / (match[2] ? 100 : 1);
      return field.kind === 'days' ? value * (UNITS[unit ?? 'days'] ?? 1) : value;
    }
    case 'flag':
      if (/^(yes|true)$/i.test(text)) return 1;
      if (/^(no|false)$/i.test(text)) return 0;
      throw new RuleError(`${field.name} is yes or no, not "${text}"`, at);
    case 'enum': {
      const value = field.values!.find((v) => v.toLowerCase() === text.toLowerCase());
      if (value !== undefined) return value;
      const guess = closest(text.toLowerCase(), field.values!);
      throw new RuleError(`"${text}" is not a ${field.name}${guess ? `; did you mean "${guess}"?` : ''} (${field.values!.join(', ')})`, at);
    }
    default:
      return text;
  }
}

/** An example test of a field, for messages. */
export function example(field: RuleField): string {
  if (field.kind === 'days') return `${field.name} > 60 days`;
  if (field.kind === 'enum') return `${field.name} = ${field.values![0]}`;
  if (field.kind === 'list') return `${field.name} has vip`;
  if (field.kind === 'number') return `${field.name} >= 3`;
  return `${field.name} = ...`;
}

/** The candidate within two edits (or the one it starts), for "did you mean". */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of candidates) {
    const distance = candidate.startsWith(word) && word.length >= 3 ? 1 : editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
