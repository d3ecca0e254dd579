/**
 * The shadow model (shadowModel.ts) of the two-layer linear net with the squared loss,
 * f(W_1, W_2) = 1/2 ||W_2 W_1 X - Y||_F^2 (W_1 h x n, W_2 m x h, X n x N, Y m x N): its values and
 * gradient in double-double ball arithmetic at a point, and bounds on its Hessian's eigenvalues
 * over a ball. This module owns both and the rigorous enclosure of the minimizer P* = Y X^+ the
 * gap is measured from.
 *
 * Hessian bounds ([D], our derivation). Along a direction (A, B) (A perturbs W_1, B perturbs W_2,
 * ||A||_F^2 + ||B||_F^2 = 1), P(t) = (W_2 + tB)(W_1 + tA) = P + t (B W_1 + W_2 A) + t^2 B A, so
 *   d^2/dt^2 f = ||(B W_1 + W_2 A) X||_F^2 + 2 <R, B A X>,   R = P X - Y.
 * First term: in [0, (||B||_F ||W_1 X||_2 + ||W_2||_2 ||A||_F ||X||_2)^2], and by Cauchy-Schwarz
 * (a ||B|| + b ||A||)^2 <= a^2 + b^2, so it is at most ||W_1 X||_2^2 + ||W_2||_2^2 ||X||_2^2.
 * Second term: <R, B A X> = tr(R^T B A X) = <B A, R X^T>, and with G = R X^T (the gradient of the
 * loss in P), |<B A, G>| <= ||G||_2 ||B A||_* <= ||G||_2 ||B||_F ||A||_F <= ||G||_2 / 2. So every
 * eigenvalue of Hess f lies in [-||G||_2, ||W_1 X||_2^2 + ||W_2||_2^2 ||X||_2^2 + ||G||_2]. (The
 * cruder ||R||_F ||X||_2 in place of ||G||_2 does not vanish at a minimizer with a nonzero
 * residual, and would cost about 20 of the 30 digits over 1000 steps of the benchmark net.)
 * Over the ball ||(W_1', W_2') - (W_1, W_2)||_F <= e: ||W_1' X||_2 <= (||W_1||_F + e) ||X||_2,
 * ||W_2'||_2 <= ||W_2||_F + e, R' - R = (W_2' (W_1' - W_1) + (W_2' - W_2) W_1) X, so
 * ||G' - G||_2 <= ||R' - R||_F ||X||_2 <= e ((||W_2||_2 + e) + ||W_1||_2) ||X||_2^2. The spectral
 * norms of W_1, W_2 and G are bounded by the Frobenius norms of their balls (`ballNormUpperBound`),
 * and, when the upper side decides a step's Lipschitz constant (|1 - eta upper| > 1 + eta |lower|),
 * by `ballSpectralNormUpperBound` (within a factor k^(1/32) of the norm); ||X||_2 by the square root
 * of the rigorous bound on lambda_max(X X^T).
 *
 * The gap. When X has full row rank, l* = 1/2 ||Y (I - X^+ X)||_F^2 and f - l* = 1/2 ||(P - P*) X||_F^2
 * with P* = Y X^T (X X^T)^-1 (the cross term vanishes: (P* X - Y) X^T = 0). P* is enclosed once:
 * P~ is a float64 solve refined twice in double-double, and ||P* - P~||_F <= ||Y X^T - P~ X X^T||_F /
 * lambda_min(X X^T) = delta (the residual in balls, lambda_min from its rigorous lower bound). With
 * E = P - P~, D = E X, R~ = P~ X - Y, M = X X^T, C~ = R~ X^T and l~ = 1/2 ||R~||_F^2 (the last four
 * formed once), each step needs no product with the N samples: 1/2 ||D||^2 = 1/2 <E M, E>,
 * f = 1/2 ||D + R~||^2 = 1/2 <E M, E> + <E, C~> + l~, and the loss gradient G = R X^T = E M + C~.
 * The gap is 1/2 ||D||^2 widened by ||D|| delta ||X||_2 + (delta ||X||_2)^2 / 2: no cancellation
 * against f. When X has full column rank instead, Y = P* X is solvable, l* = 0 (P~ = 0) and the
 * gap is f itself.
 */
