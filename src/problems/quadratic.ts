/**
 * Convex quadratics (warmup-h0h1.md T1): f(x) = 1/2 (x-c)^T A (x-c) + offset, built from a spectrum
 * with a seeded random rotation or from an explicit PSD matrix, and least squares
 * 1/(2n) ||A x - b||^2 as a finite sum over the rows. Also owns the constants every quadratic
 * shares, read off the spectrum.
 */
import { pseudoInverse } from '../linalg/dense.js';
import { dot, gemm, matTvec, matvec, residentArray, residentCopy, subInto } from '../linalg/kernels.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { requireDimension, requireFinite, requireMatrix, requireNonNegative, requireVector } from '../util/validate.js';
import type { BigNumber, MathJsInstance } from 'mathjs';
import { ballAdd, ballMul, ballOneMinusProduct, ballScaleByPowerOfTwo, BallVector, DotAccumulator, result } from '../linalg/ddBall.js';
import { BALL_VALUE, type BallModel } from './ballModel.js';
import { bigMath, bigMatrixTimes, toBig, toBigVector } from './highPrecision.js';
import { exact, validBound, type FiniteSumProblem, type HighPrecisionModel, type NamedConstant, type Problem, type ProblemConstants } from './problem.js';
import { gramSpectrumBounds, provedPositiveDefiniteBounds, symmetricSpectrumBounds, type SpectrumBounds } from './spectrumBounds.js';

/** Largest dimension at which `quadraticFromMatrix` computes the spectrum exactly (BigNumber Jacobi, exact rank). */
const EXACT_SPECTRUM_MAX_DIM = 32;

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
 * f(x) = 1/2 (x-c)^T A (x-c) + offset with A = Q diag(eigenvalues) Q^T, Q a seeded orthogonal
 * matrix that is exactly orthogonal in float64 (`exactOrthogonal`), or Q = I without a seed.
 * f* = offset, x* = c.
 *
 * The instance that runs is exactly this function: f and its gradient are evaluated in factored
 * form, y = Q^T (x - c), f = 1/2 sum_k lambda_k y_k^2 + offset, grad = Q (lambda o y), so a zero
 * eigenvalue is an exact null direction and the spectrum is exactly `eigenvalues`. (A dense
 * Q diag(lambda) Q^T formed in float64 has other eigenvalues, and a rank-deficient one is in
 * general indefinite: constants read off the spectrum would be wrong for it.) GD is rotation
 * equivariant, so the rotation only changes which coordinates the rounding falls on.
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
  const basis = seed === undefined ? undefined : residentCopy(exactOrthogonal(dim, new Rng(seed)));
  return quadraticProblem({
    name: `quadratic(d=${dim}${seed === undefined ? '' : `,seed=${seed}`})`,
    params: seed === undefined ? { dim, offset } : { dim, seed, offset },
    operator: factoredOperator(spectrum, basis),
    center: minimizer,
    offset,
    constants: quadraticConstants(spectrum, 'eigenvalues as given, exact for the float64 instance (exactly orthogonal eigenbasis)'),
  });
}

/**
 * f(x) = 1/2 (x-c)^T A (x-c) + offset for an explicit symmetric PSD A (asymmetry up to
 * 1e-10 max|A| is rounding: the symmetric part is used). f* = offset, x* = c.
 *
 * Constants (warmup-h0h1.md T1 [D]): see `quadraticConstants`, valid bounds for the float64 matrix
 * as stored (L an upper bound, mu a lower bound for the instance that runs). Up to
 * `EXACT_SPECTRUM_MAX_DIM` from `symmetricSpectrumBounds`: its exact rank and its eigenvalues at 50
 * digits rounded outwards (within an ulp; O(d^3) BigNumber work). Above it, from
 * `provedPositiveDefiniteBounds`: shifts within 1e-8 lambda_max (wider when a proof fails) of
 * Lanczos estimates, each proved by a verified Cholesky factorisation (O(d^3) float64 work); an A
 * that cannot be proved positive definite there (singular, or nearly) takes the exact path. A that
 * is not PSD (a negative eigenvalue, however small) is rejected: its f* is -infinity.
 */
