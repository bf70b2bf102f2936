import { describe, expect, test } from 'vitest';
import { assessActivity, type ActivityInput } from '../../../shared/ladder';
import { parseSettings } from '../../../shared/settings';

const now = '2026-06-30T12:00:00.000Z';
const daysAgo = (days: number) => new Date(Date.parse(now) - days * 86_400_000).toISOString();

describe('assessActivity with the default 60 / 180 days', () => {
  test.each<[string, Omit<ActivityInput, 'now'>, ReturnType<typeof assessActivity>]>([
    ['contacted today', { stage: 'client', lastContactAt: now }, { status: 'active', daysSinceContact: 0 }],
    ['59 days', { stage: 'client', lastContactAt: daysAgo(59) }, { status: 'active', daysSinceContact: 59 }],
    ['exactly 60 days', { stage: 'prospect', lastContactAt: daysAgo(60) }, { status: 'at-risk', daysSinceContact: 60 }],
    ['179.9 days rounds down', { stage: 'client', lastContactAt: daysAgo(179.9) }, { status: 'at-risk', daysSinceContact: 179 }],
    [
      'exactly 180 days',
      { stage: 'repeat customer', lastContactAt: daysAgo(180) },
      { status: 'inactive', daysSinceContact: 180, suggestion: { stage: 'lost', reason: 'no contact' } },
    ],
    ['never contacted: the clock starts at since', { stage: 'prospect', since: daysAgo(90) }, { status: 'at-risk', daysSinceContact: 90 }],
    ['a future contact counts as today', { stage: 'client', lastContactAt: daysAgo(-5) }, { status: 'active', daysSinceContact: 0 }],
    ['suspects are not tracked', { stage: 'suspect', lastContactAt: daysAgo(999) }, { status: 'not-tracked' }],
    ['lost contacts are not tracked', { stage: 'lost', lastContactAt: daysAgo(999) }, { status: 'not-tracked' }],
    ['no date at all', { stage: 'client' }, { status: 'unknown' }],
    ['a garbage date', { stage: 'client', lastContactAt: 'last Tuesday' }, { status: 'unknown' }],
  ])('%s', (_name, input, expected) => {
    expect(assessActivity({ ...input, now })).toEqual(expected);
  });

  test('an invalid now is unknown, not a throw', () => {
    expect(assessActivity({ stage: 'client', lastContactAt: now, now: 'soon' })).toEqual({ status: 'unknown' });
    expect(assessActivity({ stage: 'client', lastContactAt: now, now: new Date(NaN) })).toEqual({ status: 'unknown' });
  });
});

test('the thresholds come from settings', () => {
  const parsed = parseSettings({ atRiskAfterDays: 10, inactiveAfterDays: 20 });
  if (!parsed.ok) throw new Error('settings should parse');
  const at = (days: number) => assessActivity({ stage: 'client', lastContactAt: daysAgo(days), now }, parsed.settings).status;
  expect([at(9), at(10), at(19), at(20)]).toEqual(['active', 'at-risk', 'at-risk', 'inactive']);
});
