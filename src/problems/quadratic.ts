/**
 * Convex quadratics (warmup-h0h1.md T1): f(x) = 1/2 (x-c)^T A (x-c) + offset, built from a spectrum
 * with a seeded random rotation or from an explicit PSD matrix, and least squares
 * 1/(2n) ||A x - b||^2 as a finite sum over the rows. Also owns the constants every quadratic
 * shares, read off the spectrum.
 */
import { Matrix, QrDecomposition } from 'ml-matrix';
import { DEFAULT_ZERO_TOLERANCE, pseudoInverse, singularValues, symmetricEigenvalues } from '../linalg/dense.js';
import { dot, gemm, matTvec, matvec, subInto } from '../linalg/kernels.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { requireDimension, requireFinite, requireMatrix, requireNonNegative, requireVector } from '../util/validate.js';
import type { BigNumber } from 'mathjs';
import { bigMath, toBig, toBigVector } from './highPrecision.js';
import { exact, type FiniteSumProblem, type HighPrecisionModel, type Problem, type ProblemConstants } from './problem.js';

export interface QuadraticOptions {
  /** The spectrum of A, each >= 0 (zeros allowed: rank-deficient A). Its length is the dimension. */
  readonly eigenvalues: ArrayLike<number>;
  /** Seed of the random orthogonal eigenbasis; without it A = diag(eigenvalues). */
  readonly seed?: number;
  /** The minimizer c. Default 0. */
  readonly center?: ArrayLike<number>;
  /** f* = offset. Default 0. */
  readonly offset?: number;
}

export interface QuadraticFromMatrixOptions {
  /** Symmetric PSD matrix, as rows. */
  readonly A: ReadonlyArray<ArrayLike<number>>;
  readonly center?: ArrayLike<number>;
  readonly offset?: number;
}

export interface LeastSquaresOptions {
  /** Design matrix, n rows of d features. */
  readonly A: ReadonlyArray<ArrayLike<number>>;
  /** Targets, length n. */
  readonly b: ArrayLike<number>;
}

/** Relative asymmetry |A_ij - A_ji| / max|A| that `quadraticFromMatrix` still accepts as rounding. */
const SYMMETRY_TOLERANCE = 1e-10;

/**
 * f(x) = 1/2 (x-c)^T A (x-c) + offset with A = Q diag(eigenvalues) Q^T, Q the orthogonal factor of
 * the QR decomposition of a seeded Gaussian matrix (signs fixed so Q is Haar-distributed), or
 * Q = I without a seed. f* = offset, x* = c.
 *
 * Constants, exact (warmup-h0h1.md T1 [D], warmup-rho-k0-krho.md 4.2 quadratic row [D]): see
 * `quadraticConstants`; L = max eigenvalue, mu = smallest nonzero eigenvalue.
 */
export function quadratic({ eigenvalues, seed, center, offset = 0 }: QuadraticOptions): Problem {
  const spectrum = requireVector('eigenvalues', eigenvalues);
  const dim = requireDimension('eigenvalues.length', spectrum.length);
  spectrum.forEach((lambda, i) => requireNonNegative(`eigenvalues[${i}]`, lambda));
  const minimizer = center === undefined ? new Float64Array(dim) : requireVector('center', center, dim);
  requireFinite('offset', offset);
  const matrix = seed === undefined ? diagonal(spectrum) : rotated(spectrum, randomOrthogonal(dim, new Rng(seed)));
  return quadraticProblem({
    name: `quadratic(d=${dim}${seed === undefined ? '' : `,seed=${seed}`})`,
    params: seed === undefined ? { dim, offset } : { dim, seed, offset },
    matrix,
    center: minimizer,
    offset,
    constants: quadraticConstants(spectrum, 'eigenvalues as given'),
  });
}

/**
 * f(x) = 1/2 (x-c)^T A (x-c) + offset for an explicit symmetric PSD A (asymmetry up to
 * 1e-10 max|A| is rounding: the symmetric part is used). f* = offset, x* = c.
 *
 * Constants, exact up to the eigensolver's rounding (warmup-h0h1.md T1 [D]): see
 * `quadraticConstants`, from the eigenvalues of A (ml-matrix EigenvalueDecomposition);
 * eigenvalues with |lambda| <= 1e-10 lambda_max count as zero.
 */
