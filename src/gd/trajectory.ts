/**
 * The `Trajectory` a GD run returns, which per-step series a run records (`RunSeries`), and the
 * measures read off it (first hit of a target gap, minimum gradient norm over a window, tail
 * maximum). Arrays are indexed by iteration: entry t describes x_t, the point before step t+1.
 */
import { InputError } from '../util/errors.js';

/**
 * Why a run ended: its step budget, the target gap reached, an exactly stationary point (a zero
 * gradient: GD cannot move again), divergence, or underflow (the float64 run's gap or squared
 * gradient norm fell below 2^-970, where the next values lose their relative precision to
 * subnormal numbers; the high-precision replays have no such floor and run on).
 */
export type StopReason = 'budget' | 'target' | 'stationary' | 'diverged' | 'underflow';

export interface Divergence {
  /** Index of the first iterate found non-finite or blown up. */
  readonly step: number;
  /** `non-finite`: f, its gradient or x overflowed to Inf/NaN; `blow-up`: crossed the run's limits. */
  readonly reason: 'non-finite' | 'blow-up';
}

/**
 * A per-step series a run can record: the gap f(x_t) - f*, the gradient norm, the step size, the
 * sharpness (a Hessian eigensolve per step) and the distance ||x_t - x*||.
 */
export type RunSeries = 'gap' | 'gradNorm' | 'stepSize' | 'sharpness' | 'distance';

/** Every series, in the order of `Trajectory`'s fields. */
export const RUN_SERIES: readonly RunSeries[] = ['gap', 'gradNorm', 'stepSize', 'sharpness', 'distance'];

/** What a run records when not told otherwise: gap, gradient norm and step size (sharpness and distance cost extra work). */
export const DEFAULT_RUN_SERIES: readonly RunSeries[] = ['gap', 'gradNorm', 'stepSize'];

/**
 * What every run keeps whatever it records, computed along the run (a report's summary of the run
 * reads these): the first and last gap, the least gradient norm over x_0 .. x_steps, and the first
 * and last step size (null when the run made no step).
 */
export interface RunEnds {
  readonly initialGap: number;
  readonly finalGap: number;
  readonly minGradNorm: number;
  readonly firstStepSize: number | null;
  readonly lastStepSize: number | null;
}

/**
 * A run's result. `gap`, `gradNorm` and `stepSize` are recorded by default; a run told to record
 * fewer series (`RunOptions.record`) leaves the others out, and reading one of them throws an
 * InputError that names it (never a silent empty array).
 */
export interface Trajectory {
  readonly problem: string;
  readonly schedule: string;
  /** Number of GD steps whose results are recorded: x_0 .. x_steps. */
  readonly steps: number;
  /** f(x_t) - f*, length steps + 1. */
  readonly gap: Float64Array;
  /** ||grad f(x_t)||, length steps + 1. */
  readonly gradNorm: Float64Array;
  /** eta_t used for the step from x_t to x_{t+1}, length steps. */
  readonly stepSize: Float64Array;
  /** Largest Hessian eigenvalue at x_t, length steps + 1, when requested. */
  readonly sharpness?: Float64Array;
  /** ||x_t - x*||, length steps + 1, when requested and x* is known. */
  readonly distance?: Float64Array;
  /** x_t every `iterateEvery` steps, and the last recorded iterate. */
  readonly iterates: ReadonlyArray<{ readonly step: number; readonly x: Float64Array }>;
  /** The last recorded iterate, x_steps. */
  readonly xFinal: Float64Array;
  /** First and last gap, least gradient norm, first and last step, whatever the run recorded. */
  readonly ends: RunEnds;
  readonly stop: StopReason;
  readonly divergence?: Divergence;
}

/** The `RunEnds` of recorded series (gap and gradient norm of length steps + 1, steps step sizes). */
export function endsOf(gap: ArrayLike<number>, gradNorm: ArrayLike<number>, stepSize: ArrayLike<number>): RunEnds {
  const steps = gap.length - 1;
  let least = Infinity;
  for (let t = 0; t <= steps; t++) least = Math.min(least, gradNorm[t]);
  return {
    initialGap: gap[0],
    finalGap: gap[steps],
    minGradNorm: least,
    firstStepSize: steps > 0 ? stepSize[0] : null,
    lastStepSize: steps > 0 ? stepSize[steps - 1] : null,
  };
}

/**
 * The series of `record` as given, checked: an InputError naming an unknown series. Sharpness and
 * distance are also recorded when the older flags `recordSharpness` / `recordDistance` ask for them.
 */
export function recordedSeries(
  record: readonly RunSeries[] | undefined,
  flags: { readonly recordSharpness?: boolean; readonly recordDistance?: boolean } = {},
): ReadonlySet<RunSeries> {
  const names = new Set<RunSeries>(record ?? DEFAULT_RUN_SERIES);
  for (const name of names) {
    if (!RUN_SERIES.includes(name)) throw new InputError(`record: unknown series ${String(name)}; the series are ${RUN_SERIES.join(', ')}`);
  }
  if (flags.recordSharpness) names.add('sharpness');
  if (flags.recordDistance) names.add('distance');
  return names;
}

/**
 * Marks the required series a run did not record on its trajectory: reading one throws an
 * InputError naming it and how to ask for it. The property is not enumerable, so a spread copy or
 * a structured clone of the trajectory leaves it out rather than throwing.
 */
export function leaveOut<T extends object>(trajectory: T, series: ReadonlyArray<'gap' | 'gradNorm' | 'stepSize'>): T {
  for (const name of series) {
    Object.defineProperty(trajectory, name, {
      enumerable: false,
      get(): never {
        throw new InputError(
          `this run did not record ${name}: a measure that reads it lists it in its reads (RunOptions.record for a run of your own)`,
        );
      },
    });
  }
  return trajectory;
}

/**
 * The first t with gap_t <= eps, or `undefined` when the recorded run never gets there. A claim
 * decides what "never" means for its inequality (see `claims/`), never this function.
 */
export function firstHitIteration(trajectory: Trajectory, eps: number): number | undefined {
  const { gap } = trajectory;
  for (let t = 0; t < gap.length; t++) if (gap[t] <= eps) return t;
  return undefined;
}

/** min over t in [from, to] of ||grad f(x_t)||; `to` defaults to the last recorded iterate. */
export function minGradNorm(trajectory: Trajectory, from = 0, to = trajectory.steps): number {
  let m = Infinity;
  const last = Math.min(to, trajectory.steps);
  for (let t = Math.max(0, from); t <= last; t++) m = Math.min(m, trajectory.gradNorm[t]);
  return m;
}

/** max over the last `window` recorded iterates of `series` (the tail maximum of the large-step protocol). */
export function tailMax(series: Float64Array, window: number): number {
  let m = -Infinity;
  for (let t = Math.max(0, series.length - window); t < series.length; t++) m = Math.max(m, series[t]);
  return m;
}
