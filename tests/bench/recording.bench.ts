/**
 * What recording costs, and what building a quadratic costs, each against a baseline measured in
 * the same run:
 * - GD steps per second of `run` (recording everything, as plots and reports ask; recording the one
 *   series a measure such as `gapAt` reads) against a plain Float64Array loop (gradient, then
 *   x <- x - eta g, with no checks and nothing kept; `recordingCase` in scripts/benchProblems.ts), on
 *   rotated quadratics with d = 10, 100, 1000. `npm run bench:numpy` times the d = 10 case again in
 *   interleaved rounds (fastest and median ratios), which a shared machine's load moves less.
 * - Building a quadratic with a chosen spectrum at d = 1000 (no eigensolve: an exactly orthogonal
 *   factor, O(d^2)) against its first construction (`referenceExactOrthogonal`), and
 *   `quadraticFromMatrix` (exact rank and 50-digit Jacobi eigenvalues, for constants valid for the
 *   float64 matrix) at d = 8 and 16 against the quadratic with the same spectrum.
 * - `quadraticFromMatrix` at d = 1000, where L and mu are shifts proved by verified Cholesky
 *   factorisations (`provedPositiveDefiniteBounds`), against the quadratic with the same spectrum.
 */
import { bench, describe } from 'vitest';
import { run } from '../../src/gd/run.js';
import { exactOrthogonal, quadratic, quadraticFromMatrix } from '../../src/problems/quadratic.js';
import { constant } from '../../src/schedules/index.js';
import { Rng } from '../../src/util/random.js';
import { referenceExactOrthogonal } from '../helpers/referenceOrthogonal.js';
import { recordingCase, recordingSpectrum } from '../../scripts/benchProblems.js';

const rng = new Rng(2026);
const spectrum = recordingSpectrum;

for (const d of [10, 100, 1000]) {
  const { problem, x0, steps: n, plainLoop } = recordingCase(d, rng);
  const schedule = constant(1);
  describe(`GD on a rotated quadratic, d = ${d} (${n} steps per iteration)`, () => {
    bench('plain Float64Array loop', plainLoop, { time: 1500 });
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
