/**
 * Linear networks f(W_1, ..., W_L) = l(W_L ... W_1): a loss l of the end-to-end matrix
 * P = W_L ... W_1 (m x n) composed with L >= 2 weight matrices (local-pl-linear-nets.md §1,
 * large-lr-impossibility.md §3.3 E3, E3'). This module owns the `ProductLoss` interface, the
 * built-in squared and whitened losses, one implementation of f, its gradient, its exact
 * Hessian-vector product (forward and backward passes of the product and their directional
 * derivatives) and dense Hessian for every depth, and the closed-form optimal value.
 *
 * Packing (layers.ts): x = W_1 row-major, then W_2, ..., then W_L, with layer widths
 * [n, d_1, ..., d_{L-1}, m] and W_l of shape d_l x d_{l-1}. For two layers: W_1 (h x n), then
 * W_2 (m x h).
 *
 * High precision. When the loss has a BigNumber model (both built-in losses do), so does the net:
 * the same forward and backward passes as matrix products in mathjs BigNumber arithmetic, for the
 * certification replays of src/gd/runHighPrecision.ts. A two-layer net on the squared loss also has
 * a double-double shadow model (linearNetShadow.ts) when its gap f - l* can be enclosed.
 *
 * Constants. f itself has no global L and no global PL constant (local-pl-linear-nets.md §3.1), so
 * a net's `constants` is empty. The loss's own constants, the digest's K (smoothness of l) and mu
 * (PL constant of l), are in `net.loss.constants` as L and mu: they are l's, not f's.
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { dot, gemm, residentArray, residentCopy } from '../linalg/kernels.js';
import { BroadcastLanes, gemmLanes, gemmRunsJavaScript, halfSquaredNormLanes, LaneScratch } from '../linalg/lanes.js';
import { InputError } from '../util/errors.js';
import { requireDimension, requireMatrix } from '../util/validate.js';
import {
  denseHessianFromHvp,
  gatherColumns,
  layerOffsets,
  readLayers,
  writeLayers,
  type MatrixRows,
} from './layers.js';
import { bigMath, toBig, toBigVector } from './highPrecision.js';
import type { FiniteSumProblem, HighPrecisionModel, NamedConstant, Problem, ProblemConstants } from './problem.js';
import { exact, validBound } from './problem.js';
import { gramSpectrumBounds } from './spectrumBounds.js';
import { gapEnclosable, twoLayerSquaredLossShadowModel, type SquaredLossData } from './linearNetShadow.js';
import type { ShadowModel } from './shadowModel.js';

/** The data of each `squaredLoss`, for the shadow model of its two-layer nets. */
const squaredLossData = new WeakMap<ProductLoss, SquaredLossData>();

/** The infimum of a product loss over matrices of bounded rank, and how it is known. */
export interface ProductLossMinimum {
  /** inf { l(P) : rank P <= rank }, with its status and provenance. */
  readonly value: NamedConstant;
  /** A P attaining it, when known. */
  readonly minimizer?: Float64Array;
  /** l(P) - value computed without cancellation, when the loss can. */
  readonly gap?: (P: Float64Array) => number;
  /** `gap` at lanes 0..count-1 of a lane matrix P, into out[p], each bitwise as `gap`. */
  readonly gapLanes?: (P: readonly Float64Array[], count: number, out: Float64Array) => void;
}

/** The infimum of a product loss over matrices of bounded rank, in BigNumber arithmetic. */
export interface HighPrecisionProductLossMinimum {
  readonly value: BigNumber;
  /** l(P) - value without cancellation, when the minimizer is computable at this precision. */
  readonly gap?: (P: readonly BigNumber[]) => BigNumber;
}

/** A product loss in mathjs BigNumber arithmetic (P row-major, outputDim x inputDim). */
export interface HighPrecisionProductLoss {
  readonly math: MathJsInstance;
  value(P: readonly BigNumber[]): BigNumber;
  grad(P: readonly BigNumber[]): BigNumber[];
  minimumOverRank(rank: number): HighPrecisionProductLossMinimum;
}

/**
 * A loss l of the end-to-end matrix P (outputDim x inputDim, row-major). Its methods write into
 * caller-owned buffers and allocate nothing.
 */
export interface ProductLoss {
  readonly name: string;
  readonly inputDim: number;
  readonly outputDim: number;
  readonly params: Readonly<Record<string, number>>;
  value(P: Float64Array): number;
  /** Writes grad l(P) into `out` and returns l(P). */
  grad(P: Float64Array, out: Float64Array): number;
  /** `grad` at lanes 0..count-1 of lane matrices (src/linalg/lanes.ts), l(P) into value[p], each bitwise as `grad`. */
  gradLanes?(P: readonly Float64Array[], count: number, out: readonly Float64Array[], value: Float64Array): void;
  /** Writes the second derivative of l at P along dP, (D^2 l(P))[dP], into `out`. */
  hvp(P: Float64Array, dP: Float64Array, out: Float64Array): void;
  /** The infimum over products of rank <= rank (a net's bottleneck width bounds its rank). */
  minimumOverRank(rank: number): ProductLossMinimum;
  /** l's own constants: L (the local-PL digest's K) and mu (PL constant of l). Not f's. */
  readonly constants: ProblemConstants;
  /** The same loss at `digits` significant digits, its float64 data read exactly. */
  highPrecision?(digits: number): HighPrecisionProductLoss;
}