export function quadraticFromMatrix({ A, center, offset = 0 }: QuadraticFromMatrixOptions): Problem {
  const { data, rows, cols } = requireMatrix('A', A);
  if (rows !== cols) throw new InputError(`A must be square, got ${rows} x ${cols}`);
  const dim = rows;
  const minimizer = center === undefined ? new Float64Array(dim) : requireVector('center', center, dim);
  requireFinite('offset', offset);
  const matrix = symmetrized('A', data, dim);
  const eigenvalues = symmetricEigenvalues(matrix, dim);
  const tolerance = DEFAULT_ZERO_TOLERANCE * Math.max(Math.abs(eigenvalues[0]), Math.abs(eigenvalues[dim - 1]));
  if (eigenvalues[dim - 1] < -tolerance) {
    throw new InputError(`A must be positive semidefinite, its smallest eigenvalue is ${eigenvalues[dim - 1]}`);
  }
  const spectrum = eigenvalues.map((lambda) => (lambda <= tolerance ? 0 : lambda));
  return quadraticProblem({
    name: `quadraticFromMatrix(d=${dim})`,
    params: { dim, offset },
    matrix,
    center: minimizer,
    offset,
    constants: quadraticConstants(spectrum, 'eigenvalues of A, |lambda| <= 1e-10 lambda_max counted as zero'),
  });
}

/**
 * f(x) = 1/(2n) ||A x - b||^2 = (1/n) sum_i 1/2 (a_i^T x - b_i)^2, a finite sum over the n rows;
 * `gradBatch` averages the chosen rows. x* = A^+ b (ml-matrix pseudo-inverse, the minimum-norm
 * minimizer) and f* = f(x*). The gap is 1/(2n) ||A (x - x*)||^2, free of the cancellation in
 * f(x) - f* when the system is inconsistent.
 *
 * It is the quadratic with Hessian A^T A / n; constants exact up to rounding (warmup-h0h1.md T1
 * [D]): see `quadraticConstants`, from sigma_i^2 / n with sigma_i the singular values of A, those
 * below the pseudo-inverse's cutoff eps max(n,d) sigma_max counted as zero (mu stays a PL constant
 * when A is rank-deficient).
 */
export function leastSquares({ A, b }: LeastSquaresOptions): FiniteSumProblem {
  const { data: design, rows: samples, cols: dim } = requireMatrix('A', A);
  const targets = requireVector('b', b, samples);
  const xStar = new Float64Array(dim);
  matvec(pseudoInverse(design, samples, dim), dim, samples, targets, xStar);
  // A^T A first (exactly symmetric: a_ki a_kj = a_kj a_ki), then the 1/n.
  const hessian = new Float64Array(dim * dim);
  gemm(dim, dim, samples, 1, design, true, design, false, 0, hessian);
  for (let k = 0; k < dim * dim; k++) hessian[k] /= samples;

  const residual = new Float64Array(samples);
  const difference = new Float64Array(dim);
  const halfMeanSquaredResidual = (x: Float64Array): number => {
    matvec(design, samples, dim, x, residual);
    for (let i = 0; i < samples; i++) residual[i] -= targets[i];
    return dot(residual, residual) / (2 * samples);
  };

  const singular = singularValues(design, samples, dim);
  const cutoff = Number.EPSILON * Math.max(samples, dim) * singular[0];
  const spectrum = singular.map((sigma) => (sigma <= cutoff ? 0 : (sigma * sigma) / samples));
  return {
    name: `leastSquares(n=${samples},d=${dim})`,
    dim,
    params: { n: samples, dim },
    samples,
    f: halfMeanSquaredResidual,
    grad(x, out) {
      const value = halfMeanSquaredResidual(x);
      matTvec(design, samples, dim, residual, out);
      for (let j = 0; j < dim; j++) out[j] /= samples;
      return value;
    },
    gradBatch(x, indices, count, out) {
      out.fill(0);
      let sumOfSquares = 0;
      for (let t = 0; t < count; t++) {
        const base = indices[t] * dim;
        let r = -targets[indices[t]];
        for (let j = 0; j < dim; j++) r += design[base + j] * x[j];
        sumOfSquares += r * r;
        for (let j = 0; j < dim; j++) out[j] += r * design[base + j];
      }
      for (let j = 0; j < dim; j++) out[j] /= count;
      return sumOfSquares / (2 * count);
    },
    gap(x) {
      subInto(x, xStar, difference);
      matvec(design, samples, dim, difference, residual);
      return dot(residual, residual) / (2 * samples);
    },
    hess(_x, out = new Float64Array(dim * dim)) {
      out.set(hessian);
      return out;
    },
    hvp(_x, v, out) {
      matvec(hessian, dim, dim, v, out);
    },
    fStar: halfMeanSquaredResidual(xStar),
    xStar,
    constants: quadraticConstants(spectrum, 'sigma_i(A)^2 / n, below the pseudo-inverse cutoff counted as zero'),
  };
}

