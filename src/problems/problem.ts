/**
 * The `Problem` interface: an objective with its gradient, optional Hessian and Hessian-vector
 * product, its optimal value, and the named constants the theory needs, each with its status.
 *
 * Vectors are Float64Array; a dense Hessian is row-major d x d. `grad` writes into a caller-owned
 * buffer and returns f(x), so the GD loop allocates nothing per step.
 */

import type { BigNumber, MathJsInstance } from 'mathjs';
import type { BallModel } from './ballModel.js';
import type { ShadowModel } from './shadowModel.js';

/**
 * The same objective in mathjs BigNumber arithmetic (decimal.js underneath) at a fixed number of
 * significant digits, used to replay a counterexample when certifying it.
 */
export interface HighPrecisionModel {
  /** Significant digits of the arithmetic. */
  readonly digits: number;
  /** The mathjs instance configured with { number: 'BigNumber', precision: digits }. */
  readonly math: MathJsInstance;
  /** inf f, in BigNumber. */
  readonly fStar: BigNumber;
  /** f(x). */
  f(x: readonly BigNumber[]): BigNumber;
  /** grad f(x), a new array. */
  grad(x: readonly BigNumber[]): BigNumber[];
  /** f(x) - f*, without cancellation where the family can; defaults to f(x) - fStar. */
  gap?(x: readonly BigNumber[]): BigNumber;
}

/** How a constant is known: exactly, as a proved upper/lower bound, or only numerically. */
export type ConstantStatus = 'exact' | 'valid bound' | 'estimate';

/** A constant of the theory at an instance, with how it is known (build it with `exact`, `validBound` or `estimate`). */
export interface NamedConstant {
  readonly value: number;
  readonly status: ConstantStatus;
  /** Where the value comes from (a closed form, a digest's table row, a numerical fit). */
  readonly note?: string;
}

/**
 * The constants of the theory, wherever known for an instance:
 * L (smoothness), mu (PL or strong convexity: ||grad||^2 >= 2 mu (f - f*)), L0/L1 ((L0,L1)-smoothness),
 * H0/H1 ((H0,H1)-smoothness), rho/K0/Krho ((rho,K0,Krho)-smoothness).
 */
export type ConstantName = 'L' | 'mu' | 'L0' | 'L1' | 'H0' | 'H1' | 'rho' | 'K0' | 'Krho';
/** The constants known for an instance, by name. */
export type ProblemConstants = Partial<Record<ConstantName, NamedConstant>>;

/** An objective: f, its gradient, optionally its Hessian, its optimal value and the theory's constants. */
export interface Problem {
  /** Family and instance, e.g. `cosh(H0=1,H1=1)`. */
  readonly name: string;
  /** The dimension d of x. */
  readonly dim: number;
  /** The instance's parameters, as the family received them. */
  readonly params: Readonly<Record<string, number>>;
  /** f(x). */
  f(x: Float64Array): number;
  /** Writes grad f(x) into `out` and returns f(x). */
  grad(x: Float64Array, out: Float64Array): number;
  /**
   * f(x) - f*, computed without cancellation where the family can (e.g. cosh(w) - 1 as
   * 2 sinh(w/2)^2). When absent, callers use f(x) - fStar.
   */
  gap?(x: Float64Array): number;
  /**
   * The gradients at many points at once, for step-size sweeps (src/gd/runLanes.ts): point p < count
   * is (x[0][p], ..., x[dim-1][p]); writes grad f there into grad[i][p], f into f[p] and f - f*
   * (as `gap` computes it, else f - fStar) into gap[p], each bitwise what `grad` and `gap` give at
   * that point. Optional: without it a sweep calls `grad` point by point.
   */
  gradLanes?(x: readonly Float64Array[], count: number, grad: readonly Float64Array[], f: Float64Array, gap: Float64Array): void;
  /** Dense Hessian, row-major d x d, written into `out` when given. */
  hess?(x: Float64Array, out?: Float64Array): Float64Array;
  /** Writes (Hess f(x)) v into `out`. */
  hvp?(x: Float64Array, v: Float64Array, out: Float64Array): void;
  /** inf f (attained or not). */
  readonly fStar: number;
  /** A minimizer, when one exists and is known. */
  readonly xStar?: Float64Array;
  /** The theory's constants known at this instance. */
  readonly constants: ProblemConstants;
  /** The objective at `digits` significant digits, when the family can be evaluated in BigNumber. */
  highPrecision?(digits: number): HighPrecisionModel;
  /**
   * The objective in double-double ball arithmetic, for the fast certification replay (see
   * `BallModel`); without it, certification replays in BigNumber (`highPrecision`).
   */
  ballModel?(): BallModel;
  /**
   * The objective in double-double ball arithmetic at points, with Hessian bounds over balls (see
   * `ShadowModel`): the fast certification replay when there is no `ballModel`.
   */
  shadowModel?(): ShadowModel;
}

/** A problem that is an average of `samples` terms, for minibatch gradients. */
export interface FiniteSumProblem extends Problem {
  readonly samples: number;
  /**
   * Writes the gradient of the average of the terms listed in `indices[0..count)` into `out` and
   * returns that average's value.
   */
  gradBatch(x: Float64Array, indices: Int32Array, count: number, out: Float64Array): number;
}

/** Whether the problem offers minibatch gradients (`gradBatch`). */
export function isFiniteSum(problem: Problem): problem is FiniteSumProblem {
  return typeof (problem as Partial<FiniteSumProblem>).gradBatch === 'function';
}

/** f(x) - f*, through the family's cancellation-free `gap` when it has one. */
export function gapOf(problem: Problem, x: Float64Array): number {
  return problem.gap ? problem.gap(x) : problem.f(x) - problem.fStar;
}

/** A constant known exactly (up to the float64 rounding of a closed form). */
export function exact(value: number, note?: string): NamedConstant {
  return note === undefined ? { value, status: 'exact' } : { value, status: 'exact', note };
}

/** A proved upper (or lower, as the theory needs) bound on the constant. */
export function validBound(value: number, note?: string): NamedConstant {
  return note === undefined ? { value, status: 'valid bound' } : { value, status: 'valid bound', note };
}

/** A constant known only numerically (a fit, a sampled supremum): claims relying on it are evidence only. */
export function estimate(value: number, note?: string): NamedConstant {
  return note === undefined ? { value, status: 'estimate' } : { value, status: 'estimate', note };
}
