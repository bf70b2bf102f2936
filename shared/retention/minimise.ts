/**
 * Maximum likelihood over positive parameters: Nelder–Mead simplex minimisation with restarts (Nelder &
 * Mead 1965; the acceptance rules of Lagarias et al. 1998, SIAM J. Optim. 9(1)) on the parameters'
 * logarithms, so positivity needs no constraint and the simplex moves in relative steps, from several
 * starting points, inside a box that catches parameters running off to 0 or infinity (which is how an
 * unidentified model shows itself). Derivative-free and plain arrays only: it runs in Apps Script V8 too.
 */
import { RetentionError } from './model-inputs';

/** How hard to search, and when to stop. */
export interface MinimiseOptions {
  /** Initial simplex edge along each axis. */
  step?: number;
  /** Stop when the simplex spans less than this in every coordinate... */
  xTolerance?: number;
  /** ...and its values differ by less than this times (1 + |best|). */
  fTolerance?: number;
  maxEvaluations?: number;
  /** Fresh simplices built around the best point; one that no longer improves ends the search. */
  maxRestarts?: number;
  /** Ends the search early (not converged) once the best point so far is one the caller has no use for. */
  abandonAt?: (best: readonly number[]) => boolean;
}

/** Where the search ended and what it cost. */
export interface MinimiseResult {
  x: number[];
  value: number;
  evaluations: number;
  restarts: number;
  converged: boolean;
}

interface Vertex {
  x: number[];
  f: number;
}

/** Minimises `objective` from `start`; non-finite values count as +Infinity (a wall the simplex backs off). */
export function minimiseNelderMead(objective: (x: number[]) => number, start: number[], options: MinimiseOptions = {}): MinimiseResult {
  const { step = 0.5, xTolerance = 1e-8, fTolerance = 1e-12, maxEvaluations = 20_000, maxRestarts = 6, abandonAt = () => false } = options;
  let evaluations = 0;
  const evaluate = (x: number[]): Vertex => {
    evaluations++;
    const f = objective(x);
    return { x, f: Number.isFinite(f) ? f : Infinity };
  };

  let best = evaluate(start.slice());
  let converged = false;
  let restarts = 0;
  for (; restarts <= maxRestarts; restarts++) {
    const before = best.f;
    const run = descend(evaluate, best, step, xTolerance, fTolerance, (x) => evaluations >= maxEvaluations || abandonAt(x));
    best = run.best;
    converged = run.converged;
    // A restart that cannot improve the optimum confirms it is not a collapsed simplex's false stop.
    if (!converged || (restarts > 0 && before - best.f <= fTolerance * (1 + Math.abs(best.f)))) break;
  }
  return { x: best.x, value: best.f, evaluations, restarts: Math.min(restarts, maxRestarts), converged };
}

function descend(
  evaluate: (x: number[]) => Vertex,
  start: Vertex,
  step: number,
  xTolerance: number,
  fTolerance: number,
  stop: (best: readonly number[]) => boolean,
): { best: Vertex; converged: boolean } {
  const n = start.x.length;
  const simplex: Vertex[] = [start];
  for (let i = 0; i < n; i++) simplex.push(evaluate(start.x.map((v, j) => (j === i ? v + step : v))));

  for (;;) {
    simplex.sort((u, v) => u.f - v.f);
    const best = simplex[0]!;
    const worst = simplex[n]!;
    if (isConverged(simplex, xTolerance, fTolerance)) return { best, converged: true };
    if (stop(best.x)) return { best, converged: false };

    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j]! += simplex[i]!.x[j]! / n;
    const toward = (coefficient: number) => evaluate(centroid.map((c, j) => c + coefficient * (c - worst.x[j]!)));

    const reflected = toward(1);
    if (reflected.f < best.f) {
      const expanded = toward(2);
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
    } else if (reflected.f < simplex[n - 1]!.f) {
      simplex[n] = reflected;
    } else {
      const outside = reflected.f < worst.f;
      const contracted = toward(outside ? 0.5 : -0.5);
      if (contracted.f < (outside ? reflected.f : worst.f)) {
        simplex[n] = contracted;
      } else {
        for (let i = 1; i <= n; i++) simplex[i] = evaluate(best.x.map((b, j) => b + 0.5 * (simplex[i]!.x[j]! - b)));
      }
    }
  }
}

