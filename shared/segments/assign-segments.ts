import type { CustomerFacts } from '../metrics/customer-facts';
import { evaluateRule } from './evaluate-rule';
import { describeRuleError, parseRule, type RuleNode } from './parse-rule';

/**
 * Evaluates every segment of the Segments sheet against every customer [S7]: which segments each customer is
 * in (in the sheet's order, for the Segments column) and how many customers each segment holds. A segment
 * whose rule cannot be read is reported with the reason and matches nobody; the others still run.
 */

export interface SegmentDefinition {
  name: string;
  rule: string;
}

export interface SegmentResult {
  name: string;
  rule: string;
  members: number;
  /** Why the rule was not applied, in words; absent when it was. */
  error?: string;
}

export interface SegmentAssignment {
  /** Customer id -> names of their segments, for every customer given (empty list when none). */
  byCustomer: Map<string, string[]>;
  results: SegmentResult[];
}

/** Assigns segments; names must be unique and may not hold ";" (the Segments cell separates names with it). */
export function assignSegments(segments: readonly SegmentDefinition[], facts: readonly CustomerFacts[]): SegmentAssignment {
  const seen = new Set<string>();
  const compiled: Array<{ name: string; rule: RuleNode | undefined }> = [];
  const results: SegmentResult[] = segments.map((segment) => {
    const name = segment.name.trim();
    const result: SegmentResult = { name, rule: segment.rule, members: 0 };
    let rule: RuleNode | undefined;
    if (name === '') result.error = 'the segment has no name';
    else if (name.includes(';')) result.error = 'a segment name may not contain ";" (it separates names in the Segments column)';
    else if (seen.has(name.toLowerCase())) result.error = `another segment is already called "${name}"`;
    else {
      const parsed = parseRule(segment.rule);
      if (parsed.ok) rule = parsed.rule;
      else result.error = describeRuleError(segment.rule, parsed.error);
    }
    seen.add(name.toLowerCase());
    compiled.push({ name, rule });
    return result;
  });
  const byCustomer = new Map<string, string[]>();
  for (const customer of facts) {
    const names: string[] = [];
    compiled.forEach(({ name, rule }, i) => {
      if (rule && evaluateRule(rule, customer)) {
        names.push(name);
        results[i]!.members++;
      }
    });
    byCustomer.set(customer.id, names);
  }
  return { byCustomer, results };
}
