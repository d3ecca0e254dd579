/**
 * Dense spectral computations, as thin wrappers over ml-matrix's decompositions: symmetric
 * eigenvalues (EigenvalueDecomposition with assumeSymmetric), singular values
 * (SingularValueDecomposition) and the pseudo-inverse. Matrices are row-major Float64Arrays
 * (`a[i * cols + j]`), as in kernels.ts; results are new arrays.
 *
 * Symmetric routines read the symmetric part (A + A^T) / 2, so a Hessian that is symmetric only up
 * to rounding is decomposed as the symmetric matrix it approximates.
 */
import {
  EigenvalueDecomposition,
  Matrix,
  SingularValueDecomposition,
  pseudoInverse as mlPseudoInverse,
} from 'ml-matrix';
import { InputError } from '../util/errors.js';
import { requireDimension, requireNonNegative } from '../util/validate.js';

/** Default relative tolerance below which an eigenvalue counts as zero (relative to max |lambda|). */
export const DEFAULT_ZERO_TOLERANCE = 1e-10;

function requireShape(name: string, a: Float64Array, rows: number, cols: number): void {
  requireDimension(`${name} rows`, rows);
  requireDimension(`${name} columns`, cols);
  if (a.length !== rows * cols) {
    throw new InputError(`${name} must have ${rows} x ${cols} = ${rows * cols} entries, got ${a.length}`);
  }
}

function symmetricPart(a: Float64Array, d: number): Matrix {
  const m = new Matrix(d, d);
  for (let i = 0; i < d; i++) {
    m.set(i, i, a[i * d + i]);
    for (let j = 0; j < i; j++) {
      const s = 0.5 * (a[i * d + j] + a[j * d + i]);
      m.set(i, j, s);
      m.set(j, i, s);
    }
  }
  return m;
}

function largestMagnitude(values: Float64Array): number {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
}

/** Eigenvalues of the symmetric d x d matrix `a`, sorted descending. */
export function symmetricEigenvalues(a: Float64Array, d: number): Float64Array {
  requireShape('symmetric matrix', a, d, d);
  const evd = new EigenvalueDecomposition(symmetricPart(a, d), { assumeSymmetric: true });
  return Float64Array.from(evd.realEigenvalues).sort().reverse();
}

/** Largest (algebraic) eigenvalue of the symmetric d x d matrix `a`. */
export function largestSymmetricEigenvalue(a: Float64Array, d: number): number {
  return symmetricEigenvalues(a, d)[0];
}

/** Smallest (algebraic) eigenvalue of the symmetric d x d matrix `a`. */
export function smallestSymmetricEigenvalue(a: Float64Array, d: number): number {
  return symmetricEigenvalues(a, d)[d - 1];
}

/** Spectral norm of the symmetric d x d matrix `a`: its largest |eigenvalue|. */
export function symmetricSpectralNorm(a: Float64Array, d: number): number {
  return largestMagnitude(symmetricEigenvalues(a, d));
}

/** Singular values of the general rows x cols matrix `a`, sorted descending (min(rows, cols) of them). */
export function singularValues(a: Float64Array, rows: number, cols: number): Float64Array {
  requireShape('matrix', a, rows, cols);
  const svd = new SingularValueDecomposition(Matrix.from1DArray(rows, cols, a), {
    computeLeftSingularVectors: false,
    computeRightSingularVectors: false,
    autoTranspose: true,
  });
  return Float64Array.from(svd.diagonal).sort().reverse();
}

/** Spectral norm of the general rows x cols matrix `a`: its largest singular value. */
export function spectralNorm(a: Float64Array, rows: number, cols: number): number {
  return singularValues(a, rows, cols)[0];
}

/**
 * The eigenvalue of smallest magnitude among those that are not numerically zero, where
 * |lambda| <= relTol * max|lambda| counts as zero. For a PSD matrix (e.g. A^T A) this is the
 * smallest positive eigenvalue, the PL constant of the least-squares quadratic. Throws an
 * InputError for the zero matrix, which has none.
 */
export function smallestNonzeroEigenvalue(a: Float64Array, d: number, relTol = DEFAULT_ZERO_TOLERANCE): number {
  requireNonNegative('relTol', relTol);
  const eigenvalues = symmetricEigenvalues(a, d);
  const cutoff = relTol * largestMagnitude(eigenvalues);
  let smallest: number | undefined;
  for (const lambda of eigenvalues) {
    const magnitude = Math.abs(lambda);
    if (magnitude > cutoff && (smallest === undefined || magnitude < Math.abs(smallest))) smallest = lambda;
  }
  if (smallest === undefined) throw new InputError('the matrix is zero: it has no nonzero eigenvalue');
  return smallest;
}

/**
 * Whether the symmetric d x d matrix `a` is positive semidefinite up to rounding: its smallest
 * eigenvalue is >= -relTol * max|lambda|. The zero matrix is PSD.
 */
export function isPositiveSemidefinite(a: Float64Array, d: number, relTol = DEFAULT_ZERO_TOLERANCE): boolean {
  requireNonNegative('relTol', relTol);
  const eigenvalues = symmetricEigenvalues(a, d);
  return eigenvalues[d - 1] >= -relTol * largestMagnitude(eigenvalues);
}

/**
 * Moore-Penrose pseudo-inverse of the rows x cols matrix `a`, returned row-major cols x rows.
 * Singular values below relTol * max(rows, cols) * sigma_max are treated as zero (ml-matrix's
 * `threshold`; the default, machine epsilon, is LAPACK's rcond rule).
 */
export function pseudoInverse(a: Float64Array, rows: number, cols: number, relTol = Number.EPSILON): Float64Array {
  requireShape('matrix', a, rows, cols);
  requireNonNegative('relTol', relTol);
  return Float64Array.from(mlPseudoInverse(Matrix.from1DArray(rows, cols, a), relTol).to1DArray());
}
