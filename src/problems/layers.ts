/**
 * What the layered network families (linear nets, MLPs) share: the packing of their weight
 * matrices into one parameter vector, column gathering for minibatches, and dense Hessians
 * assembled from an exact Hessian-vector product.
 *
 * Packing convention. A network with layer widths [d_0, d_1, ..., d_L] (input d_0, output d_L)
 * has weights W_1 (d_1 x d_0), ..., W_L (d_L x d_{L-1}); x holds W_1 row-major, then W_2
 * row-major, ..., then W_L row-major, so entry (r, c) of W_l is x[offset_l + r * d_{l-1} + c].
 */
import { InputError } from '../util/errors.js';
import { requireDimension, requireMatrix } from '../util/validate.js';

/** A dense matrix given as rows, as in JSON. */
export type MatrixRows = ReadonlyArray<ArrayLike<number>>;

/** Start of each layer's block in the packed vector, plus the total length as the last entry. */
export function layerOffsets(layerWidths: readonly number[]): number[] {
  const offsets = [0];
  for (let l = 1; l < layerWidths.length; l++) {
    offsets.push(offsets[l - 1] + layerWidths[l] * layerWidths[l - 1]);
  }
  return offsets;
}

/** Number of weights of a network with these layer widths. */
export function parameterCount(layerWidths: readonly number[]): number {
  const offsets = layerOffsets(layerWidths);
  return offsets[offsets.length - 1];
}

/**
 * Packs weight matrices, each given as rows (W_1 first), into one vector; checks every shape
 * against `layerWidths` = [d_0, ..., d_L].
 */
export function packLayers(layerWidths: readonly number[], layers: readonly MatrixRows[]): Float64Array {
  layerWidths.forEach((width, i) => requireDimension(`layerWidths[${i}]`, width));
  const depth = layerWidths.length - 1;
  if (!Array.isArray(layers) || layers.length !== depth) {
    throw new InputError(`layers must hold ${depth} weight matrices, got ${Array.isArray(layers) ? layers.length : 'none'}`);
  }
  const offsets = layerOffsets(layerWidths);
  const x = new Float64Array(offsets[depth]);
  for (let l = 0; l < depth; l++) {
    const name = `layers[${l}]`;
    const { data, rows, cols } = requireMatrix(name, layers[l]);
    if (rows !== layerWidths[l + 1] || cols !== layerWidths[l]) {
      throw new InputError(`${name} must be ${layerWidths[l + 1]} x ${layerWidths[l]}, got ${rows} x ${cols}`);
    }
    x.set(data, offsets[l]);
  }
  return x;
}

/** The weight matrices of a packed vector, each as rows (W_1 first): the inverse of `packLayers`. */
export function unpackLayers(layerWidths: readonly number[], x: ArrayLike<number>): number[][][] {
  const offsets = layerOffsets(layerWidths);
  if (x.length !== offsets[offsets.length - 1]) {
    throw new InputError(`x must have length ${offsets[offsets.length - 1]}, got ${x.length}`);
  }
  const layers: number[][][] = [];
  for (let l = 0; l + 1 < layerWidths.length; l++) {
    const rows = layerWidths[l + 1];
    const cols = layerWidths[l];
    const matrix: number[][] = [];
    for (let r = 0; r < rows; r++) {
      matrix.push(Array.from({ length: cols }, (_, c) => x[offsets[l] + r * cols + c]));
    }
    layers.push(matrix);
  }
  return layers;
}

/** Copies each layer's block of x into its own buffer (a block copy through a view of x per layer). */
export function readLayers(x: Float64Array, offsets: readonly number[], layers: readonly Float64Array[]): void {
  for (let l = 0; l < layers.length; l++) layers[l].set(x.subarray(offsets[l], offsets[l] + layers[l].length));
}

/** Copies each layer buffer into its block of out (a block copy per layer): the inverse of `readLayers`. */
export function writeLayers(layers: readonly Float64Array[], offsets: readonly number[], out: Float64Array): void {
  for (let l = 0; l < layers.length; l++) out.set(layers[l], offsets[l]);
}

/**
 * Writes columns indices[0..count) of `source` (rows x cols, row-major) into `out` as a
 * rows x count row-major matrix.
 */
export function gatherColumns(
  source: Float64Array,
  rows: number,
  cols: number,
  indices: Int32Array,
  count: number,
  out: Float64Array,
): void {
  for (let r = 0; r < rows; r++) {
    const sourceRow = r * cols;
    const outRow = r * count;
    for (let k = 0; k < count; k++) out[outRow + k] = source[sourceRow + indices[k]];
  }
}

/**
 * The dense Hessian, row-major dim x dim, from an exact Hessian-vector product applied to the
 * unit vectors (column j is H e_j), symmetrized as (H + H^T) / 2 to remove rounding asymmetry.
 */
export function denseHessianFromHvp(
  dim: number,
  hvp: (x: Float64Array, v: Float64Array, out: Float64Array) => void,
  x: Float64Array,
  out: Float64Array = new Float64Array(dim * dim),
): Float64Array {
  const unit = new Float64Array(dim);
  const column = new Float64Array(dim);
  for (let j = 0; j < dim; j++) {
    unit[j] = 1;
    hvp(x, unit, column);
    unit[j] = 0;
    for (let i = 0; i < dim; i++) out[i * dim + j] = column[i];
  }
  for (let i = 0; i < dim; i++) {
    for (let j = i + 1; j < dim; j++) {
      const mean = 0.5 * (out[i * dim + j] + out[j * dim + i]);
      out[i * dim + j] = mean;
      out[j * dim + i] = mean;
    }
  }
  return out;
}