/** A product loss that is an average of `samples` terms, for minibatch gradients. */
export interface FiniteSumProductLoss extends ProductLoss {
  readonly samples: number;
  /** Writes the gradient in P of the average of terms indices[0..count) into `out`; returns that average. */
  gradBatch(P: Float64Array, indices: Int32Array, count: number, out: Float64Array): number;
}

export interface LinearNetProblem extends Problem {
  /** [n, d_1, ..., d_{L-1}, m]: the packing of x (layers.ts). */
  readonly layerWidths: readonly number[];
  readonly loss: ProductLoss;
  /** How fStar is known: its value, status and provenance. */
  readonly fStarInfo: NamedConstant;
}

export type FiniteSumLinearNetProblem = LinearNetProblem & FiniteSumProblem;

export interface LinearNetOptions<Loss extends ProductLoss = ProductLoss> {
  readonly inputDim: number;
  readonly outputDim: number;
  /** Hidden widths d_1, ..., d_{L-1}: at least one. */
  readonly widths: readonly number[];
  readonly loss: Loss;
}

/**
 * l(P) = 1/2 ||Y - P X||_F^2 for data X (n x N, samples as columns) and Y (m x N), the canonical
 * loss of local-pl-linear-nets.md §1. As a finite sum, l = (1/N) sum_j l_j with
 * l_j = (N/2) ||P x_j - y_j||^2, so a minibatch gradient over all samples is the full gradient.
 *
 * Constants of l, valid bounds (within an ulp) for the float64 X as stored: L = lambda_max(X X^T)
 * (the digest's K) and mu = the smallest nonzero eigenvalue of X X^T, from X X^T formed exactly, its
 * exact rank and its eigenvalues at 50 digits (`gramSpectrumBounds`); mu is absent when X = 0. Minimum over rank <= k: reduced-rank regression,
 * the best rank-k approximation of Y V_X (X = U_X S_X V_X^T) mapped back by S_X^{-1} U_X^T; when k
 * is at least the rank of Y X^+ this is l* = 1/2 ||Y (I - X^+ X)||_F^2 at P* = Y X^+, and the gap
 * l(P) - l* = 1/2 ||(P - P*) X||_F^2 is computed without cancellation.
 *
 * High precision (`highPrecision`): l and its gradient in BigNumber; when the minimum is l* and X
 * has full row or column rank, P* = Y X^+ is recomputed at that precision (X^+ = X^T (X X^T)^-1 or
 * (X^T X)^-1 X^T) and the gap is 1/2 ||(P - P*) X||_F^2 again; otherwise (a bottleneck below the
 * rank of Y X^+, or a rank-deficient X of full neither rank) the minimum is the float64 value.
 */
