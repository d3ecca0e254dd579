/**
 * The dense kernels of src/linalg/kernels.ts in WebAssembly with 128-bit SIMD (two float64 lanes),
 * compiled by AssemblyScript at build time (`npm run build:wasm`) into src/linalg/denseKernels.wasm.
 * This module owns the memory layout contract with src/linalg/wasmKernels.ts: every pointer is a
 * byte offset into the imported shared memory, matrices are dense and row-major, and a kernel
 * writes only into `out` / `c`. It also exports the heap's allocate / release, so that a problem's
 * matrices can live in this memory for their whole life instead of being copied on every call.
 *
 * Arithmetic: plain float64 multiplies and adds (no fused multiply-add), so each entry differs from
 * the JavaScript reference only through the order of its sums.
 */

/** A block of `bytes` bytes in the heap (16-byte aligned), or traps when memory cannot grow. */
export function allocate(bytes: usize): usize {
  return heap.alloc(bytes);
}

/** Returns a block from `allocate` to the heap. */
export function release(pointer: usize): void {
  heap.free(pointer);
}

@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 3);
}

@inline function sumLanes(v: v128): f64 {
  return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
}

@inline function multiplyAdd(sum: v128, a: v128, b: v128): v128 {
  return f64x2.add(sum, f64x2.mul(a, b));
}

/** <x, y> over `length` entries, two lanes times two accumulators. */
@inline function dotRun(x: usize, y: usize, length: i32): f64 {
  let s0 = f64x2.splat(0);
  let s1 = f64x2.splat(0);
  let j = 0;
  for (; j + 3 < length; j += 4) {
    s0 = multiplyAdd(s0, v128.load(at(x, j)), v128.load(at(y, j)));
    s1 = multiplyAdd(s1, v128.load(at(x, j), 16), v128.load(at(y, j), 16));
  }
  let s = sumLanes(f64x2.add(s0, s1));
  for (; j < length; j++) s += load<f64>(at(x, j)) * load<f64>(at(y, j));
  return s;
}

/** out (rows) <- A (rows x cols) x (cols): two rows per pass share each load of x. */
export function matvec(a: usize, rows: i32, cols: i32, x: usize, out: usize): void {
  const rowBytes = <usize>cols << 3;
  let i = 0;
  for (; i + 1 < rows; i += 2) {
    const first = a + <usize>i * rowBytes;
    const second = first + rowBytes;
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let t0 = f64x2.splat(0);
    let t1 = f64x2.splat(0);
    let j = 0;
    for (; j + 3 < cols; j += 4) {
      const x0 = v128.load(at(x, j));
      const x1 = v128.load(at(x, j), 16);
      s0 = multiplyAdd(s0, v128.load(at(first, j)), x0);
      s1 = multiplyAdd(s1, v128.load(at(first, j), 16), x1);
      t0 = multiplyAdd(t0, v128.load(at(second, j)), x0);
      t1 = multiplyAdd(t1, v128.load(at(second, j), 16), x1);
    }
    let s = sumLanes(f64x2.add(s0, s1));
    let t = sumLanes(f64x2.add(t0, t1));
    for (; j < cols; j++) {
      const xj = load<f64>(at(x, j));
      s += load<f64>(at(first, j)) * xj;
      t += load<f64>(at(second, j)) * xj;
    }
    store<f64>(at(out, i), s);
    store<f64>(at(out, i + 1), t);
  }
  if (i < rows) store<f64>(at(out, i), dotRun(a + <usize>i * rowBytes, x, cols));
}

/**
 * C (m x n) <- alpha op(A) op(B) + beta C, op(A) of shape m x k (A stored k x m when transA), op(B)
 * of shape k x n (B stored n x k when transB). A beta of 0 overwrites C (NaNs in it included).
 */
export function gemm(
  m: i32, n: i32, k: i32, alpha: f64, a: usize, transA: bool, b: usize, transB: bool, beta: f64, c: usize,
): void {
  const size = m * n;
  if (beta == 0) memory.fill(c, 0, <usize>size << 3);
  else if (beta != 1) for (let i = 0; i < size; i++) store<f64>(at(c, i), beta * load<f64>(at(c, i)));
  if (transB) {
    if (transA) productTransposedBoth(m, n, k, alpha, a, b, c);
    else productRowsByRows(m, n, k, alpha, a, b, c);
    return;
  }
  // op(A)_ip = A[i * strideI + p * strideP]
  const strideI = transA ? 1 : k;
  const strideP = transA ? m : 1;
  let i = 0;
  for (; i + 3 < m; i += 4) productFourRows(i, n, k, alpha, a, strideI, strideP, b, c);
  for (; i < m; i++) productOneRow(i, n, k, alpha, a, strideI, strideP, b, c);
}