export function quadraticFromMatrix({ A, center, offset = 0 }: QuadraticFromMatrixOptions): Problem {
  const { data, rows, cols } = requireMatrix('A', A);
  if (rows !== cols) throw new InputError(`A must be square, got ${rows} x ${cols}`);
  const dim = rows;
  const minimizer = center === undefined ? new Float64Array(dim) : requireVector('center', center, dim);
  requireFinite('offset', offset);
  const matrix = residentCopy(symmetrized('A', data, dim));
  const proved = dim > EXACT_SPECTRUM_MAX_DIM ? provedPositiveDefiniteBounds(matrix, dim) : undefined;
  const bounds = proved ?? symmetricSpectrumBounds(matrix, dim);
  if (!bounds.positiveSemidefinite) {
    throw new InputError(`A must be positive semidefinite, its smallest eigenvalue is ${bounds.smallestLower}`);
  }
  return quadraticProblem({
    name: `quadraticFromMatrix(d=${dim})`,
    params: { dim, offset },
    operator: denseOperator(matrix, dim),
    center: minimizer,
    offset,
    constants: quadraticConstantBounds(
      bounds,
      proved
        ? 'extreme eigenvalues of the float64 A bounded by shifts proved by verified Cholesky (Rump 2006)'
        : 'eigenvalues of the float64 A at 50 digits (exact rank), rounded outwards',
    ),
  });
}

/**
 * f(x) = 1/(2n) ||A x - b||^2 = (1/n) sum_i 1/2 (a_i^T x - b_i)^2, a finite sum over the n rows;
 * `gradBatch` averages the chosen rows. x* = A^+ b (ml-matrix pseudo-inverse, the minimum-norm
 * minimizer) and f* = f(x*). The gap is 1/(2n) ||A (x - x*)||^2, free of the cancellation in
 * f(x) - f* when the system is inconsistent.
 *
 * It is the quadratic with Hessian A^T A / n; constants (warmup-h0h1.md T1 [D]): see
 * `quadraticConstants`, valid bounds for the float64 data as stored: A^T A / n formed exactly in
 * BigNumber, its exact rank (that of A), its eigenvalues at 50 digits rounded outwards (mu stays a
 * PL constant when A is rank-deficient). x* is the float64 pseudo-inverse solution, so f* and the gap
 * are exact only up to its rounding; there is no high-precision model, so no violation on a least
 * squares instance is ever certified.
 */
export function leastSquares({ A, b }: LeastSquaresOptions): FiniteSumProblem {
  const { data, rows: samples, cols: dim } = requireMatrix('A', A);
  const design = residentCopy(data);
  const targets = requireVector('b', b, samples);
  const xStar = new Float64Array(dim);
  matvec(pseudoInverse(design, samples, dim), dim, samples, targets, xStar);
  // A^T A first (exactly symmetric: a_ki a_kj = a_kj a_ki), then the 1/n.
  const hessian = residentArray(dim * dim);
  gemm(dim, dim, samples, 1, design, true, design, false, 0, hessian);
  for (let k = 0; k < dim * dim; k++) hessian[k] /= samples;

  const residual = residentArray(samples);
  const difference = residentArray(dim);
  const halfMeanSquaredResidual = (x: Float64Array): number => {
    matvec(design, samples, dim, x, residual);
    for (let i = 0; i < samples; i++) residual[i] -= targets[i];
    return dot(residual, residual) / (2 * samples);
  };

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
    constants: quadraticConstantBounds(
      gramSpectrumBounds(design, samples, dim, 'columns', samples),
      'eigenvalues of A^T A / n formed exactly from the float64 A, at 50 digits (exact rank), rounded outwards',
    ),
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
  return constantsFromExtremes(largest, smallestPositive < Infinity ? smallestPositive : undefined, exact, source);
}

/** The same constants from bounds on the spectrum: L an upper bound, mu a lower bound (valid bounds). */
function quadraticConstantBounds(bounds: SpectrumBounds, source: string): ProblemConstants {
  return constantsFromExtremes(bounds.largestUpper, bounds.smallestPositiveLower, validBound, source);
}

function constantsFromExtremes(
  largest: number,
  smallestPositive: number | undefined,
  status: (value: number, note: string) => NamedConstant,
  source: string,
): ProblemConstants {
  const t1 = `warmup-h0h1.md T1 [D]; ${source}`;
  const rhoRow = `warmup-rho-k0-krho.md 4.2 quadratic row [D]; ${source}`;
  return {
    L: status(largest, `lambda_max, ${t1}`),
    ...(smallestPositive !== undefined ? { mu: status(smallestPositive, `smallest nonzero eigenvalue (PL), ${t1}`) } : {}),
    H0: status(largest, `lambda_max, ${t1}`),
    H1: exact(0, t1),
    rho: exact(1, `any rho > 0 when Krho = 0, ${rhoRow}`),
    K0: status(largest, `lambda_max, ${rhoRow}`),
    Krho: exact(0, rhoRow),
  };
}

