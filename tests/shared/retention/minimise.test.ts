import { describe, expect, test } from 'vitest';
import { fitOnLogScale, minimiseNelderMead, RetentionError } from '../../../shared/retention';

describe('Nelder-Mead with restarts', () => {
  test('finds the minimum of Rosenbrock\'s banana valley', () => {
    const rosenbrock = ([x, y]: number[]) => (1 - x!) ** 2 + 100 * (y! - x! * x!) ** 2;
    const result = minimiseNelderMead(rosenbrock, [-1.2, 1]);
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  test('treats NaN as a wall and reports an exhausted budget as not converged', () => {
    const walled = minimiseNelderMead(([x]) => (x! < 0 ? Number.NaN : (x! - 2) ** 2), [5]);
    expect(walled.x[0]).toBeCloseTo(2, 6);
    const starved = minimiseNelderMead(([x, y]) => (x! - 3) ** 2 + (y! + 1) ** 2, [0, 0], { maxEvaluations: 10 });
    expect(starved.converged).toBe(false);
  });
});

describe('maximum likelihood on the log scale', () => {
  test('recovers a positive optimum from every start', () => {
    const fit = fitOnLogScale(([a, b]) => (Math.log(a!) - Math.log(3)) ** 2 + (Math.log(b!) - Math.log(0.02)) ** 2, [[1, 1], [10, 0.1]], ['a', 'b']);
    expect(fit.x[0]).toBeCloseTo(3, 6);
    expect(fit.x[1]).toBeCloseTo(0.02, 8);
  });

  test('a likelihood still improving at the box is not identifiable, and says which parameter ran off', () => {
    let evaluations = 0;
    const error = (() => {
      try {
        fitOnLogScale(([a, b]) => (evaluations++, -Math.log(a!) + (b! - 1) ** 2), [[1, 1], [5, 2], [0.2, 0.5]], ['a', 'b']);
      } catch (caught) {
        return caught as RetentionError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error).toBeInstanceOf(RetentionError);
    expect(error.code).toBe('not-identifiable');
    expect(error.message).toContain('a runs off towards infinity');
    // Each start is given up where it reaches the edge (about 50 evaluations here, over 600 when each ran on).
    expect(evaluations).toBeLessThan(200);
  });
});
