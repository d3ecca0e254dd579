/**
 * The `Schedule` type: a step-size rule `(t, state) => eta`, a pure function of the iteration
 * index and of what GD knows at x_t, carrying a label for tables and figures.
 */
import type { Problem } from '../problems/problem.js';

/** What a step-size rule may look at before the step from x_t to x_{t+1}. Read-only. */
export interface StepState {
  /** x_t. */
  readonly x: Float64Array;
  /** The direction GD is about to take (the stochastic gradient in the stochastic variant). */
  readonly grad: Float64Array;
  /** f(x_t). */
  readonly f: number;
  /** f(x_t) - f*. */
  readonly gap: number;
  /** ||grad f(x_t)||, of the true gradient. */
  readonly gradNorm: number;
  readonly problem: Problem;
}

export type Schedule = ((t: number, state: StepState) => number) & { readonly label: string };

/** Attaches a label to a step-size rule. */
export function schedule(label: string, rule: (t: number, state: StepState) => number): Schedule {
  return Object.assign((t: number, state: StepState) => rule(t, state), { label });
}