import { Matrix, inverse } from 'ml-matrix';
import {
  ballAdd,
  ballMatrix,
  ballMatrixProduct,
  ballNormUpperBound,
  ballScaleByPowerOfTwo,
  ballSpectralNormUpperBound,
  BallVector,
  DotAccumulator,
  result,
} from '../linalg/ddBall.js';
import { BALL_VALUE } from './ballModel.js';
import { UPWARDS, type CurvatureBounds, type ShadowModel } from './shadowModel.js';

/** Double-double refinements of the float64 solve for P*. */
const REFINEMENTS = 2;

/** The data of the squared loss, as the float64 problem stores it. */
export interface SquaredLossData {
  /** n: rows of X. */
  readonly inputDim: number;
  /** m: rows of Y. */
  readonly outputDim: number;
  /** N: columns of X and Y. */
  readonly samples: number;
  /** X, n x N row-major. */
  readonly x: Float64Array;
  /** Y, m x N row-major. */
  readonly y: Float64Array;
  /** The exact rank of X, or -1 when the float64 SVD's rank disagrees with it (then no full rank is claimed). */
  readonly rank: number;
  /** An upper bound on lambda_max(X X^T). */
  readonly gramLargestUpper: number;
  /** A lower bound on the smallest positive eigenvalue of X X^T. */
  readonly gramSmallestPositiveLower?: number;
}

/** A double matrix as exact balls. */
function exactBalls(values: ArrayLike<number>): BallVector {
  const balls = new BallVector(values.length);
  for (let i = 0; i < values.length; i++) balls.setExact(i, values[i]);
  return balls;
}

/** P* = Y X^T (X X^T)^-1 for X of full row rank, enclosed as the module comment says: P~ (exact as stored) and delta >= ||P* - P~||_F. */
function encloseMinimizer(data: SquaredLossData, gram: BallVector, target: BallVector): { approximation: BallVector; distance: number } {
  const { inputDim: n, outputDim: m } = data;
  const gramInverse = inverse(Matrix.from1DArray(n, n, Array.from(gram.hi)));
  const approximation = new BallVector(m * n);
  const fitted = new BallVector(m * n);
  const residual = new BallVector(m * n);
  const computeResidual = (): void => {
    ballMatrixProduct(m, n, n, ballMatrix(approximation, 0, n), ballMatrix(gram, 0, n), fitted);
    for (let i = 0; i < m * n; i++) {
      ballAdd(target.hi[i], target.lo[i], target.rad[i], -fitted.hi[i], -fitted.lo[i], fitted.rad[i]);
      residual.setResult(i);
    }
  };
  for (let refinement = 0; refinement <= REFINEMENTS; refinement++) {
    if (refinement > 0) computeResidual();
    const source = refinement === 0 ? target : residual;
    const correction = Matrix.from1DArray(m, n, Array.from(source.hi)).mmul(gramInverse).to1DArray();
    for (let i = 0; i < m * n; i++) {
      ballAdd(approximation.hi[i], approximation.lo[i], 0, correction[i], 0, 0);
      // P~ is whatever double-double the sum gives: it is exact as stored, radius 0.
      approximation.hi[i] = result.hi;
      approximation.lo[i] = result.lo;
    }
  }
  computeResidual();
  const distance = (ballNormUpperBound(residual) / data.gramSmallestPositiveLower!) * UPWARDS;
  return { approximation, distance };
}

/** Whether X has exactly full row rank (with a positive lower bound on lambda_min(X X^T)). */
function hasFullRowRank(data: SquaredLossData): boolean {
  return data.rank === data.inputDim && data.gramSmallestPositiveLower !== undefined && data.gramSmallestPositiveLower > 0;
}