/**
 * The constants of a convex quadratic with Hessian spectrum `spectrum` (entries >= 0, rank-deficient
 * directions exactly 0), all exact: L = H0 = K0 = lambda_max, H1 = Krho = 0, rho = 1 (any rho works
 * when Krho = 0), and mu = the smallest nonzero eigenvalue, the PL constant (absent for A = 0).
 * `source` says where the spectrum comes from. Sources: warmup-h0h1.md T1 [D] (and Prop. B.1 for
 * (L, 0)), warmup-rho-k0-krho.md 4.2 quadratic row [D].
 */
export function quadraticConstants(spectrum: Float64Array, source: string): ProblemConstants {
  let largest = 0;
  let smallestPositive = Infinity;
  for (const lambda of spectrum) {
    largest = Math.max(largest, lambda);
    if (lambda > 0) smallestPositive = Math.min(smallestPositive, lambda);
  }
  const t1 = `warmup-h0h1.md T1 [D]; ${source}`;
  const rhoRow = `warmup-rho-k0-krho.md 4.2 quadratic row [D]; ${source}`;
  return {
    L: exact(largest, `lambda_max, ${t1}`),
    ...(smallestPositive < Infinity ? { mu: exact(smallestPositive, `smallest nonzero eigenvalue (PL), ${t1}`) } : {}),
    H0: exact(largest, `lambda_max, ${t1}`),
    H1: exact(0, t1),
    rho: exact(1, `any rho > 0 when Krho = 0, ${rhoRow}`),
    K0: exact(largest, `lambda_max, ${rhoRow}`),
    Krho: exact(0, rhoRow),
  };
}

/**
 * The quadratic 1/2 (x-c)^T M (x-c) + offset for a symmetric row-major `matrix`. The gradient is
 * one dense matvec; `gap` reuses the quadratic form of the last `grad` call at the same point,
 * since the GD runner evaluates both at every iterate.
 */
function quadraticProblem(spec: {
  name: string;
  params: Record<string, number>;
  matrix: Float64Array;
  center: Float64Array;
  offset: number;
  constants: ProblemConstants;
}): Problem {
  const { matrix, center, offset } = spec;
  const dim = center.length;
  const difference = new Float64Array(dim);
  const product = new Float64Array(dim);
  const lastGradPoint = new Float64Array(dim).fill(NaN);
  let lastGradForm = 0;
  /** Writes M (x - c) into `out` and returns 1/2 (x-c)^T M (x-c). */
  const quadraticForm = (x: Float64Array, out: Float64Array): number => {
    subInto(x, center, difference);
    matvec(matrix, dim, dim, difference, out);
    return 0.5 * dot(difference, out);
  };
  return {
    name: spec.name,
    dim,
    params: spec.params,
    f: (x) => quadraticForm(x, product) + offset,
    grad(x, out) {
      lastGradForm = quadraticForm(x, out);
      lastGradPoint.set(x);
      return lastGradForm + offset;
    },
    gap(x) {
      for (let i = 0; i < dim; i++) if (x[i] !== lastGradPoint[i]) return quadraticForm(x, product);
      return lastGradForm;
    },
    hess(_x, out = new Float64Array(dim * dim)) {
      out.set(matrix);
      return out;
    },
    hvp(_x, v, out) {
      matvec(matrix, dim, dim, v, out);
    },
    fStar: offset,
    xStar: Float64Array.from(center),
    constants: spec.constants,
    highPrecision: (digits) => quadraticHighPrecision(matrix, center, offset, digits),
  };
}

