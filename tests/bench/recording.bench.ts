/**
 * What recording costs, and what building a quadratic costs, each against a baseline measured in
 * the same run:
 * - GD steps per second of `run` (recording everything, as plots and reports ask; recording the one
 *   series a measure such as `gapAt` reads) against a plain Float64Array loop (gradient, then
 *   x <- x - eta g, with no checks and nothing kept), on rotated quadratics with d = 10, 100, 1000.
 * - Building a quadratic with a chosen spectrum at d = 1000 (no eigensolve: an exactly orthogonal
 *   factor, O(d^2)) against its first construction (`referenceExactOrthogonal`), and
 *   `quadraticFromMatrix` (exact rank and 50-digit Jacobi eigenvalues, for constants valid for the
 *   float64 matrix) at d = 8 and 16 against the quadratic with the same spectrum.
 * - `quadraticFromMatrix` at d = 1000, where L and mu are shifts proved by verified Cholesky
 *   factorisations (`provedPositiveDefiniteBounds`), against the quadratic with the same spectrum.
 */
import { bench, describe } from 'vitest';
import { run } from '../../src/gd/run.js';
import { axpy } from '../../src/linalg/kernels.js';
import { exactOrthogonal, quadratic, quadraticFromMatrix } from '../../src/problems/quadratic.js';
import { constant } from '../../src/schedules/index.js';
import { Rng } from '../../src/util/random.js';
import { referenceExactOrthogonal } from '../helpers/referenceOrthogonal.js';

const rng = new Rng(2026);
const steps = (d: number): number => Math.max(20, Math.round(2e6 / (d * d)));
const spectrum = (d: number): number[] => Array.from({ length: d }, (_, i) => 0.01 + i / d);

for (const d of [10, 100, 1000]) {
  const problem = quadratic({ eigenvalues: spectrum(d), seed: d });
  const x0 = Array.from(rng.normalVector(d));
  const schedule = constant(1);
  const n = steps(d);
  const x = new Float64Array(d);
  const g = new Float64Array(d);
  describe(`GD on a rotated quadratic, d = ${d} (${n} steps per iteration)`, () => {
    bench(
      'plain Float64Array loop',
      () => {
        x.set(x0);
        for (let t = 0; t < n; t++) {
          problem.grad(x, g);
          axpy(-1, g, x);
        }
      },
      { time: 1500 },
    );
    bench('run, every series (plots, reports)', () => void run(problem, schedule, x0, { maxSteps: n }), { time: 1500 });
    bench("run, the gap only (gapAt's series)", () => void run(problem, schedule, x0, { maxSteps: n, record: ['gap'] }), { time: 1500 });
  });
}

describe('building a quadratic with a chosen spectrum, d = 1000', () => {
  const eigenvalues = spectrum(1000);
  bench('quadratic({ eigenvalues, seed })', () => void quadratic({ eigenvalues, seed: 1000 }), { time: 1500 });
  bench('its orthogonal factor, exactOrthogonal', () => void exactOrthogonal(1000, new Rng(1000)), { time: 1500 });
  bench('its orthogonal factor as first written', () => void referenceExactOrthogonal(1000, new Rng(1000)), { time: 1500 });
});

for (const d of [8, 16]) {
  const eigenvalues = spectrum(d);
  const hessian = quadratic({ eigenvalues, seed: d }).hess!(new Float64Array(d));
  const A = Array.from({ length: d }, (_, i) => Array.from(hessian.subarray(i * d, (i + 1) * d)));
  describe(`quadraticFromMatrix, d = ${d}`, () => {
    bench('quadraticFromMatrix({ A })', () => void quadraticFromMatrix({ A }), { time: 1500, iterations: 3 });
    bench('quadratic({ eigenvalues, seed }) of the same spectrum', () => void quadratic({ eigenvalues, seed: d }), { time: 1500 });
  });
}

describe('quadraticFromMatrix, d = 1000 (proved bounds)', () => {
  const d = 1000;
  const eigenvalues = spectrum(d);
  const hessian = quadratic({ eigenvalues, seed: d }).hess!(new Float64Array(d));
  const A = Array.from({ length: d }, (_, i) => Array.from(hessian.subarray(i * d, (i + 1) * d)));
  bench('quadraticFromMatrix({ A })', () => void quadraticFromMatrix({ A }), { time: 1500, iterations: 3 });
  bench('quadratic({ eigenvalues, seed }) of the same spectrum', () => void quadratic({ eigenvalues, seed: d }), { time: 1500 });
});
