/**
 * Small multilayer perceptrons on a fixed data set: one or more hidden layers with tanh, ReLU or
 * leaky-ReLU activations, a linear output layer, the MSE or softmax cross-entropy loss averaged
 * over samples, optional L2 (warmup-h0h1.md Prop. 3.3 for the two-layer CE + L2 case). This module
 * owns the forward pass, the exact gradient (backpropagation), the exact Hessian-vector product
 * (Pearlmutter's R-operator), the dense Hessian (R-operator on unit vectors), minibatch gradients
 * and a seeded initializer.
 *
 * Model: F(x) = W_L phi(W_{L-1} ... phi(W_1 x)), without biases, like the linear nets and the
 * models of the theory digests (a first-layer bias is a constant-1 row appended to X).
 * Packing (layers.ts): x = W_1 row-major, then W_2, ..., then W_L, with layer widths
 * [inputs, h_1, ..., outputs]. Prop. 3.3 writes the two-layer model as W_1 phi(W_2 x): its W_2 is
 * our W_1.
 */
import { gemm, residentArray, residentCopy } from '../linalg/kernels.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import {
  requireDimension,
  requireInRange,
  requireInteger,
  requireMatrix,
  requireNonNegative,
  requireVector,
} from '../util/validate.js';
import {
  denseHessianFromHvp,
  gatherColumns,
  layerOffsets,
  readLayers,
  writeLayers,
  type MatrixRows,
} from './layers.js';
import type { FiniteSumProblem, NamedConstant } from './problem.js';
import { validBound } from './problem.js';

const ACTIVATIONS = ['tanh', 'relu', 'leakyRelu'] as const;
export type MlpActivation = (typeof ACTIVATIONS)[number];

export interface MlpCommonOptions {
  /** Inputs, one sample per column: inputDim x N. */
  readonly X: MatrixRows;
  /** Hidden widths h_1, ... (the theory uses one or two hidden layers). */
  readonly hidden: readonly number[];
  readonly activation: MlpActivation;
  /** Slope of leaky ReLU for negative inputs, in [0, 1]; default 0.01. Only with 'leakyRelu'. */
  readonly leakySlope?: number;
  /** Weight of (l2 / 2) ||x||^2; default 0. */
  readonly l2?: number;
}

export type MlpOptions = MlpCommonOptions &
  (
    | {
        /** (1/N) sum_j 1/2 ||F(x_j) - y_j||^2. */
        readonly loss: 'mse';
        /** Targets, outputDim x N. */
        readonly Y: MatrixRows;
      }
    | {
        /** (1/N) sum_j -log softmax(F(x_j))_{y_j}. */
        readonly loss: 'crossEntropy';
        /** Class labels, integers in [0, classes), one per sample. */
        readonly Y: ArrayLike<number>;
        /** Number of classes (outputs); default max label + 1, at least 2. */
        readonly classes?: number;
      }
  );

export interface MlpProblem extends FiniteSumProblem {
  /** The layer widths inputDim, h_1, ..., outputDim, which fix the packing of x (layers.ts). */
  readonly layerWidths: readonly number[];
  /** How fStar is known: here only as a lower bound on inf f. */
  readonly fStarInfo: NamedConstant;
}

const DEFAULT_LEAKY_SLOPE = 0.01;

/**
 * f(W) = (1/N) sum_j loss(F(x_j), y_j) + (l2/2) ||W||^2, a finite sum over the N samples (each
 * term carries the whole L2 term).
 *
 * Known: fStar = 0 is only a lower bound on inf f (status 'valid bound'): inf f = 0 needs an
 * interpolating net (MSE) or margins growing without bound (cross-entropy, never attained) and
 * no L2; with l2 > 0, inf f > 0 is unknown. No constants: the (H0, H1) bounds of Prop. 3.3 belong
 * to bounds/. ReLU and leaky ReLU use phi'(0) = phi'(0-) and the a.e. second derivative 0, so
 * gradients and Hessians are exact away from the kinks.
 */