/** The same quadratic in BigNumber arithmetic, its float64 entries read as decimals. */
function quadraticHighPrecision(
  matrix: Float64Array,
  center: Float64Array,
  offset: number,
  digits: number,
): HighPrecisionModel {
  const math = bigMath(digits);
  const dim = center.length;
  const entries = toBigVector(math, matrix);
  const c = toBigVector(math, center);
  const zero = toBig(math, 0);
  const fStar = toBig(math, offset);
  /** M (x - c), and 1/2 (x-c)^T M (x-c). */
  const evaluate = (x: readonly BigNumber[]): { gradient: BigNumber[]; form: BigNumber } => {
    const difference = x.map((xi, i) => xi.minus(c[i]));
    const gradient = difference.map((_, i) => {
      let s = zero;
      for (let j = 0; j < dim; j++) s = s.plus(entries[i * dim + j].times(difference[j]));
      return s;
    });
    let form = zero;
    for (let i = 0; i < dim; i++) form = form.plus(difference[i].times(gradient[i]));
    return { gradient, form: form.div(2) };
  };
  return {
    digits,
    math,
    fStar,
    f: (x) => evaluate(x).form.plus(fStar),
    grad: (x) => evaluate(x).gradient,
    gap: (x) => evaluate(x).form,
  };
}

/** diag(spectrum), row-major. */
function diagonal(spectrum: Float64Array): Float64Array {
  const dim = spectrum.length;
  const out = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) out[i * dim + i] = spectrum[i];
  return out;
}

/** Q diag(spectrum) Q^T for a row-major orthogonal Q, exactly symmetric. */
function rotated(spectrum: Float64Array, basis: Float64Array): Float64Array {
  const dim = spectrum.length;
  const out = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    for (let j = i; j < dim; j++) {
      let s = 0;
      for (let k = 0; k < dim; k++) s += basis[i * dim + k] * spectrum[k] * basis[j * dim + k];
      out[i * dim + j] = s;
      out[j * dim + i] = s;
    }
  }
  return out;
}

/**
 * A Haar-random orthogonal d x d matrix, row-major: the Q of a Gaussian matrix's QR (ml-matrix),
 * its column signs fixed by diag(R).
 */
function randomOrthogonal(dim: number, rng: Rng): Float64Array {
  const gaussian = new Matrix(dim, dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) gaussian.set(i, j, rng.normal());
  const qr = new QrDecomposition(gaussian);
  const q = Float64Array.from(qr.orthogonalMatrix.to1DArray());
  const r = qr.upperTriangularMatrix;
  for (let j = 0; j < dim; j++) {
    if (r.get(j, j) < 0) for (let i = 0; i < dim; i++) q[i * dim + j] = -q[i * dim + j];
  }
  return q;
}

/** The symmetric part of the d x d row-major `data`, after checking it is symmetric up to rounding. */
function symmetrized(name: string, data: Float64Array, dim: number): Float64Array {
  let scale = 0;
  for (const entry of data) scale = Math.max(scale, Math.abs(entry));
  const out = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) {
    for (let j = 0; j <= i; j++) {
      const upper = data[j * dim + i];
      const lower = data[i * dim + j];
      if (Math.abs(upper - lower) > SYMMETRY_TOLERANCE * scale) {
        throw new InputError(`${name} must be symmetric, but ${name}[${i}][${j}] = ${lower} and ${name}[${j}][${i}] = ${upper}`);
      }
      out[i * dim + j] = out[j * dim + i] = 0.5 * (upper + lower);
    }
  }
  return out;
}
