/**
 * Constants of a symmetric matrix that are valid for its float64 entries as they are, not for the
 * matrix they were meant to round: the exact rank (integer elimination on the entries read as exact
 * dyadic rationals), the eigenvalues from Jacobi's method in BigNumber arithmetic on the exact
 * entries, and float64 bounds rounded outwards (an upper bound rounded up, a lower bound down);
 * and, for large positive definite matrices, bounds on the extreme eigenvalues proved in float64
 * by verified Cholesky factorisations (`provedPositiveDefinite`, `provedPositiveDefiniteBounds`).
 *
 * Why: a matrix built in float64 from a spectrum (Q diag(lambda) Q^T) has other eigenvalues than
 * that spectrum, and a "rank-deficient" one is in general of full rank, with tiny eigenvalues of
 * either sign. Constants read off the intended spectrum are then wrong for the instance that runs
 * (a PL constant mu = lambda_min^+ where the float matrix has an eigenvalue 1e-18), and a
 * high-precision replay of that instance certifies a "violation" of a true bound.
 */
import type { BigNumber } from 'mathjs';
import { matvec } from '../linalg/kernels.js';
import { lanczosExtremeEigenvalues } from '../linalg/lanczos.js';
import { bigMath, exactDecimal, toBig } from './highPrecision.js';

/** Working precision of the Jacobi iteration, and the error allowed for it (relative to ||A||_F). */
const JACOBI_DIGITS = 50;
const JACOBI_ERROR = 1e-40;

export interface SpectrumBounds {
  /** Exact rank of the float64 matrix. */
  readonly rank: number;
  /** An upper bound on the largest eigenvalue (within an ulp of it). */
  readonly largestUpper: number;
  /** A lower bound on the smallest eigenvalue, 0 exactly when the matrix is singular and PSD. */
  readonly smallestLower: number;
  /** A lower bound on the smallest nonzero eigenvalue in absolute value, among the positive ones; absent when none. */
  readonly smallestPositiveLower?: number;
  /** Whether the matrix is positive semidefinite (every nonzero eigenvalue positive). */
  readonly positiveSemidefinite: boolean;
}

/** The next double above / below a finite x. */
export function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  view.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return view.getFloat64(0);
}

export const nextDown = (x: number): number => -nextUp(-x);

/** A BigNumber rounded to a double not below / not above it. */
export function roundUp(value: BigNumber): number {
  const nearest = value.toNumber();
  return value.gt(exactDecimal(nearest)) ? nextUp(nearest) : nearest;
}

export function roundDown(value: BigNumber): number {
  const nearest = value.toNumber();
  return value.lt(exactDecimal(nearest)) ? nextDown(nearest) : nearest;
}

/** The exact rank of a row-major matrix of doubles: fraction-free (Bareiss) elimination over the integers. */
export function exactRank(data: ArrayLike<number>, rows: number, cols: number): number {
  // Each double is m 2^e; scaling every entry by 2^-(min e) makes them all integers.
  const parts = Array.from(data, (value) => {
    if (value === 0) return { mantissa: 0n, exponent: 0 };
    let exponent = 0;
    let m = value;
    while (!Number.isInteger(m)) {
      m *= 2;
      exponent--;
    }
    return { mantissa: BigInt(m), exponent };
  });
  const smallest = Math.min(0, ...parts.map((p) => p.exponent));
  const a = parts.map((p) => p.mantissa << BigInt(p.exponent - smallest));
  let rank = 0;
  let previousPivot = 1n;
  for (let col = 0; col < cols && rank < rows; col++) {
    let pivotRow = -1;
    for (let r = rank; r < rows; r++) {
      if (a[r * cols + col] !== 0n) {
        pivotRow = r;
        break;
      }
    }
    if (pivotRow < 0) continue;
    if (pivotRow !== rank) {
      for (let c = 0; c < cols; c++) {
        const t = a[rank * cols + c];
        a[rank * cols + c] = a[pivotRow * cols + c];
        a[pivotRow * cols + c] = t;
      }
    }
    const pivot = a[rank * cols + col];
    for (let r = rank + 1; r < rows; r++) {
      const factor = a[r * cols + col];
      for (let c = col + 1; c < cols; c++) {
        a[r * cols + c] = (pivot * a[r * cols + c] - factor * a[rank * cols + c]) / previousPivot;
      }
      a[r * cols + col] = 0n;
    }
    previousPivot = pivot;
    rank++;
  }
  return rank;
}