export function mlp(options: MlpOptions): MlpProblem {
  const inputs = requireMatrix('X', options.X);
  const inputDim = inputs.rows;
  const samples = inputs.cols;
  const { hidden } = options;
  if (!Array.isArray(hidden) || hidden.length === 0) {
    throw new InputError('hidden must be a non-empty array of hidden widths');
  }
  hidden.forEach((width, i) => requireDimension(`hidden[${i}]`, width));
  const activation = pointwiseActivation(options.activation, options.leakySlope);
  const l2 = requireNonNegative('l2', options.l2 ?? 0);
  const output = outputLoss(options, samples);
  const layerWidths = [inputDim, ...hidden, output.outputDim];
  const widthParams = Object.fromEntries(hidden.map((w, i) => [`width${i + 1}`, w]));
  const description: MlpDescription = {
    name: `mlp(${layerWidths.join('-')},${options.activation},${options.loss},l2=${l2},N=${samples})`,
    params: {
      inputDim,
      outputDim: output.outputDim,
      hiddenLayers: hidden.length,
      ...widthParams,
      samples,
      l2,
      ...(activation.leakySlope === undefined ? {} : { leakySlope: activation.leakySlope }),
    },
    fStarInfo: validBound(
      0,
      l2 > 0
        ? 'lower bound on inf f > 0 (value unknown with L2)'
        : options.loss === 'mse'
          ? 'lower bound on inf f; equal to it iff some net interpolates the data'
          : 'lower bound on inf f; cross-entropy is positive, so 0 is at most approached (data separable by the net)',
    ),
  };
  return buildMlp(description, layerWidths, residentCopy(inputs.data), samples, activation, output, l2);
}

/**
 * x0 for an MLP: W_l entries i.i.d. N(0, scale^2 / d_{l-1}) (fan-in scaling), drawn layer by layer
 * in packing order from `new Rng(seed)`.
 */
export function mlpInitialWeights(problem: MlpProblem, seed: number, scale = 1): Float64Array {
  requireNonNegative('scale', scale);
  const rng = new Rng(seed);
  const { layerWidths } = problem;
  const offsets = layerOffsets(layerWidths);
  const x = new Float64Array(problem.dim);
  for (let l = 0; l + 1 < layerWidths.length; l++) {
    const sigma = scale / Math.sqrt(layerWidths[l]);
    for (let i = offsets[l]; i < offsets[l + 1]; i++) x[i] = sigma * rng.normal();
  }
  return x;
}

/** phi, phi' and phi'' at z, given a = phi(z). */
interface PointwiseActivation {
  readonly leakySlope?: number;
  value(z: number): number;
  slope(z: number, a: number): number;
  curvature(z: number, a: number): number;
}

function pointwiseActivation(kind: MlpActivation, leakySlope: number | undefined): PointwiseActivation {
  if (!ACTIVATIONS.includes(kind)) {
    throw new InputError(`activation must be one of ${ACTIVATIONS.join(', ')}, got ${JSON.stringify(kind)}`);
  }
  if (kind !== 'leakyRelu' && leakySlope !== undefined) {
    throw new InputError(`leakySlope applies only to activation 'leakyRelu', got activation '${kind}'`);
  }
  switch (kind) {
    case 'tanh':
      return {
        value: Math.tanh,
        slope: (_z, a) => 1 - a * a,
        curvature: (_z, a) => -2 * a * (1 - a * a),
      };
    case 'relu':
      return { value: (z) => (z > 0 ? z : 0), slope: (z) => (z > 0 ? 1 : 0), curvature: () => 0 };
    case 'leakyRelu': {
      const slope = requireInRange('leakySlope', leakySlope ?? DEFAULT_LEAKY_SLOPE, 0, 1);
      return {
        leakySlope: slope,
        value: (z) => (z > 0 ? z : slope * z),
        slope: (z) => (z > 0 ? 1 : slope),
        curvature: () => 0,
      };
    }
  }
}

/**
 * The loss of the output matrix O (outputDim x cols, one column per sample), averaged over the
 * columns; `targets` is targetRows x cols (targets for MSE, one row of labels for cross-entropy).
 */
interface OutputLoss {
  readonly outputDim: number;
  readonly targetRows: number;
  /** The data set's targets, targetRows x N. */
  readonly targets: Float64Array;
  value(O: Float64Array, targets: Float64Array, cols: number): number;
  /** Writes dLoss/dO into `delta` and returns the loss. */
  gradient(O: Float64Array, targets: Float64Array, cols: number, delta: Float64Array): number;
  /** Writes the derivative of dLoss/dO along dO (the R-operator) into `out`. */
  curvature(O: Float64Array, targets: Float64Array, cols: number, dO: Float64Array, out: Float64Array): void;
}

function outputLoss(options: MlpOptions, samples: number): OutputLoss {
  switch (options.loss) {
    case 'mse': {
      const targets = requireMatrix('Y', options.Y);
      if (targets.cols !== samples) {
        throw new InputError(`Y must have ${samples} columns (one per sample, like X), got ${targets.cols}`);
      }
      return meanSquaredError(targets.rows, targets.data);
    }
    case 'crossEntropy': {
      const labels = requireVector('Y', options.Y, samples);
      labels.forEach((label, j) => requireInteger(`Y[${j}]`, label, 0));
      const classes = requireInteger('classes', options.classes ?? Math.max(...labels) + 1, 2);
      labels.forEach((label, j) => {
        if (label >= classes) throw new InputError(`Y[${j}] must be a class label below classes=${classes}, got ${label}`);
      });
      return softmaxCrossEntropy(classes, labels);
    }
    default: {
      const loss: unknown = (options as { loss: unknown }).loss;
      throw new InputError(`loss must be 'mse' or 'crossEntropy', got ${JSON.stringify(loss)}`);
    }
  }
}

