import { LADDER_STAGES, LEVELS } from '../model/vocabulary';
import { findField, RULE_FIELDS, type RuleField } from './fields';
import { checkValue, closest, example } from './rule-values';
import { RuleError, tokenize, type Token } from './tokenize';

/**
 * Reads a segment rule such as `stage = prospect AND last contact > 60 days` into a tree, or says what is wrong
 * and where. Grammar (keywords in any case):
 *
 *   rule      := and ( OR and )*
 *   and       := unary ( AND unary )*
 *   unary     := NOT unary | "(" rule ")" | test
 *   test      := field                                   a flag: `never contacted`
 *              | field ( = | != | <> | < | <= | > | >= | IS [NOT] ) value
 *              | field [NOT] IN "(" value, ... ")"      | field [NOT] HAS value
 *              | field IS [NOT] EMPTY
 *
 * A value runs to the next AND, OR, comma or bracket (`first-time customer` needs no quotes); quotes keep a
 * keyword as text. Stages and levels compare along their order (`stage >= first-time customer`).
 */

export type TestOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'in' | 'notIn' | 'has' | 'notHas' | 'empty' | 'notEmpty' | 'flag';

export type RuleNode =
  | { kind: 'and' | 'or'; nodes: RuleNode[] }
  | { kind: 'not'; node: RuleNode }
  | { kind: 'test'; field: RuleField; op: TestOp; values: Array<string | number> };

