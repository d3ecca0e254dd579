/**
 * The GD runner: x_{t+1} = x_t - eta_t d_t, with d_t the exact gradient or a seeded stochastic
 * oracle's direction, recorded into a `Trajectory` of typed arrays. It owns the stopping rules
 * (step budget, target gap, exact stationarity, divergence) and allocates nothing per step.
 */
import { distance, norm2, normInf } from '../linalg/kernels.js';
import { largestEigenvalue } from '../linalg/spectral.js';
import type { Problem } from '../problems/problem.js';
import type { Schedule, StepState } from '../schedules/schedule.js';
import { InputError } from '../util/errors.js';
import { requireDimension, requireInteger, requireVector } from '../util/validate.js';
import { StopRules } from './stopRules.js';
import { leaveOut, recordedSeries, type RunSeries, type Trajectory } from './trajectory.js';

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
  /**
   * The per-step series to record. Default: gap, gradient norm and step size (plus sharpness and
   * distance when their flags ask). A series left out is neither stored nor, for sharpness and
   * distance, computed; reading it off the trajectory throws. Plots and reports leave it unset.
   */
  readonly record?: readonly RunSeries[];
  /** Record the largest Hessian eigenvalue at every iterate (a dense or Lanczos solve per step); same as listing `sharpness` in `record`. */
  readonly recordSharpness?: boolean;
  /** Record ||x_t - x*|| (needs the problem's xStar); same as listing `distance` in `record`. */
  readonly recordDistance?: boolean;
  /** Keep x_t every this many steps (the last iterate is always kept). 0: only the last. */
  readonly iterateEvery?: number;
  /** Stochastic directions instead of the exact gradient. */
  readonly oracle?: GradientOracle;
}