export function squaredLoss(X: MatrixRows, Y: MatrixRows): FiniteSumProductLoss {
  const inputs = requireMatrix('X', X);
  const targets = requireMatrix('Y', Y);
  const n = inputs.rows;
  const m = targets.rows;
  const samples = inputs.cols;
  if (targets.cols !== samples) {
    throw new InputError(`Y must have ${samples} columns (one per sample, like X), got ${targets.cols}`);
  }
  const x = residentCopy(inputs.data);
  const y = targets.data;
  const gram = residentArray(n * n);
  gemm(n, n, samples, 1, x, false, x, true, 0, gram);
  const residual = residentArray(m * samples);
  const batchInputs = residentArray(n * samples);
  /** -Y: the residual starts from it and the product adds P X onto it (no pass of its own for the difference). */
  const negatedTargets = y.map((value) => -value);

  /**
   * residual <- P X - Y over the first `cols` columns, where residual holds the matching columns of
   * -Y on entry and `inputsData` those of X; returns 1/2 ||residual||^2.
   */
  function addProduct(P: Float64Array, cols: number, inputsData: Float64Array): number {
    gemm(m, cols, n, 1, P, false, inputsData, false, 1, residual);
    return 0.5 * dot(residual, residual, m * cols);
  }

  /** residual <- P X - Y over every sample; returns l(P). */
  function fillResidual(P: Float64Array): number {
    residual.set(negatedTargets);
    return addProduct(P, samples, x);
  }

  // Lane-wise (src/linalg/lanes.ts) when gemm runs the JavaScript kernel at these shapes.
  const onLanes = gemmRunsJavaScript(m, samples, n) && gemmRunsJavaScript(m, n, samples);
  const xLanes = new BroadcastLanes(x);
  const laneScratch = new LaneScratch();
  const residualScratch = new LaneScratch();
  /** `fillResidual` at lanes 0..count-1 (all samples): residual lanes into the returned arrays, 1/2 ||residual||^2 into value. */
  function fillResidualLanes(P: readonly Float64Array[], count: number, value: Float64Array): Float64Array[] {
    const residualLanes = residualScratch.arrays(m * samples, count);
    for (let e = 0; e < m * samples; e++) residualLanes[e].fill(negatedTargets[e], 0, count);
    gemmLanes(m, samples, n, 1, P, false, xLanes.at(count), false, 1, residualLanes, count, laneScratch);
    halfSquaredNormLanes(residualLanes, m * samples, undefined, count, value, 'dot');
    return residualLanes;
  }

  const svdX = new SingularValueDecomposition(Matrix.from1DArray(n, samples, x), { autoTranspose: true });
  const rankX = svdX.rank;
  const sigmaX = svdX.diagonal;
  const gramBounds = gramSpectrumBounds(x, n, samples, 'rows');
  const source = 'X X^T formed exactly from the float64 X, its exact rank, eigenvalues at 50 digits rounded outwards';
  const constants: ProblemConstants = {
    L: validBound(gramBounds.largestUpper, `local-pl-linear-nets.md §1: K = lambda_max(X X^T), smoothness of l (not of f); ${source}`),
    ...(gramBounds.smallestPositiveLower !== undefined
      ? { mu: validBound(gramBounds.smallestPositiveLower, `local-pl-linear-nets.md §1: smallest nonzero eigenvalue of X X^T, PL constant of l (not of f); ${source}`) }
      : {}),
  };

  /**
   * P X depends on P only through P U_X S_X, so the best P of rank <= k maps the best rank-k fit
   * of Y V_X (m x rank X, a truncated SVD) back by S_X^{-1} U_X^T.
   */
  function reducedRankRegression(rank: number): { minimizer: Float64Array; truncated: boolean } {
    if (rankX === 0) return { minimizer: new Float64Array(m * n), truncated: false };
    const kept = range(rankX);
    const projected = Matrix.from1DArray(m, samples, y).mmul(svdX.rightSingularVectors.subMatrixColumn(kept));
    const { approximation, truncated } = bestRankApproximation(projected, rank);
    const inverseScaling = Matrix.diag(sigmaX.slice(0, rankX).map((s) => 1 / s));
    const backToP = inverseScaling.mmul(svdX.leftSingularVectors.subMatrixColumn(kept).transpose());
    return { minimizer: toArray(approximation.mmul(backToP)), truncated };
  }

  const loss: FiniteSumProductLoss = {
    name: `squared(n=${n},m=${m},N=${samples})`,
    inputDim: n,
    outputDim: m,
    params: { samples },
    samples,
    constants,
    value: fillResidual,
    grad(P, out) {
      const value = fillResidual(P);
      gemm(m, n, samples, 1, residual, false, x, true, 0, out);
      return value;
    },
    hvp(_P, dP, out) {
      gemm(m, n, n, 1, dP, false, gram, false, 0, out);
    },
    ...(onLanes
      ? {
          gradLanes(P: readonly Float64Array[], count: number, out: readonly Float64Array[], value: Float64Array) {
            const residualLanes = fillResidualLanes(P, count, value);
            gemmLanes(m, n, samples, 1, residualLanes, false, xLanes.at(count), true, 0, out, count, laneScratch);
          },
        }
      : {}),
    gradBatch(P, indices, count, out) {
      gatherColumns(x, n, samples, indices, count, batchInputs);
      gatherColumns(negatedTargets, m, samples, indices, count, residual);
      const scale = samples / count;
      const value = addProduct(P, count, batchInputs);
      gemm(m, n, count, scale, residual, false, batchInputs, true, 0, out);
      return scale * value;
    },
    highPrecision: (digits) => squaredLossHighPrecision(bigMath(digits), { n, m, samples, x, y, rankX }, loss.minimumOverRank),
    minimumOverRank(rank) {
      const { minimizer, truncated } = reducedRankRegression(rank);
      const value = loss.value(minimizer);
      if (truncated) {
        return {
          value: exact(value, `inf over rank <= ${rank} products: reduced-rank regression (Eckart-Young on Y V_X)`),
          minimizer,
        };
      }
      const difference = residentArray(m * n);
      const differenceScratch = new LaneScratch();
      return {
        value: exact(value, 'l* = 1/2 ||Y (I - X^+ X)||_F^2 at P* = Y X^+ (local-pl-linear-nets.md §1)'),
        minimizer,
        ...(onLanes
          ? {
              gapLanes(P: readonly Float64Array[], count: number, out: Float64Array) {
                const differenceLanes = differenceScratch.arrays(m * n, count);
                for (let i = 0; i < m * n; i++) {
                  const Pi = P[i];
                  const di = differenceLanes[i];
                  const mi = minimizer[i];
                  for (let p = 0; p < count; p++) di[p] = Pi[p] - mi;
                }
                const residualLanes = residualScratch.arrays(m * samples, count);
                gemmLanes(m, samples, n, 1, differenceLanes, false, xLanes.at(count), false, 0, residualLanes, count, laneScratch);
                halfSquaredNormLanes(residualLanes, m * samples, undefined, count, out, 'dot');
              },
            }
          : {}),
        gap(P) {
          for (let i = 0; i < m * n; i++) difference[i] = P[i] - minimizer[i];
          gemm(m, samples, n, 1, difference, false, x, false, 0, residual);
          return 0.5 * dot(residual, residual);
        },
      };
    },
  };
  squaredLossData.set(loss, {
    inputDim: n,
    outputDim: m,
    samples,
    x: Float64Array.from(x),
    y: Float64Array.from(y),
    // The float64 minimum and the exact enclosure must agree on the rank of X.
    rank: gramBounds.rank === rankX ? rankX : -1,
    gramLargestUpper: gramBounds.largestUpper,
    ...(gramBounds.smallestPositiveLower !== undefined ? { gramSmallestPositiveLower: gramBounds.smallestPositiveLower } : {}),
  });
  return loss;
}

