/**
 * Float64Array kernels for the gradient-descent hot loop. Matrices are dense and row-major
 * (`a[i * cols + j]`). No kernel allocates: every result goes into a caller-owned `out`.
 *
 * The dense products (`matvec`, `matTvec`, `gemm`) come in two builds behind one `DenseKernels`
 * interface: the JavaScript ones here (`javascriptKernels`, the reference the tests compare
 * against) and WebAssembly SIMD ones (wasmKernels.ts). `activeKernels` is chosen once, when this
 * module loads: the WebAssembly build when it is present and the runtime validates it, else the
 * JavaScript one; BOUNDCHECK_KERNELS=js forces the JavaScript one. The choice never depends on
 * timing, so a seed gives the same bytes on every run of the same installation.
 */
import { loadWasmKernels } from './wasmKernels.js';

/** The dense matrix products of the hot loop, and where their operands are best kept. */
export interface DenseKernels {
  /** `wasm-simd` or `javascript`. */
  readonly name: string;
  /** out (rows) <- A (rows x cols) x (cols). */
  matvec(a: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): void;
  /** out (cols) <- A^T x, A is rows x cols, x has length rows. */
  matTvec(a: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): void;
  /** C (m x n) <- alpha op(A) op(B) + beta C; see `gemm`. */
  gemm(
    m: number,
    n: number,
    k: number,
    alpha: number,
    a: Float64Array,
    transA: boolean,
    b: Float64Array,
    transB: boolean,
    beta: number,
    c: Float64Array,
  ): void;
  /**
   * A zeroed array that these kernels read without copying (for WebAssembly: one in its memory).
   * Keep the array itself alive while any view of it is in use.
   */
  residentArray(length: number): Float64Array;
}

/** <x, y> over the first `length` entries (all of x by default), with four accumulators so that the JIT can overlap the multiply-adds. */
export function dot(x: Float64Array, y: Float64Array, length = x.length): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += x[k] * y[k];
    s1 += x[k + 1] * y[k + 1];
    s2 += x[k + 2] * y[k + 2];
    s3 += x[k + 3] * y[k + 3];
  }
  for (; k < length; k++) s0 += x[k] * y[k];
  return s0 + s1 + (s2 + s3);
}

/** y <- y + alpha x */
export function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
}

/** out <- alpha x */
export function scaleInto(alpha: number, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = alpha * x[i];
}

/** out <- x - y */
export function subInto(x: Float64Array, y: Float64Array, out: Float64Array): void {
  for (let i = 0; i < x.length; i++) out[i] = x[i] - y[i];
}

/**
 * ||x||_2 as scale * sqrt(sum (x_i / scale)^2) with scale = max_i |x_i| (no overflow on the large
 * iterates of diverging runs), the sum in index order; NaN when some entry is NaN. The maximum runs
 * over four interleaved running maxima, so that consecutive entries do not wait on each other (the
 * same value: max is exact in any order).
 */
export function norm2(x: Float64Array): number {
  const n = x.length;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    m0 = Math.max(m0, Math.abs(x[i]));
    m1 = Math.max(m1, Math.abs(x[i + 1]));
    m2 = Math.max(m2, Math.abs(x[i + 2]));
    m3 = Math.max(m3, Math.abs(x[i + 3]));
  }
  for (; i < n; i++) m0 = Math.max(m0, Math.abs(x[i]));
  const scale = Math.max(Math.max(m0, m1), Math.max(m2, m3));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const r = x[i] / scale;
    s += r * r;
  }
  return scale * Math.sqrt(s);
}

export function normInf(x: Float64Array): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const a = Math.abs(x[i]);
    if (a > m || Number.isNaN(a)) m = a;
  }
  return m;
}

/** Euclidean distance between x and y. */
export function distance(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const d = x[i] - y[i];
    s += d * d;
  }
  return Math.sqrt(s);
}

/**
 * out (rows) <- A (rows x cols) x (cols). Two rows per pass share each load of x, with two
 * accumulators per row; on large matrices this runs at the memory bandwidth.
 */
function matvecJs(a: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): void {
  let i = 0;
  for (; i + 1 < rows; i += 2) {
    const first = i * cols;
    const second = first + cols;
    let s0 = 0;
    let s1 = 0;
    let t0 = 0;
    let t1 = 0;
    let j = 0;
    for (; j + 1 < cols; j += 2) {
      const x0 = x[j];
      const x1 = x[j + 1];
      s0 += a[first + j] * x0;
      s1 += a[first + j + 1] * x1;
      t0 += a[second + j] * x0;
      t1 += a[second + j + 1] * x1;
    }
    if (j < cols) {
      s0 += a[first + j] * x[j];
      t0 += a[second + j] * x[j];
    }
    out[i] = s0 + s1;
    out[i + 1] = t0 + t1;
  }
  if (i < rows) {
    const last = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) s += a[last + j] * x[j];
    out[i] = s;
  }
}

/** out (cols) <- A^T x = (x^T A)^T, A is rows x cols: a one-row product that streams A by rows. */
function matTvecJs(a: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): void {
  gemmJs(1, cols, rows, 1, x, false, a, false, 0, out);
}

/**
 * C (m x n) <- alpha * op(A) op(B) + beta * C, with op(A) of shape m x k and op(B) of shape k x n.
 * `transA` / `transB` read A (stored k x m) or B (stored n x k) transposed without copying. Each
 * case keeps its innermost loop contiguous in memory; the A B and A^T B cases fold four rows of B
 * into each pass over a row of C (a quarter of the loads and stores of C). The loops are written
 * out rather than calling the helpers above: V8 does not inline calls this deep in a hot loop.
 */
