/**
 * GD steps per second of the runner against the plain ml-matrix path (mmul / sub, a new matrix per
 * operation), measured in the same run: dense quadratics with d = 10, 100, 1000 and a two-layer
 * linear net 20 x 50 x 20 with 100 samples. Each benchmark iteration runs a fixed number of steps,
 * so the ratio of the reported rates is the ratio of steps per second. Also counts garbage
 * collections per 10^5 steps over one long run of each, the footprint of per-step allocation.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import { Matrix } from 'ml-matrix';
import { afterAll, bench, describe } from 'vitest';
import { run } from '../../src/gd/run.js';
import { twoLayerLinearNet } from '../../src/problems/linearNets.js';
import { quadratic } from '../../src/problems/quadratic.js';
import { constant } from '../../src/schedules/index.js';
import { Rng } from '../../src/util/random.js';

const rng = new Rng(2026);
const steps = (d: number): number => Math.max(20, Math.round(2e6 / (d * d)));

function gaussianRows(rows: number, cols: number, scale = 1): number[][] {
  return Array.from({ length: rows }, () => Array.from(rng.normalVector(cols, scale)));
}

const gcCounts: string[] = [];
/** Garbage collections during `work`; the observer's entries arrive asynchronously, hence the wait. */
async function gcPer100kSteps(label: string, totalSteps: number, work: () => void): Promise<void> {
  let collections = 0;
  const observer = new PerformanceObserver((list) => (collections += list.getEntries().length));
  observer.observe({ entryTypes: ['gc'] });
  work();
  await new Promise((resolve) => setTimeout(resolve, 100));
  observer.disconnect();
  gcCounts.push(`${label}: ${((collections * 1e5) / totalSteps).toFixed(1)} GCs per 1e5 steps`);
}
afterAll(() => console.log(`\n${gcCounts.join('\n')}`));

for (const d of [10, 100, 1000]) {
  const eigenvalues = Array.from({ length: d }, (_, i) => 0.01 + i / d);
  const problem = quadratic({ eigenvalues, seed: d });
  const A = new Matrix(Array.from({ length: d }, (_, i) => Array.from(problem.hess!(new Float64Array(d)).subarray(i * d, (i + 1) * d))));
  const x0 = Array.from(rng.normalVector(d));
  const eta = 1;
  const n = steps(d);
  const runner = (stepCount = n): void => void run(problem, constant(eta), x0, { maxSteps: stepCount });
  const mlMatrix = (stepCount = n): void => {
    let x = Matrix.columnVector(x0);
    for (let t = 0; t < stepCount; t++) {
      const g = A.mmul(x);
      void (0.5 * x.dot(g));
      x = x.sub(g.mul(eta));
    }
  };
  describe(`dense quadratic d=${d} (${n} steps per iteration)`, () => {
    bench('boundcheck run', () => runner(), { time: 1500 });
    bench('ml-matrix mmul/sub', () => mlMatrix(), { time: 1500 });
  });
  await gcPer100kSteps(`quadratic d=${d} boundcheck`, 50 * n, () => runner(50 * n));
  await gcPer100kSteps(`quadratic d=${d} ml-matrix`, 50 * n, () => mlMatrix(50 * n));
}

{
  const [inputs, hidden, outputs, samples] = [20, 50, 20, 100];
  const X = gaussianRows(inputs, samples);
  const Y = gaussianRows(outputs, samples);
  const net = twoLayerLinearNet({ X, Y, hidden });
  const W1 = gaussianRows(hidden, inputs, 0.1);
  const W2 = gaussianRows(outputs, hidden, 0.1);
  const x0 = [...W1.flat(), ...W2.flat()];
  const eta = 1e-4;
  const n = 200;
  const [mX, mY, mXT] = [new Matrix(X), new Matrix(Y), new Matrix(X).transpose()];
  const runner = (stepCount = n): void => void run(net, constant(eta), x0, { maxSteps: stepCount });
  const mlMatrix = (stepCount = n): void => {
    let [w1, w2] = [new Matrix(W1), new Matrix(W2)];
    for (let t = 0; t < stepCount; t++) {
      const residual = w2.mmul(w1).mmul(mX).sub(mY);
      void (0.5 * residual.norm('frobenius') ** 2);
      const G = residual.mmul(mXT);
      const g1 = w2.transpose().mmul(G);
      const g2 = G.mmul(w1.transpose());
      w1 = w1.sub(g1.mul(eta));
      w2 = w2.sub(g2.mul(eta));
    }
  };
  describe(`two-layer linear net 20x50x20, 100 samples (${n} steps per iteration)`, () => {
    bench('boundcheck run', () => runner(), { time: 1500 });
    bench('ml-matrix mmul/sub', () => mlMatrix(), { time: 1500 });
  });
  await gcPer100kSteps('linear net boundcheck', 50 * n, () => runner(50 * n));
  await gcPer100kSteps('linear net ml-matrix', 50 * n, () => mlMatrix(50 * n));
}