/**
 * l(P) = 1/2 ||P - Phi||_F^2: the whitened loss of large-lr-impossibility.md §3.3 E3 and E3'
 * (equal up to a constant to the squared loss with (1/N) X X^T = I and Phi = (1/N) Y X^T).
 * Constants of l: L = mu = 1 (its Hessian is the identity). Minimum over rank <= k:
 * 1/2 sum_{i>k} sigma_i(Phi)^2 at the truncated SVD of Phi (Eckart-Young); 0 at Phi when
 * k >= rank Phi. High precision: l, its gradient, and the minimum 0 with gap l itself when
 * k >= rank Phi (else the float64 minimum).
 */
export function whitenedLoss(Phi: MatrixRows): ProductLoss {
  const target = requireMatrix('Phi', Phi);
  const m = target.rows;
  const n = target.cols;
  const phi = target.data;
  const loss: ProductLoss = {
    name: `whitened(m=${m},n=${n})`,
    inputDim: n,
    outputDim: m,
    params: {},
    constants: {
      L: exact(1, 'large-lr-impossibility.md §3.3 E3: Hessian of l is the identity, so l (not f) is 1-smooth'),
      mu: exact(1, 'large-lr-impossibility.md §3.3 E3: l (not f) is 1-strongly convex, hence 1-PL'),
    },
    value(P) {
      let sum = 0;
      for (let i = 0; i < m * n; i++) sum += (P[i] - phi[i]) ** 2;
      return 0.5 * sum;
    },
    grad(P, out) {
      let sum = 0;
      for (let i = 0; i < m * n; i++) {
        const d = P[i] - phi[i];
        out[i] = d;
        sum += d * d;
      }
      return 0.5 * sum;
    },
    gradLanes(P, count, out, value) {
      const residualLanes = out;
      for (let i = 0; i < m * n; i++) {
        const Pi = P[i];
        const oi = residualLanes[i];
        const phiI = phi[i];
        for (let p = 0; p < count; p++) oi[p] = Pi[p] - phiI;
      }
      halfSquaredNormLanes(residualLanes, m * n, undefined, count, value);
    },
    hvp(_P, dP, out) {
      out.set(dP);
    },
    highPrecision(digits) {
      const math = bigMath(digits);
      const target = toBigVector(math, phi);
      const value = (P: readonly BigNumber[]): BigNumber => halfSquaredNorm(math, P.map((p, i) => p.minus(target[i])));
      return {
        math,
        value,
        grad: (P) => P.map((p, i) => p.minus(target[i])),
        minimumOverRank(rank) {
          const float64 = loss.minimumOverRank(rank);
          // The minimum is 0 exactly when Phi itself has rank <= rank (not truncated); then l is the gap.
          if (float64.value.value === 0) return { value: toBig(math, 0), gap: value };
          return { value: toBig(math, float64.value.value) };
        },
      };
    },
    minimumOverRank(rank) {
      const { approximation, truncated } = bestRankApproximation(Matrix.from1DArray(m, n, phi), rank);
      if (!truncated) return { value: exact(0, 'attained at P = Phi'), minimizer: Float64Array.from(phi) };
      const minimizer = toArray(approximation);
      return {
        value: exact(loss.value(minimizer), `inf over rank <= ${rank}: 1/2 sum_{i>${rank}} sigma_i(Phi)^2 (Eckart-Young)`),
        minimizer,
      };
    },
  };
  return loss;
}

/**
 * f = l(W_L ... W_1) with hidden widths `widths` (L = widths.length + 1 layers).
 *
 * Known: fStar = inf over products of rank <= min(widths) of l (`loss.minimumOverRank`), e.g.
 * l* exactly when the bottleneck width is at least the rank of a minimizer of l (always when
 * min(widths) >= min(m, n)); xStar = the balanced factorization (`balancedFactorization`) of that
 * minimizer, one point of a manifold of minimizers. f has no global constants (see the module
 * comment); l's are in `loss.constants`. A finite-sum loss makes a finite-sum problem.
 */
export function linearNetWithLoss(options: LinearNetOptions<FiniteSumProductLoss>): FiniteSumLinearNetProblem;
export function linearNetWithLoss(options: LinearNetOptions): LinearNetProblem;
export function linearNetWithLoss(options: LinearNetOptions): LinearNetProblem {
  const inputDim = requireDimension('inputDim', options.inputDim);
  const outputDim = requireDimension('outputDim', options.outputDim);
  const { widths, loss } = options;
  if (!Array.isArray(widths) || widths.length === 0) {
    throw new InputError('widths must be a non-empty array of hidden widths');
  }
  widths.forEach((width, i) => requireDimension(`widths[${i}]`, width));
  if (loss === null || typeof loss !== 'object' || typeof loss.grad !== 'function') {
    throw new InputError('loss must be a ProductLoss');
  }
  if (loss.inputDim !== inputDim) {
    throw new InputError(`inputDim must equal the loss's input dimension ${loss.inputDim}, got ${inputDim}`);
  }
  if (loss.outputDim !== outputDim) {
    throw new InputError(`outputDim must equal the loss's output dimension ${loss.outputDim}, got ${outputDim}`);
  }
  return buildLinearNet([inputDim, ...widths, outputDim], loss);
}

