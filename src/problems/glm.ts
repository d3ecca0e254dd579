/**
 * Ridge-regularised margin losses (warmup-h0h1.md T5 logistic, T6 exponential):
 * f(w) = (1/n) sum_i loss(y_i x_i^T w) + lambda/2 ||w||^2 as finite sums over the samples, with
 * the minimizer found by Newton's method and a gap computed from Bregman divergences, free of the
 * cancellation in f(w) - f*. The high-precision model refines the minimizer by Newton's method in
 * BigNumber arithmetic, so that its f* is exact to the digits of the replay.
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { spectralNorm } from '../linalg/dense.js';
import { dot, matTvec, matvec, norm2, residentArray, subInto } from '../linalg/kernels.js';
import { InputError } from '../util/errors.js';
import { requireMatrix, requirePositive, requireVector } from '../util/validate.js';
import { bigMath, toBig, toBigVector } from './highPrecision.js';
import {
  exact,
  validBound,
  type FiniteSumProblem,
  type HighPrecisionModel,
  type NamedConstant,
  type ProblemConstants,
} from './problem.js';

export interface MarginRidgeOptions {
  /** Features, n rows of d. */
  readonly X: ReadonlyArray<ArrayLike<number>>;
  /** Labels, each -1 or +1. */
  readonly y: ArrayLike<number>;
  /** Ridge weight, > 0 (it makes the minimizer exist). */
  readonly lambda: number;
}

/** A convex loss of the margin m = y x^T w, with its derivatives and Bregman divergence. */
interface MarginLoss {
  value(m: number): number;
  slope(m: number): number;
  curvature(m: number): number;
  /** loss(m* + delta) - loss(m*) - loss'(m*) delta, without cancellation for small delta. */
  divergence(mStar: number, delta: number): number;
  /** The loss and its derivatives in the BigNumber instance `math`. */
  highPrecision(math: MathJsInstance): HighPrecisionMarginLoss;
}

interface HighPrecisionMarginLoss {
  value(m: BigNumber): BigNumber;
  slope(m: BigNumber): BigNumber;
  curvature(m: BigNumber): BigNumber;
}

/** Below this |delta|, divergences use their Taylor series to delta^5 (truncation < 3e-15 relative). */
const SERIES_THRESHOLD = 1e-3;
const MAX_NEWTON_ITERATIONS = 200;
/** Damped Newton until the squared Newton decrement falls below this times (1 + |f|). */
const DAMPED_PHASE_DECREMENT = 1e-8;
const MAX_POLISH_ITERATIONS = 20;
/** Newton steps of the high-precision refinement of x* (from float64 accuracy, 3 reach 80 digits). */
const MAX_HIGH_PRECISION_NEWTON_ITERATIONS = 8;

/**
 * Logistic ridge regression, T5 of warmup-h0h1.md:
 * f(w) = (1/n) sum_i log(1 + e^(-y_i x_i^T w)) + lambda/2 ||w||^2, the loss as a stable softplus.
 * x* and f* = f(x*) come from Newton's method run to machine precision (f* is a computed number,
 * not an estimate in the statistical sense).
 *
 * Constants, with B = max_i ||x_i||:
 * - mu = lambda, exact: the strong-convexity modulus (inf of lambda_min of the Hessian, approached
 *   as |margins| -> infinity), hence a PL constant (T5 [D]).
 * - H0 = lambda + B^2 f*, H1 = B^2, valid bound (T5 [D], from sigma(m) sigma(-m) <= log(1 + e^-m)).
 * - L = lambda + lambda_max(X^T X) / (4n), valid bound (T5 [D], from sigma(m) sigma(-m) <= 1/4).
 */
export function logisticRidge(options: MarginRidgeOptions): FiniteSumProblem {
  return marginRidge('logisticRidge', logisticLoss, options, (data) => ({
    mu: exact(data.lambda, 'warmup-h0h1.md T5 [D]: strong-convexity modulus, a PL constant'),
    ...curvatureBoundConstants('T5', data),
    L: validBound(
      data.lambda + (data.spectralNormX * data.spectralNormX) / (4 * data.samples),
      'warmup-h0h1.md T5 [D]: lambda + lambda_max(X^T X)/(4n), loss curvature <= 1/4',
    ),
  }));
}

