import { describe, expect, it } from 'vitest';
import { dot } from '../../src/linalg/kernels.js';
import { hessianSpectralNorm, largestEigenvalue } from '../../src/linalg/spectral.js';
import type { Problem } from '../../src/problems/problem.js';
import { Rng } from '../../src/util/random.js';

interface CountedQuadratic {
  readonly problem: Problem;
  readonly calls: { grad: number; hess: number; hvp: number };
}

/**
 * f(x) = x^T A x / 2 with A = H diag(eigenvalues) H, H = I - 2 u u^T a Householder reflection
 * (symmetric and orthogonal), so the spectrum of Hess f = A is exactly `eigenvalues` up to rounding.
 * `provides` chooses which of hess / hvp the problem has (grad is always there); calls are counted
 * to check which path spectral.ts took.
 */
function quadratic(eigenvalues: readonly number[], provides: { hess: boolean; hvp: boolean }): CountedQuadratic {
  const dim = eigenvalues.length;
  const u = new Rng(17).normalVector(dim);
  const uNorm = Math.sqrt(dot(u, u));
  for (let i = 0; i < dim; i++) u[i] /= uNorm;
  const scratch = new Float64Array(dim);
  /** out <- A v, computed as H (Lambda (H v)). */
  const apply = (v: Float64Array, out: Float64Array): void => {
    const uv = dot(u, v);
    for (let i = 0; i < dim; i++) scratch[i] = eigenvalues[i] * (v[i] - 2 * uv * u[i]);
    const us = dot(u, scratch);
    for (let i = 0; i < dim; i++) out[i] = scratch[i] - 2 * us * u[i];
  };
  const calls = { grad: 0, hess: 0, hvp: 0 };
  const problem: Problem = {
    name: `quadratic(d=${dim})`,
    dim,
    params: {},
    f: (x) => {
      const ax = new Float64Array(dim);
      apply(x, ax);
      return dot(x, ax) / 2;
    },
    grad: (x, out) => {
      calls.grad++;
      apply(x, out);
      return dot(x, out) / 2;
    },
    ...(provides.hess
      ? {
          hess: (_x: Float64Array, out = new Float64Array(dim * dim)) => {
            calls.hess++;
            const column = new Float64Array(dim);
            const basis = new Float64Array(dim);
            for (let j = 0; j < dim; j++) {
              basis.fill(0);
              basis[j] = 1;
              apply(basis, column);
              for (let i = 0; i < dim; i++) out[i * dim + j] = column[i];
            }
            return out;
          },
        }
      : {}),
    ...(provides.hvp
      ? {
          hvp: (_x: Float64Array, v: Float64Array, out: Float64Array) => {
            calls.hvp++;
            apply(v, out);
          },
        }
      : {}),
    fStar: -Infinity,
    constants: {},
  };
  return { problem, calls };
}

/** `count` eigenvalues evenly spaced in [-5, 3]: sharpness 3, spectral norm 5. */
function evenlySpaced(count: number): number[] {
  return Array.from({ length: count }, (_, i) => -5 + (8 * i) / (count - 1));
}

function relativeError(approximate: number, exact: number): number {
  return Math.abs(approximate - exact) / Math.abs(exact);
}

/** A point away from the origin, so that the finite-difference step is scaled by ||x||_inf. */
function point(dim: number): Float64Array {
  return new Rng(3).normalVector(dim, 10);
}

describe('largestEigenvalue and hessianSpectralNorm', () => {
  const cases = [
    { path: 'dense Hessian', dim: 40, hess: true, hvp: true, tolerance: 1e-13, used: 'hess' },
    { path: 'Lanczos on hvp', dim: 40, hess: false, hvp: true, tolerance: 1e-10, used: 'hvp' },
    { path: 'Lanczos on hvp (dim > 256)', dim: 300, hess: true, hvp: true, tolerance: 1e-9, used: 'hvp' },
    { path: 'Lanczos on the dense Hessian (dim > 256)', dim: 300, hess: true, hvp: false, tolerance: 1e-9, used: 'hess' },
    { path: 'Lanczos on a finite-difference HVP', dim: 40, hess: false, hvp: false, tolerance: 1e-8, used: 'grad' },
  ] as const;

  for (const { path, dim, hess, hvp, tolerance, used } of cases) {
    it(`through the ${path}`, () => {
      const { problem, calls } = quadratic(evenlySpaced(dim), { hess, hvp });
      const x = point(dim);
      const sharpness = largestEigenvalue(problem, x);
      const norm = hessianSpectralNorm(problem, x);
      const errors = { sharpness: relativeError(sharpness, 3), norm: relativeError(norm, 5) };
      const printed = `sharpness ${errors.sharpness.toExponential(1)}, norm ${errors.norm.toExponential(1)}`;
      console.log(`${path}, d=${dim}: relative errors ${printed}, calls ${JSON.stringify(calls)}`);
      expect(errors.sharpness).toBeLessThan(tolerance);
      expect(errors.norm).toBeLessThan(tolerance);
      for (const operator of ['hess', 'hvp', 'grad'] as const) {
        if (operator === used) expect(calls[operator]).toBeGreaterThan(0);
        else expect(calls[operator]).toBe(0);
      }
    });
  }

  it('through the finite-difference HVP on a non-quadratic (truncation error included)', () => {
    // f(x) = sum_i c_i x_i^2 / 2 + x_i^4 / 4: Hess f(x) = diag(c_i + 3 x_i^2), known exactly.
    const dim = 30;
    const c = evenlySpaced(dim);
    const x = new Rng(8).normalVector(dim, 0.7);
    const quartic: Problem = {
      name: 'quartic',
      dim,
      params: {},
      f: (y) => c.reduce((sum, ci, i) => sum + (ci * y[i] ** 2) / 2 + y[i] ** 4 / 4, 0),
      grad: (y, out) => {
        for (let i = 0; i < dim; i++) out[i] = c[i] * y[i] + y[i] ** 3;
        return quartic.f(y);
      },
      fStar: -Infinity,
      constants: {},
    };
    const diagonal = c.map((ci, i) => ci + 3 * x[i] ** 2);
    const sharpnessError = relativeError(largestEigenvalue(quartic, x), Math.max(...diagonal));
    const normError = relativeError(hessianSpectralNorm(quartic, x), Math.max(...diagonal.map(Math.abs)));
    const printed = `sharpness ${sharpnessError.toExponential(1)}, norm ${normError.toExponential(1)}`;
    console.log(`finite-difference HVP on a quartic: relative errors ${printed}`);
    expect(sharpnessError).toBeLessThan(1e-8);
    expect(normError).toBeLessThan(1e-8);
  });

  it('gives lambda_max, not max |lambda|, as the sharpness of a negative definite Hessian', () => {
    const { problem } = quadratic([-1, -2, -7], { hess: true, hvp: false });
    const x = new Float64Array(3);
    expect(largestEigenvalue(problem, x)).toBeCloseTo(-1, 14);
    expect(hessianSpectralNorm(problem, x)).toBeCloseTo(7, 14);
  });

  it('is reproducible along repeated Lanczos calls', () => {
    const { problem } = quadratic(evenlySpaced(300), { hess: false, hvp: true });
    const x = point(300);
    expect(largestEigenvalue(problem, x)).toBe(largestEigenvalue(problem, x));
  });
});
