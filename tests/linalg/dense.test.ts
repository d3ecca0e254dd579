import { describe, expect, it } from 'vitest';
import {
  isPositiveSemidefinite,
  largestSymmetricEigenvalue,
  pseudoInverse,
  singularValues,
  smallestNonzeroEigenvalue,
  smallestSymmetricEigenvalue,
  spectralNorm,
  symmetricEigenvalues,
  symmetricSpectralNorm,
} from '../../src/linalg/dense.js';
import { gemm } from '../../src/linalg/kernels.js';
import { InputError } from '../../src/util/errors.js';
import { Rng } from '../../src/util/random.js';

/** The d x d tridiagonal [-1, 2, -1] plus shift * I: eigenvalues shift + 2 - 2 cos(k pi / (d + 1)). */
function laplacian(d: number, shift = 0): { matrix: Float64Array; eigenvalues: number[] } {
  const matrix = new Float64Array(d * d);
  for (let i = 0; i < d; i++) {
    matrix[i * d + i] = 2 + shift;
    if (i + 1 < d) {
      matrix[i * d + i + 1] = -1;
      matrix[(i + 1) * d + i] = -1;
    }
  }
  const eigenvalues = Array.from({ length: d }, (_, k) => shift + 2 - 2 * Math.cos(((d - k) * Math.PI) / (d + 1)));
  return { matrix, eigenvalues };
}

/** C = A B for row-major A (m x k) and B (k x n). */
function multiply(a: Float64Array, b: Float64Array, m: number, k: number, n: number): Float64Array {
  const c = new Float64Array(m * n);
  gemm(m, n, k, 1, a, false, b, false, 0, c);
  return c;
}

/** A^T A for row-major A (rows x cols). */
function gram(a: Float64Array, rows: number, cols: number): Float64Array {
  const c = new Float64Array(cols * cols);
  gemm(cols, cols, rows, 1, a, true, a, false, 0, c);
  return c;
}

function maxAbsDifference(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i] - y[i]));
  return m;
}

function gaussianMatrix(rows: number, cols: number, seed: number): Float64Array {
  return new Rng(seed).normalVector(rows * cols);
}

describe('symmetric eigenvalues', () => {
  it('match the closed-form spectrum of the 1-D Laplacian, sorted descending', () => {
    const { matrix, eigenvalues } = laplacian(40);
    const computed = symmetricEigenvalues(matrix, 40);
    expect(maxAbsDifference(computed, eigenvalues)).toBeLessThan(1e-13);
    for (let i = 1; i < 40; i++) expect(computed[i]).toBeLessThanOrEqual(computed[i - 1]);
    expect(largestSymmetricEigenvalue(matrix, 40)).toBeCloseTo(eigenvalues[0], 13);
    expect(smallestSymmetricEigenvalue(matrix, 40)).toBeCloseTo(eigenvalues[39], 13);
  });

  it('read the symmetric part of a matrix that is symmetric only up to rounding', () => {
    const { matrix, eigenvalues } = laplacian(10);
    matrix[1] += 1e-3;
    matrix[10] -= 1e-3;
    expect(maxAbsDifference(symmetricEigenvalues(matrix, 10), eigenvalues)).toBeLessThan(1e-13);
  });

  it('give the spectral norm as the largest |eigenvalue| of an indefinite matrix', () => {
    const { matrix, eigenvalues } = laplacian(12, -3.5);
    expect(eigenvalues[11]).toBeLessThan(-3);
    expect(symmetricSpectralNorm(matrix, 12)).toBeCloseTo(-eigenvalues[11], 13);
    expect(largestSymmetricEigenvalue(matrix, 12)).toBeCloseTo(eigenvalues[0], 13);
  });

  it('reject a matrix whose length does not match its shape', () => {
    expect(() => symmetricEigenvalues(new Float64Array(5), 2)).toThrow(InputError);
    expect(() => symmetricEigenvalues(new Float64Array(0), 0)).toThrow(/rows/);
  });
});

describe('singular values and the spectral norm', () => {
  it('of a wide matrix with a known SVD', () => {
    const a = Float64Array.of(3, 0, 0, 0, -4, 0);
    expect(Array.from(singularValues(a, 2, 3))).toEqual([4, 3]);
    expect(spectralNorm(a, 2, 3)).toBe(4);
  });

  it('of a tall random matrix: their squares are the eigenvalues of A^T A', () => {
    const a = gaussianMatrix(30, 7, 11);
    const sigma = singularValues(a, 30, 7);
    const lambda = symmetricEigenvalues(gram(a, 30, 7), 7);
    expect(maxAbsDifference(Array.from(sigma, (s) => s * s), lambda)).toBeLessThan(1e-12 * lambda[0]);
    expect(spectralNorm(a, 30, 7)).toBe(sigma[0]);
  });
});

describe('smallest nonzero eigenvalue and the PSD check', () => {
  // A^T A with A 3 x 6 of rank 3: three zero eigenvalues (up to rounding) and three positive ones.
  const a = gaussianMatrix(3, 6, 5);
  const ata = gram(a, 3, 6);
  const sigma = singularValues(a, 3, 6);

  it('skips the kernel of a rank-deficient Gram matrix', () => {
    const lambda = smallestNonzeroEigenvalue(ata, 6);
    expect(Math.abs(lambda - sigma[2] ** 2)).toBeLessThan(1e-12 * sigma[0] ** 2);
  });

  it('throws for the zero matrix, which has none', () => {
    expect(() => smallestNonzeroEigenvalue(new Float64Array(4), 2)).toThrow(InputError);
  });

  it('accepts a Gram matrix whose zero eigenvalues came out slightly negative', () => {
    expect(isPositiveSemidefinite(ata, 6)).toBe(true);
    expect(isPositiveSemidefinite(new Float64Array(9), 3)).toBe(true);
  });

  it('rejects an indefinite matrix', () => {
    expect(isPositiveSemidefinite(laplacian(5, -1).matrix, 5)).toBe(false);
  });
});

describe('pseudoInverse', () => {
  it('satisfies the Moore-Penrose conditions on a rank-deficient matrix', () => {
    // A = B C with B 5 x 2 and C 2 x 4: a 5 x 4 matrix of rank 2.
    const a = multiply(gaussianMatrix(5, 2, 1), gaussianMatrix(2, 4, 2), 5, 2, 4);
    const pinv = pseudoInverse(a, 5, 4);
    expect(pinv.length).toBe(20);
    const aPinv = multiply(a, pinv, 5, 4, 5);
    const pinvA = multiply(pinv, a, 4, 5, 4);
    expect(maxAbsDifference(multiply(aPinv, a, 5, 5, 4), a)).toBeLessThan(1e-12);
    expect(maxAbsDifference(multiply(pinvA, pinv, 4, 4, 5), pinv)).toBeLessThan(1e-12);
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 5; j++) expect(aPinv[i * 5 + j]).toBeCloseTo(aPinv[j * 5 + i], 12);
    }
    for (let i = 0; i < 4; i++) {
      for (let j = 0; j < 4; j++) expect(pinvA[i * 4 + j]).toBeCloseTo(pinvA[j * 4 + i], 12);
    }
  });

  it('is the inverse of an invertible matrix', () => {
    const { matrix } = laplacian(6);
    const product = multiply(matrix, pseudoInverse(matrix, 6, 6), 6, 6, 6);
    const identity = new Float64Array(36);
    for (let i = 0; i < 6; i++) identity[i * 7] = 1;
    expect(maxAbsDifference(product, identity)).toBeLessThan(1e-13);
  });
});