/**
 * Exponential-loss ridge regression, T6 of warmup-h0h1.md:
 * f(w) = (1/n) sum_i e^(-y_i x_i^T w) + lambda/2 ||w||^2, x* and f* by Newton's method as for
 * `logisticRidge`.
 *
 * Constants, with B = max_i ||x_i||:
 * - mu = lambda, valid bound: a strong-convexity modulus (T6 [D]); the exact modulus is larger
 *   unless the margins can all grow at once (separable data or n < d).
 * - H0 = lambda + B^2 f*, H1 = B^2, valid bound (T6 [D], the loss equals its own curvature).
 * - No L: the curvature is unbounded.
 */
export function exponentialRidge(options: MarginRidgeOptions): FiniteSumProblem {
  return marginRidge('exponentialRidge', exponentialLoss, options, (data) => ({
    mu: validBound(data.lambda, 'warmup-h0h1.md T6 [D]: strong-convexity modulus, a PL constant'),
    ...curvatureBoundConstants('T6', data),
  }));
}

/** What the constants of a margin-ridge instance are computed from. */
interface InstanceData {
  readonly lambda: number;
  readonly samples: number;
  /** max_i ||x_i||. */
  readonly radius: number;
  /** ||X||, the largest singular value. */
  readonly spectralNormX: number;
  readonly fStar: number;
}

function curvatureBoundConstants(row: 'T5' | 'T6', data: InstanceData): { H0: NamedConstant; H1: NamedConstant } {
  const radiusSquared = data.radius * data.radius;
  return {
    H0: validBound(data.lambda + radiusSquared * data.fStar, `warmup-h0h1.md ${row} [D]: lambda + B^2 f*, B = max ||x_i||`),
    H1: validBound(radiusSquared, `warmup-h0h1.md ${row} [D]: B^2, B = max ||x_i||`),
  };
}