/**
 * f(W_1, W_2) = 1/2 ||W_2 W_1 X - Y||_F^2 with W_1 (hidden x n), W_2 (m x hidden); X is n x N with
 * samples as columns, Y is m x N. The two-layer case of `deepLinearNet`; see `squaredLoss` for
 * the constants of l and `linearNetWithLoss` for fStar and xStar.
 */
export function twoLayerLinearNet(options: {
  readonly X: MatrixRows;
  readonly Y: MatrixRows;
  readonly hidden: number;
}): FiniteSumLinearNetProblem {
  return deepLinearNet({ X: options.X, Y: options.Y, widths: [requireDimension('hidden', options.hidden)] });
}

/**
 * f(W_1, ..., W_L) = 1/2 ||W_L ... W_1 X - Y||_F^2 with hidden widths `widths` (L - 1 of them);
 * see `squaredLoss` for the constants of l and `linearNetWithLoss` for fStar and xStar.
 */
export function deepLinearNet(options: {
  readonly X: MatrixRows;
  readonly Y: MatrixRows;
  readonly widths: readonly number[];
}): FiniteSumLinearNetProblem {
  const loss = squaredLoss(options.X, options.Y);
  return linearNetWithLoss({ inputDim: loss.inputDim, outputDim: loss.outputDim, widths: options.widths, loss });
}

/**
 * Packed weights (layers.ts) of the balanced factorization of P (m x n, row-major) through layer
 * widths [n, d_1, ..., m]: with P = U S V^T, W_1 = E S^(1/L) V^T, W_l = E S^(1/L) E^T,
 * W_L = U S^(1/L) E^T (E an identity block), so W_{l+1}^T W_{l+1} = W_l W_l^T. For a whitened
 * loss these are the minimizers of least sharpness (large-lr-impossibility.md §3.3 E3').
 * Needs rank P <= every hidden width.
 */
export function balancedFactorization(layerWidths: readonly number[], P: Float64Array): Float64Array {
  if (!Array.isArray(layerWidths) || layerWidths.length < 3) {
    throw new InputError('layerWidths must list the input, at least one hidden and the output width');
  }
  layerWidths.forEach((width, i) => requireDimension(`layerWidths[${i}]`, width));
  const depth = layerWidths.length - 1;
  const n = layerWidths[0];
  const m = layerWidths[depth];
  if (P.length !== m * n) throw new InputError(`P must have ${m} x ${n} entries, got ${P.length}`);
  const svd = new SingularValueDecomposition(Matrix.from1DArray(m, n, P), { autoTranspose: true });
  const bottleneck = Math.min(...layerWidths.slice(1, depth));
  if (svd.rank > bottleneck) {
    throw new InputError(`P has rank ${svd.rank}, more than the smallest hidden width ${bottleneck}`);
  }
  const kept = Math.min(bottleneck, svd.diagonal.length);
  const root = svd.diagonal.slice(0, kept).map((s) => s ** (1 / depth));
  const left = svd.leftSingularVectors;
  const right = svd.rightSingularVectors;
  const offsets = layerOffsets(layerWidths);
  const x = new Float64Array(offsets[depth]);
  for (let l = 0; l < depth; l++) {
    const rows = layerWidths[l + 1];
    const cols = layerWidths[l];
    for (let k = 0; k < kept; k++) {
      // Row side: U for the last layer, else the identity block; column side: V for the first.
      for (let r = 0; r < rows; r++) {
        const rowFactor = l === depth - 1 ? left.get(r, k) : r === k ? 1 : 0;
        if (rowFactor === 0) continue;
        for (let c = 0; c < cols; c++) {
          const colFactor = l === 0 ? right.get(c, k) : c === k ? 1 : 0;
          x[offsets[l] + r * cols + c] += rowFactor * root[k] * colFactor;
        }
      }
    }
  }
  return x;
}

