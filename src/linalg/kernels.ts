/**
 * Float64Array kernels for the gradient-descent hot loop. Matrices are dense and row-major
 * (`a[i * cols + j]`). No kernel allocates: every result goes into a caller-owned `out`.
 */

export function dot(x: Float64Array, y: Float64Array): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * y[i];
  return s;
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

export function norm2(x: Float64Array): number {
  // Scaled to avoid overflow for the large iterates of diverging runs.
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
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

/** out (rows) <- A (rows x cols) x (cols) */
export function matvec(a: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): void {
  for (let i = 0; i < rows; i++) {
    let s = 0;
    const base = i * cols;
    for (let j = 0; j < cols; j++) s += a[base + j] * x[j];
    out[i] = s;
  }
}

/** out (cols) <- A^T x, A is rows x cols, x has length rows */
export function matTvec(a: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): void {
  out.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    const xi = x[i];
    if (xi === 0) continue;
    const base = i * cols;
    for (let j = 0; j < cols; j++) out[j] += a[base + j] * xi;
  }
}

/**
 * C (m x n) <- alpha * op(A) op(B) + beta * C, with op(A) of shape m x k and op(B) of shape k x n.
 * `transA` / `transB` read A (stored k x m) or B (stored n x k) transposed without copying.
 */
export function gemm(
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
  for (let i = 0; i < m; i++) {
    const cRow = i * n;
    for (let p = 0; p < k; p++) {
      const aip = alpha * (transA ? a[p * m + i] : a[i * k + p]);
      if (aip === 0) continue;
      if (transB) {
        for (let j = 0; j < n; j++) c[cRow + j] += aip * b[j * k + p];
      } else {
        const bRow = p * n;
        for (let j = 0; j < n; j++) c[cRow + j] += aip * b[bRow + j];
      }
    }
  }
}
