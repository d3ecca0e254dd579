/**
 * The problems of the NumPy benchmark (scripts/bench-numpy.ts), built the same way in every thread
 * from a seed: rotated quadratics f(x) = 1/2 x^T Q diag(lambda) Q^T x with lambda evenly spread in
 * [0.001, 0.1] and step 1 (no iterate reaches the subnormal range within a timed run), and the
 * two-layer linear net 20 x 50 x 20 on n = 100 Gaussian samples with step 1e-4.
 */
import { axpy } from '../src/linalg/kernels.js';
import { twoLayerLinearNet } from '../src/problems/linearNets.js';
import type { Problem } from '../src/problems/problem.js';
import { quadratic } from '../src/problems/quadratic.js';
import { Rng } from '../src/util/random.js';

export const QUADRATIC_DIMENSIONS = [10, 30, 100, 300, 1000, 3000] as const;
export const NET = { inputs: 20, hidden: 50, outputs: 20, samples: 100 } as const;

export interface BenchProblem {
  readonly label: string;
  readonly problem: Problem;
  readonly eta: number;
  readonly x0: Float64Array;
  /** Multiply-adds of one gradient, to size the timed runs. */
  readonly work: number;
}

export const quadraticEigenvalues = (d: number): Float64Array => Float64Array.from({ length: d }, (_, i) => 0.001 + (0.099 * i) / Math.max(1, d - 1));

export function quadraticBench(d: number): BenchProblem {
  return {
    label: `quadratic d = ${d}`,
    problem: quadratic({ eigenvalues: quadraticEigenvalues(d), seed: d }),
    eta: 1,
    x0: new Rng(d + 1).normalVector(d),
    work: 2 * d * d,
  };
}

export interface NetData {
  readonly X: number[][];
  readonly Y: number[][];
  readonly x0: Float64Array;
}

export function netData(): NetData {
  const rng = new Rng(2026);
  const rows = (count: number, cols: number) => Array.from({ length: count }, () => Array.from(rng.normalVector(cols)));
  const X = rows(NET.inputs, NET.samples);
  const Y = rows(NET.outputs, NET.samples);
  const x0 = Float64Array.from([
    ...rng.normalVector(NET.hidden * NET.inputs, 1 / Math.sqrt(NET.inputs)),
    ...rng.normalVector(NET.outputs * NET.hidden, 1 / Math.sqrt(NET.hidden)),
  ]);
  return { X, Y, x0 };
}

export function netBench(): BenchProblem {
  const { X, Y, x0 } = netData();
  const { inputs: n, hidden: h, outputs: m, samples: N } = NET;
  return {
    label: `linear net ${n}x${h}x${m}, n = ${N}`,
    problem: twoLayerLinearNet({ X, Y, hidden: h }),
    eta: 1e-4,
    x0,
    work: h * n * m + 2 * m * n * N + 2 * m * h * n,
  };
}

export const benchProblems = (): BenchProblem[] => [...QUADRATIC_DIMENSIONS.map(quadraticBench), netBench()];

/**
 * The recording benchmark's case (tests/bench/recording.bench.ts, and the interleaved rounds of
 * scripts/bench-numpy.ts): a rotated quadratic with eigenvalues 0.01 + i/d, step 1, max(20, 2e6/d^2)
 * steps per run, and the plain Float64Array loop `run()` is measured against (the gradient, then
 * x <- x - g, with no checks and nothing kept).
 */
export interface RecordingCase {
  readonly problem: Problem;
  readonly x0: number[];
  readonly steps: number;
  readonly plainLoop: () => void;
}

/** The recording benchmark's spectrum: 0.01 + i/d, i = 0 .. d-1. */
export const recordingSpectrum = (d: number): number[] => Array.from({ length: d }, (_, i) => 0.01 + i / d);

export function recordingCase(d: number, rng: Rng): RecordingCase {
  const problem = quadratic({ eigenvalues: recordingSpectrum(d), seed: d });
  const x0 = Array.from(rng.normalVector(d));
  const steps = Math.max(20, Math.round(2e6 / (d * d)));
  const x = new Float64Array(d);
  const g = new Float64Array(d);
  const plainLoop = (): void => {
    x.set(x0);
    for (let t = 0; t < steps; t++) {
      problem.grad(x, g);
      axpy(-1, g, x);
    }
  };
  return { problem, x0, steps, plainLoop };
}
