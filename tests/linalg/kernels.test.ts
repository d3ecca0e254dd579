/**
 * The WebAssembly SIMD kernels against the JavaScript reference: hand-computed products, exact
 * agreement on integer data (no rounding at all), and agreement to rounding on random data, with
 * the difference of every entry bounded by (k + 2) eps (|alpha| sum_p |op(A)_ip op(B)_pj| + |beta C_ij|)
 * (each build is within (k + 2) u of that sum from the exact value, u = eps / 2; the summation order
 * is all that differs). Resident arrays survive the memory growing, and a run is byte-identical
 * across repetitions.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/gd/run.js';
import { activeKernels, javascriptKernels, SMALL_PRODUCT, wasmKernels, type DenseKernels } from '../../src/linalg/kernels.js';
import { quadratic } from '../../src/problems/quadratic.js';
import { constant } from '../../src/schedules/index.js';
import { Rng } from '../../src/util/random.js';

const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const FIXTURE = fileURLToPath(new URL('../fixtures/kernelTrajectories.ts', import.meta.url));
const wasm = wasmKernels!;
const reference = javascriptKernels;
const rng = new Rng(7);

interface GemmCase {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly alpha: number;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly beta: number;
}

/** Entries of C that differ from the reference by more than the rounding bound, as messages. */
function roundingViolations(kernels: DenseKernels, spec: GemmCase, a: Float64Array, b: Float64Array, c0: Float64Array): string[] {
  const { m, n, k, alpha, transA, transB, beta } = spec;
  const expected = Float64Array.from(c0);
  const actual = Float64Array.from(c0);
  reference.gemm(m, n, k, alpha, a, transA, b, transB, beta, expected);
  kernels.gemm(m, n, k, alpha, a, transA, b, transB, beta, actual);
  const opA = (i: number, p: number) => (transA ? a[p * m + i] : a[i * k + p]);
  const opB = (p: number, j: number) => (transB ? b[j * k + p] : b[p * n + j]);
  const violations: string[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let magnitude = Math.abs(beta * c0[i * n + j]);
      for (let p = 0; p < k; p++) magnitude += Math.abs(alpha * opA(i, p) * opB(p, j));
      const bound = (k + 2) * Number.EPSILON * magnitude;
      const difference = Math.abs(actual[i * n + j] - expected[i * n + j]);
      if (!(difference <= bound)) violations.push(`C[${i},${j}]: ${actual[i * n + j]} vs ${expected[i * n + j]} (bound ${bound})`);
    }
  }
  return violations;
}

const SHAPES: ReadonlyArray<readonly [number, number, number]> = [
  [1, 1, 1],
  [1, 7, 13],
  [3, 5, 2],
  [4, 4, 4],
  [5, 9, 7],
  [9, 6, 11],
  [20, 50, 100],
  [33, 17, 64],
];