function marginRidge(
  family: string,
  loss: MarginLoss,
  { X, y, lambda }: MarginRidgeOptions,
  constantsFor: (data: InstanceData) => ProblemConstants,
): FiniteSumProblem {
  const { data: features, rows: samples, cols: dim } = requireMatrix('X', X);
  const labels = requireVector('y', y, samples);
  labels.forEach((label, i) => {
    if (label !== 1 && label !== -1) throw new InputError(`y[${i}] must be -1 or +1, got ${label}`);
  });
  requirePositive('lambda', lambda);

  // Rows z_i = y_i x_i, so the margins are Z w and the loss Hessian is sum_i loss'' z_i z_i^T.
  const signed = residentArray(samples * dim);
  let radius = 0;
  for (let i = 0; i < samples; i++) {
    const row = features.subarray(i * dim, (i + 1) * dim);
    radius = Math.max(radius, norm2(row));
    for (let j = 0; j < dim; j++) signed[i * dim + j] = labels[i] * row[j];
  }
  const margins = residentArray(samples);
  const weights = residentArray(samples);
  /** z_i^T w. */
  const marginAt = (i: number, w: Float64Array): number => {
    let s = 0;
    for (let j = 0; j < dim; j++) s += signed[i * dim + j] * w[j];
    return s;
  };

  const f = (w: Float64Array): number => {
    matvec(signed, samples, dim, w, margins);
    let s = 0;
    for (let i = 0; i < samples; i++) s += loss.value(margins[i]);
    return s / samples + 0.5 * lambda * dot(w, w);
  };
  const grad = (w: Float64Array, out: Float64Array): number => {
    const value = f(w);
    for (let i = 0; i < samples; i++) weights[i] = loss.slope(margins[i]) / samples;
    matTvec(signed, samples, dim, weights, out);
    for (let j = 0; j < dim; j++) out[j] += lambda * w[j];
    return value;
  };
  const hess = (w: Float64Array, out: Float64Array = new Float64Array(dim * dim)): Float64Array => {
    out.fill(0, 0, dim * dim);
    for (let j = 0; j < dim; j++) out[j * dim + j] = lambda;
    for (let i = 0; i < samples; i++) {
      const c = loss.curvature(marginAt(i, w)) / samples;
      const base = i * dim;
      for (let j = 0; j < dim; j++) {
        const cz = c * signed[base + j];
        for (let k = j; k < dim; k++) out[j * dim + k] += cz * signed[base + k];
      }
    }
    // Mirror the upper triangle, so the Hessian is exactly symmetric.
    for (let j = 0; j < dim; j++) for (let k = 0; k < j; k++) out[j * dim + k] = out[k * dim + j];
    return out;
  };

  const xStar = newtonMinimizer(dim, f, grad, hess);
  const fStar = f(xStar);
  const marginsStar = new Float64Array(samples);
  matvec(signed, samples, dim, xStar, marginsStar);
  const difference = new Float64Array(dim);
  const highPrecisionModels = new Map<number, HighPrecisionModel>();

  return {
    name: `${family}(n=${samples},d=${dim},lambda=${lambda})`,
    dim,
    params: { n: samples, dim, lambda },
    samples,
    f,
    grad,
    gradBatch(w, indices, count, out) {
      out.fill(0);
      let s = 0;
      for (let t = 0; t < count; t++) {
        const i = indices[t];
        const m = marginAt(i, w);
        s += loss.value(m);
        const slope = loss.slope(m);
        for (let j = 0; j < dim; j++) out[j] += slope * signed[i * dim + j];
      }
      for (let j = 0; j < dim; j++) out[j] = out[j] / count + lambda * w[j];
      return s / count + 0.5 * lambda * dot(w, w);
    },
    /**
     * f(w) - f* = lambda/2 ||w - x*||^2 + (1/n) sum_i D(m*_i, z_i^T (w - x*)), every term >= 0;
     * exact up to grad f(x*) . (w - x*), which Newton's method leaves at rounding level.
     */
    gap(w) {
      subInto(w, xStar, difference);
      matvec(signed, samples, dim, difference, margins);
      let s = 0;
      for (let i = 0; i < samples; i++) s += loss.divergence(marginsStar[i], margins[i]);
      return s / samples + 0.5 * lambda * dot(difference, difference);
    },
    hess,
    hvp(w, v, out) {
      for (let i = 0; i < samples; i++) {
        weights[i] = (loss.curvature(marginAt(i, w)) * marginAt(i, v)) / samples;
      }
      matTvec(signed, samples, dim, weights, out);
      for (let j = 0; j < dim; j++) out[j] += lambda * v[j];
    },
    fStar,
    xStar,
    constants: constantsFor({ lambda, samples, radius, spectralNormX: spectralNorm(features, samples, dim), fStar }),
    highPrecision(digits) {
      let model = highPrecisionModels.get(digits);
      if (!model) {
        model = marginRidgeHighPrecision(bigMath(digits), digits, { signed, samples, dim, lambda, loss, xStar });
        highPrecisionModels.set(digits, model);
      }
      return model;
    },
  };
}

/**
 * The margin-ridge objective in BigNumber arithmetic (rows z_i = y_i x_i and lambda read exactly as
 * their float64 values), with x* refined from the float64 minimizer by Newton's method
 * until the step is below 10^-digits, and f* = f(x*): the gap f(w) - f* is then exact to the
 * precision of the replay.
 */