function isConverged(simplex: Vertex[], xTolerance: number, fTolerance: number): boolean {
  const best = simplex[0]!;
  if (!Number.isFinite(best.f)) return false;
  let spread = 0;
  for (const vertex of simplex) {
    if (Math.abs(vertex.f - best.f) > fTolerance * (1 + Math.abs(best.f))) return false;
    for (let j = 0; j < best.x.length; j++) spread = Math.max(spread, Math.abs(vertex.x[j]! - best.x[j]!));
  }
  return spread <= xTolerance;
}

/** What a fit cost: likelihood evaluations, restarts, and terms summed per evaluation. */
export interface FitReport {
  evaluations: number;
  restarts: number;
  termsPerEvaluation: number;
}

/**
 * Likelihood evaluations one search may spend. Fits that converge take a few hundred (CDNOW: 894 for all its
 * starts); one still wandering after this many is not going to, and on a large team in Apps Script each
 * thousand costs about ten seconds of the hourly run.
 */
const EVALUATIONS_PER_SEARCH = 4_000;

/** |log θ| beyond this is outside the box: θ < 3e-7 or θ > 3e6 in the fit's (rescaled) units. */
export const LOG_BOUND = 15;

/**
 * Minimises `negativeLogLikelihood(θ)` over θ > 0: to full precision from the first start, and only roughly
 * from the others, which are there to find a better basin, not to polish one (a better one is then polished).
 * Throws when the optimum sits on the box or the search runs out of evaluations, except that the parameter
 * `limitAtInfinity` names may run off towards infinity: then `atLimit` is set and the caller fits that limit.
 */
export function fitOnLogScale(
  negativeLogLikelihood: (theta: number[]) => number,
  starts: number[][],
  names: string[],
  options: { limitAtInfinity?: number } = {},
): { x: number[]; value: number; evaluations: number; restarts: number; atLimit: boolean } {
  const objective = (logTheta: number[]) =>
    logTheta.some((v) => Math.abs(v) > LOG_BOUND) ? Infinity : negativeLogLikelihood(logTheta.map(Math.exp));
  let evaluations = 0;
  let restarts = 0;
  // A search whose best point reaches the edge of the box has found what the check below refuses: stop it
  // there. Left to run, it spends its 20,000 evaluations sliding along the wall (a minute on a large team).
  const atEdge = (logTheta: readonly number[]) => logTheta.some((v) => Math.abs(v) > LOG_BOUND - 1);
  const search = (start: number[], options?: MinimiseOptions) => {
    const run = minimiseNelderMead(objective, start, { maxEvaluations: EVALUATIONS_PER_SEARCH, ...options, abandonAt: atEdge });
    evaluations += run.evaluations;
    restarts += run.restarts;
    return run;
  };
  let best: MinimiseResult | undefined;
  for (const [i, start] of starts.entries()) {
    let run = search(start.map(Math.log), i === 0 ? {} : { xTolerance: 1e-4, fTolerance: 1e-8, maxRestarts: 0 });
    if (best && run.value < best.value - 1e-7 * (1 + Math.abs(best.value))) run = search(run.x);
    if (!best || run.value < best.value) best = run;
  }
  if (!best || !Number.isFinite(best.value)) {
    throw new RetentionError('not-identifiable', 'the likelihood is not finite anywhere the optimiser looked');
  }
  // Within one unit of the box the likelihood was still improving towards 0 or infinity: no interior optimum.
  const atBound = best.x.findIndex((v) => atEdge([v]));
  // A parameter whose infinite value is itself a model (the caller fits that limit): not a failure, a finding.
  const onlyTheLimit = best.x.every((v, i) => (i === options.limitAtInfinity ? v > 0 || !atEdge([v]) : !atEdge([v])));
  if (atBound >= 0 && options.limitAtInfinity !== undefined && atEdge([best.x[options.limitAtInfinity]!]) && onlyTheLimit) {
    return { x: best.x.map(Math.exp), value: best.value, evaluations, restarts, atLimit: true };
  }
  if (atBound >= 0) {
    const direction = best.x[atBound]! > 0 ? 'infinity' : 'zero';
    throw new RetentionError('not-identifiable', `the data cannot identify the model: ${names[atBound]} runs off towards ${direction}`);
  }
  if (!best.converged) throw new RetentionError('not-converged', `the optimiser stopped after ${evaluations} likelihood evaluations without converging`);
  return { x: best.x.map(Math.exp), value: best.value, evaluations, restarts, atLimit: false };
}