/** The working precision's mathjs instance, for callers that build the matrix in BigNumber. */
export const spectrumMath = () => bigMath(JACOBI_DIGITS);

/**
 * The eigenvalues of the symmetric d x d matrix `a` (BigNumbers of `spectrumMath()`, overwritten),
 * by cyclic Jacobi, ascending, and ||A||_F.
 */
function jacobiEigenvalues(a: BigNumber[][]): { eigenvalues: BigNumber[]; frobenius: BigNumber } {
  const math = spectrumMath();
  const dim = a.length;
  const zero = toBig(math, 0);
  const one = toBig(math, 1);
  let frobenius = zero;
  for (const row of a) for (const v of row) frobenius = frobenius.plus(v.times(v));
  frobenius = frobenius.sqrt();
  const threshold = frobenius.times(1e-48);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = zero;
    for (let p = 0; p < dim; p++) for (let q = p + 1; q < dim; q++) off = off.plus(a[p][q].times(a[p][q]));
    if (off.sqrt().lte(threshold)) break;
    for (let p = 0; p < dim; p++) {
      for (let q = p + 1; q < dim; q++) {
        const apq = a[p][q];
        if (apq.isZero()) continue;
        const theta = a[q][q].minus(a[p][p]).div(apq.times(2));
        const magnitude = one.div(theta.abs().plus(theta.times(theta).plus(one).sqrt()));
        const t = theta.isNegative() ? magnitude.neg() : magnitude;
        const c = one.div(t.times(t).plus(one).sqrt());
        const s = t.times(c);
        a[p][p] = a[p][p].minus(t.times(apq));
        a[q][q] = a[q][q].plus(t.times(apq));
        a[p][q] = a[q][p] = zero;
        for (let r = 0; r < dim; r++) {
          if (r === p || r === q) continue;
          const arp = a[r][p];
          const arq = a[r][q];
          a[r][p] = a[p][r] = c.times(arp).minus(s.times(arq));
          a[r][q] = a[q][r] = s.times(arp).plus(c.times(arq));
        }
      }
    }
  }
  const eigenvalues = a.map((row, i) => row[i]).sort((x, y) => x.comparedTo(y));
  return { eigenvalues, frobenius };
}

/**
 * Bounds on the spectrum of the symmetric d x d row-major float64 `matrix`, valid for its entries
 * as stored: the exact rank decides which eigenvalues are exactly 0 (the d - rank smallest in
 * absolute value), the others are Jacobi's at 50 digits, widened by 1e-40 ||A||_F and rounded
 * outwards to doubles. Cost O(d^3) BigNumber operations per sweep: meant for the small matrices
 * of synthetic families (d up to a few dozen).
 */
export function symmetricSpectrumBounds(matrix: ArrayLike<number>, dim: number): SpectrumBounds {
  const math = spectrumMath();
  const entries = Array.from({ length: dim }, (_, i) => Array.from({ length: dim }, (_, j) => toBig(math, matrix[i * dim + j])));
  return spectrumBoundsOf(entries, exactRank(matrix, dim, dim));
}

/**
 * The same bounds for a symmetric matrix given as BigNumbers of `spectrumMath()` (e.g. a Gram
 * matrix formed exactly from float64 data) whose exact rank is known.
 */
