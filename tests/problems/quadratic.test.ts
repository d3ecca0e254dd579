import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../../src/linalg/dense.js';
import { leastSquares, quadratic, quadraticFromMatrix } from '../../src/problems/quadratic.js';
import { InputError } from '../../src/util/errors.js';
import { Rng } from '../../src/util/random.js';
import { derivativeErrors, randomPoints } from './derivativeChecks.js';

function norm(v: Float64Array): number {
  return Math.hypot(...v);
}

function constantValues(constants: object): Record<string, number> {
  return Object.fromEntries(Object.entries(constants).map(([name, c]) => [name, (c as { value: number }).value]));
}

describe('quadratic (warmup-h0h1.md T1)', () => {
  const eigenvalues = [0.5, 1, 3, 10];
  const center = [1, -2, 0.5, 3];

  it('rotated spectrum: grad, Hessian and hvp match central differences', () => {
    const problem = quadratic({ eigenvalues, seed: 7, center, offset: 2 });
    const errors = derivativeErrors(problem, randomPoints(4, 6, 3, 1));
    expect(errors.gradient).toBeLessThan(1e-6);
    expect(errors.hessian).toBeLessThan(1e-6);
    expect(errors.hvp).toBeLessThan(1e-6);
  });

  it('A = Q diag(eigenvalues) Q^T: exactly symmetric, with the given spectrum; no seed gives the diagonal', () => {
    const hessian = quadratic({ eigenvalues, seed: 7 }).hess!(new Float64Array(4));
    for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) expect(hessian[i * 4 + j]).toBe(hessian[j * 4 + i]);
    expect(Math.abs(hessian[1])).toBeGreaterThan(1e-3);
    const computed = Array.from(symmetricEigenvalues(hessian, 4)).reverse();
    computed.forEach((lambda, i) => expect(Math.abs(lambda - eigenvalues[i])).toBeLessThan(1e-13));
    expect(Array.from(quadratic({ eigenvalues: [2, 5] }).hess!(new Float64Array(2)))).toEqual([2, 0, 0, 5]);
  });

  it('seeded rotation is reproducible and differs between seeds', () => {
    const a = quadratic({ eigenvalues, seed: 3 }).hess!(new Float64Array(4));
    const b = quadratic({ eigenvalues, seed: 3 }).hess!(new Float64Array(4));
    const c = quadratic({ eigenvalues, seed: 4 }).hess!(new Float64Array(4));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(c));
  });

  it('f, grad, gap by hand: f = 1/2 (x-c)^T A (x-c) + offset, minimizer c', () => {
    const problem = quadratic({ eigenvalues: [2, 4], center: [1, -1], offset: 3 });
    const g = new Float64Array(2);
    expect(problem.grad(Float64Array.of(2, 1), g)).toBe(0.5 * (2 * 1 + 4 * 4) + 3);
    expect(Array.from(g)).toEqual([2, 8]);
    expect(problem.gap!(Float64Array.of(2, 1))).toBe(9);
    expect(problem.fStar).toBe(3);
    expect(Array.from(problem.xStar!)).toEqual([1, -1]);
    expect(problem.params).toEqual({ dim: 2, offset: 3 });
    expect(problem.name).toBe('quadratic(d=2)');
    expect(quadratic({ eigenvalues: [1], seed: 5 }).name).toBe('quadratic(d=1,seed=5)');
  });

  it('gap has no cancellation against a large offset, also right after grad at another point', () => {
    const problem = quadratic({ eigenvalues: [1, 3], seed: 2, offset: 1e8 });
    const x = Float64Array.of(1e-6, -2e-6);
    const hessian = problem.hess!(x);
    const expected = 0.5 * (x[0] * (hessian[0] * x[0] + hessian[1] * x[1]) + x[1] * (hessian[2] * x[0] + hessian[3] * x[1]));
    const g = new Float64Array(2);
    problem.grad(Float64Array.of(5, 5), g);
    expect(Math.abs(problem.gap!(x) - expected) / expected).toBeLessThan(1e-14);
    problem.grad(x, g);
    expect(Math.abs(problem.gap!(x) - expected) / expected).toBeLessThan(1e-14);
    expect(Math.abs(problem.f(x) - problem.fStar - expected) / expected).toBeGreaterThan(1e-6);
  });

  it('constants: L = lambda_max, mu = smallest nonzero eigenvalue (rank-deficient allowed), H0 = K0 = L, H1 = Krho = 0', () => {
    const full = quadratic({ eigenvalues, seed: 1 });
    expect(constantValues(full.constants)).toEqual({ L: 10, mu: 0.5, H0: 10, H1: 0, rho: 1, K0: 10, Krho: 0 });
    expect(Object.values(full.constants).every((c) => c?.status === 'exact')).toBe(true);
    expect(full.constants.H0?.note).toContain('warmup-h0h1.md T1 [D]');
    expect(constantValues(quadratic({ eigenvalues: [0, 2, 5, 0] }).constants)).toMatchObject({ L: 5, mu: 2 });
    expect(quadratic({ eigenvalues: [0, 0] }).constants.mu).toBeUndefined();
  });

  it.each([
    ['dimension 0', () => quadratic({ eigenvalues: [] }), /eigenvalues/],
    ['negative eigenvalue (not PSD)', () => quadratic({ eigenvalues: [1, -0.5] }), /eigenvalues\[1\]/],
    ['NaN eigenvalue', () => quadratic({ eigenvalues: [1, NaN] }), /eigenvalues\[1\]/],
    ['center of the wrong length', () => quadratic({ eigenvalues: [1, 2], center: [0] }), /center/],
    ['offset NaN', () => quadratic({ eigenvalues: [1], offset: NaN }), /offset/],
    ['fractional seed', () => quadratic({ eigenvalues: [1], seed: 1.5 }), /seed/],
  ])('rejects %s', (_label, build, pattern) => {
    expect(build).toThrow(InputError);
    expect(build).toThrow(pattern);
  });
});

