/**
 * Classification of a finished run for step-size sweeps, following the protocol of
 * large-lr-impossibility.md section 5 [R]: converged, diverged, stalled near a saddle, not yet
 * decided, or bounded and non-convergent. Uses the tail maximum of the gradient norm, never the
 * final value alone (chaotic runs pass through tiny gradients). The protocol's movement test
 * ||x_T - x_{T-K}|| <= eta K tau is not applied: the trajectory keeps the gradient norms, and the
 * gap test already rejects runs that sit at a non-optimal critical point.
 */
import type { StopReason, Trajectory } from './trajectory.js';
import { tailMax } from './trajectory.js';

export type RunOutcome = 'converged' | 'diverged' | 'stalled' | 'undecided' | 'bounded';

export interface ClassifyOptions {
  /** Tail window K; default max(1000, steps/10), capped at the run length. */
  readonly tailWindow?: number;
  /** Gradient tolerance tau relative to max(1, ||grad f(x_0)||); default 1e-10. */
  readonly gradTolerance?: number;
  /** A converged run must also have gap <= this (else it sits at a non-optimal critical point). Default 1e-8. */
  readonly gapTolerance?: number;
  /** Tail maximum of the gradient norm above which a finite run is bounded and non-convergent. Default 1e-4. */
  readonly boundedThreshold?: number;
}

/**
 * What the classification of a run that spent its budget reads: how and when it stopped, its last
 * gap, the gradient norm at x_0, and the largest gradient norm over its tail window (the other
 * stops decide the outcome from the stop and the last gap alone).
 */
export interface RunEnd {
  readonly stop: StopReason;
  readonly steps: number;
  readonly finalGap: number;
  readonly initialGradNorm: number;
  /** The largest gradient norm over the run's tail window (read for a run that spent its budget only). */
  readonly tailMaxGradNorm: number;
}

/** The outcome a stop decides by itself from the run's last gap (every stop but the budget's). */
function outcomeOfStop(stop: StopReason, finalGap: number, gapTolerance: number): RunOutcome | undefined {
  if (stop === 'diverged') return 'diverged';
  if (stop === 'target') return 'converged';
  // An exactly zero gradient: GD stays at x_steps forever, whatever came before; an underflowed one
  // (below 2^-485) moves it by no more than the float64 run can tell.
  if (stop === 'stationary' || stop === 'underflow') return finalGap <= gapTolerance ? 'converged' : 'stalled';
  return undefined;
}

export function classifyRun(trajectory: Trajectory, options: ClassifyOptions = {}): RunOutcome {
  const { stop, steps } = trajectory;
  const decided = outcomeOfStop(stop, trajectory.ends.finalGap, options.gapTolerance ?? 1e-8);
  if (decided) return decided;
  const { gradNorm } = trajectory;
  const window = Math.min(steps + 1, options.tailWindow ?? Math.max(1000, Math.floor(steps / 10)));
  return classifyEnd({ stop, steps, finalGap: trajectory.ends.finalGap, initialGradNorm: gradNorm[0], tailMaxGradNorm: tailMax(gradNorm, window) }, options);
}

/** The classification of a run from its `RunEnd` (the tail maximum taken over the tail window the caller chose). */
export function classifyEnd(end: RunEnd, options: Omit<ClassifyOptions, 'tailWindow'> = {}): RunOutcome {
  const gapTolerance = options.gapTolerance ?? 1e-8;
  const decided = outcomeOfStop(end.stop, end.finalGap, gapTolerance);
  if (decided) return decided;
  const tau = (options.gradTolerance ?? 1e-10) * Math.max(1, end.initialGradNorm);
  if (end.tailMaxGradNorm <= tau) return end.finalGap <= gapTolerance ? 'converged' : 'stalled';
  // Between tau and the bounded threshold the run is not decided: extend it, never count it as
  // non-convergent (large-lr-impossibility.md section 5, corrected rule).
  return end.tailMaxGradNorm >= (options.boundedThreshold ?? 1e-4) ? 'bounded' : 'undecided';
}