/** C[i..i+4, :] += alpha op(A)[i..i+4, :] B: 4 x 4 blocks of C in eight two-lane accumulators. */
@inline function productFourRows(
  i: i32, n: i32, k: i32, alpha: f64, a: usize, strideI: i32, strideP: i32, b: usize, c: usize,
): void {
  const a0 = at(a, i * strideI);
  const a1 = at(a0, strideI);
  const a2 = at(a1, strideI);
  const a3 = at(a2, strideI);
  const scale = f64x2.splat(alpha);
  const c0 = at(c, i * n);
  const c1 = at(c0, n);
  const c2 = at(c1, n);
  const c3 = at(c2, n);
  let j = 0;
  for (; j + 3 < n; j += 4) {
    let u0 = f64x2.splat(0), v0 = f64x2.splat(0);
    let u1 = f64x2.splat(0), v1 = f64x2.splat(0);
    let u2 = f64x2.splat(0), v2 = f64x2.splat(0);
    let u3 = f64x2.splat(0), v3 = f64x2.splat(0);
    for (let p = 0; p < k; p++) {
      const bp = at(b, p * n + j);
      const left = v128.load(bp);
      const right = v128.load(bp, 16);
      const offset = p * strideP;
      const x0 = v128.load64_splat(at(a0, offset));
      const x1 = v128.load64_splat(at(a1, offset));
      const x2 = v128.load64_splat(at(a2, offset));
      const x3 = v128.load64_splat(at(a3, offset));
      u0 = multiplyAdd(u0, x0, left);
      v0 = multiplyAdd(v0, x0, right);
      u1 = multiplyAdd(u1, x1, left);
      v1 = multiplyAdd(v1, x1, right);
      u2 = multiplyAdd(u2, x2, left);
      v2 = multiplyAdd(v2, x2, right);
      u3 = multiplyAdd(u3, x3, left);
      v3 = multiplyAdd(v3, x3, right);
    }
    accumulate(at(c0, j), scale, u0, v0);
    accumulate(at(c1, j), scale, u1, v1);
    accumulate(at(c2, j), scale, u2, v2);
    accumulate(at(c3, j), scale, u3, v3);
  }
  for (; j < n; j++) {
    let s0: f64 = 0, s1: f64 = 0, s2: f64 = 0, s3: f64 = 0;
    for (let p = 0; p < k; p++) {
      const bpj = load<f64>(at(b, p * n + j));
      const offset = p * strideP;
      s0 += load<f64>(at(a0, offset)) * bpj;
      s1 += load<f64>(at(a1, offset)) * bpj;
      s2 += load<f64>(at(a2, offset)) * bpj;
      s3 += load<f64>(at(a3, offset)) * bpj;
    }
    store<f64>(at(c0, j), load<f64>(at(c0, j)) + alpha * s0);
    store<f64>(at(c1, j), load<f64>(at(c1, j)) + alpha * s1);
    store<f64>(at(c2, j), load<f64>(at(c2, j)) + alpha * s2);
    store<f64>(at(c3, j), load<f64>(at(c3, j)) + alpha * s3);
  }
}

/** C[target .. target+4] += scale * (left, right). */
@inline function accumulate(target: usize, scale: v128, left: v128, right: v128): void {
  v128.store(target, f64x2.add(v128.load(target), f64x2.mul(scale, left)));
  v128.store(target, f64x2.add(v128.load(target, 16), f64x2.mul(scale, right)), 16);
}

/**
 * C[i, :] += alpha sum_p op(A)_ip B[p, :], four rows of B per pass over the row of C, which streams
 * B once in memory order (for m = 1 this is x^T A, the transposed matrix-vector product).
 */