describe('quadraticFromMatrix', () => {
  it('[[2,1],[1,2]]: derivatives, L = 3, mu = 1, centered quadratic', () => {
    const problem = quadraticFromMatrix({ A: [[2, 1], [1, 2]], center: [1, 2], offset: -1 });
    const errors = derivativeErrors(problem, randomPoints(2, 5, 2, 3));
    expect(errors.gradient).toBeLessThan(1e-6);
    expect(errors.hessian).toBeLessThan(1e-6);
    expect(errors.hvp).toBeLessThan(1e-6);
    expect(problem.f(Float64Array.of(2, 2))).toBe(0);
    expect(Math.abs(problem.constants.L!.value - 3)).toBeLessThan(1e-14);
    expect(Math.abs(problem.constants.mu!.value - 1)).toBeLessThan(1e-14);
  });

  it('rank-deficient [[1,1],[1,1]]: L = 2, mu = 2 (the nonzero eigenvalue)', () => {
    const { L, mu } = quadraticFromMatrix({ A: [[1, 1], [1, 1]] }).constants;
    expect(Math.abs(L!.value - 2)).toBeLessThan(1e-14);
    expect(Math.abs(mu!.value - 2)).toBeLessThan(1e-14);
  });

  it('accepts asymmetry at rounding level and uses the symmetric part', () => {
    const problem = quadraticFromMatrix({ A: [[2, 1 + 1e-15], [1, 2]] });
    expect(problem.hess!(new Float64Array(2))[1]).toBe(problem.hess!(new Float64Array(2))[2]);
  });

  it.each([
    ['non-symmetric', [[1, 2], [0, 1]], /A must be symmetric/],
    ['not PSD', [[1, 2], [2, 1]], /A must be positive semidefinite/],
    ['not square', [[1, 2, 3], [4, 5, 6]], /A must be square/],
    ['empty (dimension 0)', [], /A must be a non-empty/],
    ['NaN entry', [[1, NaN], [NaN, 1]], /A\[0\]\[1\]/],
  ])('rejects a %s matrix', (_label, A, pattern) => {
    expect(() => quadraticFromMatrix({ A })).toThrow(InputError);
    expect(() => quadraticFromMatrix({ A })).toThrow(pattern);
  });
});