function buildLinearNet(layerWidths: number[], loss: ProductLoss): LinearNetProblem {
  const depth = layerWidths.length - 1;
  const n = layerWidths[0];
  const offsets = layerOffsets(layerWidths);
  const dim = offsets[depth];
  const layerSize = (l: number) => layerWidths[l + 1] * layerWidths[l];
  const rowsBy = (l: number) => residentArray(layerWidths[l + 1] * n);

  const weights = layerWidths.slice(1).map((_, l) => residentArray(layerSize(l)));
  const directions = layerWidths.slice(1).map((_, l) => residentArray(layerSize(l)));
  const layerOut = layerWidths.slice(1).map((_, l) => residentArray(layerSize(l)));
  // products[l] = W_{l+1} ... W_1 (d_{l+1} x n), dProducts its derivative along the direction;
  // the first is W_1 itself. back[l] = (W_L ... W_{l+2})^T grad l(P), dBack its derivative.
  const products = weights.map((w, l) => (l === 0 ? w : rowsBy(l)));
  const dProducts = directions.map((v, l) => (l === 0 ? v : rowsBy(l)));
  const back = weights.map((_, l) => rowsBy(l));
  const dBack = weights.map((_, l) => rowsBy(l));
  const P = products[depth - 1];
  const dP = dProducts[depth - 1];
  const lossGrad = back[depth - 1];

  /** Loads x and computes the products; returns P. */
  function forward(x: Float64Array): Float64Array {
    readLayers(x, offsets, weights);
    for (let l = 1; l < depth; l++) {
      gemm(layerWidths[l + 1], n, layerWidths[l], 1, weights[l], false, products[l - 1], false, 0, products[l]);
    }
    return P;
  }

  /**
   * P at x: from `forward(x)`, unless x is already loaded (the GD runner asks for the gap right after
   * the gradient). The check compares four entries per test, which halves its time on a net's
   * thousands of weights.
   */
  function productAt(x: Float64Array): Float64Array {
    for (let l = 0; l < depth; l++) {
      const layer = weights[l];
      const start = offsets[l];
      const length = layer.length;
      let i = 0;
      for (; i + 3 < length; i += 4) {
        const k = start + i;
        if (layer[i] !== x[k] || layer[i + 1] !== x[k + 1] || layer[i + 2] !== x[k + 2] || layer[i + 3] !== x[k + 3]) return forward(x);
      }
      for (; i < length; i++) if (layer[i] !== x[start + i]) return forward(x);
    }
    return P;
  }

  /** Loads v and computes the derivatives of the products along it (after `forward`). */
  function tangentForward(v: Float64Array): void {
    readLayers(v, offsets, directions);
    for (let l = 1; l < depth; l++) {
      const rows = layerWidths[l + 1];
      const inner = layerWidths[l];
      gemm(rows, n, inner, 1, directions[l], false, products[l - 1], false, 0, dProducts[l]);
      gemm(rows, n, inner, 1, weights[l], false, dProducts[l - 1], false, 1, dProducts[l]);
    }
  }

  /** grad W_l = back[l] products[l-1]^T (back[0] for W_1), from lossGrad = grad l(P). */
  function backward(out: Float64Array): void {
    for (let l = depth - 1; l >= 0; l--) {
      const rows = layerWidths[l + 1];
      const cols = layerWidths[l];
      if (l === 0) {
        layerOut[0].set(back[0]);
        break;
      }
      gemm(rows, cols, n, 1, back[l], false, products[l - 1], true, 0, layerOut[l]);
      gemm(cols, n, rows, 1, weights[l], true, back[l], false, 0, back[l - 1]);
    }
    writeLayers(layerOut, offsets, out);
  }

  /** The derivative of `backward` along the direction, from lossGrad and its derivative dBack[L-1]. */
  function tangentBackward(out: Float64Array): void {
    for (let l = depth - 1; l >= 0; l--) {
      const rows = layerWidths[l + 1];
      const cols = layerWidths[l];
      if (l === 0) {
        layerOut[0].set(dBack[0]);
        break;
      }
      gemm(rows, cols, n, 1, dBack[l], false, products[l - 1], true, 0, layerOut[l]);
      gemm(rows, cols, n, 1, back[l], false, dProducts[l - 1], true, 1, layerOut[l]);
      gemm(cols, n, rows, 1, weights[l], true, back[l], false, 0, back[l - 1]);
      gemm(cols, n, rows, 1, directions[l], true, back[l], false, 0, dBack[l - 1]);
      gemm(cols, n, rows, 1, weights[l], true, dBack[l], false, 1, dBack[l - 1]);
    }
    writeLayers(layerOut, offsets, out);
  }

  function grad(x: Float64Array, out: Float64Array): number {
    const value = loss.grad(forward(x), lossGrad);
    backward(out);
    return value;
  }

  function hvp(x: Float64Array, v: Float64Array, out: Float64Array): void {
    forward(x);
    tangentForward(v);
    loss.grad(P, lossGrad);
    loss.hvp(P, dP, dBack[depth - 1]);
    tangentBackward(out);
  }

  const bottleneck = Math.min(...layerWidths.slice(1, depth));
  const minimum = loss.minimumOverRank(bottleneck);
  const lossGap = minimum.gap;

  // `grad` lane-wise (src/linalg/lanes.ts), when the loss has it and gemm runs the JavaScript kernel at every shape here.
  const laneShapes = layerWidths.slice(1).flatMap((rows, l) => (l === 0 ? [] : [[rows, n, layerWidths[l]], [rows, layerWidths[l], n], [layerWidths[l], n, rows]]));
  const lossGradLanes = loss.gradLanes?.bind(loss);
  const gapLanes = lossGap ? minimum.gapLanes : undefined;
  const onLanes = lossGradLanes !== undefined && (!lossGap || gapLanes !== undefined) && laneShapes.every(([a, b, c]) => gemmRunsJavaScript(a, b, c));
  const laneScratch = new LaneScratch();
  const productScratch = layerWidths.slice(1).map(() => new LaneScratch());
  const backScratch = layerWidths.slice(1).map(() => new LaneScratch());

  /** `grad` (and the gap) at lanes 0..count-1: the passes of `forward` and `backward` on lane matrices. */
  function gradLanes(x: readonly Float64Array[], count: number, g: readonly Float64Array[], fOut: Float64Array, gapOut: Float64Array): void {
    const layer = (arrays: readonly Float64Array[], l: number): Float64Array[] => arrays.slice(offsets[l], offsets[l + 1]);
    const productLanes: Float64Array[][] = [layer(x, 0)];
    for (let l = 1; l < depth; l++) {
      const rows = layerWidths[l + 1];
      productLanes.push(productScratch[l].arrays(rows * n, count));
      gemmLanes(rows, n, layerWidths[l], 1, layer(x, l), false, productLanes[l - 1], false, 0, productLanes[l], count, laneScratch);
    }
    const backLanes = layerWidths.slice(1).map((rows, l) => backScratch[l].arrays(rows * n, count));
    lossGradLanes!(productLanes[depth - 1], count, backLanes[depth - 1], fOut);
    for (let l = depth - 1; l > 0; l--) {
      const rows = layerWidths[l + 1];
      const cols = layerWidths[l];
      gemmLanes(rows, cols, n, 1, backLanes[l], false, productLanes[l - 1], true, 0, layer(g, l), count, laneScratch);
      gemmLanes(cols, n, rows, 1, layer(x, l), true, backLanes[l], false, 0, backLanes[l - 1], count, laneScratch);
    }
    layer(g, 0).forEach((gradient, e) => gradient.set(backLanes[0][e].subarray(0, count)));
    if (gapLanes) gapLanes(productLanes[depth - 1], count, gapOut);
    else for (let p = 0; p < count; p++) gapOut[p] = fOut[p] - minimum.value.value;
  }
  const widthParams = Object.fromEntries(layerWidths.slice(1, depth).map((w, l) => [`width${l + 1}`, w]));
  const net: LinearNetProblem = {
    name: `linearNet(${layerWidths.join('-')},${loss.name})`,
    dim,
    params: { inputDim: n, outputDim: layerWidths[depth], depth, ...widthParams, ...loss.params },
    layerWidths,
    loss,
    f: (x) => loss.value(forward(x)),
    grad,
    ...(onLanes ? { gradLanes } : {}),
    ...(lossGap ? { gap: (x: Float64Array) => lossGap(productAt(x)) } : {}),
    hess: (x, out) => denseHessianFromHvp(dim, hvp, x, out),
    hvp,
    fStar: minimum.value.value,
    fStarInfo: minimum.value,
    ...(minimum.minimizer ? { xStar: balancedFactorization(layerWidths, minimum.minimizer) } : {}),
    constants: {},
    ...(loss.highPrecision ? { highPrecision: highPrecisionModels(layerWidths, loss.highPrecision, bottleneck) } : {}),
    ...(lossGap ? shadowModelOf(layerWidths, loss) : {}),
  };
  if (!isFiniteSumLoss(loss)) return net;
  const finiteSum: FiniteSumLinearNetProblem = {
    ...net,
    samples: loss.samples,
    gradBatch(x, indices, count, out) {
      const value = loss.gradBatch(forward(x), indices, count, lossGrad);
      backward(out);
      return value;
    },
  };
  return finiteSum;
}

