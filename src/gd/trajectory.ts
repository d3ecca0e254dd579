/**
 * The `Trajectory` a GD run returns, and the measures read off it (first hit of a target gap,
 * minimum gradient norm over a window, tail maximum). Arrays are indexed by iteration: entry t
 * describes x_t, the point before step t+1.
 */

/**
 * Why a run ended: its step budget, the target gap reached, an exactly stationary point (a zero
 * gradient: GD cannot move again), or divergence.
 */
export type StopReason = 'budget' | 'target' | 'stationary' | 'diverged';

export interface Divergence {
  /** Index of the first iterate found non-finite or blown up. */
  readonly step: number;
  /** `non-finite`: f, its gradient or x overflowed to Inf/NaN; `blow-up`: crossed the run's limits. */
  readonly reason: 'non-finite' | 'blow-up';
}

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
  readonly stop: StopReason;
  readonly divergence?: Divergence;
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
