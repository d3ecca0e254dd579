/**
 * Classification of a finished run for step-size sweeps, following the protocol of
 * large-lr-impossibility.md section 5 [R]: converged, diverged, stalled near a saddle, still
 * converging (undecided), or bounded and non-convergent. Uses the tail maximum of the gradient
 * norm, never the final value alone (chaotic runs pass through tiny gradients).
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
  const window = Math.min(steps + 1, options.tailWindow ?? Math.max(1000, Math.floor(steps / 10)));
  const tau = (options.gradTolerance ?? 1e-10) * Math.max(1, gradNorm[0]);
  const gapTolerance = options.gapTolerance ?? 1e-8;
  const gFinalWindow = tailMax(gradNorm, window);
  const finalGap = gap[steps];
  if (trajectory.stop === 'target' || (gFinalWindow <= tau && finalGap <= gapTolerance)) return 'converged';
  if (gFinalWindow <= tau) return 'stalled';
  if (gFinalWindow >= (options.boundedThreshold ?? 1e-4)) return 'bounded';
  // Between the tolerances: a clearly decreasing tail is a slow run, not a non-convergent one.
  const head = gradNorm[steps + 1 - window];
  return gradNorm[steps] < 1e-3 * head ? 'undecided' : 'bounded';
}
