/**
 * Constants valid for the float64 data that runs. The root cause of the false alarms on
 * classical.O4 and classical.PL-rate: a quadratic formed in float64 as Q diag(L, 0) Q^T is not of
 * rank one (its "zero" eigenvalue is about 1e-18, of either sign), so mu = L read off the spectrum
 * was wrong for it, and the exact replay of that matrix certified a violation of a true bound.
 */
import { describe, expect, it } from 'vitest';
import type { BigNumber } from 'mathjs';
import { quadratic, quadraticFromMatrix, exactOrthogonal } from '../../src/problems/quadratic.js';
import { exactDecimal, toBig } from '../../src/problems/highPrecision.js';
import {
  exactRank,
  nextDown,
  nextUp,
  provedPositiveDefinite,
  provedPositiveDefiniteBounds,
  spectrumBoundsOf,
  spectrumMath,
  symmetricSpectrumBounds,
} from '../../src/problems/spectrumBounds.js';
import { Rng } from '../../src/util/random.js';

describe('exact conversion of doubles', () => {
  it('exactDecimal is the double itself, not its shortest decimal', () => {
    expect(exactDecimal(0.1)).toBe('0.1000000000000000055511151231257827021181583404541015625');
    expect(exactDecimal(-2.5)).toBe('-2.5');
    expect(exactDecimal(2 ** 60)).toBe('1152921504606846976');
    for (const v of [1e-300, 5e-324, 123.456, -7.25e-9]) expect(Number(exactDecimal(v))).toBe(v);
  });
  it('nextUp / nextDown move one ulp', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
  });
});

describe('symmetricSpectrumBounds (exact rank, 50-digit Jacobi, outward rounding)', () => {
  it('a float64 rotation of diag(L, 0) has full rank and is indefinite: the root cause', () => {
    const [c, s, L] = [Math.cos(0.3), Math.sin(0.3), 0.11523];
    const A = [c * c * L, c * s * L, c * s * L, s * s * L];
    expect(exactRank(A, 2, 2)).toBe(2);
    const bounds = symmetricSpectrumBounds(A, 2);
    expect(bounds.positiveSemidefinite).toBe(false);
    expect(() => quadraticFromMatrix({ A: [[A[0], A[1]], [A[2], A[3]]] })).toThrow(/positive semidefinite/);
  });

  it('brackets the eigenvalues of [[2,1],[1,2]] within an ulp, and finds exact zeros', () => {
    const bounds = symmetricSpectrumBounds([2, 1, 1, 2], 2);
    expect(bounds.largestUpper).toBeGreaterThanOrEqual(3);
    expect(bounds.largestUpper).toBeLessThanOrEqual(nextUp(3));
    expect(bounds.smallestPositiveLower).toBeLessThanOrEqual(1);
    expect(bounds.smallestPositiveLower).toBeGreaterThanOrEqual(nextDown(1));
    const singular = symmetricSpectrumBounds([1, 2, 2, 4], 2);
    expect(singular.rank).toBe(1);
    expect(singular.smallestLower).toBe(0);
    expect(singular.positiveSemidefinite).toBe(true);
  });
});

/** Q^T diag(lambda) Q formed in BigNumber from the float64 Q actually used. */
function exactHessian(basis: Float64Array, spectrum: readonly number[]): BigNumber[][] {
  const math = spectrumMath();
  const d = spectrum.length;
  const q = Array.from(basis, (v) => toBig(math, v));
  const lambda = spectrum.map((v) => toBig(math, v));
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      let s = toBig(math, 0);
      for (let k = 0; k < d; k++) s = s.plus(q[i * d + k].times(lambda[k]).times(q[j * d + k]));
      return s;
    }),
  );
}

describe('seeded quadratics: the constants reported are those of the float64 instance', () => {
  it('exactOrthogonal is exactly orthogonal in float64, for every dimension and seed tried', () => {
    for (const d of [1, 2, 3, 4, 5, 6, 7, 8, 60]) {
      for (let seed = 0; seed < (d > 8 ? 2 : 20); seed++) {
        const q = exactOrthogonal(d, new Rng(seed));
        for (let i = 0; i < d; i++) {
          for (let j = 0; j < d; j++) {
            let s = 0;
            for (let k = 0; k < d; k++) s += q[k * d + i] * q[k * d + j];
            expect(s).toBe(i === j ? 1 : 0);
          }
        }
      }
    }
  });

  it('over 200 seeded (rank-deficient) spectra, L and mu equal the 50-digit eigenvalues of the matrix that runs', () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 200; trial++) {
      const d = 1 + Math.floor(rng.uniform() * 6);
      const spectrum = Array.from({ length: d }, (_, i) => (i > 0 && rng.uniform() < 0.3 ? 0 : 10 ** rng.between(-3, 1)));
      const seed = Math.floor(rng.uniform() * 1e5);
      const problem = quadratic({ eigenvalues: spectrum, seed });
      const bounds = spectrumBoundsOf(exactHessian(exactOrthogonal(d, new Rng(seed)), spectrum), spectrum.filter((l) => l > 0).length);
      const L = problem.constants.L!.value;
      expect(bounds.positiveSemidefinite).toBe(true);
      expect(L).toBeGreaterThanOrEqual(nextDown(bounds.largestUpper));
      expect(L).toBeLessThanOrEqual(bounds.largestUpper);
      const mu = problem.constants.mu!.value;
      expect(mu).toBeGreaterThanOrEqual(bounds.smallestPositiveLower!);
      expect(mu).toBeLessThanOrEqual(nextUp(bounds.smallestPositiveLower!));
      // The problem's gradient is that matrix's: the dense Hessian it reports agrees to rounding.
      const x = Float64Array.from({ length: d }, () => rng.normal());
      const g = new Float64Array(d);
      problem.grad(x, g);
      const H = exactHessian(exactOrthogonal(d, new Rng(seed)), spectrum);
      for (let i = 0; i < d; i++) {
        const exact = H[i].reduce((s, h, j) => s + h.toNumber() * x[j], 0);
        expect(Math.abs(g[i] - exact)).toBeLessThan(1e-12 * (1 + Math.abs(exact)) * L);
      }
    }
  });

  it('quadraticFromMatrix reports L and mu as valid bounds (upper, lower) for its float64 matrix', () => {
    const rng = new Rng(5);
    for (let trial = 0; trial < 30; trial++) {
      const d = 2 + Math.floor(rng.uniform() * 4);
      const B = Array.from({ length: d }, () => Array.from({ length: d }, () => rng.normal()));
      const A = B.map((_, i) => B.map((__, j) => B[i].reduce((s, b, k) => s + b * B[j][k], 0)));
      const problem = quadraticFromMatrix({ A });
      const flat = A.flat();
      const bounds = symmetricSpectrumBounds(flat, d);
      expect(problem.constants.L!.status).toBe('valid bound');
      expect(problem.constants.L!.value).toBe(bounds.largestUpper);
      expect(problem.constants.mu!.value).toBe(bounds.smallestPositiveLower);
    }
  });
});

