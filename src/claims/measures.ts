/**
 * Measures: what a claim's left-hand side reads off an instance. Most run GD and read the
 * trajectory (gap at T, first hit K(eps), minimum gradient norm, sharpness, distance to the
 * minimizer); pointwise measures read the problem at a point with no run at all. Each measure says
 * how a violation of it is certified: by a high-precision replay of the run, or (pointwise, with
 * no rounding that accumulates) by the tolerance alone.
 *
 * Order of evaluation: a measure that sizes its run from the bound (`firstHit`) declares
 * `needsRhs`, and the claim's rhs is evaluated first, with no run. Every other measure runs first,
 * and hands its run (`MeasureValue.run`) to the claim's rhs, so that a bound may read the
 * trajectory (e.g. 4L (f(x_0) - f(x_N)) / (3N)).
 *
 * What a run records: a measure declares the per-step series it reads (`reads`), and its run
 * records those and the ones the claim's rhs may read (`MeasureContext.rhsReads`), nothing else.
 * A measure that declares nothing gets a run that records the default series (gap, gradient norm,
 * step size).
 */
import type { RunOptions } from '../gd/run.js';
import { firstHitIteration, minGradNorm as trajectoryMinGradNorm, type RunSeries, type Trajectory } from '../gd/trajectory.js';
import { largestEigenvalue } from '../linalg/spectral.js';
import type { Problem } from '../problems/problem.js';
import type { Schedule } from '../schedules/schedule.js';
import { InputError } from '../util/errors.js';
import type { ClaimKind } from './claim.js';
import type { Instance } from './family.js';
import type { SampleStatistics } from './statistical.js';

/** Runs GD in the precision of the evaluation at hand (float64 in the search, BigNumber when certifying). */
export type Runner = (problem: Problem, schedule: Schedule, x0: ArrayLike<number>, options: RunOptions) => Trajectory;

/** What a measure is given besides the instance. */
export interface MeasureContext {
  /** Whether the claim is an upper or a lower bound (a first-hit measure sizes its run by it). */
  readonly kind: ClaimKind;
  /**
   * The bound at this instance, given only to measures that declare `needsRhs` (a first-hit
   * measure sizes its run from it); read it with `requireRhs`.
   */
  readonly rhs?: number;
  /** Runs GD in the evaluation's precision: a measure runs through it so that certification replays its run. */
  readonly run: Runner;
  /**
   * The series the claim's rhs may read off the run the measure hands it (`MeasureValue.run`),
   * which that run must record too (see `recordFor`). Absent: none. The evaluation gives the
   * default series when the rhs takes a third argument (the run), none otherwise.
   */
  readonly rhsReads?: readonly RunSeries[];
  /**
   * Given only when certifying a violation of a statistical measure: the search's size, the number
   * of instances the search may test (`CertifyOptions.searchSize`). A statistical measure then bounds each instance at 1 - alpha / this count
   * when it exceeds its own Bonferroni count (`correctionAt`), so that the violation is significant
   * over the whole search. Absent: the measure's own count.
   */
  readonly comparisons?: number;
}

/**
 * The series a measure's run records: those it `reads` and those the claim's rhs reads
 * (`context.rhsReads`); everything recorded by default when the measure declares nothing.
 */