function productOneRow(
  i: i32, n: i32, k: i32, alpha: f64, a: usize, strideI: i32, strideP: i32, b: usize, c: usize,
): void {
  const aRow = at(a, i * strideI);
  const cRow = at(c, i * n);
  let p = 0;
  for (; p + 3 < k; p += 4) {
    const w0 = alpha * load<f64>(at(aRow, p * strideP));
    const w1 = alpha * load<f64>(at(aRow, (p + 1) * strideP));
    const w2 = alpha * load<f64>(at(aRow, (p + 2) * strideP));
    const w3 = alpha * load<f64>(at(aRow, (p + 3) * strideP));
    const s0 = f64x2.splat(w0), s1 = f64x2.splat(w1), s2 = f64x2.splat(w2), s3 = f64x2.splat(w3);
    const b0 = at(b, p * n);
    const b1 = at(b0, n);
    const b2 = at(b1, n);
    const b3 = at(b2, n);
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const terms = f64x2.add(
        f64x2.add(f64x2.mul(s0, v128.load(at(b0, j))), f64x2.mul(s1, v128.load(at(b1, j)))),
        f64x2.add(f64x2.mul(s2, v128.load(at(b2, j))), f64x2.mul(s3, v128.load(at(b3, j)))),
      );
      v128.store(at(cRow, j), f64x2.add(v128.load(at(cRow, j)), terms));
    }
    if (j < n) {
      const terms = w0 * load<f64>(at(b0, j)) + w1 * load<f64>(at(b1, j)) + (w2 * load<f64>(at(b2, j)) + w3 * load<f64>(at(b3, j)));
      store<f64>(at(cRow, j), load<f64>(at(cRow, j)) + terms);
    }
  }
  for (; p < k; p++) {
    const w = alpha * load<f64>(at(aRow, p * strideP));
    const s = f64x2.splat(w);
    const bp = at(b, p * n);
    let j = 0;
    for (; j + 1 < n; j += 2) v128.store(at(cRow, j), multiplyAdd(v128.load(at(cRow, j)), s, v128.load(at(bp, j))));
    if (j < n) store<f64>(at(cRow, j), load<f64>(at(cRow, j)) + w * load<f64>(at(bp, j)));
  }
}

/**
 * C += alpha A B^T with A (m x k) and B (n x k) both read along their rows: 2 x 2 blocks of C, each
 * pair of rows of A and of B loaded once per two-lane step.
 */
function productRowsByRows(m: i32, n: i32, k: i32, alpha: f64, a: usize, b: usize, c: usize): void {
  let i = 0;
  for (; i + 1 < m; i += 2) {
    const a0 = at(a, i * k);
    const a1 = at(a0, k);
    const c0 = at(c, i * n);
    const c1 = at(c0, n);
    let j = 0;
    for (; j + 1 < n; j += 2) {
      const b0 = at(b, j * k);
      const b1 = at(b0, k);
      let s00 = f64x2.splat(0), s01 = f64x2.splat(0), s10 = f64x2.splat(0), s11 = f64x2.splat(0);
      let p = 0;
      for (; p + 1 < k; p += 2) {
        const x0 = v128.load(at(a0, p));
        const x1 = v128.load(at(a1, p));
        const y0 = v128.load(at(b0, p));
        const y1 = v128.load(at(b1, p));
        s00 = multiplyAdd(s00, x0, y0);
        s01 = multiplyAdd(s01, x0, y1);
        s10 = multiplyAdd(s10, x1, y0);
        s11 = multiplyAdd(s11, x1, y1);
      }
      let d00 = sumLanes(s00), d01 = sumLanes(s01), d10 = sumLanes(s10), d11 = sumLanes(s11);
      if (p < k) {
        const x0 = load<f64>(at(a0, p)), x1 = load<f64>(at(a1, p));
        const y0 = load<f64>(at(b0, p)), y1 = load<f64>(at(b1, p));
        d00 += x0 * y0;
        d01 += x0 * y1;
        d10 += x1 * y0;
        d11 += x1 * y1;
      }
      store<f64>(at(c0, j), load<f64>(at(c0, j)) + alpha * d00);
      store<f64>(at(c0, j + 1), load<f64>(at(c0, j + 1)) + alpha * d01);
      store<f64>(at(c1, j), load<f64>(at(c1, j)) + alpha * d10);
      store<f64>(at(c1, j + 1), load<f64>(at(c1, j + 1)) + alpha * d11);
    }
    if (j < n) {
      const bj = at(b, j * k);
      store<f64>(at(c0, j), load<f64>(at(c0, j)) + alpha * dotRun(a0, bj, k));
      store<f64>(at(c1, j), load<f64>(at(c1, j)) + alpha * dotRun(a1, bj, k));
    }
  }
  if (i < m) {
    const ai = at(a, i * k);
    const ci = at(c, i * n);
    for (let j = 0; j < n; j++) store<f64>(at(ci, j), load<f64>(at(ci, j)) + alpha * dotRun(ai, at(b, j * k), k));
  }
}

/** C += alpha A^T B^T (A stored k x m, B stored n x k): no caller needs it fast, so scalar. */
function productTransposedBoth(m: i32, n: i32, k: i32, alpha: f64, a: usize, b: usize, c: usize): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s: f64 = 0;
      for (let p = 0; p < k; p++) s += load<f64>(at(a, p * m + i)) * load<f64>(at(b, j * k + p));
      store<f64>(at(c, i * n + j), load<f64>(at(c, i * n + j)) + alpha * s);
    }
  }
}
