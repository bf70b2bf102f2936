import type { CustomerFacts } from '../metrics/customer-facts';
import { ORDERED_VALUES, type RuleNode } from './parse-rule';

/**
 * Whether a customer's facts satisfy a parsed rule. A fact that is missing (no purchases, so no RFM; no
 * predictions yet, so no churn risk) fails every comparison and passes only the negative ones (!=, NOT IN,
 * NOT HAS, IS EMPTY): "churn risk > 0.5" never picks a customer the model has not scored.
 */
export function evaluateRule(rule: RuleNode, facts: CustomerFacts): boolean {
  switch (rule.kind) {
    case 'and':
      return rule.nodes.every((node) => evaluateRule(node, facts));
    case 'or':
      return rule.nodes.some((node) => evaluateRule(node, facts));
    case 'not':
      return !evaluateRule(rule.node, facts);
    case 'test':
      return evaluateTest(rule, facts);
  }
}

const missing = (value: unknown) => value === undefined || value === null || value === '' || (typeof value === 'number' && Number.isNaN(value));
const same = (a: unknown, b: unknown) => (typeof a === 'number' || typeof b === 'number' ? Number(a) === Number(b) : String(a).trim().toLowerCase() === String(b).trim().toLowerCase());

function evaluateTest(test: Extract<RuleNode, { kind: 'test' }>, facts: CustomerFacts): boolean {
  const value = test.field.read(facts);
  const [target] = test.values;
  switch (test.op) {
    case 'flag':
      return value === true;
    case 'empty':
      return missing(value) || (Array.isArray(value) && value.length === 0);
    case 'notEmpty':
      return !missing(value) && !(Array.isArray(value) && value.length === 0);
    case 'has':
      return Array.isArray(value) && value.some((item) => same(item, target));
    case 'notHas':
      return !(Array.isArray(value) && value.some((item) => same(item, target)));
    case 'eq':
      if (test.field.kind === 'flag') return (value === true) === (target === 1);
      return !missing(value) && same(value, target);
    case 'ne':
      if (test.field.kind === 'flag') return (value === true) !== (target === 1);
      return missing(value) || !same(value, target);
    case 'in':
      return !missing(value) && test.values.some((v) => same(value, v));
    case 'notIn':
      return missing(value) || !test.values.some((v) => same(value, v));
    default:
      return compare(test.field.name, value, target!, test.op);
  }
}

function compare(field: string, value: unknown, target: string | number, op: 'lt' | 'le' | 'gt' | 'ge'): boolean {
  const order = ORDERED_VALUES[field];
  // Stages and levels compare by rank; a side state (lost, disqualified) has none and never passes.
  const left = order ? order.indexOf(String(value)) : typeof value === 'number' ? value : NaN;
  const right = order ? order.indexOf(String(target)) : Number(target);
  if (Number.isNaN(left) || Number.isNaN(right) || (order && (left < 0 || right < 0))) return false;
  return op === 'lt' ? left < right : op === 'le' ? left <= right : op === 'gt' ? left > right : left >= right;
}
