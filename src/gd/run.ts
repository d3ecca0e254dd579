/**
 * The GD runner: x_{t+1} = x_t - eta_t d_t, with d_t the exact gradient or a seeded stochastic
 * oracle's direction, recorded into a `Trajectory` of typed arrays. It owns the stopping rules
 * (step budget, target gap, exact stationarity, divergence) and allocates nothing per step.
 */
import { axpy, distance, norm2, normInf } from '../linalg/kernels.js';
import { largestEigenvalue } from '../linalg/spectral.js';
import type { Problem } from '../problems/problem.js';
import type { Schedule, StepState } from '../schedules/schedule.js';
import { InputError } from '../util/errors.js';
import { requireDimension, requireInteger, requireVector } from '../util/validate.js';
import { StopRules } from './stopRules.js';
import type { Trajectory } from './trajectory.js';

/** A stochastic gradient: writes the direction for x into `out`, given the exact gradient there. */
export interface GradientOracle {
  readonly label: string;
  direction(x: Float64Array, exactGradient: Float64Array, out: Float64Array): void;
}

export interface RunOptions {
  /** Step budget: at most this many GD steps. */
  readonly maxSteps: number;
  /** Stop at the first x_t with f(x_t) - f* <= targetGap. */
  readonly targetGap?: number;
  /** Diverged when the gap exceeds blowUpFactor * max(1, gap_0). Default 1e12. */
  readonly blowUpFactor?: number;
  /** Diverged when some |x_i| exceeds this. Default 1e10. */
  readonly maxAbsCoordinate?: number;
  /** Record the largest Hessian eigenvalue at every iterate (a dense or Lanczos solve per step). */
  readonly recordSharpness?: boolean;
  /** Record ||x_t - x*|| (needs the problem's xStar). */
  readonly recordDistance?: boolean;
  /** Keep x_t every this many steps (the last iterate is always kept). 0: only the last. */
  readonly iterateEvery?: number;
  /** Stochastic directions instead of the exact gradient. */
  readonly oracle?: GradientOracle;
}

export function run(problem: Problem, schedule: Schedule, x0: ArrayLike<number>, options: RunOptions): Trajectory {
  const dim = requireDimension('problem dimension', problem.dim);
  const x = requireVector('x0', x0, dim);
  const rules = new StopRules(options);
  const { maxSteps } = rules;
  const iterateEvery = requireInteger('iterateEvery', options.iterateEvery ?? 0, 0);
  const xStar = problem.xStar;
  if (options.recordDistance && !xStar) {
    throw new InputError(`recordDistance needs a known minimizer, and ${problem.name} has none`);
  }

  const gap = new Float64Array(maxSteps + 1);
  const gradNorm = new Float64Array(maxSteps + 1);
  const stepSize = new Float64Array(maxSteps);
  const sharpness = options.recordSharpness ? new Float64Array(maxSteps + 1) : undefined;
  const dist = options.recordDistance ? new Float64Array(maxSteps + 1) : undefined;
  const iterates: { step: number; x: Float64Array }[] = [];

  const previous = new Float64Array(dim);
  const exactGradient = new Float64Array(dim);
  const direction = options.oracle ? new Float64Array(dim) : exactGradient;
  const state = { x, grad: direction, f: 0, gap: 0, gradNorm: 0, problem };
  const stepState: StepState = state;

  let t = 0;
  for (; ; t++) {
    const f = problem.grad(x, exactGradient);
    const gapT = problem.gap ? problem.gap(x) : f - problem.fStar;
    const gNorm = norm2(exactGradient);
    const xMax = normInf(x);
    if (!rules.acceptsFinite(t, f, gapT, gNorm, xMax)) {
      t--;
      break;
    }
    gap[t] = gapT;
    gradNorm[t] = gNorm;
    if (sharpness) sharpness[t] = largestEigenvalue(problem, x);
    if (dist && xStar) dist[t] = distance(x, xStar);
    if (rules.endsAt(t, gapT, xMax)) break;
    if (iterateEvery > 0 && t % iterateEvery === 0) iterates.push({ step: t, x: Float64Array.from(x) });
    if (options.oracle) {
      options.oracle.direction(x, exactGradient, direction);
    } else if (gNorm === 0 && rules.stationary()) {
      break;
    }
    state.f = f;
    state.gap = gapT;
    state.gradNorm = gNorm;
    const eta = checkedStep(schedule, t, stepState);
    stepSize[t] = eta;
    previous.set(x);
    axpy(-eta, direction, x);
  }

  if (t < 0) throw new InputError(`${problem.name} is not finite at x0`);
  const steps = t;
  const xFinal = Float64Array.from(rules.divergence?.reason === 'non-finite' ? previous : x);
  if (iterates[iterates.length - 1]?.step !== steps) iterates.push({ step: steps, x: xFinal });
  return {
    problem: problem.name,
    schedule: schedule.label,
    steps,
    gap: gap.subarray(0, steps + 1),
    gradNorm: gradNorm.subarray(0, steps + 1),
    stepSize: stepSize.subarray(0, steps),
    ...(sharpness ? { sharpness: sharpness.subarray(0, steps + 1) } : {}),
    ...(dist ? { distance: dist.subarray(0, steps + 1) } : {}),
    iterates,
    xFinal,
    stop: rules.reason,
    ...(rules.divergence ? { divergence: rules.divergence } : {}),
  };
}

/** eta_t from the schedule, which must be finite and non-negative. */
export function checkedStep(schedule: Schedule, t: number, state: StepState): number {
  const eta = schedule(t, state);
  if (!Number.isFinite(eta) || eta < 0) {
    throw new InputError(`schedule ${schedule.label} gave step size ${eta} at t=${t}; steps must be finite and >= 0`);
  }
  return eta;
}
