/**
 * MLPs: the objective against an independent forward pass, exact gradients, Hessians and
 * R-operator Hessian-vector products against central differences (ReLU points kept away from the
 * kinks), minibatch gradients, the seeded initializer, and bad parameters.
 */
import { Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { unpackLayers } from '../../src/problems/layers.js';
import { mlp, mlpInitialWeights, type MlpOptions, type MlpProblem } from '../../src/problems/mlp.js';
import { InputError } from '../../src/util/errors.js';
import { Rng } from '../../src/util/random.js';
import { derivativeErrors } from './derivativeChecks.js';

const SAMPLES = 6;
const data = new Rng(21);
const X = Array.from({ length: 3 }, () => Array.from(data.normalVector(SAMPLES)));
const targets = Array.from({ length: 2 }, () => Array.from(data.normalVector(SAMPLES)));
const labels = [0, 2, 1, 1, 0, 2];

/** Applies phi entrywise, in place. */
function applyEntrywise(a: Matrix, phi: (z: number) => number): Matrix {
  return a.apply(function (this: Matrix, i, j) {
    this.set(i, j, phi(this.get(i, j)));
  });
}

/** Pre-activations of every hidden layer at x, by an independent forward pass (ml-matrix). */
function hiddenPreActivations(problem: MlpProblem, x: Float64Array, phi: (z: number) => number): number[] {
  const layers = unpackLayers(problem.layerWidths, x).map((w) => new Matrix(w));
  let a = new Matrix(X);
  const values: number[] = [];
  for (let l = 0; l + 1 < layers.length; l++) {
    const z = layers[l].mmul(a);
    values.push(...z.to1DArray());
    a = applyEntrywise(z, phi);
  }
  return values;
}

const configurations: MlpOptions[] = [
  { X, Y: targets, hidden: [4], activation: 'tanh', loss: 'mse' },
  { X, Y: targets, hidden: [4, 3], activation: 'tanh', loss: 'mse', l2: 0.1 },
  { X, Y: labels, hidden: [5], activation: 'tanh', loss: 'crossEntropy', l2: 0.05 },
  { X, Y: labels, hidden: [3, 4], activation: 'tanh', loss: 'crossEntropy', classes: 4 },
  { X, Y: targets, hidden: [4, 3], activation: 'relu', loss: 'mse' },
  { X, Y: labels, hidden: [5], activation: 'relu', loss: 'crossEntropy', l2: 0.01 },
  { X, Y: targets, hidden: [4], activation: 'leakyRelu', leakySlope: 0.2, loss: 'mse', l2: 0.1 },
  { X, Y: labels, hidden: [3, 3], activation: 'leakyRelu', loss: 'crossEntropy' },
];

describe('derivatives against central differences', () => {
  const rng = new Rng(33);
  for (const options of configurations) {
    const problem = mlp(options);
    it(problem.name, () => {
      const piecewise = options.activation !== 'tanh';
      const slope = problem.params.leakySlope ?? 0;
      const phi = piecewise ? (z: number) => (z > 0 ? z : slope * z) : Math.tanh;
      // Central differences move pre-activations by about 1e-6 |x|: stay 1e-3 away from the kinks.
      const points: Float64Array[] = [];
      let kinkMargin = Infinity;
      while (points.length < 3) {
        const x = mlpInitialWeights(problem, rng.integer(0, 1_000_000), 1.5);
        const margin = Math.min(...hiddenPreActivations(problem, x, phi).map(Math.abs));
        if (piecewise && margin < 1e-3) continue;
        kinkMargin = Math.min(kinkMargin, margin);
        points.push(x);
      }
      if (piecewise) console.log(`${problem.name}: min |pre-activation| ${kinkMargin.toExponential(1)}`);
      const worst = derivativeErrors(problem, points, 5);
      expect(worst.gradient).toBeLessThan(1e-6);
      expect(worst.hessian).toBeLessThan(1e-6);
      expect(worst.hvp!).toBeLessThan(1e-6);
    });
  }

  it('the dense Hessian is symmetric and its columns are the R-operator products', () => {
    const problem = mlp(configurations[3]);
    const x = mlpInitialWeights(problem, 4, 1);
    const d = problem.dim;
    const hess = problem.hess!(x);
    const v = new Rng(2).normalVector(d);
    const hv = new Float64Array(d);
    problem.hvp!(x, v, hv);
    let worst = 0;
    for (let i = 0; i < d; i++) {
      let s = 0;
      for (let j = 0; j < d; j++) {
        s += hess[i * d + j] * v[j];
        worst = Math.max(worst, Math.abs(hess[i * d + j] - hess[j * d + i]));
      }
      worst = Math.max(worst, Math.abs(s - hv[i]));
    }
    expect(worst).toBeLessThan(1e-13);
  });
});

describe('the objective', () => {
  it('matches an independent forward pass: tanh, MSE averaged over samples, plus L2', () => {
    const problem = mlp({ X, Y: targets, hidden: [4, 3], activation: 'tanh', loss: 'mse', l2: 0.3 });
    const x = mlpInitialWeights(problem, 1, 1);
    const [w1, w2, w3] = unpackLayers(problem.layerWidths, x).map((w) => new Matrix(w));
    const h1 = applyEntrywise(w1.mmul(new Matrix(X)), Math.tanh);
    const h2 = applyEntrywise(w2.mmul(h1), Math.tanh);
    const residual = w3.mmul(h2).sub(new Matrix(targets));
    const expected = residual.norm('frobenius') ** 2 / (2 * SAMPLES) + 0.15 * x.reduce((s, t) => s + t * t, 0);
    expect(problem.f(x)).toBeCloseTo(expected, 13);
  });

  it('cross-entropy at zero weights is log(classes); fStar = 0 is only a lower bound', () => {
    const problem = mlp({ X, Y: labels, hidden: [3], activation: 'relu', loss: 'crossEntropy', classes: 5 });
    expect(problem.layerWidths).toEqual([3, 3, 5]);
    expect(problem.f(new Float64Array(problem.dim))).toBeCloseTo(Math.log(5), 15);
    expect(problem.fStar).toBe(0);
    expect(problem.fStarInfo.status).toBe('valid bound');
    expect(problem.xStar).toBeUndefined();
  });

  it('cross-entropy stays finite for large logits', () => {
    const problem = mlp({ X, Y: labels, hidden: [3], activation: 'tanh', loss: 'crossEntropy' });
    const x = mlpInitialWeights(problem, 3, 400);
    const g = new Float64Array(problem.dim);
    expect(Number.isFinite(problem.grad(x, g))).toBe(true);
    expect(g.every(Number.isFinite)).toBe(true);
  });
});

describe('minibatch gradients', () => {
  for (const options of [configurations[1], configurations[5]]) {
    const problem = mlp(options);
    it(`${problem.name}: gradBatch over all samples equals grad; single samples average to it`, () => {
      const x = mlpInitialWeights(problem, 9, 1);
      const full = new Float64Array(problem.dim);
      const batch = new Float64Array(problem.dim);
      const f = problem.grad(x, full);
      const all = Int32Array.from({ length: SAMPLES }, (_, j) => (j * 5) % SAMPLES);
      expect(Math.abs(problem.gradBatch(x, all, SAMPLES, batch) - f)).toBeLessThan(1e-14);
      let worst = 0;
      for (let i = 0; i < problem.dim; i++) worst = Math.max(worst, Math.abs(batch[i] - full[i]));
      const mean = new Float64Array(problem.dim);
      let meanValue = 0;
      for (let j = 0; j < SAMPLES; j++) {
        meanValue += problem.gradBatch(x, Int32Array.of(j), 1, batch) / SAMPLES;
        for (let i = 0; i < problem.dim; i++) mean[i] += batch[i] / SAMPLES;
      }
      for (let i = 0; i < problem.dim; i++) worst = Math.max(worst, Math.abs(mean[i] - full[i]));
      console.log(`${problem.name}: gradBatch vs grad, worst absolute difference ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(1e-14);
      expect(Math.abs(meanValue - f)).toBeLessThan(1e-14);
    });
  }
});

describe('mlpInitialWeights', () => {
  it('is reproducible per seed, differs across seeds, and scales by fan-in', () => {
    const problem = mlp({ X: Array.from({ length: 400 }, () => [1, 2]), Y: [[0, 1]], hidden: [300], activation: 'tanh', loss: 'mse' });
    const a = mlpInitialWeights(problem, 5, 2);
    expect(mlpInitialWeights(problem, 5, 2)).toEqual(a);
    expect(mlpInitialWeights(problem, 6, 2)).not.toEqual(a);
    const first = a.subarray(0, 300 * 400);
    const variance = first.reduce((s, t) => s + t * t, 0) / first.length;
    expect(variance).toBeCloseTo(4 / 400, 3);
    expect(mlpInitialWeights(problem, 5, 0).every((t) => t === 0)).toBe(true);
  });
});

describe('bad parameters', () => {
  const base = { X, Y: targets, hidden: [3], activation: 'tanh', loss: 'mse' } as const;
  const problem = mlp(base);
  const cases: [string, () => unknown, string][] = [
    ['no hidden layer', () => mlp({ ...base, hidden: [] }), 'hidden'],
    ['a zero width', () => mlp({ ...base, hidden: [3, 0] }), 'hidden\\[1\\]'],
    ['unknown activation', () => mlp({ ...base, activation: 'sigmoid' as 'tanh' }), 'activation'],
    ['leakySlope without leaky ReLU', () => mlp({ ...base, leakySlope: 0.1 }), 'leakySlope'],
    ['negative leakySlope', () => mlp({ ...base, activation: 'leakyRelu', leakySlope: -0.1 }), 'leakySlope'],
    ['NaN l2', () => mlp({ ...base, l2: Number.NaN }), 'l2'],
    ['negative l2', () => mlp({ ...base, l2: -1 }), 'l2'],
    ['unknown loss', () => mlp({ ...base, loss: 'hinge' as 'mse' }), 'loss'],
    ['X with NaN', () => mlp({ ...base, X: [[1, Number.NaN]] }), 'X\\[0\\]\\[1\\]'],
    ['MSE targets with other sample count', () => mlp({ ...base, Y: [[1, 2]] }), 'Y'],
    ['fractional label', () => mlp({ ...base, loss: 'crossEntropy', Y: [0, 1, 2.5, 1, 0, 1] }), 'Y\\[2\\]'],
    ['negative label', () => mlp({ ...base, loss: 'crossEntropy', Y: [0, 1, -1, 1, 0, 1] }), 'Y\\[2\\]'],
    ['label above classes', () => mlp({ ...base, loss: 'crossEntropy', Y: labels, classes: 2 }), 'Y\\[1\\]'],
    ['one class', () => mlp({ ...base, loss: 'crossEntropy', Y: [0, 0, 0, 0, 0, 0] }), 'classes'],
    ['labels of other length', () => mlp({ ...base, loss: 'crossEntropy', Y: [0, 1] }), 'Y'],
    ['negative scale', () => mlpInitialWeights(problem, 1, -1), 'scale'],
    ['fractional seed', () => mlpInitialWeights(problem, 1.5, 1), 'seed'],
  ];
  for (const [label, make, parameter] of cases) {
    it(`${label} throws an InputError naming ${parameter}`, () => {
      expect(make).toThrow(InputError);
      expect(make).toThrow(new RegExp(`^${parameter}`));
    });
  }
});