export function spectrumBoundsOf(entries: BigNumber[][], rank: number): SpectrumBounds {
  const dim = entries.length;
  const { eigenvalues, frobenius } = jacobiEigenvalues(entries.map((row) => [...row]));
  const error = frobenius.times(JACOBI_ERROR);
  const byMagnitude = eigenvalues.map((value, index) => ({ value, index })).sort((x, y) => x.value.abs().comparedTo(y.value.abs()));
  const zeroIndices = new Set(byMagnitude.slice(0, dim - rank).map((e) => e.index));
  const nonzero = eigenvalues.filter((_, i) => !zeroIndices.has(i));
  const positiveSemidefinite = nonzero.every((v) => v.isPositive());
  const largest = eigenvalues[dim - 1];
  const smallest = eigenvalues[0];
  const positives = nonzero.filter((v) => v.isPositive());
  const smallestPositive = positives.length > 0 ? positives[0].minus(error) : undefined;
  return {
    rank,
    largestUpper: zeroIndices.has(dim - 1) ? 0 : roundUp(largest.plus(error)),
    smallestLower: nonzero.length > 0 && nonzero[0].isNegative() ? roundDown(nonzero[0].minus(error)) : rank < dim ? 0 : roundDown(smallest.minus(error)),
    ...(smallestPositive && smallestPositive.isPositive() ? { smallestPositiveLower: roundDown(smallestPositive) } : {}),
    positiveSemidefinite,
  };
}

/**
 * Bounds on the spectrum of a Gram matrix of the row-major rows x cols float64 `data`, divided by
 * `divideBy`: of its columns (A^T A / divideBy, cols x cols) or of its rows (A A^T / divideBy),
 * formed exactly in BigNumber from the doubles as stored; its rank is that of A, exactly.
 */
export function gramSpectrumBounds(data: ArrayLike<number>, rows: number, cols: number, of: 'rows' | 'columns', divideBy = 1): SpectrumBounds {
  const math = spectrumMath();
  const a = Array.from(data, (v) => toBig(math, v));
  const size = of === 'columns' ? cols : rows;
  const length = of === 'columns' ? rows : cols;
  const at = (vector: number, k: number): BigNumber => (of === 'columns' ? a[k * cols + vector] : a[vector * cols + k]);
  const gram = Array.from({ length: size }, () => new Array<BigNumber>(size));
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = toBig(math, 0);
      for (let k = 0; k < length; k++) sum = sum.plus(at(i, k).times(at(j, k)));
      gram[i][j] = gram[j][i] = sum.div(divideBy);
    }
  }
  return spectrumBoundsOf(gram, exactRank(data, rows, cols));
}

/** Unit roundoff, and the smallest positive (subnormal) double: Rump's Eps and Eta. */
const UNIT_ROUNDOFF = 2 ** -53;
const SMALLEST_SUBNORMAL = 2 ** -1074;
/** Dimension limit of Rump's constant (n + 2) u for the Cholesky error (see `provedPositiveDefinite`). */
const RUMP_MAX_DIM = 67108860;


/**
 * Whether sign M - shift I is proved positive definite, for the symmetric d x d row-major float64
 * `matrix` M as stored (sign 1: lambda_min(M) > shift; sign -1: lambda_max(M) < -shift). Rump's
 * criterion (S. M. Rump, Verification of positive definiteness, BIT Numer. Math. 46:433-452, 2006,
 * as in INTLAB's isspd) [P]: with B = sign M - shift I, alpha = (d + 2) u,
 * c >= alpha sum_i B_ii + 6 d (d + max_i B_ii) Eta (u = 2^-53, Eta = 2^-1074), if the float64
 * Cholesky factorisation of a matrix B~ with B~_ij = B_ij off the diagonal and B~_ii <= B_ii - c
 * runs to the end with positive pivots, B is positive definite. Without directed rounding, every
 * upper (lower) bound here is the float64 result moved one ulp up (down). O(d^3 / 3) flops.
 */