function meanSquaredError(outputDim: number, targets: Float64Array): OutputLoss {
  return {
    outputDim,
    targetRows: outputDim,
    targets,
    value(O, T, cols) {
      let sum = 0;
      for (let i = 0; i < outputDim * cols; i++) sum += (O[i] - T[i]) ** 2;
      return (0.5 * sum) / cols;
    },
    gradient(O, T, cols, delta) {
      let sum = 0;
      for (let i = 0; i < outputDim * cols; i++) {
        const r = O[i] - T[i];
        delta[i] = r / cols;
        sum += r * r;
      }
      return (0.5 * sum) / cols;
    },
    curvature(_O, _T, cols, dO, out) {
      for (let i = 0; i < outputDim * cols; i++) out[i] = dO[i] / cols;
    },
  };
}

function softmaxCrossEntropy(classes: number, labels: Float64Array): OutputLoss {
  const probabilities = new Float64Array(classes);

  /** Softmax of column j of O into `probabilities`; returns log-sum-exp of the column. */
  function softmaxColumn(O: Float64Array, cols: number, j: number): number {
    let max = -Infinity;
    for (let i = 0; i < classes; i++) max = Math.max(max, O[i * cols + j]);
    let sum = 0;
    for (let i = 0; i < classes; i++) {
      const e = Math.exp(O[i * cols + j] - max);
      probabilities[i] = e;
      sum += e;
    }
    for (let i = 0; i < classes; i++) probabilities[i] /= sum;
    return max + Math.log(sum);
  }

  return {
    outputDim: classes,
    targetRows: 1,
    targets: labels,
    value(O, T, cols) {
      let sum = 0;
      for (let j = 0; j < cols; j++) sum += softmaxColumn(O, cols, j) - O[T[j] * cols + j];
      return sum / cols;
    },
    gradient(O, T, cols, delta) {
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        sum += softmaxColumn(O, cols, j) - O[T[j] * cols + j];
        for (let i = 0; i < classes; i++) delta[i * cols + j] = (probabilities[i] - (i === T[j] ? 1 : 0)) / cols;
      }
      return sum / cols;
    },
    curvature(O, _T, cols, dO, out) {
      // (diag(p) - p p^T) dO per column.
      for (let j = 0; j < cols; j++) {
        softmaxColumn(O, cols, j);
        let mean = 0;
        for (let i = 0; i < classes; i++) mean += probabilities[i] * dO[i * cols + j];
        for (let i = 0; i < classes; i++) out[i * cols + j] = (probabilities[i] * (dO[i * cols + j] - mean)) / cols;
      }
    },
  };
}

type MlpDescription = Pick<MlpProblem, 'name' | 'params' | 'fStarInfo'>;

