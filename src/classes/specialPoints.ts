/**
 * Instances at special points: a family transformer that moves each instance's start to a critical
 * point (or a minimizer) of its problem, so that pointwise statements whose worst case sits there
 * are tested there, not only at sampled points.
 *
 * `atCriticalPoint(family)`: from the instance's own start (seeded by the family's parameters, so the
 * same point gives the same instance), gradient descent with step 1/L (L the problem's smoothness
 * constant; each step then decreases f) until ||grad f|| <= tolerance (1 + ||grad f(x_0)||). The point
 * reached is certified by its gradient norm, recorded in the instance (`gradientNormAt`); when the
 * solve does not get there within its steps, the instance says so (`certified: false`) and a claim
 * can discard it with the hypothesis `certifiedCriticalPoint`. `atMinimizer(family)` uses the
 * problem's known minimizer x* when it has one (exact), and the same solve otherwise (a local
 * minimizer in general, or a saddle in rare cases: certified as critical only).
 */
import type { Hypothesis } from '../claims/claim.js';
import { mapFamily, type Family, type Instance, type ParameterBox } from '../claims/family.js';
import type { Problem } from '../problems/problem.js';
import { InputError } from '../util/errors.js';

export interface CriticalPointOptions {
  /** Relative gradient-norm tolerance (default 1e-10). */
  readonly tolerance?: number;
  /** Most GD steps of the solve (default 100000). */
  readonly maxSteps?: number;
}

export interface AtSpecialPoint {
  /** The point, as the instance's start. */
  readonly x0: Float64Array;
  /** ||grad f|| there: the certificate. */
  readonly gradientNormAt: number;
  /** Whether ||grad f|| reached the tolerance. */
  readonly certified: boolean;
}

const norm = (v: Float64Array): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));

/** GD with step 1/L from x0 until the gradient is small; returns the point and its gradient norm. */
export function solveCriticalPoint(problem: Problem, x0: ArrayLike<number>, options: CriticalPointOptions = {}): AtSpecialPoint {
  const L = problem.constants.L?.value;
  if (!(L !== undefined && L > 0)) throw new InputError(`${problem.name} has no positive smoothness constant L for the critical-point solve`);
  const tolerance = options.tolerance ?? 1e-10;
  const maxSteps = options.maxSteps ?? 100_000;
  const x = Float64Array.from(x0);
  const g = new Float64Array(problem.dim);
  problem.grad(x, g);
  const threshold = tolerance * (1 + norm(g));
  for (let step = 0; step < maxSteps && norm(g) > threshold; step++) {
    for (let i = 0; i < x.length; i++) x[i] -= g[i] / L;
    problem.grad(x, g);
  }
  const gradientNormAt = norm(g);
  return { x0: x, gradientNormAt, certified: gradientNormAt <= threshold };
}

/** The family with each instance's start moved to a critical point of its problem (see the module comment). */
export function atCriticalPoint<I extends Instance, B extends ParameterBox>(
  base: Family<I, B>,
  options: CriticalPointOptions = {},
): Family<I & AtSpecialPoint, B> {
  return mapFamily(base, `${base.name}, at a critical point`, (instance) => {
    if (instance.x0 === undefined) throw new InputError(`family ${base.name} has no start to solve from`);
    return { ...instance, ...solveCriticalPoint(instance.problem, instance.x0, options) };
  }) as unknown as Family<I & AtSpecialPoint, B>;
}

/** The family with each instance's start moved to a minimizer: x* when known (exact), else the critical-point solve. */
export function atMinimizer<I extends Instance, B extends ParameterBox>(
  base: Family<I, B>,
  options: CriticalPointOptions = {},
): Family<I & AtSpecialPoint, B> {
  return mapFamily(base, `${base.name}, at a minimizer`, (instance) => {
    const { problem } = instance;
    if (problem.xStar) {
      const g = new Float64Array(problem.dim);
      problem.grad(Float64Array.from(problem.xStar), g);
      return { ...instance, x0: Float64Array.from(problem.xStar), gradientNormAt: norm(g), certified: true };
    }
    if (instance.x0 === undefined) throw new InputError(`family ${base.name} has no start to solve from`);
    return { ...instance, ...solveCriticalPoint(problem, instance.x0, options) };
  }) as unknown as Family<I & AtSpecialPoint, B>;
}

/** Discards instances whose critical point was not certified by its gradient norm. */
export const certifiedCriticalPoint: Hypothesis<Instance & AtSpecialPoint> = {
  name: 'the start is a critical point (gradient norm within the tolerance)',
  holds: (instance) => instance.certified,
};