/** A row-major BigNumber matrix. */
interface BigMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: BigNumber[];
}

/** op(A) op(B) in BigNumber arithmetic (op: the transpose when asked). */
function bigProduct(math: MathJsInstance, a: BigMatrix, transA: boolean, b: BigMatrix, transB: boolean): BigMatrix {
  const rows = transA ? a.cols : a.rows;
  const inner = transA ? a.rows : a.cols;
  const cols = transB ? b.rows : b.cols;
  const at = (i: number, p: number) => (transA ? a.data[p * a.cols + i] : a.data[i * a.cols + p]);
  const bt = (p: number, j: number) => (transB ? b.data[j * b.cols + p] : b.data[p * b.cols + j]);
  const data: BigNumber[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let sum = toBig(math, 0);
      for (let p = 0; p < inner; p++) sum = sum.plus(at(i, p).times(bt(p, j)));
      data.push(sum);
    }
  }
  return { rows, cols, data };
}

function halfSquaredNorm(math: MathJsInstance, values: readonly BigNumber[]): BigNumber {
  let sum = toBig(math, 0);
  for (const v of values) sum = sum.plus(v.times(v));
  return sum.div(2);
}

/** The inverse of a small square BigNumber matrix (mathjs `inv`, at the instance's precision). */
function bigInverse(math: MathJsInstance, a: BigMatrix): BigMatrix {
  const rows = Array.from({ length: a.rows }, (_, i) => a.data.slice(i * a.cols, (i + 1) * a.cols));
  return { rows: a.rows, cols: a.cols, data: (math.inv(rows) as BigNumber[][]).flat() };
}

/** `squaredLoss` in BigNumber arithmetic; `float64Minimum` is the float64 loss's minimum, for the fallback. */
function squaredLossHighPrecision(
  math: MathJsInstance,
  data: { n: number; m: number; samples: number; x: Float64Array; y: Float64Array; rankX: number },
  float64Minimum: (rank: number) => ProductLossMinimum,
): HighPrecisionProductLoss {
  const { n, m, samples } = data;
  const X: BigMatrix = { rows: n, cols: samples, data: toBigVector(math, data.x) };
  const Y: BigMatrix = { rows: m, cols: samples, data: toBigVector(math, data.y) };
  /** P X - Y. */
  const residual = (P: readonly BigNumber[]): BigMatrix => {
    const fitted = bigProduct(math, { rows: m, cols: n, data: [...P] }, false, X, false);
    return { rows: m, cols: samples, data: fitted.data.map((v, i) => v.minus(Y.data[i])) };
  };
  const value = (P: readonly BigNumber[]): BigNumber => halfSquaredNorm(math, residual(P).data);
  /** X^+ (samples x n) when X has full row or column rank. */
  const pseudoInverseOfX = (): BigMatrix | undefined => {
    if (data.rankX === n) return bigProduct(math, X, true, bigInverse(math, bigProduct(math, X, false, X, true)), false);
    if (data.rankX === samples) return bigProduct(math, bigInverse(math, bigProduct(math, X, true, X, false)), false, X, true);
    return undefined;
  };
  return {
    math,
    value,
    grad: (P) => bigProduct(math, residual(P), false, X, true).data,
    minimumOverRank(rank) {
      const float64 = float64Minimum(rank);
      const inverse = float64.gap ? pseudoInverseOfX() : undefined;
      if (!inverse) return { value: toBig(math, float64.value.value) };
      const minimizer = bigProduct(math, Y, false, inverse, false).data;
      return {
        value: value(minimizer),
        gap: (P) => halfSquaredNorm(math, bigProduct(math, { rows: m, cols: n, data: P.map((p, i) => p.minus(minimizer[i])) }, false, X, false).data),
      };
    },
  };
}