function buildMlp(
  description: MlpDescription,
  layerWidths: number[],
  data: Float64Array,
  samples: number,
  activation: PointwiseActivation,
  loss: OutputLoss,
  l2: number,
): MlpProblem {
  const depth = layerWidths.length - 1;
  const offsets = layerOffsets(layerWidths);
  const dim = offsets[depth];
  const layerSize = (l: number) => layerWidths[l + 1] * layerWidths[l];
  const byColumns = (l: number) => residentArray(layerWidths[l + 1] * samples);
  const perLayer = <T>(make: (l: number) => T): T[] => layerWidths.slice(1).map((_, l) => make(l));

  const weights = perLayer((l) => residentArray(layerSize(l)));
  const directions = perLayer((l) => residentArray(layerSize(l)));
  const layerOut = perLayer((l) => residentArray(layerSize(l)));
  // Per layer, one column per sample: pre-activations Z, activations A = phi(Z) (hidden layers),
  // dLoss/dZ, and their derivatives along the direction (R-operator).
  const pre = perLayer(byColumns);
  const post = perLayer(byColumns);
  const delta = perLayer(byColumns);
  const dPre = perLayer(byColumns);
  const dPost = perLayer(byColumns);
  const dDelta = perLayer(byColumns);
  const outputs = pre[depth - 1];
  const batchInputs = residentArray(layerWidths[0] * samples);
  const batchTargets = new Float64Array(loss.targetRows * samples);

  const layerInput = (l: number, inputs: Float64Array) => (l === 0 ? inputs : post[l - 1]);

  function forward(x: Float64Array, inputs: Float64Array, cols: number): void {
    readLayers(x, offsets, weights);
    for (let l = 0; l < depth; l++) {
      const rows = layerWidths[l + 1];
      gemm(rows, cols, layerWidths[l], 1, weights[l], false, layerInput(l, inputs), false, 0, pre[l]);
      if (l === depth - 1) break;
      const z = pre[l];
      const a = post[l];
      for (let i = 0; i < rows * cols; i++) a[i] = activation.value(z[i]);
    }
  }

  /** R-operator forward pass: derivatives of Z and A along v (after `forward`). */
  function tangentForward(v: Float64Array, inputs: Float64Array, cols: number): void {
    readLayers(v, offsets, directions);
    for (let l = 0; l < depth; l++) {
      const rows = layerWidths[l + 1];
      const inner = layerWidths[l];
      gemm(rows, cols, inner, 1, directions[l], false, layerInput(l, inputs), false, 0, dPre[l]);
      if (l > 0) gemm(rows, cols, inner, 1, weights[l], false, dPost[l - 1], false, 1, dPre[l]);
      if (l === depth - 1) break;
      for (let i = 0; i < rows * cols; i++) dPost[l][i] = activation.slope(pre[l][i], post[l][i]) * dPre[l][i];
    }
  }

  /**
   * Backpropagation from delta[L-1] = dLoss/dO: writes the weight gradient into `out`, or with
   * `tangent` its derivative along the direction (from dDelta[L-1], after `tangentForward`).
   */
  function backward(inputs: Float64Array, cols: number, tangent: boolean, out: Float64Array): void {
    for (let l = depth - 1; l >= 0; l--) {
      const rows = layerWidths[l + 1];
      const inner = layerWidths[l];
      const input = layerInput(l, inputs);
      if (tangent) {
        gemm(rows, inner, cols, 1, dDelta[l], false, input, true, 0, layerOut[l]);
        if (l > 0) gemm(rows, inner, cols, 1, delta[l], false, dPost[l - 1], true, 1, layerOut[l]);
      } else {
        gemm(rows, inner, cols, 1, delta[l], false, input, true, 0, layerOut[l]);
      }
      if (l === 0) break;
      // dLoss/dA of the layer below, then dLoss/dZ = phi'(Z) dLoss/dA (and their derivatives).
      const below = delta[l - 1];
      const dBelow = dDelta[l - 1];
      gemm(inner, cols, rows, 1, weights[l], true, delta[l], false, 0, below);
      if (tangent) {
        gemm(inner, cols, rows, 1, directions[l], true, delta[l], false, 0, dBelow);
        gemm(inner, cols, rows, 1, weights[l], true, dDelta[l], false, 1, dBelow);
      }
      const z = pre[l - 1];
      const a = post[l - 1];
      const dz = dPre[l - 1];
      for (let i = 0; i < inner * cols; i++) {
        const slope = activation.slope(z[i], a[i]);
        if (tangent) dBelow[i] = activation.curvature(z[i], a[i]) * dz[i] * below[i] + slope * dBelow[i];
        below[i] *= slope;
      }
    }
    writeLayers(layerOut, offsets, out);
  }

  function penalty(x: Float64Array): number {
    let sum = 0;
    for (let i = 0; i < dim; i++) sum += x[i] * x[i];
    return 0.5 * l2 * sum;
  }

  /** Value and gradient of the average over `cols` columns of (inputs, targets). */
  function valueAndGradient(
    x: Float64Array,
    inputs: Float64Array,
    targets: Float64Array,
    cols: number,
    out: Float64Array,
  ): number {
    forward(x, inputs, cols);
    const value = loss.gradient(outputs, targets, cols, delta[depth - 1]);
    backward(inputs, cols, false, out);
    for (let i = 0; i < dim; i++) out[i] += l2 * x[i];
    return value + penalty(x);
  }

  function hvp(x: Float64Array, v: Float64Array, out: Float64Array): void {
    forward(x, data, samples);
    tangentForward(v, data, samples);
    loss.gradient(outputs, loss.targets, samples, delta[depth - 1]);
    loss.curvature(outputs, loss.targets, samples, dPre[depth - 1], dDelta[depth - 1]);
    backward(data, samples, true, out);
    for (let i = 0; i < dim; i++) out[i] += l2 * v[i];
  }

  return {
    ...description,
    dim,
    layerWidths,
    samples,
    f(x) {
      forward(x, data, samples);
      return loss.value(outputs, loss.targets, samples) + penalty(x);
    },
    grad: (x, out) => valueAndGradient(x, data, loss.targets, samples, out),
    gradBatch(x, indices, count, out) {
      gatherColumns(data, layerWidths[0], samples, indices, count, batchInputs);
      gatherColumns(loss.targets, loss.targetRows, samples, indices, count, batchTargets);
      return valueAndGradient(x, batchInputs, batchTargets, count, out);
    },
    hess: (x, out) => denseHessianFromHvp(dim, hvp, x, out),
    hvp,
    fStar: description.fStarInfo.value,
    constants: {},
  };
}