function gemmJs(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float64Array,
  transA: boolean,
  b: Float64Array,
  transB: boolean,
  beta: number,
  c: Float64Array,
): void {
  if (beta === 0) c.fill(0, 0, m * n);
  else if (beta !== 1) for (let i = 0; i < m * n; i++) c[i] *= beta;
  if (transB) {
    // C_ij += alpha <op(A)_i, B_j> with B_j a contiguous row of the stored B.
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const bRow = j * k;
        let s0 = 0;
        let s1 = 0;
        if (transA) {
          for (let p = 0; p < k; p++) s0 += a[p * m + i] * b[bRow + p];
        } else {
          const aRow = i * k;
          let p = 0;
          for (; p + 1 < k; p += 2) {
            s0 += a[aRow + p] * b[bRow + p];
            s1 += a[aRow + p + 1] * b[bRow + p + 1];
          }
          if (p < k) s0 += a[aRow + p] * b[bRow + p];
        }
        c[i * n + j] += alpha * (s0 + s1);
      }
    }
    return;
  }
  // C_i: += alpha sum_p op(A)_ip B_p:, four rows p at a time.
  const strideI = transA ? 1 : k;
  const strideP = transA ? m : 1;
  for (let i = 0; i < m; i++) {
    const cRow = i * n;
    const aBase = i * strideI;
    let p = 0;
    for (; p + 3 < k; p += 4) {
      const a0 = alpha * a[aBase + p * strideP];
      const a1 = alpha * a[aBase + (p + 1) * strideP];
      const a2 = alpha * a[aBase + (p + 2) * strideP];
      const a3 = alpha * a[aBase + (p + 3) * strideP];
      const b0 = p * n;
      const b1 = b0 + n;
      const b2 = b1 + n;
      const b3 = b2 + n;
      for (let j = 0; j < n; j++) c[cRow + j] += a0 * b[b0 + j] + a1 * b[b1 + j] + a2 * b[b2 + j] + a3 * b[b3 + j];
    }
    for (; p < k; p++) {
      const aip = alpha * a[aBase + p * strideP];
      const bRow = p * n;
      for (let j = 0; j < n; j++) c[cRow + j] += aip * b[bRow + j];
    }
  }
}

/** The JavaScript kernels: the reference the WebAssembly ones are tested against, and the fallback. */
export const javascriptKernels: DenseKernels = {
  name: 'javascript',
  matvec: matvecJs,
  matTvec: matTvecJs,
  gemm: gemmJs,
  residentArray: (length) => new Float64Array(length),
};

/** The WebAssembly SIMD kernels, loaded once; undefined when this runtime cannot run them or BOUNDCHECK_KERNELS=js. */
export const wasmKernels: DenseKernels | undefined = process.env.BOUNDCHECK_KERNELS === 'js' ? undefined : loadWasmKernels();

/**
 * Products of fewer multiply-adds than this stay on the JavaScript kernels: below it, the call into
 * WebAssembly and the copy of non-resident operands cost more than the SIMD saves (npm run
 * bench:numpy, quadratic d = 10). The rule depends on the shapes only, so it is deterministic.
 */
export const SMALL_PRODUCT = 256;

/** `wasm` for every product of at least SMALL_PRODUCT multiply-adds, the JavaScript kernels below. */
function smallProductsOnJavaScript(wasm: DenseKernels): DenseKernels {
  return {
    name: wasm.name,
    matvec: (a, rows, cols, x, out) => (rows * cols < SMALL_PRODUCT ? matvecJs : wasm.matvec)(a, rows, cols, x, out),
    matTvec: (a, rows, cols, x, out) => (rows * cols < SMALL_PRODUCT ? matTvecJs : wasm.matTvec)(a, rows, cols, x, out),
    gemm: (m, n, k, alpha, a, transA, b, transB, beta, c) =>
      (m * n * k < SMALL_PRODUCT ? gemmJs : wasm.gemm)(m, n, k, alpha, a, transA, b, transB, beta, c),
    residentArray: wasm.residentArray,
  };
}

/** The kernels this process uses, chosen once (see the module comment). */
export const activeKernels: DenseKernels = wasmKernels ? smallProductsOnJavaScript(wasmKernels) : javascriptKernels;

/**
 * out (rows) <- A (rows x cols) x (cols), by the active kernels. Two rows per pass share each load
 * of x, with two accumulators per row (four two-lane ones in WebAssembly).
 */
export const matvec: DenseKernels['matvec'] = activeKernels.matvec;

/** out (cols) <- A^T x, A is rows x cols, x has length rows, by the active kernels. */
export const matTvec: DenseKernels['matTvec'] = activeKernels.matTvec;

/**
 * C (m x n) <- alpha * op(A) op(B) + beta * C, with op(A) of shape m x k and op(B) of shape k x n,
 * by the active kernels. `transA` / `transB` read A (stored k x m) or B (stored n x k) transposed
 * without copying. A beta of 0 overwrites C.
 */
export const gemm: DenseKernels['gemm'] = activeKernels.gemm;

/** A zeroed Float64Array the active kernels read without copying (see `DenseKernels.residentArray`). */
export const residentArray: DenseKernels['residentArray'] = activeKernels.residentArray;

/** A copy of `data` that the active kernels read without copying again (a matrix used at every step). */
export function residentCopy(data: Float64Array): Float64Array {
  const copy = residentArray(data.length);
  copy.set(data);
  return copy;
}