export type ParsedRule = { ok: true; rule: RuleNode } | { ok: false; error: { message: string; position: number } };

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'has', 'contains', 'is', 'empty']);
const COMPARISONS: Record<string, TestOp> = { '=': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge' };
/** Enum fields whose values have an order, for <, >, <= and >=. */
export const ORDERED_VALUES: Readonly<Record<string, readonly string[]>> = { stage: LADDER_STAGES, level: LEVELS };

/** Parses a rule; never throws. */
export function parseRule(text: string): ParsedRule {
  try {
    if (typeof text !== 'string' || text.trim() === '') throw new RuleError('the rule is empty', 0);
    const parser = new Parser(tokenize(text), text.length);
    const rule = parser.parseOr();
    parser.expectEnd();
    return { ok: true, rule };
  } catch (error) {
    if (error instanceof RuleError) return { ok: false, error: { message: error.message, position: error.position } };
    throw error;
  }
}

/** An error as a person reads it: the message and the place, e.g. `at "stag" (character 1): unknown field`. */
export function describeRuleError(text: string, error: { message: string; position: number }): string {
  const word = text.slice(error.position).match(/^\S{1,30}/)?.[0];
  return word ? `at "${word}" (character ${error.position + 1}): ${error.message}` : `at the end: ${error.message}`;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly length: number) {}

  parseOr(): RuleNode {
    const nodes = [this.parseAnd()];
    while (this.isKeyword('or')) {
      this.i++;
      nodes.push(this.parseAnd());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'or', nodes };
  }

  expectEnd(): void {
    const token = this.peek();
    if (!token) return;
    throw new RuleError(token.kind === 'close' ? 'this ")" closes nothing' : 'expected AND or OR before this', token.position);
  }

  private parseAnd(): RuleNode {
    const nodes = [this.parseUnary()];
    while (this.isKeyword('and')) {
      this.i++;
      nodes.push(this.parseUnary());
    }
    return nodes.length === 1 ? nodes[0]! : { kind: 'and', nodes };
  }

  private parseUnary(): RuleNode {
    const token = this.peek();
    if (!token) throw new RuleError('the rule ends where a condition was expected', this.length);
    if (this.isKeyword('not')) {
      this.i++;
      return { kind: 'not', node: this.parseUnary() };
    }
    if (token.kind === 'open') {
      this.i++;
      const inner = this.parseOr();
      if (this.peek()?.kind !== 'close') throw new RuleError('this "(" is never closed', token.position);
      this.i++;
      return inner;
    }
    return this.parseTest();
  }

  private parseTest(): RuleNode {
    const start = this.peek()!;
    const field = this.readField();
    const next = this.peek();
    if (!next || next.kind === 'close' || this.isKeyword('and') || this.isKeyword('or')) {
      if (field.kind === 'flag') return { kind: 'test', field, op: 'flag', values: [] };
      throw new RuleError(`"${field.name}" needs a comparison, such as ${example(field)}`, start.position);
    }
    if (next.kind === 'op') {
      this.i++;
      const op = COMPARISONS[next.value]!;
      if (field.kind === 'list' && op !== 'eq' && op !== 'ne') throw new RuleError(`${field.name} is a list: use HAS, NOT HAS, = or !=`, next.position);
      if ((op === 'eq' || op === 'ne') && field.kind !== 'list') return this.test(field, op, [this.readValue(field)]);
      if (field.kind === 'list') return this.test(field, op === 'eq' ? 'has' : 'notHas', [this.readValue(field)]);
      return this.test(field, op, [this.readOrderedValue(field, next)]);
    }
    const negated = this.isKeyword('not') || (this.isKeyword('is') && this.isKeyword('not', 1));
    if (this.isKeyword('is')) {
      this.i += negated ? 2 : 1;
      if (this.isKeyword('empty')) {
        this.i++;
        return this.test(field, negated ? 'notEmpty' : 'empty', []);
      }
      return this.test(field, field.kind === 'list' ? (negated ? 'notHas' : 'has') : negated ? 'ne' : 'eq', [this.readValue(field)]);
    }
    if (negated) this.i++;
    if (this.isKeyword('in')) {
      this.i++;
      return this.test(field, negated ? 'notIn' : 'in', this.readList(field));
    }
    if (this.isKeyword('has') || this.isKeyword('contains')) {
      if (field.kind !== 'list') throw new RuleError(`HAS is for lists such as tags; ${field.name} is compared with = or IN`, this.peek()!.position);
      this.i++;
      return this.test(field, negated ? 'notHas' : 'has', [this.readValue(field)]);
    }
    const after = this.peek();
    throw new RuleError(`expected =, !=, <, >, IN, HAS or IS after "${field.name}"`, after?.position ?? this.length);
  }

  private test(field: RuleField, op: TestOp, values: Array<string | number>): RuleNode {
    return { kind: 'test', field, op, values };
  }

  /** The longest run of up to four words that names a field. */
  private readField(): RuleField {
    const start = this.peek()!;
    if (start.kind !== 'word') throw new RuleError(start.kind === 'close' ? 'a condition is missing before this ")"' : 'expected a field name here, such as stage or last contact', start.position);
    for (let words = 4; words >= 1; words--) {
      const run = this.tokens.slice(this.i, this.i + words);
      if (run.length < words || run.some((t) => t.kind !== 'word')) continue;
      const field = findField(run.map((t) => t.value).join(' '));
      if (field) {
        this.i += words;
        return field;
      }
    }
    const guess = closest(start.value.toLowerCase(), RULE_FIELDS.flatMap((f) => [f.name, ...f.aliases]));
    // "industry = health and care": AND ended the value; the words after it are no field.
    const previous = this.tokens[this.i - 1];
    const quoteHint = previous?.kind === 'word' && /^(and|or)$/i.test(previous.value) ? `; if "${previous.value} ${start.value}" is part of a value, put the value in quotes` : '';
    throw new RuleError(`unknown field "${start.value}"${guess ? `; did you mean "${guess}"?` : ''}${quoteHint} (fields: ${RULE_FIELDS.map((f) => f.name).join(', ')})`, start.position);
  }

  private readList(field: RuleField): Array<string | number> {
    const open = this.peek();
    if (open?.kind !== 'open') throw new RuleError('IN needs a list in brackets, such as (prospect, client)', open?.position ?? this.length);
    this.i++;
    const values = [this.readValue(field)];
    while (this.peek()?.kind === 'comma') {
      this.i++;
      values.push(this.readValue(field));
    }
    if (this.peek()?.kind !== 'close') throw new RuleError('expected "," or ")" to continue or close the list', this.peek()?.position ?? this.length);
    this.i++;
    return values;
  }

  /** A value for <, <=, > or >=: a number (with a unit for days) or a stage or level. */
  private readOrderedValue(field: RuleField, op: Token): string | number {
    if (field.kind === 'enum' && !ORDERED_VALUES[field.name]) throw new RuleError(`${field.name} has no order: use = or IN`, op.position);
    if (field.kind === 'text' || field.kind === 'flag') throw new RuleError(`${field.name} can only be compared with = or !=`, op.position);
    return this.readValue(field);
  }

  private readValue(field: RuleField): string | number {
    const first = this.peek();
    if (!first || first.kind === 'close' || first.kind === 'comma' || first.kind === 'open' || first.kind === 'op') {
      throw new RuleError(`expected a value for ${field.name}, such as ${example(field)}`, first?.position ?? this.length);
    }
    const words: Token[] = [];
    if (first.kind === 'text') {
      this.i++;
      words.push(first);
    } else {
      while (this.peek() && (this.peek()!.kind === 'word' || this.peek()!.kind === 'number') && !this.isKeyword('and') && !this.isKeyword('or')) words.push(this.tokens[this.i++]!);
      if (words.length === 0) throw new RuleError(`expected a value for ${field.name}`, first.position);
    }
    return checkValue(field, words);
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.i + offset];
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.peek(offset);
    return token?.kind === 'word' && token.value.toLowerCase() === word && KEYWORDS.has(word);
  }
}
