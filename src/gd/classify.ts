/**
 * Classification of a finished run for step-size sweeps, following the protocol of
 * large-lr-impossibility.md section 5 [R]: converged, diverged, stalled near a saddle, not yet
 * decided, or bounded and non-convergent. Uses the tail maximum of the gradient norm, never the
 * final value alone (chaotic runs pass through tiny gradients). The protocol's movement test
 * ||x_T - x_{T-K}|| <= eta K tau is not applied: the trajectory keeps the gradient norms, and the
 * gap test already rejects runs that sit at a non-optimal critical point.
 */
import type { Trajectory } from './trajectory.js';
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

export function classifyRun(trajectory: Trajectory, options: ClassifyOptions = {}): RunOutcome {
  if (trajectory.stop === 'diverged') return 'diverged';
  const { gradNorm, gap, steps } = trajectory;
  const gapTolerance = options.gapTolerance ?? 1e-8;
  const finalGap = gap[steps];
  if (trajectory.stop === 'target') return 'converged';
  // An exactly zero gradient: GD stays at x_steps forever, whatever came before; an underflowed one
  // (below 2^-485) moves it by no more than the float64 run can tell.
  if (trajectory.stop === 'stationary' || trajectory.stop === 'underflow') return finalGap <= gapTolerance ? 'converged' : 'stalled';
  const window = Math.min(steps + 1, options.tailWindow ?? Math.max(1000, Math.floor(steps / 10)));
  const tau = (options.gradTolerance ?? 1e-10) * Math.max(1, gradNorm[0]);
  const tailMaximum = tailMax(gradNorm, window);
  if (tailMaximum <= tau) return finalGap <= gapTolerance ? 'converged' : 'stalled';
  // Between tau and the bounded threshold the run is not decided: extend it, never count it as
  // non-convergent (large-lr-impossibility.md section 5, corrected rule).
  return tailMaximum >= (options.boundedThreshold ?? 1e-4) ? 'bounded' : 'undecided';
}