/** Whether the gap f - l* of the squared loss `data` can be enclosed: X of full row or column rank, exactly. */
export function gapEnclosable(data: SquaredLossData): boolean {
  return hasFullRowRank(data) || data.rank === data.samples;
}

/**
 * The shadow model of the two-layer net of width `hidden` on the squared loss `data`, whose gap
 * must be enclosable (`gapEnclosable`) and whose bottleneck must not bind (f* = l*).
 */
export function twoLayerSquaredLossShadowModel(data: SquaredLossData, hidden: number): ShadowModel {
  const { inputDim: n, outputDim: m, samples } = data;
  const fullRowRank = hasFullRowRank(data);
  const h = hidden;
  const firstSize = h * n;
  const dim = firstSize + m * h;
  const X = exactBalls(data.x);
  const Y = exactBalls(data.y);
  const xNorm = Math.sqrt(data.gramLargestUpper) * UPWARDS;
  // M = X X^T and Y X^T, then P~, R~ = P~ X - Y, C~ = R~ X^T and l~ = 1/2 ||R~||_F^2, all once.
  const gram = new BallVector(n * n);
  ballMatrixProduct(n, n, samples, ballMatrix(X, 0, samples), ballMatrix(X, 0, samples, true), gram);
  const target = new BallVector(m * n);
  ballMatrixProduct(m, n, samples, ballMatrix(Y, 0, samples), ballMatrix(X, 0, samples, true), target);
  const minimizer = fullRowRank ? encloseMinimizer(data, gram, target) : { approximation: new BallVector(m * n), distance: 0 };
  const minimizerSpread = minimizer.distance * xNorm * UPWARDS;
  const fittedResidual = new BallVector(m * samples);
  ballMatrixProduct(m, samples, n, ballMatrix(minimizer.approximation, 0, n), ballMatrix(X, 0, samples), fittedResidual);
  for (let i = 0; i < m * samples; i++) {
    ballAdd(fittedResidual.hi[i], fittedResidual.lo[i], fittedResidual.rad[i], -data.y[i], 0, 0);
    fittedResidual.setResult(i);
  }
  const fittedGradient = new BallVector(m * n);
  ballMatrixProduct(m, n, samples, ballMatrix(fittedResidual, 0, samples), ballMatrix(X, 0, samples, true), fittedGradient);
  const sum = new DotAccumulator();
  /** sum_i a_i b_i over two ball vectors of the same length, into `result` via `sum`. */
  const dot = (a: BallVector, b: BallVector): void => {
    sum.reset();
    for (let i = 0; i < a.length; i++) sum.addProduct(a.hi[i], a.lo[i], a.rad[i], b.hi[i], b.lo[i], b.rad[i]);
    sum.finish();
  };
  dot(fittedResidual, fittedResidual);
  ballScaleByPowerOfTwo(result.hi, result.lo, result.rad, -1);
  const fittedValue = { hi: result.hi, lo: result.lo, rad: result.rad };
  const E = new BallVector(m * n);
  const G = new BallVector(m * n);
  /** Bounds on ||W_1||_2, ||W_2||_2 and ||G||_2 at the point last evaluated (Frobenius, or spectral once `tightened`). */
  const norms = { first: 0, second: 0, lossGradient: 0 };
  let tightened = false;
  /** The point last evaluated (a copy: the caller owns `point`). */
  const lastPoint = new BallVector(dim);
  /** The Hessian bounds of the module comment over the ball of `radius`. */
  const curvature = ({ first: w1, second: w2, lossGradient: g }: typeof norms, radius: number): CurvatureBounds => {
    const first = w1 + radius;
    const second = w2 + radius;
    const lossGradient = (g + radius * (second + w1) * xNorm * xNorm) * UPWARDS;
    const upper = ((first * first + second * second) * xNorm * xNorm + lossGradient) * UPWARDS;
    return { lower: -lossGradient, upper };
  };

  return {
    dim,
    evaluate(point, gradient, values) {
      // E = W_2 W_1 - P~, then E M (in G).
      ballMatrixProduct(m, n, h, ballMatrix(point, firstSize, h), ballMatrix(point, 0, n), E);
      const Pt = minimizer.approximation;
      for (let i = 0; i < m * n; i++) {
        ballAdd(E.hi[i], E.lo[i], E.rad[i], -Pt.hi[i], -Pt.lo[i], 0);
        E.setResult(i);
      }
      ballMatrixProduct(m, n, n, ballMatrix(E, 0, n), ballMatrix(gram, 0, n), G);
      // 1/2 ||D||^2 = 1/2 <E M, E>, and f = 1/2 ||D||^2 + <E, C~> + l~.
      dot(G, E);
      ballScaleByPowerOfTwo(result.hi, result.lo, result.rad, -1);
      const halfD = { hi: result.hi, lo: result.lo, rad: result.rad };
      sum.reset();
      for (let i = 0; i < m * n; i++) sum.addProduct(E.hi[i], E.lo[i], E.rad[i], fittedGradient.hi[i], fittedGradient.lo[i], fittedGradient.rad[i]);
      sum.addScaled(1, halfD.hi, halfD.lo, halfD.rad);
      sum.addScaled(1, fittedValue.hi, fittedValue.lo, fittedValue.rad);
      sum.finish();
      values.setResult(BALL_VALUE.f);
      if (fullRowRank) {
        const dNorm = Math.sqrt(2 * (Math.abs(halfD.hi) + Math.abs(halfD.lo) + halfD.rad)) * UPWARDS;
        const spread = (dNorm * minimizerSpread + (minimizerSpread * minimizerSpread) / 2) * UPWARDS;
        values.hi[BALL_VALUE.gap] = halfD.hi;
        values.lo[BALL_VALUE.gap] = halfD.lo;
        values.rad[BALL_VALUE.gap] = (halfD.rad + spread) * UPWARDS;
      } else {
        values.hi[BALL_VALUE.gap] = values.hi[BALL_VALUE.f];
        values.lo[BALL_VALUE.gap] = values.lo[BALL_VALUE.f];
        values.rad[BALL_VALUE.gap] = values.rad[BALL_VALUE.f];
      }
      // G = R X^T = E M + C~; grad W_1 = W_2^T G, grad W_2 = G W_1^T.
      for (let i = 0; i < m * n; i++) {
        ballAdd(G.hi[i], G.lo[i], G.rad[i], fittedGradient.hi[i], fittedGradient.lo[i], fittedGradient.rad[i]);
        G.setResult(i);
      }
      ballMatrixProduct(h, n, m, ballMatrix(point, firstSize, h, true), ballMatrix(G, 0, n), gradient, 0);
      ballMatrixProduct(m, h, n, ballMatrix(G, 0, n), ballMatrix(point, 0, n, true), gradient, firstSize);
      dot(gradient, gradient);
      values.setResult(BALL_VALUE.gradNormSquared);
      norms.first = ballNormUpperBound(point, 0, firstSize);
      norms.second = ballNormUpperBound(point, firstSize, dim);
      norms.lossGradient = ballNormUpperBound(G);
      tightened = false;
      lastPoint.hi.set(point.hi);
      lastPoint.lo.set(point.lo);
      lastPoint.rad.set(point.rad);
    },
    curvatureOver(radius, step): CurvatureBounds {
      const crude = curvature(norms, radius);
      if (step === undefined || Math.abs(1 - step * crude.upper) <= 1 + step * Math.abs(crude.lower)) return crude;
      // The upper side decides the step's Lipschitz constant: spectral norms in place of Frobenius.
      if (!tightened) {
        norms.first = Math.min(norms.first, ballSpectralNormUpperBound(lastPoint, 0, h, n));
        norms.second = Math.min(norms.second, ballSpectralNormUpperBound(lastPoint, firstSize, m, h));
        norms.lossGradient = Math.min(norms.lossGradient, ballSpectralNormUpperBound(G, 0, m, n));
        tightened = true;
      }
      return curvature(norms, radius);
    },
  };
}