describe('provedPositiveDefinite (Rump 2006: float64 Cholesky of the matrix shifted by the error bound)', () => {
  const diagonal = (values: number[]): Float64Array => {
    const d = values.length;
    const m = new Float64Array(d * d);
    values.forEach((v, i) => (m[i * d + i] = v));
    return m;
  };

  it('proves lambda_min > s and lambda_max < s just outside the spectrum of diag(1, 2, 3), never at or inside it', () => {
    const m = diagonal([1, 2, 3]);
    expect(provedPositiveDefinite(m, 3, 1, 1 - 1e-9)).toBe(true);
    expect(provedPositiveDefinite(m, 3, -1, -(3 + 1e-9))).toBe(true);
    // At the eigenvalue itself the shifted matrix is singular, and beyond it indefinite: no proof.
    for (const s of [1, 1 + 1e-12, 1.5]) expect(provedPositiveDefinite(m, 3, 1, s)).toBe(false);
    for (const s of [3, 3 - 1e-12, 2.5]) expect(provedPositiveDefinite(m, 3, -1, -s)).toBe(false);
  });

  it('a matrix indefinite by e^2 = 2^-104 only, which rounding hides (its float64 pivots are 1 and 0), is not proved', () => {
    // [[1, 1 + e], [1 + e, 1 + 2e]], e = 2^-52: the float pivot (1 + 2e) - fl((1 + e)^2) is 0, but the exact
    // determinant is (1 + 2e) - (1 + e)^2 = -e^2 < 0: indefinite.
    const e = 2 ** -52;
    const m = Float64Array.of(1, 1 + e, 1 + e, 1 + 2 * e);
    const bounds = symmetricSpectrumBounds(m, 2);
    expect(bounds.smallestLower).toBeLessThan(0);
    expect(provedPositiveDefinite(m, 2, 1, 0)).toBe(false);
    expect(provedPositiveDefiniteBounds(m, 2)).toBeUndefined();
  });

  it('bounds of a seeded positive definite matrix bracket its 50-digit eigenvalues, within 1e-6', () => {
    const d = 12;
    const eigenvalues = Array.from({ length: d }, (_, i) => 0.05 + i / 3);
    const m = quadratic({ eigenvalues, seed: 7 }).hess!(new Float64Array(d));
    const exact = symmetricSpectrumBounds(m, d);
    const proved = provedPositiveDefiniteBounds(m, d)!;
    expect(proved.rank).toBe(d);
    expect(proved.largestUpper).toBeGreaterThanOrEqual(exact.largestUpper);
    expect(proved.smallestPositiveLower!).toBeLessThanOrEqual(exact.smallestPositiveLower!);
    expect(proved.largestUpper / exact.largestUpper - 1).toBeLessThan(1e-6);
    expect(1 - proved.smallestPositiveLower! / exact.smallestPositiveLower!).toBeLessThan(1e-6);
  });

  it('quadraticFromMatrix above 32 dimensions takes the proved bounds; a singular A there falls back to the exact path', () => {
    const d = 40;
    const eigenvalues = Array.from({ length: d }, (_, i) => 0.01 + i / d);
    const m = quadratic({ eigenvalues, seed: 3 }).hess!(new Float64Array(d));
    const A = Array.from({ length: d }, (_, i) => Array.from(m.subarray(i * d, (i + 1) * d)));
    const { L, mu } = quadraticFromMatrix({ A }).constants;
    expect(L!.status).toBe('valid bound');
    expect(L!.note).toContain('verified Cholesky');
    expect(L!.value).toBeGreaterThanOrEqual(eigenvalues[d - 1]);
    expect(L!.value / eigenvalues[d - 1] - 1).toBeLessThan(1e-6);
    expect(mu!.value).toBeLessThanOrEqual(eigenvalues[0]);
    expect(1 - mu!.value / eigenvalues[0]).toBeLessThan(1e-6);
    const singular = diagonal([...Array.from({ length: d - 1 }, (_, i) => 1 + i), 0]);
    const rows = Array.from({ length: d }, (_, i) => Array.from(singular.subarray(i * d, (i + 1) * d)));
    const exactPath = quadraticFromMatrix({ A: rows }).constants;
    expect(exactPath.mu!.value).toBeLessThanOrEqual(1);
    expect(exactPath.mu!.value).toBeGreaterThan(1 - 1e-15);
    expect(exactPath.L!.note).toContain('50 digits');
  });
});
