/**
 * GD with one constant step from many starts at once, for step-size sweeps: the iterates are kept
 * coordinate by coordinate (one Float64Array per coordinate across the starts, the "lanes"), all
 * running starts advance one step before any takes the next, and a start that stops leaves the
 * set of running ones (the running lanes are kept packed at the front of the arrays). A problem
 * with `gradLanes` computes the gradients of all running starts in one call from those arrays;
 * for one without it (a user's problem), each start's point is gathered and `grad` called on it.
 * Every lane does the arithmetic of `run` (src/gd/run.ts) with a constant step, under the same
 * stopping rules (StopRules), so its iterates, stop and step count are bitwise those of `run`
 * from the same start. At a step where the rules' quiet test (`StopRules.quietAt`) holds, which
 * is exactly where every rule says "go on", a lane does not ask them one by one.
 *
 * A start whose iterate repeats an earlier one bitwise (x_t = x_s, s < t, found by Brent's cycle
 * detection: x_t is compared with the iterate saved at the last step of the form 2^k - 1) has a
 * periodic future, x_{t+i} = x_{s+i}: its outcome is decided, and it skips whole periods to the
 * last one or two before its step budget T. Nothing it skips changes what it reports: its iterate
 * after the skip is x_t again, the steps left (at least one period) pass through every iterate of
 * the cycle, so the tail maximum and the last gap are those of the full run, and no stopping rule
 * depends on the step number but the budget. Floating-point 2-cycles above eta_c and fixed points
 * reached below it are such repeats.
 *
 * It records no per-step series: only what a sweep classifies a run by (`RunEnd`), the gradient
 * norm at x_0, the last gap, and the largest gradient norm over the tail window of a run that
 * spends its budget.
 */
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
  /** Compute the gradients start by start (`grad`) even when the problem has `gradLanes`: the reference path, for tests and benchmarks. */
  readonly perLane?: boolean;
}

export interface LaneRuns {
  /** How each start's run ended, in the order of the starts. */
  readonly ends: readonly RunEnd[];
  /** The last iterates, one Float64Array per coordinate (entry j: start j); for a run stopped at a non-finite value, that value. */
  readonly x: readonly Float64Array[];
}

type LaneGradients = (x: readonly Float64Array[], count: number, grad: readonly Float64Array[], f: Float64Array, gap: Float64Array) => void;

/** The per-lane path: gathers each running start's point and calls `grad` (and `gap`) on it. */
function gradientsStartByStart(problem: Problem): LaneGradients {
  const point = new Float64Array(problem.dim);
  const gradient = new Float64Array(problem.dim);
  return (x, count, grad, f, gap) => {
    for (let p = 0; p < count; p++) {
      for (let i = 0; i < point.length; i++) point[i] = x[i][p];
      const value = problem.grad(point, gradient);
      f[p] = value;
      gap[p] = problem.gap ? problem.gap(point) : value - problem.fStar;
      for (let i = 0; i < point.length; i++) grad[i][p] = gradient[i];
    }
  };
}

/** Whether a and b are the same float64 (signed zeros told apart; neither is NaN here). */
const sameBits = (a: number, b: number): boolean => a === b && (a !== 0 || 1 / a === 1 / b);

