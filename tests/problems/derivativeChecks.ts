/**
 * Shared checks for the problem-family tests: seeded random points, the worst finite-difference
 * errors of grad / Hessian / hvp over them, and the worst violation of a curvature bound
 * ||Hess f|| <= bound(gap) over a set of points.
 */
import { symmetricSpectralNorm } from '../../src/linalg/dense.js';
import { gapOf, type Problem } from '../../src/problems/problem.js';
import { Rng } from '../../src/util/random.js';
import { gradientError, hessianError, hvpError } from '../helpers/finiteDifferences.js';

/** `count` points with i.i.d. uniform coordinates in [-scale, scale]. */
export function randomPoints(dim: number, count: number, scale: number, seed: number): Float64Array[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => Float64Array.from({ length: dim }, () => rng.between(-scale, scale)));
}

export interface DerivativeErrors {
  readonly gradient: number;
  readonly hessian: number;
  /** Absent when the problem has no hvp. */
  readonly hvp?: number;
}

/** Worst relative finite-difference errors over `points` (hvp along seeded random directions). */
export function derivativeErrors(problem: Problem, points: readonly Float64Array[], seed = 1): DerivativeErrors {
  const rng = new Rng(seed);
  let gradient = 0;
  let hessian = 0;
  let hvp = 0;
  for (const x of points) {
    gradient = Math.max(gradient, gradientError(problem, x));
    hessian = Math.max(hessian, hessianError(problem, x));
    if (problem.hvp) hvp = Math.max(hvp, hvpError(problem, x, rng.normalVector(problem.dim)));
  }
  const errors = problem.hvp ? { gradient, hessian, hvp } : { gradient, hessian };
  const report = Object.entries(errors).map(([kind, error]) => `${kind} ${error.toExponential(2)}`);
  console.log(`${problem.name}: finite-difference errors ${report.join(', ')}`);
  return errors;
}

/**
 * max over `points` of (||Hess f(x)|| - bound(gap)) / bound(gap): at most ~1e-15 when the bound
 * holds, 0 where it is attained.
 */
export function worstCurvatureExcess(problem: Problem, points: readonly Float64Array[], bound: (gap: number) => number): number {
  if (!problem.hess) throw new Error(`${problem.name} has no Hessian`);
  let worst = -Infinity;
  for (const x of points) {
    const limit = bound(gapOf(problem, x));
    worst = Math.max(worst, (symmetricSpectralNorm(problem.hess(x), problem.dim) - limit) / limit);
  }
  return worst;
}

/** A grid of `count` evenly spaced 1-D points in [lo, hi]. */
export function grid(lo: number, hi: number, count: number): Float64Array[] {
  return Array.from({ length: count }, (_, i) => Float64Array.of(lo + ((hi - lo) * i) / (count - 1)));
}
