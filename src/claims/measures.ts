/**
 * Measures: what a claim's left-hand side reads off an instance. Most run GD and read the
 * trajectory (gap at T, first hit K(eps), minimum gradient norm, sharpness, distance to the
 * minimizer); pointwise measures read the problem at a point with no run at all. Each measure says
 * how a violation of it is certified: by a high-precision replay of the run, or (pointwise, with
 * no rounding that accumulates) by the tolerance alone.
 */
import type { RunOptions } from '../gd/run.js';
import type { Trajectory } from '../gd/trajectory.js';
import { minGradNorm as trajectoryMinGradNorm, firstHitIteration } from '../gd/trajectory.js';
import { largestEigenvalue } from '../linalg/spectral.js';
import type { Problem } from '../problems/problem.js';
import type { Schedule } from '../schedules/schedule.js';
import { InputError } from '../util/errors.js';
import type { ClaimKind } from './claim.js';
import type { Instance } from './family.js';

/** Runs GD in the precision of the evaluation at hand (float64 in the search, BigNumber when certifying). */
export type Runner = (problem: Problem, schedule: Schedule, x0: ArrayLike<number>, options: RunOptions) => Trajectory;

export interface MeasureContext {
  readonly kind: ClaimKind;
  /** The bound at this instance; a first-hit measure sizes its run from it. */
  readonly rhs: number;
  readonly run: Runner;
}

/** What the report keeps of the run behind a value. */
export interface TrajectorySummary {
  readonly steps: number;
  readonly stop: Trajectory['stop'];
  readonly initialGap: number;
  readonly finalGap: number;
  readonly minGradNorm: number;
  readonly firstStepSize: number | null;
  readonly lastStepSize: number | null;
}

export interface MeasureValue {
  readonly value: number;
  /** The run overflowed: the value is +Infinity. */
  readonly diverged?: boolean;
  /** The value is only a lower estimate (a first hit not reached within the run: steps + 1). */
  readonly censored?: boolean;
  readonly trajectory?: TrajectorySummary;
}

/**
 * How a violation of the measure is certified. `replay`: by re-running in high precision;
 * `pointwise`: by the tolerance alone (no rounding accumulates); `statistical`: the measure is a
 * frequency over seeded random starts, and the claim's margin must already account for sampling
 * error (e.g. a Wilson bound), so the tolerance certifies it.
 */
export type Certification = 'replay' | 'pointwise' | 'statistical';

export interface Measure<I extends Instance = Instance> {
  readonly label: string;
  readonly certification: Certification;
  evaluate(instance: I, context: MeasureContext): MeasureValue;
}

export function summarize(trajectory: Trajectory): TrajectorySummary {
  const { stepSize, steps } = trajectory;
  return {
    steps,
    stop: trajectory.stop,
    initialGap: trajectory.gap[0],
    finalGap: trajectory.gap[steps],
    minGradNorm: trajectoryMinGradNorm(trajectory),
    firstStepSize: steps > 0 ? stepSize[0] : null,
    lastStepSize: steps > 0 ? stepSize[steps - 1] : null,
  };
}

/** The start and schedule of a run-based measure; an InputError naming the measure when missing. */
function runStart(instance: Instance, label: string): { schedule: Schedule; x0: ArrayLike<number> } {
  const { schedule, x0 } = instance;
  if (!schedule || !x0) throw new InputError(`measure ${label} needs an instance with x0 and a schedule`);
  return { schedule, x0 };
}

/**
 * A measure read off the run of `steps` GD steps (default: the instance's horizon). A diverged run
 * gives +Infinity, flagged, whatever the reducer.
 */
export function trajectoryMeasure<I extends Instance>(
  label: string,
  reduce: (trajectory: Trajectory, instance: I) => number,
  options: Partial<Pick<RunOptions, 'recordSharpness' | 'recordDistance'>> & { steps?: number } = {},
): Measure<I> {
  return {
    label,
    certification: 'replay',
    evaluate(instance, context) {
      const { schedule, x0 } = runStart(instance, label);
      const steps = options.steps ?? instance.horizon;
      if (steps === undefined) throw new InputError(`measure ${label} needs a horizon (the instance's, or given to the measure)`);
      const trajectory = context.run(instance.problem, schedule, x0, {
        maxSteps: steps,
        recordSharpness: options.recordSharpness,
        recordDistance: options.recordDistance,
      });
      const summary = summarize(trajectory);
      if (trajectory.stop === 'diverged') return { value: Infinity, diverged: true, trajectory: summary };
      return { value: reduce(trajectory, instance), trajectory: summary };
    },
  };
}

