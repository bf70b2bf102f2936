import { describe, expect, test } from 'vitest';
import { FRAMEWORK_PHASES, findFrameworkPhase, isLadderStage, isSideStage, isStage, pickHigherStage, rankStage } from '../../../shared/ladder';
import { LADDER_STAGES, STAGES } from '../../../shared/model/vocabulary';

describe('ladder order', () => {
  test('ranks follow the ladder, suspect lowest, partner highest', () => {
    expect(LADDER_STAGES.map(rankStage)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  test.each([
    ['prospect', 'client', 'client'],
    ['partner', 'suspect', 'partner'],
    ['repeat customer', 'first-time customer', 'repeat customer'],
    ['advocate', 'advocate', 'advocate'],
  ] as const)('the higher of %s and %s is %s', (a, b, higher) => {
    expect(pickHigherStage(a, b)).toBe(higher);
  });
});

describe('framework phases', () => {
  test.each([
    ['suspect', 'identify'],
    ['prospect', 'identify'],
    ['first-time customer', 'acquire'],
    ['repeat customer', 'retain'],
    ['client', 'retain'],
    ['advocate', 'develop'],
    ['partner', 'develop'],
    ['disqualified', undefined],
    ['lost', undefined],
  ] as const)('%s is in %s', (stage, phase) => {
    expect(findFrameworkPhase(stage)).toBe(phase);
  });

  test('phases never go backwards as the ladder goes up', () => {
    const phaseRanks = LADDER_STAGES.map((stage) => FRAMEWORK_PHASES.indexOf(findFrameworkPhase(stage)!));
    expect(phaseRanks).toEqual([...phaseRanks].sort((a, b) => a - b));
    expect(new Set(phaseRanks).size).toBe(FRAMEWORK_PHASES.length);
  });
});

describe('stage guards reject what a sheet cell might hold', () => {
  test.each([['Prospect'], [' prospect'], [''], [null], [undefined], [3], [{}], ['lost/inactive']])('%j is not a stage', (value) => {
    expect(isStage(value)).toBe(false);
    expect(isLadderStage(value)).toBe(false);
    expect(isSideStage(value)).toBe(false);
  });

  test('every stage is exactly one of ladder or side', () => {
    for (const stage of STAGES) expect(isLadderStage(stage) !== isSideStage(stage)).toBe(true);
  });
});