export function run(problem: Problem, schedule: Schedule, x0: ArrayLike<number>, options: RunOptions): Trajectory {
  const dim = requireDimension('problem dimension', problem.dim);
  let x: Float64Array = requireVector('x0', x0, dim);
  const rules = new StopRules(options);
  const { maxSteps } = rules;
  const iterateEvery = requireInteger('iterateEvery', options.iterateEvery ?? 0, 0);
  const recorded = recordedSeries(options.record, options);
  const xStar = problem.xStar;
  if (recorded.has('distance') && !xStar) {
    throw new InputError(`recording the distance needs a known minimizer, and ${problem.name} has none`);
  }

  const series = (name: RunSeries, length: number): GrowingSeries | undefined => (recorded.has(name) ? new GrowingSeries(length) : undefined);
  const gap = series('gap', maxSteps + 1);
  const gradNorm = series('gradNorm', maxSteps + 1);
  const stepSize = series('stepSize', maxSteps);
  const sharpness = series('sharpness', maxSteps + 1);
  const dist = xStar ? series('distance', maxSteps + 1) : undefined;
  const iterates: { step: number; x: Float64Array }[] = [];

  /** x_{t+1} is written here, then the two buffers swap: x_t stays whole for a rollback. */
  let next: Float64Array = new Float64Array(dim);
  const exactGradient = new Float64Array(dim);
  const oracle = options.oracle;
  const direction = oracle ? new Float64Array(dim) : exactGradient;
  const state = { x, grad: direction, f: 0, gap: 0, gradNorm: 0, problem };
  const stepState: StepState = state;
  // The run's ends, kept in locals rather than an object's fields: the loop's cheapest bookkeeping.
  let initialGap = NaN;
  let lastGap = NaN;
  let leastGradNorm = Infinity;
  let firstStep = NaN;
  let lastStep = NaN;
  let stepBeforeLast = NaN;

  let t = 0;
  let xMax = normInf(x);
  for (; ; t++) {
    const f = problem.grad(x, exactGradient);
    const gapT = problem.gap ? problem.gap(x) : f - problem.fStar;
    const gNorm = norm2(exactGradient);
    if (!rules.acceptsFinite(t, f, gapT, gNorm, xMax)) {
      t--;
      break;
    }
    if (t === 0) initialGap = gapT;
    lastGap = gapT;
    leastGradNorm = Math.min(leastGradNorm, gNorm);
    gap?.set(t, gapT);
    gradNorm?.set(t, gNorm);
    sharpness?.set(t, largestEigenvalue(problem, x));
    if (dist && xStar) dist.set(t, distance(x, xStar));
    if (rules.endsAt(t, gapT, xMax) || rules.underflowsAt(gapT, gNorm)) break;
    if (iterateEvery > 0 && t % iterateEvery === 0) iterates.push({ step: t, x: Float64Array.from(x) });
    if (oracle) {
      oracle.direction(x, exactGradient, direction);
    } else if (gNorm === 0 && rules.stationary()) {
      break;
    }
    state.f = f;
    state.gap = gapT;
    state.gradNorm = gNorm;
    const eta = checkedStep(schedule, t, stepState);
    if (t === 0) firstStep = eta;
    stepBeforeLast = lastStep;
    lastStep = eta;
    stepSize?.set(t, eta);
    xMax = stepInto(-eta, direction, x, next);
    const current = x;
    x = next;
    next = current;
    state.x = x;
  }

  if (t < 0) throw new InputError(`${problem.name} is not finite at x0`);
  const steps = t;
  /** A step that overflowed is undone: x_{steps} is the buffer before it, and the last step size the one before. */
  const rolledBack = rules.divergence?.reason === 'non-finite';
  const xFinal = Float64Array.from(rolledBack ? next : x);
  if (iterates[iterates.length - 1]?.step !== steps) iterates.push({ step: steps, x: xFinal });
  const trajectory = {
    problem: problem.name,
    schedule: schedule.label,
    steps,
    ...(gap ? { gap: gap.values(steps + 1) } : {}),
    ...(gradNorm ? { gradNorm: gradNorm.values(steps + 1) } : {}),
    ...(stepSize ? { stepSize: stepSize.values(steps) } : {}),
    ...(sharpness ? { sharpness: sharpness.values(steps + 1) } : {}),
    ...(dist ? { distance: dist.values(steps + 1) } : {}),
    iterates,
    xFinal,
    ends: {
      initialGap,
      finalGap: lastGap,
      minGradNorm: leastGradNorm,
      firstStepSize: steps > 0 ? firstStep : null,
      lastStepSize: steps === 0 ? null : rolledBack ? stepBeforeLast : lastStep,
    },
    stop: rules.reason,
    ...(rules.divergence ? { divergence: rules.divergence } : {}),
  };
  return leaveOut(trajectory as Trajectory, (['gap', 'gradNorm', 'stepSize'] as const).filter((name) => !recorded.has(name)));
}

/** Length of a recorded series before its first doubling. */
const INITIAL_SERIES_LENGTH = 1024;

/** A series recorded step by step into a Float64Array that doubles when full, up to `capacity`. */
class GrowingSeries {
  private data: Float64Array;

  constructor(private readonly capacity: number) {
    this.data = new Float64Array(Math.min(capacity, INITIAL_SERIES_LENGTH));
  }

  set(t: number, value: number): void {
    if (t >= this.data.length) {
      const grown = new Float64Array(Math.min(this.capacity, 2 * this.data.length));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[t] = value;
  }

  /** The first `length` entries (a view, no copy). */
  values(length: number): Float64Array {
    return this.data.subarray(0, length);
  }
}

/** eta_t from the schedule, which must be finite and non-negative. */
export function checkedStep(schedule: Schedule, t: number, state: StepState): number {
  const eta = schedule(t, state);
  if (!Number.isFinite(eta) || eta < 0) {
    throw new InputError(`schedule ${schedule.label} gave step size ${eta} at t=${t}; steps must be finite and >= 0`);
  }
  return eta;
}

/** out <- x + alpha d (bitwise as `axpy`), returning max_i |out_i| (NaN when some entry is NaN). */
function stepInto(alpha: number, d: Float64Array, x: Float64Array, out: Float64Array): number {
  let largest = 0;
  for (let i = 0; i < x.length; i++) {
    const value = x[i] + alpha * d[i];
    out[i] = value;
    largest = Math.max(largest, Math.abs(value));
  }
  return largest;
}
