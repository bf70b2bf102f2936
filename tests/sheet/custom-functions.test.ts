import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { deriveStage } from '../../shared/ladder';
import { suggestLevel } from '../../shared/levels';
import { discountedClv } from '../../shared/value';
import { BUNDLE_DIR, loadAddOn } from '../support/add-on';

/**
 * Formulas people type, called as Sheets calls a custom function: single cells arrive as values, ranges as
 * 2-D arrays, and the function runs without authorisation (the emulator refuses any write).
 */
const { runtime } = loadAddOn();
const formula = <T>(name: string, ...args: unknown[]) => runtime.callCustomFunction<T>(name, ...args);
const valueOf = <T>(result: { ok: true; value: T } | { ok: false }) => (result.ok ? result.value : undefined);

describe('=CLIPSHEET_CLV', () => {
  test('equals the value core’s discounted CLV, for single values and for ranges of margins', () => {
    expect(formula('CLIPSHEET_CLV', 100, 0.8, 0.1, 5)).toBe(valueOf(discountedClv({ margins: 100, retention: 0.8, discountRate: 0.1, horizon: 5 })));
    expect(formula('CLIPSHEET_CLV', [[100], [120], [''], [140]], 0.9, 0.05)).toBe(valueOf(discountedClv({ margins: [100, 120, 140], retention: 0.9, discountRate: 0.05 })));
  });

  test('a bad input is an error naming it, as the cell shows it', () => {
    expect(() => formula('CLIPSHEET_CLV', 'lots', 0.8, 0.1, 5)).toThrow('margin must be a number (got "lots")');
    expect(() => formula('CLIPSHEET_CLV', 100, 1.5, 0.1, 5)).toThrow(/retention: must be at most 1/);
    expect(() => formula('CLIPSHEET_CLV', 100, 0.8, 0.1)).toThrow(/horizon/);
  });
});

describe('=CLIPSHEET_STAGE and =CLIPSHEET_LEVEL', () => {
  test('one cell, or a whole column at once (one call per range, as Google recommends)', () => {
    expect(formula('CLIPSHEET_STAGE', 'prospect', 1)).toBe('first-time customer');
    const stages = [['prospect'], ['first-time customer'], ['client'], ['lost'], ['']];
    const orders = [[0], [2], [5], [3], ['']];
    expect(formula('CLIPSHEET_STAGE', stages, orders)).toEqual([
      [deriveStage('prospect', 0)],
      [deriveStage('first-time customer', 2)],
      [deriveStage('client', 5)],
      [deriveStage('lost', 3)],
      [''],
    ]);
    expect(() => formula('CLIPSHEET_STAGE', 'best friend', 1)).toThrow('"best friend" is not a stage');
    const level = suggestLevel({ customerCount: 30, marginRate: 0.5 });
    expect(formula('CLIPSHEET_LEVEL', 30, 0.5)).toBe(level.ok && level.suggestion.level);
    expect(formula('CLIPSHEET_LEVEL', [[5000], [30]], [[0.1], [0.5]])).toEqual([['basic'], ['partnership']]);
  });
});

test('the pushed Code.js keeps @customfunction on each formula’s top-level function', () => {
  const code = readFileSync(join(BUNDLE_DIR, 'Code.js'), 'utf8');
  for (const name of ['CLIPSHEET_CLV', 'CLIPSHEET_STAGE', 'CLIPSHEET_LEVEL']) {
    expect(code).toMatch(new RegExp(`@customfunction\\s*\\*/\\s*function ${name}\\(`));
  }
});
