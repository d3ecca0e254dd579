/**
 * Spectral quantities of a problem's Hessian at a point: the sharpness lambda_max(Hess f(x)) and
 * the spectral norm max|lambda| used by (H0,H1)-smoothness.
 *
 * Strategy, by what the problem provides:
 * 1. `hess` and dim <= DENSE_DIMENSION_LIMIT: dense symmetric eigendecomposition (exact up to
 *    rounding).
 * 2. `hvp`: Lanczos on v -> Hess f(x) v (lanczos.ts, default tolerance; the sharpness waits only for
 *    the top of the spectrum, the spectral norm for both ends).
 * 3. `hess` only, dim > DENSE_DIMENSION_LIMIT: Lanczos on the dense Hessian's matrix-vector product.
 * 4. Neither: Lanczos on a central finite-difference HVP of `grad`,
 *      Hess f(x) v ~ (grad f(x + h v) - grad f(x - h v)) / (2h),  ||v|| = 1,
 *    with h = eps^(1/3) * max(1, ||x||_inf) (about 6e-6 near the origin). Its error is
 *    h^2/6 * |D^3 f(x)[v, v, .]| (truncation) plus about eps * |grad f| / h (rounding), i.e. of
 *    order 1e-11 to 1e-10 relative to the scales of grad f and D^3 f: the eigenvalues it gives are
 *    good to roughly 1e-8 relative on well-scaled problems, which is what FD_LANCZOS_TOLERANCE
 *    asks of Lanczos (a tighter tolerance would chase the differencing noise).
 */
import type { Problem } from '../problems/problem.js';
import { largestSymmetricEigenvalue, symmetricSpectralNorm } from './dense.js';
import { matvec, normInf } from './kernels.js';
import {
  lanczosExtremeEigenvalues,
  type LanczosEnds,
  type LanczosResult,
  type SymmetricOperator,
} from './lanczos.js';

/** Largest dimension for which a dense Hessian is eigendecomposed rather than run through Lanczos. */
const DENSE_DIMENSION_LIMIT = 256;

/** Lanczos residual tolerance for the finite-difference HVP, above its differencing noise. */
const FD_LANCZOS_TOLERANCE = 1e-8;

/** Fixed Lanczos start so that repeated calls (e.g. sharpness along a trajectory) are reproducible. */
const LANCZOS_SEED = 20_240_601;

const FD_STEP_FACTOR = Math.cbrt(Number.EPSILON);

/** Central finite-difference Hessian-vector product of `problem.grad` at x (for unit v). */
function finiteDifferenceHvp(problem: Problem, x: Float64Array): SymmetricOperator {
  const dim = problem.dim;
  const h = FD_STEP_FACTOR * Math.max(1, normInf(x));
  const probe = new Float64Array(dim);
  const gradMinus = new Float64Array(dim);
  return (v, out) => {
    for (let i = 0; i < dim; i++) probe[i] = x[i] + h * v[i];
    problem.grad(probe, out);
    for (let i = 0; i < dim; i++) probe[i] = x[i] - h * v[i];
    problem.grad(probe, gradMinus);
    for (let i = 0; i < dim; i++) out[i] = (out[i] - gradMinus[i]) / (2 * h);
  };
}

/** The best Hessian operator the problem offers (strategies 2-4), with its Lanczos tolerance. */
function hessianOperator(problem: Problem, x: Float64Array): { apply: SymmetricOperator; tolerance?: number } {
  const { hvp, hess, dim } = problem;
  if (hvp) return { apply: (v, out) => hvp.call(problem, x, v, out) };
  if (hess) {
    const matrix = hess.call(problem, x);
    return { apply: (v, out) => matvec(matrix, dim, dim, v, out) };
  }
  return { apply: finiteDifferenceHvp(problem, x), tolerance: FD_LANCZOS_TOLERANCE };
}

function lanczosOnHessian(problem: Problem, x: Float64Array, ends: LanczosEnds): LanczosResult {
  const { apply, tolerance } = hessianOperator(problem, x);
  return lanczosExtremeEigenvalues(apply, problem.dim, { seed: LANCZOS_SEED, ends, tolerance });
}

function denseHessian(problem: Problem, x: Float64Array): Float64Array | undefined {
  return problem.hess && problem.dim <= DENSE_DIMENSION_LIMIT ? problem.hess(x) : undefined;
}

/** Sharpness: the largest algebraic eigenvalue of Hess f(x). */
export function largestEigenvalue(problem: Problem, x: Float64Array): number {
  const hessian = denseHessian(problem, x);
  return hessian ? largestSymmetricEigenvalue(hessian, problem.dim) : lanczosOnHessian(problem, x, 'largest').largest;
}

/** ||Hess f(x)||_2 = max |lambda|, the norm in (H0,H1)-smoothness. */
export function hessianSpectralNorm(problem: Problem, x: Float64Array): number {
  const hessian = denseHessian(problem, x);
  return hessian ? symmetricSpectralNorm(hessian, problem.dim) : lanczosOnHessian(problem, x, 'both').largestMagnitude;
}