/** GD x_{t+1} = x_t - step grad f(x_t) from every start, as `run` would do each one (see the module comment). */
export function runLanes(problem: Problem, step: number, starts: readonly ArrayLike<number>[], options: LaneRunOptions): LaneRuns {
  const dim = requireDimension('problem dimension', problem.dim);
  requirePositive('step', step);
  const maxSteps = requireInteger('maxSteps', options.maxSteps, 0);
  const window = Math.min(maxSteps + 1, requireDimension('tailWindow', options.tailWindow));
  const lanes = starts.length;
  const laneArrays = (): Float64Array[] => Array.from({ length: dim }, () => new Float64Array(lanes));
  // Running starts sit at positions 0..running-1 of x, in any order; start[p] is the start at position p.
  const x = laneArrays();
  starts.forEach((start, j) => requireVector(`starts[${j}]`, start, dim).forEach((v, i) => (x[i][j] = v)));
  const xFinal = laneArrays();
  const grad = laneArrays();
  const f = new Float64Array(lanes);
  const gap = new Float64Array(lanes);
  const gradients = problem.gradLanes && !options.perLane ? problem.gradLanes.bind(problem) : gradientsStartByStart(problem);
  // Per start (indexed by start): the rules, the ends, and how many steps its cycle skipped.
  const rules = starts.map(() => new StopRules({ maxSteps, ...(options.targetGap !== undefined ? { targetGap: options.targetGap } : {}) }));
  const steps = new Int32Array(lanes);
  const finalGap = new Float64Array(lanes);
  const initialGradNorm = new Float64Array(lanes);
  const tailMaxGradNorm = new Float64Array(lanes).fill(-Infinity);
  const skipped = new Float64Array(lanes);
  const tailFrom = maxSteps + 1 - window;
  // Brent's cycle detection, per position: the saved iterate and the step it was saved at.
  const saved = laneArrays();
  const savedAt = new Float64Array(lanes);
  const start = Int32Array.from({ length: lanes }, (_, j) => j);

  // Per position, this step: ||grad f|| (as norm2: scaled) and max_i |x_i| (as normInf).
  const gradNorm = new Float64Array(lanes);
  const sumSquares = new Float64Array(lanes);
  const xMax = new Float64Array(lanes);
  const stopped = new Uint8Array(lanes);

  let running = lanes;
  for (let t = 0; running > 0; t++) {
    gradients(x, running, grad, f, gap);
    gradNorm.fill(0, 0, running);
    xMax.fill(0, 0, running);
    for (let i = 0; i < dim; i++) {
      const gi = grad[i];
      const xi = x[i];
      for (let p = 0; p < running; p++) {
        gradNorm[p] = Math.max(gradNorm[p], Math.abs(gi[p]));
        const a = Math.abs(xi[p]);
        if (a > xMax[p] || Number.isNaN(a)) xMax[p] = a;
      }
    }
    sumSquares.fill(0, 0, running);
    for (let i = 0; i < dim; i++) {
      const gi = grad[i];
      for (let p = 0; p < running; p++) {
        const r = gi[p] / gradNorm[p];
        sumSquares[p] += r * r;
      }
    }
    let anyStopped = false;
    for (let p = 0; p < running; p++) {
      const j = start[p];
      const at = t + skipped[j];
      const scale = gradNorm[p];
      if (scale !== 0 && Number.isFinite(scale)) gradNorm[p] = scale * Math.sqrt(sumSquares[p]);
      const norm = gradNorm[p];
      // Where the quiet test holds, every rule would say "go on": the per-start rules are asked only elsewhere.
      const rule = rules[j];
      const quietStep = at > 0 && rule.quietAt(at, f[p], gap[p], norm, xMax[p]);
      let stops = true;
      if (!quietStep && !rule.acceptsFinite(at, f[p], gap[p], norm, xMax[p])) {
        if (at === 0) throw new InputError(`${problem.name} is not finite at starts[${j}]`);
        steps[j] = at - 1;
      } else {
        if (at === 0) initialGradNorm[j] = norm;
        if (at >= tailFrom && norm > tailMaxGradNorm[j]) tailMaxGradNorm[j] = norm;
        finalGap[j] = gap[p];
        stops = !quietStep && (rule.endsAt(at, gap[p], xMax[p]) || rule.underflowsAt(gap[p], norm) || (norm === 0 && rule.stationary()));
        if (stops) steps[j] = at;
      }
      stopped[p] = stops ? 1 : 0;
      if (stops) {
        anyStopped = true;
        for (let i = 0; i < dim; i++) xFinal[i][j] = x[i][p];
        continue;
      }
      if (!Number.isFinite(savedAt[p])) continue;
      let repeats = at > 0;
      for (let i = 0; repeats && i < dim; i++) repeats = sameBits(x[i][p], saved[i][p]);
      if (repeats) {
        const period = at - savedAt[p];
        const periods = Math.floor((maxSteps - at) / period);
        if (periods >= 2) skipped[j] += (periods - 1) * period;
        savedAt[p] = Infinity; // decided: no more comparisons
      } else if (((at + 1) & at) === 0) {
        // at = 2^k - 1: save x_at
        for (let i = 0; i < dim; i++) saved[i][p] = x[i][p];
        savedAt[p] = at;
      }
    }
    for (let i = 0; i < dim; i++) {
      const gi = grad[i];
      const xi = x[i];
      for (let p = 0; p < running; p++) xi[p] += -step * gi[p];
    }
    if (!anyStopped) continue;
    let kept = 0;
    for (let p = 0; p < running; p++) {
      if (stopped[p]) continue;
      if (kept !== p) {
        for (let i = 0; i < dim; i++) {
          x[i][kept] = x[i][p];
          saved[i][kept] = saved[i][p];
        }
        savedAt[kept] = savedAt[p];
        start[kept] = start[p];
      }
      kept++;
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
  return { ends, x: xFinal };
}