function marginRidgeHighPrecision(
  math: MathJsInstance,
  digits: number,
  spec: { signed: Float64Array; samples: number; dim: number; lambda: number; loss: MarginLoss; xStar: Float64Array },
): HighPrecisionModel {
  const { samples, dim } = spec;
  const rows = Array.from({ length: samples }, (_, i) => toBigVector(math, spec.signed.subarray(i * dim, (i + 1) * dim)));
  const lambda = toBig(math, spec.lambda);
  const loss = spec.loss.highPrecision(math);
  const zero = toBig(math, 0);
  const dotBig = (a: readonly BigNumber[], b: readonly BigNumber[]): BigNumber => a.reduce((s, ai, j) => s.plus(ai.times(b[j])), zero);
  const f = (w: readonly BigNumber[]): BigNumber => {
    let s = zero;
    for (const z of rows) s = s.plus(loss.value(dotBig(z, w)));
    return s.div(samples).plus(lambda.times(dotBig(w, w)).div(2));
  };
  const grad = (w: readonly BigNumber[]): BigNumber[] => {
    const out = w.map((wj) => lambda.times(wj));
    for (const z of rows) {
      const slope = loss.slope(dotBig(z, w)).div(samples);
      for (let j = 0; j < dim; j++) out[j] = out[j].plus(slope.times(z[j]));
    }
    return out;
  };
  const hess = (w: readonly BigNumber[]): BigNumber[][] => {
    const out = Array.from({ length: dim }, (_, j) => Array.from({ length: dim }, (_, k) => (j === k ? lambda : zero)));
    for (const z of rows) {
      const c = loss.curvature(dotBig(z, w)).div(samples);
      for (let j = 0; j < dim; j++) for (let k = 0; k < dim; k++) out[j][k] = out[j][k].plus(c.times(z[j]).times(z[k]));
    }
    return out;
  };
  let xStar = toBigVector(math, spec.xStar);
  const tolerance = toBig(math, 10).pow(-digits);
  for (let iteration = 0; iteration < MAX_HIGH_PRECISION_NEWTON_ITERATIONS; iteration++) {
    const step = solveBig(hess(xStar), grad(xStar));
    xStar = xStar.map((xj, j) => xj.minus(step[j]));
    if (dotBig(step, step).sqrt().lte(tolerance)) break;
  }
  const fStar = f(xStar);
  return { digits, math, fStar, f, grad, gap: (w) => f(w).minus(fStar) };
}

/** Solves A s = b for a symmetric positive definite A (Gaussian elimination, no pivoting needed). */
function solveBig(A: BigNumber[][], b: BigNumber[]): BigNumber[] {
  const n = b.length;
  const a = A.map((row) => [...row]);
  const r = [...b];
  for (let k = 0; k < n; k++) {
    for (let i = k + 1; i < n; i++) {
      const factor = a[i][k].div(a[k][k]);
      for (let j = k; j < n; j++) a[i][j] = a[i][j].minus(factor.times(a[k][j]));
      r[i] = r[i].minus(factor.times(r[k]));
    }
  }
  const s = new Array<BigNumber>(n);
  for (let i = n - 1; i >= 0; i--) {
    let v = r[i];
    for (let j = i + 1; j < n; j++) v = v.minus(a[i][j].times(s[j]));
    s[i] = v.div(a[i][i]);
  }
  return s;
}

/**
 * The minimizer of a smooth strongly convex f: damped Newton (Armijo backtracking) from 0 until the
 * squared Newton decrement is at most 1e-8 (1 + |f|), then full Newton steps while they still
 * lower ||grad f||, which ends at the rounding floor.
 */
