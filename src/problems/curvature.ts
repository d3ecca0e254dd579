/**
 * Curvature of a problem at a point, for pointwise claims: ||Hess f(x)||_2 (the norm of
 * (H0,H1)-smoothness) and the sharpness lambda_max(Hess f(x)). The spectral norm of the dense
 * Hessian when the problem has one (dimension up to 256), otherwise Lanczos on its Hessian-vector
 * product (`hvp`, or a finite difference of `grad` when it has neither); see src/linalg/spectral.ts.
 */
import { hessianSpectralNorm, largestEigenvalue } from '../linalg/spectral.js';
import { requireVector } from '../util/validate.js';
import type { Problem } from './problem.js';

/** ||Hess f(x)||_2 = max_i |lambda_i(Hess f(x))|. */
export function hessianNorm(problem: Problem, x: ArrayLike<number>): number {
  return hessianSpectralNorm(problem, requireVector('x', x, problem.dim));
}

/** The sharpness lambda_max(Hess f(x)), the largest algebraic eigenvalue. */
export function largestHessianEigenvalue(problem: Problem, x: ArrayLike<number>): number {
  return largestEigenvalue(problem, requireVector('x', x, problem.dim));
}