/** A symmetric operator M, in float64 and in BigNumber. */
interface QuadraticOperator {
  /** Writes M d into `out` and returns 1/2 d^T M d. */
  apply(difference: Float64Array, out: Float64Array): number;
  /** M as a dense row-major matrix (rounded to float64 when M is factored), formed on first use. */
  dense(): Float64Array;
  /** The same map on BigNumbers of `math`, the float64 data read exactly. */
  highPrecision(math: MathJsInstance): (difference: readonly BigNumber[]) => { product: BigNumber[]; form: BigNumber };
  /** The quadratic with this operator in double-double ball arithmetic, when the operator has such a model. */
  ballModel?(center: Float64Array, offset: number): BallModel;
}

/** M = A for a dense symmetric A: one matvec. */
function denseOperator(matrix: Float64Array, dim: number): QuadraticOperator {
  return {
    apply(difference, out) {
      matvec(matrix, dim, dim, difference, out);
      return 0.5 * dot(difference, out);
    },
    dense: () => matrix,
    highPrecision(math) {
      const entries = toBigVector(math, matrix);
      const zero = toBig(math, 0);
      return (difference) => {
        const product = difference.map((_, i) => {
          let s = zero;
          for (let j = 0; j < dim; j++) s = s.plus(entries[i * dim + j].times(difference[j]));
          return s;
        });
        let form = zero;
        for (let i = 0; i < dim; i++) form = form.plus(difference[i].times(product[i]));
        return { product, form: form.div(2) };
      };
    },
  };
}

/**
 * M = Q diag(lambda) Q^T in factored form (Q = I when absent): y = Q^T d, M d = Q (lambda o y),
 * 1/2 d^T M d = 1/2 sum_k lambda_k y_k^2.
 */
function factoredOperator(spectrum: Float64Array, basis: Float64Array | undefined): QuadraticOperator {
  const dim = spectrum.length;
  const coordinates = residentArray(dim);
  const scaled = residentArray(dim);
  let dense: Float64Array | undefined;
  return {
    apply(difference, out) {
      if (basis) matTvec(basis, dim, dim, difference, coordinates);
      else coordinates.set(difference);
      let form = 0;
      for (let k = 0; k < dim; k++) {
        scaled[k] = spectrum[k] * coordinates[k];
        form += scaled[k] * coordinates[k];
      }
      if (basis) matvec(basis, dim, dim, scaled, out);
      else out.set(scaled);
      return 0.5 * form;
    },
    dense: () => (dense ??= basis ? rotated(spectrum, basis) : diagonal(spectrum)),
    highPrecision(math) {
      const lambda = toBigVector(math, spectrum);
      const zero = toBig(math, 0);
      const times = bigMatrixTimes(math, basis, dim);
      return (difference) => {
        const y = times(difference, true);
        const scaledY = y.map((yk, k) => lambda[k].times(yk));
        let form = zero;
        for (let k = 0; k < dim; k++) form = form.plus(scaledY[k].times(y[k]));
        return { product: times(scaledY, false), form: form.div(2) };
      };
    },
    ballModel: (center, offset) => factoredBallModel(spectrum, basis, center, offset),
  };
}

/**
 * 1/2 (x-c)^T Q diag(lambda) Q^T (x-c) + offset in ball arithmetic, run in the eigencoordinates
 * y = Q^T (x - c): Q is exactly orthogonal, so the exact GD step x - eta Q (lambda o y) is
 * y_k (1 - eta lambda_k) there, the gap is 1/2 sum lambda_k y_k^2 and ||grad||^2 = sum (lambda_k y_k)^2;
 * x = c + Q y and grad = Q (lambda o y) are formed afresh at each step, so no ball is carried
 * through a product with Q (no wrapping effect) and a contracting step shrinks the balls. [D]
 */
