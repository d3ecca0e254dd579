/**
 * Lane-wise kernels for step-size sweeps (src/gd/runLanes.ts): many points at once, kept
 * coordinate by coordinate ("lanes": entry e of a vector or matrix is a Float64Array whose entry p
 * belongs to point p). Each kernel does, lane by lane, the very operations of its one-point
 * counterpart in the same order, so every lane is bitwise what that counterpart gives; its loops
 * run over the lanes innermost, with no call per point. Owns those kernels and the scratch lane
 * arrays they and the problems' `gradLanes` work in.
 */
import { activeKernels, javascriptKernels, SMALL_PRODUCT } from './kernels.js';

/** Scratch lane arrays: `arrays(k, count)` gives k arrays of at least `count` entries, reused from call to call. */
export class LaneScratch {
  private store: Float64Array[] = [];

  arrays(k: number, count: number): Float64Array[] {
    if (this.store.length < k || (k > 0 && this.store[0].length < count)) {
      const length = Math.max(count, this.store[0]?.length ?? 0);
      this.store = Array.from({ length: Math.max(k, this.store.length) }, () => new Float64Array(length));
    }
    return this.store;
  }
}

/** A constant matrix as a lane matrix (every lane holds `data`), for products with lane matrices; grown on demand. */
export class BroadcastLanes {
  private lanes: Float64Array[] = [];

  constructor(private readonly data: ArrayLike<number>) {}

  /** The lane matrix, with at least `count` lanes. */
  at(count: number): Float64Array[] {
    if ((this.lanes[0]?.length ?? -1) < count) this.lanes = Array.from(this.data, (value) => new Float64Array(count).fill(value));
    return this.lanes;
  }
}

/** Whether `gemm` (kernels.ts) runs the JavaScript kernel for an m x n x k product, which `gemmLanes` reproduces. */
export function gemmRunsJavaScript(m: number, n: number, k: number): boolean {
  return activeKernels === javascriptKernels || m * n * k < SMALL_PRODUCT;
}

/**
 * C (m x n) <- alpha op(A) op(B) + beta C at lanes 0..count-1, lane by lane bitwise the JavaScript
 * `gemm` (kernels.ts gemmJs): the same accumulators, the same four-row folding, the same order.
 * `scratch` holds two lane accumulators.
 */
export function gemmLanes(
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: readonly Float64Array[],
  transA: boolean,
  b: readonly Float64Array[],
  transB: boolean,
  beta: number,
  c: readonly Float64Array[],
  count: number,
  scratch: LaneScratch,
): void {
  for (let e = 0; e < m * n; e++) {
    const ce = c[e];
    if (beta === 0) ce.fill(0, 0, count);
    else if (beta !== 1) for (let p = 0; p < count; p++) ce[p] *= beta;
  }
  if (transB) {
    const [s0, s1] = scratch.arrays(2, count);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const bRow = j * k;
        s0.fill(0, 0, count);
        s1.fill(0, 0, count);
        if (transA) {
          for (let q = 0; q < k; q++) {
            const aq = a[q * m + i];
            const bq = b[bRow + q];
            for (let p = 0; p < count; p++) s0[p] += aq[p] * bq[p];
          }
        } else {
          const aRow = i * k;
          let q = 0;
          for (; q + 1 < k; q += 2) {
            const a0 = a[aRow + q];
            const b0 = b[bRow + q];
            const a1 = a[aRow + q + 1];
            const b1 = b[bRow + q + 1];
            for (let p = 0; p < count; p++) {
              s0[p] += a0[p] * b0[p];
              s1[p] += a1[p] * b1[p];
            }
          }
          if (q < k) {
            const a0 = a[aRow + q];
            const b0 = b[bRow + q];
            for (let p = 0; p < count; p++) s0[p] += a0[p] * b0[p];
          }
        }
        const cij = c[i * n + j];
        for (let p = 0; p < count; p++) cij[p] += alpha * (s0[p] + s1[p]);
      }
    }
    return;
  }
  const strideI = transA ? 1 : k;
  const strideP = transA ? m : 1;
  for (let i = 0; i < m; i++) {
    const cRow = i * n;
    const aBase = i * strideI;
    let q = 0;
    for (; q + 3 < k; q += 4) {
      const a0 = a[aBase + q * strideP];
      const a1 = a[aBase + (q + 1) * strideP];
      const a2 = a[aBase + (q + 2) * strideP];
      const a3 = a[aBase + (q + 3) * strideP];
      for (let j = 0; j < n; j++) {
        const cij = c[cRow + j];
        const b0 = b[q * n + j];
        const b1 = b[(q + 1) * n + j];
        const b2 = b[(q + 2) * n + j];
        const b3 = b[(q + 3) * n + j];
        for (let p = 0; p < count; p++) {
          cij[p] += alpha * a0[p] * b0[p] + alpha * a1[p] * b1[p] + alpha * a2[p] * b2[p] + alpha * a3[p] * b3[p];
        }
      }
    }
    for (; q < k; q++) {
      const aq = a[aBase + q * strideP];
      for (let j = 0; j < n; j++) {
        const cij = c[cRow + j];
        const bq = b[q * n + j];
        for (let p = 0; p < count; p++) cij[p] += alpha * aq[p] * bq[p];
      }
    }
  }
}

/**
 * The order of a sum of squares: one running sum over the entries (`sequential`), or the four
 * interleaved accumulators of kernels.ts `dot` (entry e into accumulator e mod 4 while four entries
 * remain, the rest into the first, then s0 + s1 + (s2 + s3)).
 */
export type SumOrder = 'sequential' | 'dot';

const squareSums = new LaneScratch();

/**
 * value[p] <- 1/2 sum_e r_e[p]^2 with r_e = v_e - c_e (c absent: r_e = v_e), each r_e written back
 * into v_e: lane by lane the one-point loop `r = v[e] - c[e]; v[e] = r`, then `0.5 * sum` with the
 * sum in `order` (`0.5 * dot(r, r)` for 'dot').
 */
export function halfSquaredNormLanes(
  v: readonly Float64Array[],
  entries: number,
  c: ArrayLike<number> | undefined,
  count: number,
  value: Float64Array,
  order: SumOrder = 'sequential',
): void {
  const interleaved = order === 'dot' ? 4 : 1;
  const sums = squareSums.arrays(interleaved, count);
  for (let a = 0; a < interleaved; a++) sums[a].fill(0, 0, count);
  const blocked = interleaved === 4 ? entries - (entries % 4) : entries;
  for (let e = 0; e < entries; e++) {
    const ve = v[e];
    const sum = sums[e < blocked ? e % interleaved : 0];
    if (c === undefined) {
      for (let p = 0; p < count; p++) sum[p] += ve[p] * ve[p];
    } else {
      const ce = c[e];
      for (let p = 0; p < count; p++) {
        const r = ve[p] - ce;
        ve[p] = r;
        sum[p] += r * r;
      }
    }
  }
  if (interleaved === 4) {
    const [s0, s1, s2, s3] = sums;
    for (let p = 0; p < count; p++) value[p] = 0.5 * (s0[p] + s1[p] + (s2[p] + s3[p]));
  } else {
    for (let p = 0; p < count; p++) value[p] = 0.5 * sums[0][p];
  }
}
