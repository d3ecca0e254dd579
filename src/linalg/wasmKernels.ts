/**
 * The WebAssembly SIMD build of the dense kernels (assembly/denseKernels.ts, compiled by
 * `npm run build:wasm` into denseKernels.wasm next to this module). This module owns loading it
 * (once, synchronously), the shared linear memory the kernels work in, which Float64Arrays live in
 * that memory (`residentArray`), and passing operands: a resident array by its byte offset, any
 * other array through a scratch area (copied in, and the result copied back out).
 *
 * The memory is shared (a SharedArrayBuffer), so growing it never detaches the arrays already handed
 * out: each keeps addressing the same bytes. A resident array's block returns to the heap when the
 * array itself is garbage collected, so the array (not only a subarray of it) must be kept alive
 * for as long as it is used.
 */
import { readFileSync } from 'node:fs';
import type { DenseKernels } from './kernels.js';

interface DenseKernelsModule {
  allocate(bytes: number): number;
  release(pointer: number): void;
  matvec(a: number, rows: number, cols: number, x: number, out: number): void;
  gemm(m: number, n: number, k: number, alpha: number, a: number, transA: boolean, b: number, transB: boolean, beta: number, c: number): void;
}

/** The part of the WebAssembly JavaScript API used here (the project's lib settings do not declare it). */
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, Record<string, unknown>>) => { readonly exports: unknown };
  Memory: new (descriptor: { initial: number; maximum: number; shared: boolean }) => { readonly buffer: ArrayBufferLike };
}
const webAssembly = (globalThis as unknown as { WebAssembly?: WebAssemblyApi }).WebAssembly;

/** Pages of 64 KiB, as the module declares them (assembly build flags in package.json). */
const INITIAL_PAGES = 16;
const MAXIMUM_PAGES = 32768;

/** The compiled module, or undefined when it is missing or this runtime has no WebAssembly SIMD. */
function compiledModule(): object | undefined {
  if (!webAssembly) return undefined;
  let bytes: Buffer;
  try {
    bytes = readFileSync(new URL('./denseKernels.wasm', import.meta.url));
  } catch {
    return undefined;
  }
  return webAssembly.validate(bytes) ? new webAssembly.Module(bytes) : undefined;
}

/** The WebAssembly kernels, or undefined when they cannot run here (the caller then keeps the JavaScript ones). */
export function loadWasmKernels(): DenseKernels | undefined {
  const module = compiledModule();
  if (!module || !webAssembly) return undefined;
  const memory = new webAssembly.Memory({ initial: INITIAL_PAGES, maximum: MAXIMUM_PAGES, shared: true });
  const wasm = new webAssembly.Instance(module, { env: { memory } }).exports as unknown as DenseKernelsModule;

  /** Every buffer object the memory has had: an array over any of them is resident. */
  const buffers = new WeakSet<ArrayBufferLike>();
  const currentBuffer = (): ArrayBufferLike => {
    const buffer = memory.buffer;
    buffers.add(buffer);
    return buffer;
  };
  const blocks = new FinalizationRegistry<number>((pointer) => wasm.release(pointer));

  function residentArray(length: number): Float64Array {
    const pointer = wasm.allocate(Math.max(1, length) * 8);
    const array = new Float64Array(currentBuffer(), pointer, length).fill(0);
    blocks.register(array, pointer);
    return array;
  }

  let scratch = residentArray(1024);
  /** Doubles of `scratch` already used by the current call. */
  let used = 0;
  /** Makes room for `doubles` in the scratch area and starts a call. */
  const begin = (doubles: number): void => {
    if (scratch.length < doubles) scratch = residentArray(Math.max(doubles, 2 * scratch.length));
    used = 0;
  };
  /** The byte offset of the first `length` entries of `array`, copied into scratch unless resident. */
  const place = (array: Float64Array, length: number, copy: boolean): number => {
    if (buffers.has(array.buffer)) return array.byteOffset;
    const offset = used;
    used += length;
    if (copy) scratch.set(length === array.length ? array : array.subarray(0, length), offset);
    return scratch.byteOffset + offset * 8;
  };
  /** Copies a result placed by `place` back into a non-resident `array`. */
  const finish = (array: Float64Array, length: number, pointer: number): void => {
    if (!buffers.has(array.buffer)) {
      const offset = (pointer - scratch.byteOffset) / 8;
      array.set(scratch.subarray(offset, offset + length));
    }
  };

  function matvec(a: Float64Array, rows: number, cols: number, x: Float64Array, out: Float64Array): void {
    begin(rows * cols + cols + rows);
    const pa = place(a, rows * cols, true);
    const px = place(x, cols, true);
    const pout = place(out, rows, false);
    wasm.matvec(pa, rows, cols, px, pout);
    finish(out, rows, pout);
  }

  function gemm(
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
    begin(m * k + k * n + m * n);
    const pa = place(a, m * k, true);
    const pb = place(b, k * n, true);
    const pc = place(c, m * n, beta !== 0);
    wasm.gemm(m, n, k, alpha, pa, transA, pb, transB, beta, pc);
    finish(c, m * n, pc);
  }

  return {
    name: 'wasm-simd',
    matvec,
    matTvec: (a, rows, cols, x, out) => gemm(1, cols, rows, 1, x, false, a, false, 0, out),
    gemm,
    residentArray,
  };
}
