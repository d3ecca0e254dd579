/**
 * Local smoothness measured along a path of iterates: the gradient-difference proxy
 * ||grad f(x_{k+1}) - grad f(x_k)|| / ||x_{k+1} - x_k|| (the L-hat_k of warmup-h0h1.md §5(a) with
 * exact gradients), and the exact curvature at each point (largest Hessian eigenvalue, Hessian
 * spectral norm) through linalg/spectral.
 */
import { norm2, subInto } from '../linalg/kernels.js';
import { hessianSpectralNorm, largestEigenvalue } from '../linalg/spectral.js';
import type { Problem } from '../problems/problem.js';
import { requireVector } from '../util/validate.js';

function requirePoints(name: string, problem: Problem, points: readonly Float64Array[]): Float64Array[] {
  return points.map((x, k) => requireVector(`${name}[${k}]`, x, problem.dim));
}

/**
 * Entry k is ||grad f(x_{k+1}) - grad f(x_k)|| / ||x_{k+1} - x_k||, the average curvature along
 * the segment [x_k, x_{k+1}] in the direction of the step (length: iterates.length - 1). It is NaN
 * where x_{k+1} = x_k: there is no segment to measure.
 */
export function localSmoothnessAlongPath(problem: Problem, iterates: readonly Float64Array[]): Float64Array {
  const points = requirePoints('iterates', problem, iterates);
  const ratios = new Float64Array(Math.max(0, points.length - 1));
  let gradient = new Float64Array(problem.dim);
  let nextGradient = new Float64Array(problem.dim);
  const difference = new Float64Array(problem.dim);
  if (points.length > 0) problem.grad(points[0], gradient);
  for (let k = 0; k + 1 < points.length; k++) {
    problem.grad(points[k + 1], nextGradient);
    subInto(points[k + 1], points[k], difference);
    const stepLength = norm2(difference);
    subInto(nextGradient, gradient, difference);
    ratios[k] = stepLength === 0 ? NaN : norm2(difference) / stepLength;
    [gradient, nextGradient] = [nextGradient, gradient];
  }
  return ratios;
}

function measureAlong(
  problem: Problem,
  points: readonly Float64Array[],
  measure: (problem: Problem, x: Float64Array) => number,
): Float64Array {
  return Float64Array.from(requirePoints('points', problem, points), (x) => measure(problem, x));
}

/** The largest Hessian eigenvalue at each point (the sharpness of edge-of-stability plots). */
export function sharpnessAlongPath(problem: Problem, points: readonly Float64Array[]): Float64Array {
  return measureAlong(problem, points, largestEigenvalue);
}

/** ||Hess f(x)|| (spectral norm, the largest |eigenvalue|) at each point: the curvature the (H0,H1) and (rho,K0,Krho) conditions bound. */
export function hessianNormAlongPath(problem: Problem, points: readonly Float64Array[]): Float64Array {
  return measureAlong(problem, points, hessianSpectralNorm);
}