function newtonMinimizer(
  dim: number,
  f: (w: Float64Array) => number,
  grad: (w: Float64Array, out: Float64Array) => number,
  hess: (w: Float64Array, out: Float64Array) => Float64Array,
): Float64Array {
  const w = new Float64Array(dim);
  const trial = new Float64Array(dim);
  const g = new Float64Array(dim);
  const trialGradient = new Float64Array(dim);
  const hessian = new Float64Array(dim * dim);
  const newtonStep = (): Float64Array => {
    hess(w, hessian);
    const solution = new CholeskyDecomposition(Matrix.from1DArray(dim, dim, hessian)).solve(Matrix.columnVector(g));
    return Float64Array.from(solution.getColumn(0), (v) => -v);
  };

  let value = grad(w, g);
  for (let iteration = 0; ; iteration++) {
    if (iteration === MAX_NEWTON_ITERATIONS) throw new Error(`Newton's method did not converge in ${iteration} iterations`);
    const step = newtonStep();
    const decrement = -dot(g, step);
    if (decrement <= DAMPED_PHASE_DECREMENT * (1 + Math.abs(value))) break;
    let t = 1;
    for (;;) {
      for (let j = 0; j < dim; j++) trial[j] = w[j] + t * step[j];
      if (f(trial) <= value - 0.25 * t * decrement) break;
      t /= 2;
    }
    w.set(trial);
    value = grad(w, g);
  }
  for (let iteration = 0; iteration < MAX_POLISH_ITERATIONS; iteration++) {
    const step = newtonStep();
    for (let j = 0; j < dim; j++) trial[j] = w[j] + step[j];
    grad(trial, trialGradient);
    if (!(norm2(trialGradient) < norm2(g))) break;
    w.set(trial);
    g.set(trialGradient);
  }
  return w;
}

/** 1 / (1 + e^-t), without overflow. */
function sigmoid(t: number): number {
  if (t >= 0) return 1 / (1 + Math.exp(-t));
  const e = Math.exp(t);
  return e / (1 + e);
}

/** log(1 + e^t), without overflow or loss of precision for t << 0. */
function softplus(t: number): number {
  return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
}

/**
 * loss(m) = log(1 + e^-m). Its Bregman divergence is K(-delta) + p delta, K(t) = log(1 - p + p e^t)
 * the Bernoulli(p) cumulant generating function with p = sigma(-m*); for small delta its series
 * sum_{j=2..5} kappa_j (-delta)^j / j! in the Bernoulli cumulants.
 */
const logisticLoss: MarginLoss = {
  value: (m) => softplus(-m),
  slope: (m) => -sigmoid(-m),
  curvature: (m) => sigmoid(m) * sigmoid(-m),
  divergence(mStar, delta) {
    const p = sigmoid(-mStar);
    if (Math.abs(delta) < SERIES_THRESHOLD) {
      const q = sigmoid(mStar);
      const pq = p * q;
      const t = -delta;
      const kappa2 = pq;
      const kappa3 = pq * (q - p);
      const kappa4 = pq * (1 - 6 * pq);
      const kappa5 = pq * (q - p) * (1 - 12 * pq);
      return t * t * (kappa2 / 2 + t * (kappa3 / 6 + t * (kappa4 / 24 + (t * kappa5) / 120)));
    }
    // Far from m*, where expm1 would overflow, the plain difference has nothing left to cancel.
    if (-delta > 700) return softplus(-mStar - delta) - softplus(-mStar) + p * delta;
    return Math.log1p(p * Math.expm1(-delta)) + p * delta;
  },
  highPrecision(math) {
    const one = toBig(math, 1);
    return {
      // log(1 + e^-m), through the branch whose exponential is at most 1.
      value: (m) => (m.isPositive() ? one.plus(m.neg().exp()).ln() : one.plus(m.exp()).ln().minus(m)),
      slope: (m) => one.div(one.plus(m.exp())).neg(),
      curvature: (m) => {
        const e = m.abs().neg().exp();
        return e.div(one.plus(e).pow(2));
      },
    };
  },
};

/** loss(m) = e^-m, whose Bregman divergence is e^-m* (e^t - 1 - t) with t = -delta. */
const exponentialLoss: MarginLoss = {
  value: (m) => Math.exp(-m),
  slope: (m) => -Math.exp(-m),
  curvature: (m) => Math.exp(-m),
  divergence(mStar, delta) {
    const t = -delta;
    const excess =
      Math.abs(t) < SERIES_THRESHOLD
        ? t * t * (1 / 2 + t * (1 / 6 + t * (1 / 24 + t / 120)))
        : Math.expm1(t) - t;
    return Math.exp(-mStar) * excess;
  },
  highPrecision: () => ({
    value: (m) => m.neg().exp(),
    slope: (m) => m.neg().exp().neg(),
    curvature: (m) => m.neg().exp(),
  }),
};
