/**
 * Splits a segment rule into tokens, each with the character position it starts at, so an error can point
 * at the word that is wrong. Words keep hyphens, dots, @ and % (`first-time`, `dana@team.example`, `20%`).
 */

export type TokenKind = 'word' | 'number' | 'text' | 'op' | 'open' | 'close' | 'comma';

export interface Token {
  kind: TokenKind;
  /** As written (quotes removed from text). */
  value: string;
  position: number;
}

export class RuleError extends Error {
  /** 0-based character position in the rule. */
  readonly position: number;
  constructor(message: string, position: number) {
    super(message);
    this.name = 'RuleError';
    this.position = position;
  }
}

const OPERATORS = ['>=', '<=', '!=', '<>', '=', '>', '<'];
const WORD = /[\p{L}\p{N}_\-.@%&/+]/u;
const QUOTES = `"'“”`;
const NUMBER = /^-?\d+(\.\d+)?%?$/;

/** The rule's tokens; throws a RuleError at an unclosed quote or a character no rule uses. */
export function tokenize(rule: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < rule.length) {
    const char = rule[i]!;
    if (/\s/.test(char)) {
      i++;
      continue;
    }
    const operator = OPERATORS.find((op) => rule.startsWith(op, i));
    if (operator) {
      tokens.push({ kind: 'op', value: operator === '<>' ? '!=' : operator, position: i });
      i += operator.length;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', value: char, position: i });
      i++;
    } else if (QUOTES.includes(char)) {
      const close = rule.slice(i + 1).search(char === "'" ? /'/ : /["“”]/);
      if (close < 0) throw new RuleError('this quote is never closed', i);
      tokens.push({ kind: 'text', value: rule.slice(i + 1, i + 1 + close), position: i });
      i += close + 2;
    } else if (WORD.test(char)) {
      let end = i;
      while (end < rule.length && WORD.test(rule[end]!)) end++;
      const word = rule.slice(i, end);
      tokens.push({ kind: NUMBER.test(word) ? 'number' : 'word', value: word, position: i });
      i = end;
    } else {
      throw new RuleError(`"${char}" has no meaning in a rule`, i);
    }
  }
  return tokens;
}