function factoredBallModel(spectrum: Float64Array, basis: Float64Array | undefined, center: Float64Array, offset: number): BallModel {
  const dim = spectrum.length;
  const sum = new DotAccumulator();
  /** out_i = shift_i + sum_k Q[i][k] v_k (Q^T when `transpose`; Q = I without a basis). */
  const rotate = (v: BallVector, transpose: boolean, shift: Float64Array | undefined, out: BallVector): void => {
    for (let i = 0; i < dim; i++) {
      sum.reset();
      if (shift) sum.addScaled(shift[i], 1, 0, 0);
      if (!basis) sum.addScaled(1, v.hi[i], v.lo[i], v.rad[i]);
      else for (let k = 0; k < dim; k++) sum.addScaled(transpose ? basis[k * dim + i] : basis[i * dim + k], v.hi[k], v.lo[k], v.rad[k]);
      sum.finish();
      out.setResult(i);
    }
  };
  const difference = new BallVector(dim);
  const scaled = new BallVector(dim);
  const form = new DotAccumulator();
  const squares = new DotAccumulator();
  return {
    dim,
    stateDim: dim,
    start(x0, state) {
      for (let i = 0; i < dim; i++) {
        ballAdd(x0[i], 0, 0, -center[i], 0, 0);
        difference.setResult(i);
      }
      rotate(difference, true, undefined, state);
    },
    evaluate(y, { point, gradient, values }) {
      form.reset();
      squares.reset();
      for (let k = 0; k < dim; k++) {
        ballMul(spectrum[k], 0, 0, y.hi[k], y.lo[k], y.rad[k]);
        scaled.setResult(k);
        form.addProduct(scaled.hi[k], scaled.lo[k], scaled.rad[k], y.hi[k], y.lo[k], y.rad[k]);
        squares.addProduct(scaled.hi[k], scaled.lo[k], scaled.rad[k], scaled.hi[k], scaled.lo[k], scaled.rad[k]);
      }
      form.finish();
      ballScaleByPowerOfTwo(result.hi, result.lo, result.rad, -1);
      values.setResult(BALL_VALUE.gap);
      ballAdd(result.hi, result.lo, result.rad, offset, 0, 0);
      values.setResult(BALL_VALUE.f);
      squares.finish();
      values.setResult(BALL_VALUE.gradNormSquared);
      rotate(y, false, center, point);
      rotate(scaled, false, undefined, gradient);
    },
    step(y, eta, next) {
      for (let k = 0; k < dim; k++) {
        ballOneMinusProduct(eta, spectrum[k]);
        ballMul(result.hi, result.lo, result.rad, y.hi[k], y.lo[k], y.rad[k]);
        next.setResult(k);
      }
    },
  };
}

/**
 * The quadratic 1/2 (x-c)^T M (x-c) + offset for a symmetric operator M. With an offset, `gap`
 * (free of the cancellation in f - f*) reuses the quadratic form of the last `grad` call at the
 * same point, since the GD runner evaluates both at every iterate. With offset 0 there is no `gap`:
 * f - f* = (form + 0) - 0 is the form itself, bit for bit, and `grad` keeps nothing.
 */
function quadraticProblem(spec: {
  name: string;
  params: Record<string, number>;
  operator: QuadraticOperator;
  center: Float64Array;
  offset: number;
  constants: ProblemConstants;
}): Problem {
  const { operator, center, offset } = spec;
  const dim = center.length;
  const difference = residentArray(dim);
  const product = residentArray(dim);
  /** Writes M (x - c) into `out` and returns 1/2 (x-c)^T M (x-c). */
  const quadraticForm = (x: Float64Array, out: Float64Array): number => {
    subInto(x, center, difference);
    return operator.apply(difference, out);
  };
  return {
    name: spec.name,
    dim,
    params: spec.params,
    f: (x) => quadraticForm(x, product) + offset,
    ...(offset === 0
      ? { grad: (x: Float64Array, out: Float64Array) => quadraticForm(x, out) + offset }
      : gradAndGap(quadraticForm, product, offset)),
    hess(_x, out = new Float64Array(dim * dim)) {
      out.set(operator.dense());
      return out;
    },
    hvp(_x, v, out) {
      operator.apply(v, out);
    },
    fStar: offset,
    xStar: Float64Array.from(center),
    constants: spec.constants,
    highPrecision: (digits) => quadraticHighPrecision(operator, center, offset, digits),
    ...(operator.ballModel ? { ballModel: () => operator.ballModel!(center, offset) } : {}),
  };
}