/** The net's BigNumber models, one per precision, built once (replays ask for one per run). */
function highPrecisionModels(
  layerWidths: readonly number[],
  lossModel: (digits: number) => HighPrecisionProductLoss,
  bottleneck: number,
): (digits: number) => HighPrecisionModel {
  const models = new Map<number, HighPrecisionModel>();
  return (digits) => {
    let model = models.get(digits);
    if (!model) {
      model = linearNetHighPrecision(layerWidths, lossModel(digits), bottleneck, digits);
      models.set(digits, model);
    }
    return model;
  };
}

/**
 * The net in BigNumber arithmetic: forward products W_{l+1} ... W_1, the loss model's gradient G,
 * then grad W_l = (W_L ... W_{l+1})^T G (W_{l-1} ... W_1)^T, as in the float64 passes.
 */
function linearNetHighPrecision(
  layerWidths: readonly number[],
  lossModel: HighPrecisionProductLoss,
  bottleneck: number,
  digits: number,
): HighPrecisionModel {
  const { math } = lossModel;
  const depth = layerWidths.length - 1;
  const offsets = layerOffsets(layerWidths);
  const minimum = lossModel.minimumOverRank(bottleneck);
  const layers = (x: readonly BigNumber[]): BigMatrix[] =>
    layerWidths.slice(1).map((rows, l) => ({ rows, cols: layerWidths[l], data: x.slice(offsets[l], offsets[l + 1]) }));
  /** products[l] = W_{l+1} ... W_1. */
  const forward = (weights: readonly BigMatrix[]): BigMatrix[] => {
    const products = [weights[0]];
    for (let l = 1; l < depth; l++) products.push(bigProduct(math, weights[l], false, products[l - 1], false));
    return products;
  };
  const endToEnd = (x: readonly BigNumber[]): BigNumber[] => forward(layers(x))[depth - 1].data;
  return {
    digits,
    math,
    fStar: minimum.value,
    f: (x) => lossModel.value(endToEnd(x)),
    grad(x) {
      const weights = layers(x);
      const products = forward(weights);
      const P = products[depth - 1];
      // back = (W_L ... W_{l+2})^T G for the current l, starting from G itself.
      let back: BigMatrix = { rows: P.rows, cols: P.cols, data: lossModel.grad(P.data) };
      const gradients: BigNumber[][] = [];
      for (let l = depth - 1; l > 0; l--) {
        gradients[l] = bigProduct(math, back, false, products[l - 1], true).data;
        back = bigProduct(math, weights[l], true, back, false);
      }
      gradients[0] = back.data;
      return gradients.flat();
    },
    ...(minimum.gap ? { gap: (x: readonly BigNumber[]) => minimum.gap!(endToEnd(x)) } : {}),
  };
}

/** The shadow model of a two-layer net on a `squaredLoss` whose gap it can enclose (linearNetShadow.ts), when there is one. */
function shadowModelOf(layerWidths: readonly number[], loss: ProductLoss): { shadowModel?: () => ShadowModel } {
  const data = squaredLossData.get(loss);
  if (!data || layerWidths.length !== 3) return {};
  return gapEnclosable(data) ? { shadowModel: () => twoLayerSquaredLossShadowModel(data, layerWidths[1]) } : {};
}

function isFiniteSumLoss(loss: ProductLoss): loss is FiniteSumProductLoss {
  return typeof (loss as Partial<FiniteSumProductLoss>).gradBatch === 'function';
}

/**
 * The best approximation of M of rank <= rank (truncated SVD, Eckart-Young); `truncated` is false,
 * and M returned as is, when M's numerical rank is already <= rank.
 */
function bestRankApproximation(M: Matrix, rank: number): { approximation: Matrix; truncated: boolean } {
  if (M.columns === 0) return { approximation: M, truncated: false };
  const svd = new SingularValueDecomposition(M, { autoTranspose: true });
  if (svd.rank <= rank) return { approximation: M, truncated: false };
  const left = svd.leftSingularVectors.subMatrixColumn(range(rank));
  const right = svd.rightSingularVectors.subMatrixColumn(range(rank));
  return { approximation: left.mmul(Matrix.diag(svd.diagonal.slice(0, rank))).mmul(right.transpose()), truncated: true };
}

function range(count: number): number[] {
  return Array.from({ length: count }, (_, i) => i);
}

function toArray(M: Matrix): Float64Array {
  return Float64Array.from(M.to1DArray());
}
