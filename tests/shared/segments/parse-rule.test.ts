import { describe, expect, test } from 'vitest';
import type { CustomerFacts } from '../../../shared/metrics';
import { describeRuleError, evaluateRule, parseRule } from '../../../shared/segments';

const facts = (over: Partial<CustomerFacts> = {}): CustomerFacts => ({
  id: 'p1', name: 'Ada', owner: 'dana@team.example', stage: 'prospect', tags: ['vip', 'newsletter'], createdAt: 0, activity: 'active',
  neverContacted: false, importantButDissatisfied: false, purchases: 0, revenue: 0, margin: 0, valueTier: 'no purchases', clv: 0, ...over,
});

const matches = (rule: string, over: Partial<CustomerFacts> = {}) => {
  const parsed = parseRule(rule);
  if (!parsed.ok) throw new Error(describeRuleError(rule, parsed.error));
  return evaluateRule(parsed.rule, facts(over));
};

describe('segment rules read as a manager writes them', () => {
  test.each<[string, Partial<CustomerFacts>, boolean]>([
    ['stage = prospect AND last contact > 60 days', { daysSinceContact: 61 }, true],
    ['stage = prospect AND last contact > 60 days', { daysSinceContact: 60 }, false],
    ['stage = prospect AND last contact > 60 days', {}, false], // never contacted: no days to compare
    ['STAGE = Prospect and LAST CONTACT >= 8 weeks', { daysSinceContact: 56 }, true],
    ['stage >= first-time customer', { stage: 'client' }, true],
    ['stage >= first-time customer', { stage: 'prospect' }, false],
    ['stage >= first-time customer', { stage: 'lost' }, false], // side states are off the ladder
    ['stage in (lost, disqualified)', { stage: 'lost' }, true],
    ['stage not in (lost, disqualified)', { stage: 'client' }, true],
    ['tags has vip', {}, true],
    ['tags has VIP AND NOT tags has newsletter', {}, false],
    ['tags = newsletter', {}, true],
    ['tags is empty', { tags: [] }, true],
    ['value tier = top 20%', { valueTier: 'top 20%' }, true],
    ['quadrant in (passive, demanding) AND NOT territory = north', { quadrant: 'passive', territory: 'South' }, true],
    ['quadrant in (passive, demanding) AND NOT territory = north', { quadrant: 'passive', territory: 'North' }, false],
    ['churn risk > 50%', { churnRisk: 0.6 }, true],
    ['churn risk > 50%', {}, false],
    ['churn risk is empty', {}, true],
    ['churn risk != 0.5', {}, true], // a missing fact passes the negative tests only
    ['rfm >= 12 OR never contacted', { neverContacted: true }, true],
    ['(stage = prospect OR stage = suspect) AND owner = DANA@team.example', {}, true],
    ['industry = "health and care"', { industry: 'Health and care' }, true],
    ['important but dissatisfied', { importantButDissatisfied: true }, true],
    ['never contacted = no', {}, true],
    ['margin < -100', { margin: -150 }, true],
    ['size = 51-200', { size: '51-200' }, true],
    ['NOT (stage = prospect)', {}, false],
  ])('%s', (rule, over, expected) => {
    expect(matches(rule, over)).toBe(expected);
  });
});

describe('a rule that cannot be read says what and where', () => {
  test.each<[string, RegExp, number]>([
    ['stag = prospect', /unknown field "stag"; did you mean "stage"\?/, 0],
    ['stage = prospekt', /"prospekt" is not a stage; did you mean "prospect"\?/, 8],
    ['stage =', /expected a value for stage/, 7],
    ['(stage = prospect', /this "\(" is never closed/, 0],
    ['stage = prospect)', /this "\)" closes nothing/, 16],
    ['last contact > soon', /last contact needs a number of days/, 15],
    ['industry > software', /industry can only be compared with = or !=/, 9],
    ['tags > 3', /tags is a list/, 5],
    ['quadrant > bargain', /quadrant has no order/, 9],
    ['stage', /"stage" needs a comparison, such as stage = suspect/, 0],
    ['stage = prospect OR', /the rule ends where a condition was expected/, 19],
    ['', /the rule is empty/, 0],
    ['industry = "open', /this quote is never closed/, 11],
    ['stage = prospect ; drop table', /";" has no meaning in a rule/, 17],
    ['never contacted = maybe', /never contacted is yes or no/, 18],
    ['stage in prospect', /IN needs a list in brackets/, 9],
    ['industry = health and care', /unknown field "care"; if "and care" is part of a value, put the value in quotes/, 22],
  ])('%s', (rule, message, position) => {
    const parsed = parseRule(rule);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.message).toMatch(message);
    expect(parsed.error.position).toBe(position);
  });

  test('the description quotes the word at fault', () => {
    const rule = 'stage = prospect AND lst contact > 3 days';
    const parsed = parseRule(rule);
    if (parsed.ok) throw new Error('expected an error');
    expect(describeRuleError(rule, parsed.error)).toMatch(/^at "lst" \(character 22\): unknown field "lst"/);
  });
});