export function recordFor(reads: readonly RunSeries[] | undefined, context: MeasureContext): readonly RunSeries[] | undefined {
  return reads === undefined ? undefined : [...new Set([...reads, ...(context.rhsReads ?? [])])];
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

/**
 * What a measure gives the claim's rhs as its third argument: the measure's run (`Trajectory`) for
 * measures that run GD first, `undefined` for pointwise measures and measures that need the bound
 * before running.
 */
export type MeasureRun = Trajectory | undefined;

/** A measure's value at an instance, with what the report keeps of its run. */
export interface MeasureValue<R extends MeasureRun = MeasureRun> {
  readonly value: number;
  /** The run overflowed: the value is +Infinity. */
  readonly diverged?: boolean;
  /** The value is only a lower estimate (a first hit not reached within the run: steps + 1). */
  readonly censored?: boolean;
  /** What the report keeps of the run. */
  readonly trajectory?: TrajectorySummary;
  /** The run behind the value, passed to the claim's rhs (which may read it). */
  readonly run?: R;
  /** A statistical measure's sample: repetitions, level, Bonferroni correction, interval. */
  readonly statistics?: SampleStatistics;
}

/**
 * How a violation of the measure is certified. `replay`: by re-running in high precision;
 * `pointwise`: by the tolerance alone (no rounding accumulates); `statistical`: the measure is a
 * frequency over seeded random starts, and the claim's margin must already account for sampling
 * error (e.g. a Wilson bound), so the tolerance certifies it.
 */
export type Certification = 'replay' | 'pointwise' | 'statistical';

/**
 * A claim's left-hand side. `R` is what the claim's rhs receives as its run: `Trajectory` for
 * measures read off one GD run, `undefined` for the others.
 */
export interface Measure<I extends Instance = Instance, R extends MeasureRun = MeasureRun> {
  readonly label: string;
  readonly certification: Certification;
  /** The measure reads the bound (`context.rhs`), so the rhs is evaluated before it, with no run. */
  readonly needsRhs?: boolean;
  /**
   * The per-step series the measure reads off its run (`[]`: only the final iterate, the stop
   * reason and the run's `ends`). Its run records these and the ones the rhs reads, no more (pass
   * `record: recordFor(reads, context)` to `context.run`). Absent: the run records the default
   * series, the safe choice for a measure that reads the trajectory in ways it does not list.
   */
  readonly reads?: readonly RunSeries[];
  /** The value at the instance; runs GD through `context.run` only. */
  evaluate(instance: I, context: MeasureContext): MeasureValue<R>;
}

/** The bound in a measure's context; an InputError when the measure did not declare `needsRhs`. */
export function requireRhs(context: MeasureContext, label: string): number {
  if (context.rhs === undefined) throw new InputError(`measure ${label} reads the bound, so it must declare needsRhs: true`);
  return context.rhs;
}

/**
 * What the report keeps of a run: its length, stop reason, first and last gap, least gradient
 * norm, first and last step (its `ends`, kept whatever series it recorded).
 */
export function summarize(trajectory: Trajectory): TrajectorySummary {
  return { steps: trajectory.steps, stop: trajectory.stop, ...trajectory.ends };
}

/** The start and schedule of a run-based measure; an InputError naming the measure when missing. */
function runStart(instance: Instance, label: string): { schedule: Schedule; x0: ArrayLike<number> } {
  const { schedule, x0 } = instance;
  if (!schedule || !x0) throw new InputError(`measure ${label} needs an instance with x0 and a schedule`);
  return { schedule, x0 };
}

/**
 * A measure read off the run of `steps` GD steps (default: the instance's horizon). A diverged run
 * gives +Infinity, flagged, whatever the reducer. `reads` lists the series `reduce` reads (see
 * `Measure.reads`; without it the run records the default series).
 */
export function trajectoryMeasure<I extends Instance>(
  label: string,
  reduce: (trajectory: Trajectory, instance: I) => number,
  options: Partial<Pick<RunOptions, 'recordSharpness' | 'recordDistance'>> & { steps?: number; reads?: readonly RunSeries[] } = {},
): Measure<I, Trajectory> {
  const { reads } = options;
  return {
    label,
    certification: 'replay',
    ...(reads ? { reads } : {}),
    evaluate(instance, context) {
      const { schedule, x0 } = runStart(instance, label);
      const steps = options.steps ?? instance.horizon;
      if (steps === undefined) throw new InputError(`measure ${label} needs a horizon (the instance's, or given to the measure)`);
      const trajectory = context.run(instance.problem, schedule, x0, {
        maxSteps: steps,
        recordSharpness: options.recordSharpness,
        recordDistance: options.recordDistance,
        record: recordFor(reads, context),
      });
      const summary = summarize(trajectory);
      if (trajectory.stop === 'diverged') return { value: Infinity, diverged: true, trajectory: summary, run: trajectory };
      return { value: reduce(trajectory, instance), trajectory: summary, run: trajectory };
    },
  };
}

/** f(x_T) - f* after T = `steps` (default: horizon) steps. A run stopped at a stationary point keeps its gap. */
export function gapAt<I extends Instance>(steps?: number): Measure<I, Trajectory> {
  return trajectoryMeasure(steps === undefined ? 'f(x_T) - f*' : `f(x_${steps}) - f*`, (t) => t.gap[t.steps], { steps, reads: ['gap'] });
}

/** min_{0 <= t <= T} ||grad f(x_t)||. */
export function minGradNorm<I extends Instance>(steps?: number): Measure<I, Trajectory> {
  return trajectoryMeasure('min_t ||grad f(x_t)||', (t) => trajectoryMinGradNorm(t), { steps, reads: ['gradNorm'] });
}

/** Largest Hessian eigenvalue at x_T. */
export function sharpnessAt<I extends Instance>(steps?: number): Measure<I, Trajectory> {
  return trajectoryMeasure('lambda_max(Hess f(x_T))', (t, instance) => largestEigenvalue(instance.problem, t.xFinal), {
    steps,
    reads: [],
  });
}

/** ||x_T - x*||. */
export function distanceAt<I extends Instance>(steps?: number): Measure<I, Trajectory> {
  return trajectoryMeasure('||x_T - x*||', (t) => t.distance![t.steps], { steps, reads: ['distance'] });
}

const FIRST_HIT_READS: readonly RunSeries[] = ['gap'];

/**
 * K(eps): the first t with f(x_t) - f* <= eps. The run is sized from the bound so that a run which
 * never gets there counts correctly: for an upper claim K <= rhs the run goes to floor(rhs) + 1
 * steps, and not reaching eps is a violation (value steps + 1, censored); for a lower claim
 * K >= rhs it goes to ceil(rhs) steps, and not reaching eps means the claim holds there. `maxSteps`
 * caps the run; a capped upper run that misses eps gives a censored value below the bound, which
 * never counts as a violation, and a capped lower run that misses eps counts as holding.
 * Since it reads the bound before running, the claim's rhs gets no run (`undefined`).
 */
export function firstHit<I extends Instance>(
  eps: number | ((instance: I) => number),
  options: { maxSteps?: number } = {},
): Measure<I, undefined> {
  const cap = options.maxSteps ?? 1_000_000;
  const label = typeof eps === 'number' ? `K(${eps})` : 'K(eps)';
  return {
    label,
    certification: 'replay',
    needsRhs: true,
    reads: FIRST_HIT_READS,
    evaluate(instance, context) {
      const rhs = requireRhs(context, label);
      const { schedule, x0 } = runStart(instance, label);
      const target = typeof eps === 'number' ? eps : eps(instance);
      if (!(target > 0)) throw new InputError(`measure ${label}: eps must be positive, got ${target}`);
      const needed = context.kind === 'upper' ? Math.floor(rhs) + 1 : Math.ceil(rhs);
      const maxSteps = Math.max(0, Math.min(cap, Number.isFinite(needed) ? needed : cap));
      const trajectory = context.run(instance.problem, schedule, x0, { maxSteps, targetGap: target, record: FIRST_HIT_READS });
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
export function pointwise<I extends Instance>(label: string, read: (instance: I) => number): Measure<I, undefined> {
  return {
    label,
    certification: 'pointwise',
    evaluate(instance) {
      return { value: read(instance) };
    },
  };
}