describe('WebAssembly SIMD kernels', () => {
  it('are the kernels this runtime uses, from SMALL_PRODUCT multiply-adds on', () => {
    expect(wasm.name).toBe('wasm-simd');
    expect(activeKernels.name).toBe('wasm-simd');
    // One product just below the threshold (JavaScript, bit for bit) and one at it (WebAssembly).
    const rows = 8;
    for (const cols of [SMALL_PRODUCT / rows - 1, SMALL_PRODUCT / rows]) {
      const a = rng.normalVector(rows * cols);
      const x = rng.normalVector(cols);
      const [active, onJs, onWasm] = [new Float64Array(rows), new Float64Array(rows), new Float64Array(rows)];
      activeKernels.matvec(a, rows, cols, x, active);
      javascriptKernels.matvec(a, rows, cols, x, onJs);
      wasm.matvec(a, rows, cols, x, onWasm);
      expect(active).toEqual(rows * cols < SMALL_PRODUCT ? onJs : onWasm);
    }
  });

  it('compute hand-checked products', () => {
    const a = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]); // 3 x 4
    const out = new Float64Array(3);
    wasm.matvec(a, 3, 4, Float64Array.from([1, 2, 3, 4]), out);
    expect(Array.from(out)).toEqual([30, 70, 110]);
    const outT = new Float64Array(4);
    wasm.matTvec(a, 3, 4, Float64Array.from([1, 0, -1]), outT);
    expect(Array.from(outT)).toEqual([-8, -8, -8, -8]);
    const c = Float64Array.from([1, 1, 1, 1]);
    // 2 * [1 2; 3 4] [5 6; 7 8] + 3 C = 2 [19 22; 43 50] + 3
    wasm.gemm(2, 2, 2, 2, Float64Array.from([1, 2, 3, 4]), false, Float64Array.from([5, 6, 7, 8]), false, 3, c);
    expect(Array.from(c)).toEqual([41, 47, 89, 103]);
  });

  it('agree exactly with the reference on small integers (every sum exact)', () => {
    for (const [m, n, k] of SHAPES) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          const a = Float64Array.from({ length: m * k }, () => rng.integer(-9, 9));
          const b = Float64Array.from({ length: k * n }, () => rng.integer(-9, 9));
          const expected = new Float64Array(m * n).fill(NaN);
          const actual = new Float64Array(m * n).fill(NaN);
          reference.gemm(m, n, k, 1, a, transA, b, transB, 0, expected);
          wasm.gemm(m, n, k, 1, a, transA, b, transB, 0, actual);
          expect(actual).toEqual(expected);
        }
      }
    }
  });

  it('agree with the reference to rounding on random data, every case and shape', () => {
    for (const [m, n, k] of SHAPES) {
      for (const transA of [false, true]) {
        for (const transB of [false, true]) {
          for (const [alpha, beta] of [[1, 0], [-0.7, 1], [3.1, -0.4]]) {
            const a = rng.normalVector(m * k);
            const b = rng.normalVector(k * n, 1e3);
            const c0 = rng.normalVector(m * n);
            expect(roundingViolations(wasm, { m, n, k, alpha, transA, transB, beta }, a, b, c0)).toEqual([]);
          }
        }
      }
    }
  });

  it('the rounding check catches a kernel that drops one term', () => {
    const dropsLastTerm: DenseKernels = {
      ...wasm,
      gemm: (m, n, k, alpha, a, transA, b, transB, beta, c) => wasm.gemm(m, n, k - 1, alpha, a, transA, b, transB, beta, c),
    };
    const [m, n, k] = [4, 4, 9];
    const spec = { m, n, k, alpha: 1, transA: false, transB: false, beta: 0 };
    expect(roundingViolations(dropsLastTerm, spec, rng.normalVector(m * k), rng.normalVector(k * n), new Float64Array(m * n))).not.toEqual([]);
  });

  it('matvec and matTvec agree with the reference to rounding, resident operands or not', () => {
    for (const [rows, cols] of [[1, 1], [2, 3], [7, 5], [10, 10], [31, 64], [300, 300]]) {
      for (const resident of [false, true]) {
        const make = (length: number) => (resident ? wasm.residentArray(length) : new Float64Array(length));
        const a = make(rows * cols);
        a.set(rng.normalVector(rows * cols));
        const x = make(cols);
        x.set(rng.normalVector(cols));
        const xT = make(rows);
        xT.set(rng.normalVector(rows));
        const [out, expected, outT, expectedT] = [make(rows), new Float64Array(rows), make(cols), new Float64Array(cols)];
        wasm.matvec(a, rows, cols, x, out);
        reference.matvec(a, rows, cols, x, expected);
        wasm.matTvec(a, rows, cols, xT, outT);
        reference.matTvec(a, rows, cols, xT, expectedT);
        for (let i = 0; i < rows; i++) {
          let magnitude = 0;
          for (let j = 0; j < cols; j++) magnitude += Math.abs(a[i * cols + j] * x[j]);
          expect(Math.abs(out[i] - expected[i])).toBeLessThanOrEqual((cols + 2) * Number.EPSILON * magnitude);
        }
        for (let j = 0; j < cols; j++) {
          let magnitude = 0;
          for (let i = 0; i < rows; i++) magnitude += Math.abs(a[i * cols + j] * xT[i]);
          expect(Math.abs(outT[j] - expectedT[j])).toBeLessThanOrEqual((rows + 2) * Number.EPSILON * magnitude);
        }
      }
    }
  });

  it('overwrite C, NaNs included, when beta is 0', () => {
    const c = new Float64Array(4).fill(NaN);
    wasm.gemm(2, 2, 1, 1, Float64Array.from([1, 2]), false, Float64Array.from([3, 4]), false, 0, c);
    expect(Array.from(c)).toEqual([3, 4, 6, 8]);
  });

  it('keep resident arrays valid when the memory grows', () => {
    const a = wasm.residentArray(4);
    a.set([1, 2, 3, 4]);
    const large = wasm.residentArray(4_000_000); // 32 MB: past the initial memory
    large[3_999_999] = 5;
    const out = wasm.residentArray(2);
    wasm.matvec(a, 2, 2, Float64Array.from([1, 1]), out);
    expect(Array.from(out)).toEqual([3, 7]);
    expect(large[3_999_999]).toBe(5);
  });
});

describe('runs on the WebAssembly kernels', () => {
  const eigenvalues = Array.from({ length: 37 }, (_, i) => 0.05 + i / 37);

  it('give the same bytes on every repetition', () => {
    const once = () => run(quadratic({ eigenvalues, seed: 3 }), constant(1), new Float64Array(37).fill(1), { maxSteps: 200 });
    const first = once();
    const second = once();
    expect(Buffer.from(second.gap.buffer, second.gap.byteOffset, second.gap.byteLength)).toEqual(
      Buffer.from(first.gap.buffer, first.gap.byteOffset, first.gap.byteLength),
    );
    expect(second.xFinal).toEqual(first.xFinal);
  });

  it('follow the trajectories of the JavaScript kernels to rounding (a quadratic, a linear net)', () => {
    const trajectories = (kernels: string) => {
      const result = spawnSync(process.execPath, ['--import', TSX, FIXTURE], {
        encoding: 'utf8',
        env: { ...process.env, BOUNDCHECK_KERNELS: kernels },
      });
      if (result.status !== 0) throw new Error(result.stderr);
      return JSON.parse(result.stdout) as { kernels: string; quadratic: number[]; net: number[] };
    };
    const onWasm = trajectories('');
    const onJs = trajectories('js');
    expect([onWasm.kernels, onJs.kernels]).toEqual(['wasm-simd', 'javascript']);
    for (const family of ['quadratic', 'net'] as const) {
      expect(onWasm[family].length).toBe(onJs[family].length);
      onWasm[family].forEach((gap, t) => expect(Math.abs(gap - onJs[family][t])).toBeLessThanOrEqual(1e-12 * Math.abs(onJs[family][t]) + 1e-300));
    }
    expect(onWasm.quadratic[200]).toBeLessThan(1e-3 * onWasm.quadratic[0]);
  });
});
