import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../../src/linalg/dense.js';
import { matvec } from '../../src/linalg/kernels.js';
import { lanczosExtremeEigenvalues, type SymmetricOperator } from '../../src/linalg/lanczos.js';
import { InputError } from '../../src/util/errors.js';
import { Rng } from '../../src/util/random.js';

/** A d x d symmetric matrix with i.i.d. N(0, 1) entries on and below the diagonal (a GOE sample). */
function randomSymmetric(d: number, seed: number): Float64Array {
  const rng = new Rng(seed);
  const a = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      const value = rng.normal();
      a[i * d + j] = value;
      a[j * d + i] = value;
    }
  }
  return a;
}

function operator(a: Float64Array, d: number): SymmetricOperator {
  return (v, out) => matvec(a, d, d, v, out);
}

function relativeError(approximate: number, exact: number): number {
  return Math.abs(approximate - exact) / Math.abs(exact);
}

describe('lanczosExtremeEigenvalues', () => {
  for (const d of [50, 300]) {
    it(`matches the dense eigendecomposition of random symmetric ${d} x ${d} matrices to 1e-8`, () => {
      for (const seed of [1, 2, 3]) {
        const a = randomSymmetric(d, seed);
        const eigenvalues = symmetricEigenvalues(a, d);
        const result = lanczosExtremeEigenvalues(operator(a, d), d, { seed });
        const errors = {
          largest: relativeError(result.largest, eigenvalues[0]),
          smallest: relativeError(result.smallest, eigenvalues[d - 1]),
          magnitude: relativeError(
            result.largestMagnitude,
            Math.max(Math.abs(eigenvalues[0]), Math.abs(eigenvalues[d - 1])),
          ),
        };
        const printed = Object.entries(errors).map(([end, error]) => `${end} ${error.toExponential(1)}`);
        console.log(`d=${d} seed=${seed}: ${result.iterations} iterations, relative errors ${printed.join(', ')}`);
        expect(result.converged).toBe(true);
        expect(errors.largest).toBeLessThan(1e-8);
        expect(errors.smallest).toBeLessThan(1e-8);
        expect(errors.magnitude).toBeLessThan(1e-8);
        expect(result.residual).toBeLessThanOrEqual(1e-10 * result.largestMagnitude);
      }
    });
  }

  it('converges fast on an isolated top eigenvalue when only the largest is asked for', () => {
    // diag(10, 1/2, 1/3, ..., 1/d): 10 is isolated, the bottom end is a tight cluster near 0.
    const d = 400;
    const diagonal = Float64Array.from({ length: d }, (_, i) => (i === 0 ? 10 : 1 / (i + 1)));
    const apply: SymmetricOperator = (v, out) => {
      for (let i = 0; i < d; i++) out[i] = diagonal[i] * v[i];
    };
    const top = lanczosExtremeEigenvalues(apply, d, { ends: 'largest' });
    const both = lanczosExtremeEigenvalues(apply, d);
    console.log(`isolated top: ${top.iterations} iterations (largest only), ${both.iterations} (both ends)`);
    expect(top.converged).toBe(true);
    expect(top.iterations).toBeLessThan(40);
    expect(relativeError(top.largest, 10)).toBeLessThan(1e-14);
    expect(both.converged).toBe(true);
    expect(both.iterations).toBeGreaterThan(top.iterations);
    expect(Math.abs(both.smallest - 1 / d)).toBeLessThan(1e-9);
  });

  it('stops at the first step on a multiple of the identity (invariant Krylov space)', () => {
    const result = lanczosExtremeEigenvalues((v, out) => {
      for (let i = 0; i < v.length; i++) out[i] = -2.5 * v[i];
    }, 20);
    expect(result).toMatchObject({ iterations: 1, converged: true });
    expect(result.largestMagnitude).toBeCloseTo(2.5, 14);
    expect(result.largest).toBeCloseTo(-2.5, 14);
    expect(result.smallest).toBeCloseTo(-2.5, 14);
  });

  it('reports no convergence at the iteration cap, with Ritz values inside the spectrum', () => {
    const d = 300;
    const a = randomSymmetric(d, 7);
    const eigenvalues = symmetricEigenvalues(a, d);
    const result = lanczosExtremeEigenvalues(operator(a, d), d, { maxIterations: 5 });
    expect(result.iterations).toBe(5);
    expect(result.converged).toBe(false);
    expect(result.largest).toBeLessThanOrEqual(eigenvalues[0]);
    expect(result.smallest).toBeGreaterThanOrEqual(eigenvalues[d - 1]);
    expect(result.residual).toBeGreaterThan(0);
  });

  it('is exact when the iteration reaches the dimension', () => {
    const d = 6;
    const a = randomSymmetric(d, 3);
    const eigenvalues = symmetricEigenvalues(a, d);
    const result = lanczosExtremeEigenvalues(operator(a, d), d, { tolerance: 1e-300 });
    expect(result.iterations).toBe(d);
    expect(result.largest).toBeCloseTo(eigenvalues[0], 12);
    expect(result.smallest).toBeCloseTo(eigenvalues[d - 1], 12);
  });

  it('is reproducible for a seed', () => {
    const a = randomSymmetric(80, 9);
    const first = lanczosExtremeEigenvalues(operator(a, 80), 80, { seed: 4 });
    const second = lanczosExtremeEigenvalues(operator(a, 80), 80, { seed: 4 });
    expect(second).toEqual(first);
  });

  it('returns NaN, unconverged, when the operator is not finite', () => {
    const result = lanczosExtremeEigenvalues((_v, out) => out.fill(NaN), 10);
    expect(result.converged).toBe(false);
    expect(result.largest).toBeNaN();
  });

  it('rejects bad options', () => {
    const identity: SymmetricOperator = (v, out) => out.set(v);
    expect(() => lanczosExtremeEigenvalues(identity, 0)).toThrow(InputError);
    expect(() => lanczosExtremeEigenvalues(identity, 5, { tolerance: 0 })).toThrow(/tolerance/);
    expect(() => lanczosExtremeEigenvalues(identity, 5, { maxIterations: 0 })).toThrow(/maxIterations/);
  });
});
