/**
 * GD with one constant step from many starts at once, for step-size sweeps: the iterates are kept
 * coordinate by coordinate (one Float64Array per coordinate across the starts, the "lanes"), all
 * running starts advance one step before any takes the next, and a start that stops leaves the
 * set of running ones. Every lane does the arithmetic of `run` (src/gd/run.ts) with a constant
 * step, under the same stopping rules (StopRules), so its iterates, stop and step count are bitwise
 * those of `run` from the same start. It records no per-step series: only what a sweep classifies
 * a run by (`RunEnd`), the gradient norm at x_0, the last gap, and the largest gradient norm over
 * the tail window of a run that spends its budget.
 */
import { norm2, normInf } from '../linalg/kernels.js';
import type { Problem } from '../problems/problem.js';
import { InputError } from '../util/errors.js';
import { requireDimension, requireInteger, requirePositive, requireVector } from '../util/validate.js';
import type { RunEnd } from './classify.js';
import { StopRules } from './stopRules.js';

export interface LaneRunOptions {
  /** T: at most this many steps per start. */
  readonly maxSteps: number;
  /** K: the tail window (at most T + 1) over which `RunEnd.tailMaxGradNorm` is taken. */
  readonly tailWindow: number;
  /** A start stops (converged) at the first x_t with f(x_t) - f* <= targetGap. */
  readonly targetGap?: number;
}

export interface LaneRuns {
  /** How each start's run ended, in the order of the starts. */
  readonly ends: readonly RunEnd[];
  /** The last iterates, one Float64Array per coordinate (entry j: start j); for a run stopped at a non-finite value, that value. */
  readonly x: readonly Float64Array[];
}

/** GD x_{t+1} = x_t - step grad f(x_t) from every start, as `run` would do each one (see the module comment). */
export function runLanes(problem: Problem, step: number, starts: readonly ArrayLike<number>[], options: LaneRunOptions): LaneRuns {
  const dim = requireDimension('problem dimension', problem.dim);
  requirePositive('step', step);
  const maxSteps = requireInteger('maxSteps', options.maxSteps, 0);
  const window = Math.min(maxSteps + 1, requireDimension('tailWindow', options.tailWindow));
  const lanes = starts.length;
  const x = Array.from({ length: dim }, () => new Float64Array(lanes));
  starts.forEach((start, j) => requireVector(`starts[${j}]`, start, dim).forEach((v, i) => (x[i][j] = v)));
  const rules = starts.map(() => new StopRules({ maxSteps, ...(options.targetGap !== undefined ? { targetGap: options.targetGap } : {}) }));
  const steps = new Int32Array(lanes);
  const finalGap = new Float64Array(lanes);
  const initialGradNorm = new Float64Array(lanes);
  const tailMaxGradNorm = new Float64Array(lanes).fill(-Infinity);
  const tailFrom = maxSteps + 1 - window;

  const point = new Float64Array(dim);
  const grad = new Float64Array(dim);
  const active = Int32Array.from({ length: lanes }, (_, j) => j);
  let running = lanes;
  for (let t = 0; running > 0; t++) {
    let kept = 0;
    for (let k = 0; k < running; k++) {
      const j = active[k];
      for (let i = 0; i < dim; i++) point[i] = x[i][j];
      const f = problem.grad(point, grad);
      const gap = problem.gap ? problem.gap(point) : f - problem.fStar;
      const gradNorm = norm2(grad);
      const xMax = normInf(point);
      const rule = rules[j];
      if (!rule.acceptsFinite(t, f, gap, gradNorm, xMax)) {
        if (t === 0) throw new InputError(`${problem.name} is not finite at starts[${j}]`);
        steps[j] = t - 1;
        continue;
      }
      if (t === 0) initialGradNorm[j] = gradNorm;
      if (t >= tailFrom && gradNorm > tailMaxGradNorm[j]) tailMaxGradNorm[j] = gradNorm;
      finalGap[j] = gap;
      if (rule.endsAt(t, gap, xMax) || rule.underflowsAt(gap, gradNorm) || (gradNorm === 0 && rule.stationary())) {
        steps[j] = t;
        continue;
      }
      for (let i = 0; i < dim; i++) x[i][j] += -step * grad[i];
      active[kept++] = j;
    }
    running = kept;
  }
  const ends = rules.map((rule, j): RunEnd => ({
    stop: rule.reason,
    steps: steps[j],
    finalGap: finalGap[j],
    initialGradNorm: initialGradNorm[j],
    tailMaxGradNorm: tailMaxGradNorm[j],
  }));
  return { ends, x };
}
