/**
 * Linear nets on data of chosen rank (src/classes/linearNetData.ts): the rank of X is exactly the
 * one chosen (exact integer elimination) and X is the product of its integer factors with no
 * rounding; the loss constants against an eigendecomposition of X X^T (mu the smallest nonzero
 * eigenvalue, n - r zero ones); l's PL inequality with that mu holds at random P and is attained
 * along the eigenvector of mu (so 1.01 mu fails there); gradients against central differences at
 * depths 2 and 3.
 */
import { describe, expect, it } from 'vitest';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { dataOfRank, linearNetClassFamily, type LinearNetClassInstance, type LinearNetClassOptions } from '../../src/classes/linearNetData.js';
import { paramsFromUnit } from '../../src/claims/family.js';
import { exactRank } from '../../src/problems/spectrumBounds.js';
import { Rng } from '../../src/util/random.js';
import { gradientError } from '../helpers/finiteDifferences.js';

describe('dataOfRank', () => {
  it('has exactly the chosen rank, for every rank up to min(rows, cols)', () => {
    for (const [rows, cols] of [[1, 1], [3, 2], [4, 8], [5, 5], [2, 7]]) {
      for (let rank = 1; rank <= Math.min(rows, cols); rank++) {
        for (const seed of [0, 1, 2]) {
          const X = dataOfRank({ rows, cols, rank, seed, scaleExponent: -2 });
          expect(X.length).toBe(rows);
          expect(exactRank(X.flat(), rows, cols)).toBe(rank);
          // 2^-2 times integers: exact quarters.
          for (const v of X.flat()) expect(Number.isInteger(4 * v)).toBe(true);
        }
      }
    }
  });

  it('is the same for the same seed, and rejects a rank above min(rows, cols)', () => {
    expect(dataOfRank({ rows: 3, cols: 4, rank: 2, seed: 9 })).toEqual(dataOfRank({ rows: 3, cols: 4, rank: 2, seed: 9 }));
    expect(() => dataOfRank({ rows: 3, cols: 2, rank: 3, seed: 1 })).toThrow(/rank must be at most min\(rows, cols\) = 2, got 3/);
    expect(() => linearNetClassFamily({ depth: { min: 1, max: 2 } })).toThrow(/depth.min must be an integer >= 2, got 1/);
    expect(() => linearNetClassFamily({ maxInput: 1, deficient: true })).toThrow(/deficient row rank needs maxInput >= 2/);
  });
});

const eigenvaluesOfGram = (X: Float64Array, n: number, samples: number): number[] => {
  const x = Matrix.from1DArray(n, samples, X);
  return new EigenvalueDecomposition(x.mmul(x.transpose()), { assumeSymmetric: true }).realEigenvalues;
};

describe.each<[string, LinearNetClassOptions]>([
  ['depth 2, any rank', { maxInput: 4, maxSamples: 6 }],
  ['depth 2 or 3, deficient rank', { maxInput: 4, maxSamples: 6, deficient: true, depth: { min: 2, max: 3 } }],
])('linearNetClassFamily (%s)', (_label, options) => {
  const fam = linearNetClassFamily(options);
  const rng = new Rng(5);
  const instances: LinearNetClassInstance[] = Array.from({ length: 25 }, () => {
    const unit = Object.fromEntries(Object.keys(fam.box).map((k) => [k, rng.uniform()]));
    return fam.instance(paramsFromUnit(fam.box, unit));
  });

  it('the data has the instance\'s rank, and K, mu are lambda_max and the smallest nonzero eigenvalue of X X^T', () => {
    for (const { X: rowsOfX, n, samples, rank, K, mu } of instances) {
      if (options.deficient) expect(rank).toBeLessThan(n);
      const X = Float64Array.from(rowsOfX.flat());
      expect(exactRank(X, n, samples)).toBe(rank);
      const eigenvalues = eigenvaluesOfGram(X, n, samples).sort((a, b) => a - b);
      const scale = eigenvalues[n - 1];
      expect(eigenvalues.filter((e) => Math.abs(e) <= 1e-10 * scale).length).toBe(n - rank);
      expect(K).toBeGreaterThanOrEqual(scale * (1 - 1e-12));
      expect(K / scale).toBeCloseTo(1, 10);
      expect(mu / eigenvalues[n - rank]).toBeCloseTo(1, 8);
    }
  });

  it('l is mu-PL at random P, with equality along the eigenvector of mu (1.01 mu fails there)', () => {
    for (const { problem, X: rowsOfX, n, m, samples, rank, mu } of instances) {
      const loss = problem.loss;
      const minimum = loss.minimumOverRank(Math.min(m, n));
      const G = new Float64Array(m * n);
      const plRatio = (P: Float64Array): number => {
        const value = loss.grad(P, G);
        return G.reduce((s, g) => s + g * g, 0) / (2 * (value - minimum.value.value));
      };
      for (let k = 0; k < 5; k++) expect(plRatio(rng.normalVector(m * n, 3))).toBeGreaterThanOrEqual(mu * (1 - 1e-9));
      // P = P* + e_1 v^T with v the eigenvector of the smallest nonzero eigenvalue of X X^T.
      const X = Matrix.from1DArray(n, samples, rowsOfX.flat());
      const evd = new EigenvalueDecomposition(X.mmul(X.transpose()), { assumeSymmetric: true });
      const order = evd.realEigenvalues.map((e, i) => [e, i]).sort((a, b) => a[0] - b[0]);
      const v = evd.eigenvectorMatrix.getColumn(order[n - rank][1]);
      const P = Float64Array.from(minimum.minimizer!);
      for (let j = 0; j < n; j++) P[j] += v[j];
      expect(plRatio(P) / mu).toBeCloseTo(1, 8);
      expect(plRatio(P)).toBeLessThan(1.01 * mu);
    }
  });

  it('gradients match central differences', () => {
    for (const { problem, x0 } of instances.slice(0, 10)) expect(gradientError(problem, x0)).toBeLessThan(1e-6);
  });
});