export function provedPositiveDefinite(matrix: ArrayLike<number>, dim: number, sign: 1 | -1, shift: number): boolean {
  if (dim > RUMP_MAX_DIM || !Number.isFinite(shift)) return false;
  const alpha = (dim + 2) * UNIT_ROUNDOFF;
  let errorBound = 0;
  let largestDiagonal = 0;
  for (let i = 0; i < dim; i++) {
    const diagonalUpper = nextUp(sign * matrix[i * dim + i] - shift);
    if (!(diagonalUpper > 0)) return false;
    errorBound = nextUp(errorBound + nextUp(alpha * diagonalUpper));
    largestDiagonal = Math.max(largestDiagonal, diagonalUpper);
  }
  const underflowBound = nextUp(nextUp(6 * dim * nextUp(dim + largestDiagonal)) * SMALLEST_SUBNORMAL);
  const totalShift = nextUp(shift + nextUp(errorBound + underflowBound));
  if (!Number.isFinite(totalShift)) return false;
  const factor = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    const row = i * dim;
    for (let j = 0; j <= i; j++) {
      const other = j * dim;
      let s = j === i ? nextDown(sign * matrix[row + i] - totalShift) : sign * matrix[row + j];
      for (let k = 0; k < j; k++) s -= factor[row + k] * factor[other + k];
      if (j < i) {
        factor[row + j] = s / factor[other + j];
      } else {
        if (!(s > 0 && s < Infinity)) return false;
        factor[row + i] = Math.sqrt(s);
      }
    }
  }
  for (const entry of factor) if (!Number.isFinite(entry)) return false;
  return true;
}

/** Relative margins tried, in turn, between an estimated extreme eigenvalue and the shift to prove. */
const PROOF_MARGINS = [1e-8, 1e-6, 1e-4, 1e-2];
/**
 * Relative residual at which the Lanczos estimates stop. An extreme Ritz value's error is of the
 * order of the residual squared over the spectral gap: below the first margin when the relative
 * gap at that end is well above 1e-4, not always for clustered extreme eigenvalues. A worse
 * estimate only costs a failed proof and a wider margin (one more Cholesky each), never soundness.
 */
const LANCZOS_TOLERANCE = 1e-6;

/**
 * Bounds on the spectrum of a symmetric d x d row-major float64 `matrix` that is positive definite,
 * proved for its entries as stored, in O(d^3) float64 work: Lanczos estimates of the extreme
 * eigenvalues (`lanczosExtremeEigenvalues`), then shifts just outside them, each proved by
 * `provedPositiveDefinite` (lambda_max < s_max, lambda_min > s_min > 0); a failed proof retries with
 * the next, wider margin (`PROOF_MARGINS`, relative to the largest eigenvalue). The rank is then d.
 * Undefined when positive definiteness cannot be proved (a singular, indefinite or very
 * ill-conditioned matrix): the caller takes the exact path. [D]
 */
export function provedPositiveDefiniteBounds(matrix: Float64Array, dim: number): SpectrumBounds | undefined {
  const estimate = lanczosExtremeEigenvalues((v, out) => matvec(matrix, dim, dim, v, out), dim, { tolerance: LANCZOS_TOLERANCE });
  const scale = estimate.largestMagnitude;
  if (!(estimate.smallest > 0) || !Number.isFinite(scale)) return undefined;
  const largestUpper = PROOF_MARGINS.map((m) => estimate.largest + m * scale).find((s) => provedPositiveDefinite(matrix, dim, -1, -s));
  if (largestUpper === undefined) return undefined;
  const smallestLower = PROOF_MARGINS.map((m) => estimate.smallest - m * scale)
    .filter((s) => s > 0)
    .find((s) => provedPositiveDefinite(matrix, dim, 1, s));
  if (smallestLower === undefined) return undefined;
  return { rank: dim, largestUpper, smallestLower, smallestPositiveLower: smallestLower, positiveSemidefinite: true };
}