/** `grad` and a `gap` that reuses the form of the last `grad` at the same point. */
function gradAndGap(
  quadraticForm: (x: Float64Array, out: Float64Array) => number,
  scratch: Float64Array,
  offset: number,
): Pick<Problem, 'grad' | 'gap'> {
  const lastGradPoint = new Float64Array(scratch.length).fill(NaN);
  let lastGradForm = 0;
  return {
    grad(x, out) {
      lastGradForm = quadraticForm(x, out);
      lastGradPoint.set(x);
      return lastGradForm + offset;
    },
    gap(x) {
      for (let i = 0; i < x.length; i++) if (x[i] !== lastGradPoint[i]) return quadraticForm(x, scratch);
      return lastGradForm;
    },
  };
}

/** The same quadratic in BigNumber arithmetic, its float64 data read exactly. */
function quadraticHighPrecision(operator: QuadraticOperator, center: Float64Array, offset: number, digits: number): HighPrecisionModel {
  const math = bigMath(digits);
  const apply = operator.highPrecision(math);
  const c = toBigVector(math, center);
  const fStar = toBig(math, offset);
  const evaluate = (x: readonly BigNumber[]) => apply(x.map((xi, i) => xi.minus(c[i])));
  return {
    digits,
    math,
    fStar,
    f: (x) => evaluate(x).form.plus(fStar),
    grad: (x) => evaluate(x).product,
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

/** Q diag(spectrum) Q^T for a row-major orthogonal Q, exactly symmetric (rounded: for `hess` only). */
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

/** Reflections in `exactOrthogonal`: each halves the denominators at most once. */
const MAX_REFLECTIONS = 40;

/**
 * A seeded orthogonal d x d matrix, row-major, that is exactly orthogonal in float64 (Q^T Q = I
 * with no rounding): a random signed permutation, then, for d >= 4, min(d, 40) Householder
 * reflections I - 1/2 v v^T with v = +-1 on four random coordinates (v^T v = 4) and another
 * signed permutation; O(d^2) work. Every entry is a dyadic rational in [-1, 1] with a denominator
 * of at most 2^40 (one halving per reflection), so its numerator fits in 53 bits and every step is
 * exact. In d <= 3 the only such matrices are signed permutations (a^2 + b^2 = 1 has no
 * other dyadic solutions), which is what d <= 3 gets.
 */
export function exactOrthogonal(dim: number, rng: Rng): Float64Array {
  let q = signedPermutation(dim, rng);
  if (dim >= 4) {
    for (let r = 0; r < Math.min(dim, MAX_REFLECTIONS); r++) {
      const [i0, i1, i2, i3] = shuffled(dim, rng);
      const [s0, s1, s2, s3] = [i0, i1, i2, i3].map(() => (rng.uniform() < 0.5 ? -1 : 1));
      const [r0, r1, r2, r3] = [i0 * dim, i1 * dim, i2 * dim, i3 * dim];
      for (let j = 0; j < dim; j++) {
        let s = 0;
        s += s0 * q[r0 + j];
        s += s1 * q[r1 + j];
        s += s2 * q[r2 + j];
        s += s3 * q[r3 + j];
        q[r0 + j] -= 0.5 * s0 * s;
        q[r1 + j] -= 0.5 * s1 * s;
        q[r2 + j] -= 0.5 * s2 * s;
        q[r3 + j] -= 0.5 * s3 * s;
      }
    }
    q = applySignedPermutation(q, dim, rng);
  }
  return q;
}

function shuffled(dim: number, rng: Rng): number[] {
  const order = Array.from({ length: dim }, (_, i) => i);
  for (let i = dim - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng.uniform() * (i + 1)));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** P for a random signed permutation: row i is +- e_perm(i), its zeros signed as sign * 0 would be. */
function signedPermutation(dim: number, rng: Rng): Float64Array {
  const out = new Float64Array(dim * dim);
  shuffled(dim, rng).forEach((source, i) => {
    const sign = rng.uniform() < 0.5 ? -1 : 1;
    if (sign < 0) out.fill(-0, i * dim, (i + 1) * dim);
    out[i * dim + source] = sign;
  });
  return out;
}

/** P q for a random signed permutation P: row i of the result is +- row perm(i) of q (exact). */
function applySignedPermutation(q: Float64Array, dim: number, rng: Rng): Float64Array {
  const out = new Float64Array(dim * dim);
  shuffled(dim, rng).forEach((source, i) => {
    const sign = rng.uniform() < 0.5 ? -1 : 1;
    for (let j = 0; j < dim; j++) out[i * dim + j] = sign * q[source * dim + j];
  });
  return out;
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