/** f(x_T) - f* after T = `steps` (default: horizon) steps. A run stopped at a stationary point keeps its gap. */
export function gapAt<I extends Instance>(steps?: number): Measure<I> {
  return trajectoryMeasure(steps === undefined ? 'f(x_T) - f*' : `f(x_${steps}) - f*`, (t) => t.gap[t.steps], { steps });
}

/** min_{0 <= t <= T} ||grad f(x_t)||. */
export function minGradNorm<I extends Instance>(steps?: number): Measure<I> {
  return trajectoryMeasure('min_t ||grad f(x_t)||', (t) => trajectoryMinGradNorm(t), { steps });
}

/** Largest Hessian eigenvalue at x_T. */
export function sharpnessAt<I extends Instance>(steps?: number): Measure<I> {
  return trajectoryMeasure('lambda_max(Hess f(x_T))', (t, instance) => largestEigenvalue(instance.problem, t.xFinal), {
    steps,
  });
}

/** ||x_T - x*||. */
export function distanceAt<I extends Instance>(steps?: number): Measure<I> {
  return trajectoryMeasure('||x_T - x*||', (t) => t.distance![t.steps], { steps, recordDistance: true });
}

/**
 * K(eps): the first t with f(x_t) - f* <= eps. The run is sized from the bound so that a run which
 * never gets there counts correctly: for an upper claim K <= rhs the run goes to floor(rhs) + 1
 * steps, and not reaching eps is a violation (value steps + 1, censored); for a lower claim
 * K >= rhs it goes to ceil(rhs) steps, and not reaching eps means the claim holds there. `maxSteps`
 * caps the run; a capped upper run that misses eps gives a censored value below the bound, which
 * never counts as a violation, and a capped lower run that misses eps counts as holding.
 */
export function firstHit<I extends Instance>(
  eps: number | ((instance: I) => number),
  options: { maxSteps?: number } = {},
): Measure<I> {
  const cap = options.maxSteps ?? 1_000_000;
  const label = typeof eps === 'number' ? `K(${eps})` : 'K(eps)';
  return {
    label,
    certification: 'replay',
    evaluate(instance, context) {
      const { schedule, x0 } = runStart(instance, label);
      const target = typeof eps === 'number' ? eps : eps(instance);
      if (!(target > 0)) throw new InputError(`measure ${label}: eps must be positive, got ${target}`);
      const needed = context.kind === 'upper' ? Math.floor(context.rhs) + 1 : Math.ceil(context.rhs);
      const maxSteps = Math.max(0, Math.min(cap, Number.isFinite(needed) ? needed : cap));
      const trajectory = context.run(instance.problem, schedule, x0, { maxSteps, targetGap: target });
      const summary = summarize(trajectory);
      const hit = firstHitIteration(trajectory, target);
      if (hit !== undefined) return { value: hit, trajectory: summary };
      if (trajectory.stop === 'diverged') return { value: Infinity, diverged: true, trajectory: summary };
      // At an exactly stationary point GD never moves again: K is infinite, not censored.
      if (trajectory.stop === 'stationary') return { value: Infinity, trajectory: summary };
      // Not reached: K >= steps + 1. A capped lower-claim run cannot tell K from rhs, so it counts
      // as holding (+Infinity); an upper-claim run is never a violation below its bound.
      const capped = maxSteps < needed;
      const value = capped && context.kind === 'lower' ? Infinity : trajectory.steps + 1;
      return { value, censored: true, trajectory: summary };
    },
  };
}

/** A statement at a point, with no run: `read(instance)` evaluates e.g. ||Hess f(x0)|| at the instance's x0. */
export function pointwise<I extends Instance>(label: string, read: (instance: I) => number): Measure<I> {
  return {
    label,
    certification: 'pointwise',
    evaluate(instance) {
      return { value: read(instance) };
    },
  };
}