describe('leastSquares', () => {
  const rng = new Rng(21);
  const rows = Array.from({ length: 12 }, () => Array.from({ length: 4 }, () => rng.normal()));
  const targets = Array.from({ length: 12 }, () => rng.normal());

  it('grad, Hessian and hvp match central differences', () => {
    const errors = derivativeErrors(leastSquares({ A: rows, b: targets }), randomPoints(4, 6, 2, 9));
    expect(errors.gradient).toBeLessThan(1e-6);
    expect(errors.hessian).toBeLessThan(1e-6);
    expect(errors.hvp).toBeLessThan(1e-6);
  });

  it('x* = A^+ b is stationary, f* = f(x*) > 0 for an inconsistent system, and gap = f - f*', () => {
    const problem = leastSquares({ A: rows, b: targets });
    const g = new Float64Array(4);
    const fStar = problem.grad(problem.xStar!, g);
    console.log(`leastSquares: ||grad f(x*)|| = ${norm(g).toExponential(2)}`);
    expect(norm(g)).toBeLessThan(1e-14);
    expect(fStar).toBe(problem.fStar);
    expect(problem.fStar).toBeGreaterThan(0.05);
    for (const x of randomPoints(4, 5, 1, 2)) {
      const gap = problem.gap!(x);
      expect(Math.abs(gap - (problem.f(x) - problem.fStar)) / gap).toBeLessThan(1e-12);
    }
    expect(problem.gap!(problem.xStar!)).toBe(0);
  });

  it('gradBatch averages the chosen rows; over all rows it is the full gradient', () => {
    const problem = leastSquares({ A: rows, b: targets });
    const x = Float64Array.of(0.3, -1, 2, 0.5);
    const full = new Float64Array(4);
    const batch = new Float64Array(4);
    const f = problem.grad(x, full);
    const all = Int32Array.from({ length: 12 }, (_, i) => i);
    expect(Math.abs(problem.gradBatch(x, all, 12, batch) - f)).toBeLessThan(1e-14 * f);
    batch.forEach((v, j) => expect(Math.abs(v - full[j])).toBeLessThan(1e-13));
    const chosen = Int32Array.of(3, 7, 0);
    const value = problem.gradBatch(x, chosen, 2, batch);
    const residuals = [3, 7].map((i) => rows[i].reduce((s, a, j) => s + a * x[j], 0) - targets[i]);
    expect(value).toBeCloseTo((residuals[0] ** 2 + residuals[1] ** 2) / 4, 14);
    batch.forEach((v, j) => expect(v).toBeCloseTo((residuals[0] * rows[3][j] + residuals[1] * rows[7][j]) / 2, 14));
    expect(problem.samples).toBe(12);
  });

  it('constants from A^T A / n; rank-deficient A keeps mu = smallest nonzero eigenvalue', () => {
    // 2 r[0] is exact in float64, so the float64 A is exactly of rank 4.
    const wide = rows.map((r) => [...r, 2 * r[0]]);
    const problem = leastSquares({ A: wide, b: targets });
    const hessian = problem.hess!(new Float64Array(5));
    const spectrum = Array.from(symmetricEigenvalues(hessian, 5));
    expect(Math.abs(spectrum[4])).toBeLessThan(1e-14);
    const { L, mu, H0, H1 } = problem.constants;
    expect(Math.abs(L!.value - spectrum[0]) / spectrum[0]).toBeLessThan(1e-12);
    expect(Math.abs(mu!.value - spectrum[3]) / spectrum[3]).toBeLessThan(1e-10);
    expect(H0!.value).toBe(L!.value);
    expect(H1!.value).toBe(0);
    const g = new Float64Array(5);
    problem.grad(problem.xStar!, g);
    expect(norm(g)).toBeLessThan(1e-13);
    expect(problem.name).toBe('leastSquares(n=12,d=5)');
    // r[0] + r[1] is rounded: that float64 A has full rank, and mu is its tiny smallest eigenvalue.
    const rounded = leastSquares({ A: rows.map((r) => [...r, r[0] + r[1]]), b: targets });
    expect(rounded.constants.mu!.value).toBeLessThan(1e-20);
    expect(problem.params).toEqual({ n: 12, dim: 5 });
  });

  it('more features than samples: a consistent system has f* ~ 0 and a minimum-norm x*', () => {
    const problem = leastSquares({ A: [[1, 2, 3], [0, 1, 1]], b: [1, 2] });
    expect(problem.fStar).toBeLessThan(1e-28);
    const [x1, x2, x3] = problem.xStar!;
    // Orthogonal to the null space of A, spanned by (-1, -1, 1).
    expect(Math.abs(-x1 - x2 + x3)).toBeLessThan(1e-14);
    expect(problem.constants.mu!.value).toBeGreaterThan(0);
  });

  it.each([
    ['b of the wrong length', () => leastSquares({ A: rows, b: [1, 2] }), /b must have length 12/],
    ['NaN in b', () => leastSquares({ A: [[1]], b: [NaN] }), /b\[0\]/],
    ['no rows', () => leastSquares({ A: [], b: [] }), /A must be a non-empty/],
    ['NaN in A', () => leastSquares({ A: [[NaN]], b: [1] }), /A\[0\]/],
  ])('rejects %s', (_label, build, pattern) => {
    expect(build).toThrow(InputError);
    expect(build).toThrow(pattern);
  });
});
