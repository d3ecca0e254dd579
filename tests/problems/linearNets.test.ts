/**
 * Linear networks: exact derivatives against central differences for two-layer, deep, bottleneck
 * and whitened nets; minibatch gradients; the closed-form optimal value and balanced minimizers;
 * the loss's constants; the two-layer reference trajectory of
 * tests/fixtures/reference/trajectories.json; the BigNumber model against float64 and in a replay;
 * speed at 20x50x20 with 100 samples; bad parameters.
 */
import { EigenvalueDecomposition, Matrix, SingularValueDecomposition, pseudoInverse } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/gd/run.js';
import { runHighPrecision } from '../../src/gd/runHighPrecision.js';
import { symmetricEigenvalues, symmetricSpectralNorm } from '../../src/linalg/dense.js';
import { toBigVector } from '../../src/problems/highPrecision.js';
import { packLayers, unpackLayers } from '../../src/problems/layers.js';
import {
  balancedFactorization,
  deepLinearNet,
  linearNetWithLoss,
  squaredLoss,
  twoLayerLinearNet,
  whitenedLoss,
  type LinearNetProblem,
} from '../../src/problems/linearNets.js';
import { deepScalarNet } from '../../src/problems/scalarNets.js';
import { constant } from '../../src/schedules/basic.js';
import { InputError } from '../../src/util/errors.js';
import { Rng } from '../../src/util/random.js';
import { referenceCase } from '../fixtures/reference/trajectories.js';
import { derivativeErrors } from './derivativeChecks.js';

interface TwoLayerCase {
  readonly name: string;
  readonly X: number[][];
  readonly Y: number[][];
  readonly W1: number[][];
  readonly W2: number[][];
  readonly eta: number;
  readonly steps: number;
  readonly fStar: number;
  readonly loss: number[];
  readonly hessianNormAt: Record<string, number>;
}

const reference = referenceCase<TwoLayerCase>('two-layer-linear');

function randomRows(rng: Rng, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => Array.from(rng.normalVector(cols)));
}

function symmetricSquareRoot(a: Matrix): Matrix {
  const { realEigenvalues, eigenvectorMatrix } = new EigenvalueDecomposition(a, { assumeSymmetric: true });
  const roots = Matrix.diag(realEigenvalues.map(Math.sqrt));
  return eigenvectorMatrix.mmul(roots).mmul(eigenvectorMatrix.transpose());
}

function singular(a: Matrix): number[] {
  return new SingularValueDecomposition(a, { autoTranspose: true }).diagonal;
}

describe('derivatives against central differences', () => {
  const rng = new Rng(5);
  const X = randomRows(rng, 3, 7);
  const Y = randomRows(rng, 2, 7);
  const nets: LinearNetProblem[] = [
    twoLayerLinearNet({ X: reference.X, Y: reference.Y, hidden: 4 }),
    twoLayerLinearNet({ X, Y, hidden: 1 }),
    deepLinearNet({ X, Y, widths: [4, 3] }),
    deepLinearNet({ X, Y, widths: [2, 5, 3] }),
    linearNetWithLoss({ inputDim: 3, outputDim: 2, widths: [2, 2], loss: whitenedLoss([[2, 0, 0.5], [0, 1, -1]]) }),
  ];
  for (const net of nets) {
    it(net.name, () => {
      const worst = derivativeErrors(net, Array.from({ length: 3 }, () => rng.normalVector(net.dim, 0.7)), 7);
      expect(worst.gradient).toBeLessThan(1e-6);
      expect(worst.hessian).toBeLessThan(1e-6);
      expect(worst.hvp!).toBeLessThan(1e-6);
    });
  }

  it('equals the deep scalar net for 1 x 1 layers and the whitened loss', () => {
    const net = linearNetWithLoss({ inputDim: 1, outputDim: 1, widths: [1, 1], loss: whitenedLoss([[2]]) });
    const scalar = deepScalarNet({ depth: 3, target: 2 });
    const x = Float64Array.from([0.7, -1.3, 0.4]);
    const gNet = new Float64Array(3);
    const gScalar = new Float64Array(3);
    expect(net.grad(x, gNet)).toBeCloseTo(scalar.grad(x, gScalar), 14);
    for (let i = 0; i < 3; i++) expect(gNet[i]).toBeCloseTo(gScalar[i], 14);
    const hNet = net.hess!(x);
    const hScalar = scalar.hess!(x);
    for (let i = 0; i < 9; i++) expect(hNet[i]).toBeCloseTo(hScalar[i], 14);
  });
});

describe('minibatch gradients', () => {
  it('gradBatch over all samples equals grad, and single-sample batches average to it', () => {
    const rng = new Rng(8);
    const samples = 9;
    const net = deepLinearNet({ X: randomRows(rng, 3, samples), Y: randomRows(rng, 2, samples), widths: [4, 3] });
    const x = rng.normalVector(net.dim);
    const full = new Float64Array(net.dim);
    const batch = new Float64Array(net.dim);
    const f = net.grad(x, full);
    const all = Int32Array.from({ length: samples }, (_, j) => samples - 1 - j);
    const fBatch = net.gradBatch(x, all, samples, batch);
    expect(Math.abs(fBatch - f)).toBeLessThan(1e-12 * f);
    let worst = 0;
    for (let i = 0; i < net.dim; i++) worst = Math.max(worst, Math.abs(batch[i] - full[i]));
    const mean = new Float64Array(net.dim);
    let meanValue = 0;
    for (let j = 0; j < samples; j++) {
      meanValue += net.gradBatch(x, Int32Array.of(j), 1, batch) / samples;
      for (let i = 0; i < net.dim; i++) mean[i] += batch[i] / samples;
    }
    for (let i = 0; i < net.dim; i++) worst = Math.max(worst, Math.abs(mean[i] - full[i]));
    console.log(`gradBatch vs grad: worst absolute difference ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-12);
    expect(Math.abs(meanValue - f)).toBeLessThan(1e-12 * f);
  });
});

describe('optimal value, minimizers and constants', () => {
  it('fStar = l* = 1/2 ||Y (I - X^+ X)||_F^2 (pseudoInverse), attained at xStar, with a cancellation-free gap', () => {
    const rng = new Rng(3);
    for (const [n, m, samples, widths] of [
      [3, 2, 8, [4]],
      [4, 3, 6, [3, 5]],
      [5, 2, 4, [2]], // rank X = 4 < n
    ] as [number, number, number, number[]][]) {
      const X = randomRows(rng, n, samples);
      const Y = randomRows(rng, m, samples);
      const net = deepLinearNet({ X, Y, widths });
      const x = new Matrix(X);
      const residual = new Matrix(Y).mmul(Matrix.eye(samples).sub(pseudoInverse(x).mmul(x)));
      const lStar = 0.5 * residual.norm('frobenius') ** 2;
      expect(Math.abs(net.fStar - lStar)).toBeLessThan(1e-12 * Math.max(1, lStar));
      expect(net.fStarInfo.status).toBe('exact');
      expect(Math.abs(net.f(net.xStar!) - net.fStar)).toBeLessThan(1e-12 * Math.max(1, lStar));
      expect(net.gap!(net.xStar!)).toBeLessThan(1e-24);
      const point = rng.normalVector(net.dim);
      expect(Math.abs(net.gap!(point) - (net.f(point) - net.fStar))).toBeLessThan(1e-12 * net.f(point));
    }
  });

  it('with a bottleneck below rank(Y X^+): reduced-rank regression, checked through (X X^T)^(1/2)', () => {
    const rng = new Rng(4);
    const X = randomRows(rng, 3, 10);
    const Y = randomRows(rng, 3, 10);
    const net = twoLayerLinearNet({ X, Y, hidden: 1 });
    // X X^T invertible: l(P) = l* + 1/2 ||(P - P*) S||^2 with S = (X X^T)^(1/2), so the best rank-1
    // P drops all but the top singular value of P* S.
    const x = new Matrix(X);
    const pStar = new Matrix(Y).mmul(pseudoInverse(x));
    const residual = new Matrix(Y).sub(pStar.mmul(x));
    const lStar = 0.5 * residual.norm('frobenius') ** 2;
    const gram = x.mmul(x.transpose());
    const sqrtGram = symmetricSquareRoot(gram);
    const sigma = singular(pStar.mmul(sqrtGram));
    const expected = lStar + 0.5 * (sigma[1] ** 2 + sigma[2] ** 2);
    console.log(`bottleneck 1: fStar ${net.fStar}, expected ${expected}, l* ${lStar}`);
    expect(Math.abs(net.fStar - expected)).toBeLessThan(1e-12 * expected);
    expect(net.fStarInfo.note).toMatch(/reduced-rank/);
    expect(net.gap).toBeUndefined();
    expect(Math.abs(net.f(net.xStar!) - net.fStar)).toBeLessThan(1e-12 * expected);
    const g = new Float64Array(net.dim);
    net.grad(net.xStar!, g);
    expect(Math.max(...g.map(Math.abs))).toBeLessThan(1e-12);
  });

  it('whitened deep net (E3\'): the balanced xStar has sharpness N sigma_max(Phi)^(2 - 2/N)', () => {
    const net = linearNetWithLoss({ inputDim: 2, outputDim: 2, widths: [2, 2], loss: whitenedLoss([[2, 0], [0, 1]]) });
    expect(net.fStar).toBe(0);
    const sharpness = symmetricEigenvalues(net.hess!(net.xStar!), net.dim)[0];
    const expected = 3 * 2 ** (4 / 3);
    console.log(`E3' sharpness ${sharpness}, expected ${expected}, eta_c ${2 / sharpness}`);
    expect(sharpness).toBeCloseTo(expected, 10);
    expect(2 / sharpness).toBeCloseTo(0.264567, 6);
    // Rank constraint: Phi = diag(2, 1) through width 1 leaves 1/2 * 1^2.
    const bottleneck = linearNetWithLoss({ inputDim: 2, outputDim: 2, widths: [1], loss: whitenedLoss([[2, 0], [0, 1]]) });
    expect(bottleneck.fStar).toBeCloseTo(0.5, 14);
    expect(bottleneck.f(bottleneck.xStar!)).toBeCloseTo(0.5, 14);
  });

  it('balancedFactorization reproduces the product and balances consecutive layers', () => {
    const rng = new Rng(6);
    const widths = [3, 4, 2, 5, 2];
    const P = Float64Array.from(new Matrix(randomRows(rng, 2, 2)).mmul(new Matrix(randomRows(rng, 2, 3))).to1DArray());
    const layers = unpackLayers(widths, balancedFactorization(widths, P)).map((w) => new Matrix(w));
    const product = layers.reduce((acc, w) => w.mmul(acc));
    expect(Math.max(...product.to1DArray().map((p, i) => Math.abs(p - P[i])))).toBeLessThan(1e-12);
    for (let l = 0; l + 1 < layers.length; l++) {
      const imbalance = layers[l].mmul(layers[l].transpose()).sub(layers[l + 1].transpose().mmul(layers[l + 1]));
      expect(imbalance.norm('frobenius')).toBeLessThan(1e-12);
    }
    expect(() => balancedFactorization([3, 1, 2], P)).toThrow(/rank 2/);
  });

  it('the loss carries l\'s constants K = lambda_max(X X^T) and mu = smallest nonzero eigenvalue; f has none', () => {
    const rng = new Rng(9);
    const X = randomRows(rng, 3, 5);
    const net = twoLayerLinearNet({ X, Y: randomRows(rng, 2, 5), hidden: 3 });
    const x = new Matrix(X);
    const eigenvalues = symmetricEigenvalues(Float64Array.from(x.mmul(x.transpose()).to1DArray()), 3);
    expect(net.loss.constants.L!.value).toBeCloseTo(eigenvalues[0], 12);
    expect(net.loss.constants.mu!.value).toBeCloseTo(eigenvalues[2], 12);
    expect(net.loss.constants.L!.note).toMatch(/not of f/);
    expect(net.constants).toEqual({});
    const rankDeficient = squaredLoss([[1, 0, 1], [2, 0, 2]], [[1, 2, 3]]);
    expect(rankDeficient.constants.mu!.value).toBeCloseTo(10, 12); // X X^T = [[2, 4], [4, 8]]: eigenvalues 10, 0
  });
});

describe('reference trajectory two-layer-linear (W1 4x3, W2 2x4)', () => {
  const net = twoLayerLinearNet({ X: reference.X, Y: reference.Y, hidden: 4 });
  const x0 = packLayers(net.layerWidths, [reference.W1, reference.W2]);

  it('fStar to 1e-10', () => {
    console.log(`fStar ${net.fStar}, reference ${reference.fStar}, relative ${Math.abs(net.fStar / reference.fStar - 1)}`);
    expect(Math.abs(net.fStar - reference.fStar)).toBeLessThan(1e-10 * reference.fStar);
  });

  it('GD with constant step reproduces every loss value to 1e-10 relative', () => {
    const trajectory = run(net, constant(reference.eta), x0, { maxSteps: reference.steps, iterateEvery: 100 });
    expect(trajectory.steps).toBe(reference.steps);
    let worst = 0;
    for (let t = 0; t <= reference.steps; t++) {
      worst = Math.max(worst, Math.abs(trajectory.gap[t] + net.fStar - reference.loss[t]) / reference.loss[t]);
    }
    for (const { step, x } of trajectory.iterates) {
      worst = Math.max(worst, Math.abs(net.f(x) - reference.loss[step]) / reference.loss[step]);
    }
    console.log(`two-layer-linear: worst relative loss error ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-10);

    // Hessian spectral norms along the path; the reference's are central differences (about 1e-8).
    let worstNorm = 0;
    for (const { step, x } of trajectory.iterates) {
      const norm = symmetricSpectralNorm(net.hess!(x), net.dim);
      worstNorm = Math.max(worstNorm, Math.abs(norm / reference.hessianNormAt[String(step)] - 1));
    }
    console.log(`two-layer-linear: worst relative Hessian-norm difference ${worstNorm.toExponential(2)}`);
    expect(worstNorm).toBeLessThan(1e-6);
  });
});

describe('high-precision model', () => {
  const rng = new Rng(11);
  const cases: [string, LinearNetProblem, boolean][] = [
    ['two-layer, X of full row rank (n = 3 < N = 8)', twoLayerLinearNet({ X: randomRows(rng, 3, 8), Y: randomRows(rng, 2, 8), hidden: 4 }), true],
    ['two-layer, X of full column rank (N = 2 < n = 3)', twoLayerLinearNet({ X: randomRows(rng, 3, 2), Y: randomRows(rng, 2, 2), hidden: 4 }), true],
    ['two-layer, bottleneck below rank(Y X^+)', twoLayerLinearNet({ X: randomRows(rng, 3, 8), Y: randomRows(rng, 3, 8), hidden: 1 }), false],
    ['deep', deepLinearNet({ X: randomRows(rng, 3, 6), Y: randomRows(rng, 2, 6), widths: [3, 4] }), true],
    ['whitened', linearNetWithLoss({ inputDim: 2, outputDim: 2, widths: [2, 3], loss: whitenedLoss([[2, 0.3], [0.1, 1]]) }), true],
    ['whitened, bottleneck', linearNetWithLoss({ inputDim: 2, outputDim: 2, widths: [1], loss: whitenedLoss([[2, 0.3], [0.1, 1]]) }), false],
  ];
  for (const [label, net, exactGap] of cases) {
    it(`${label}: f, grad, f* and the gap equal float64 to ~1e-15`, () => {
      const model = net.highPrecision!(40);
      let worst = 0;
      for (let trial = 0; trial < 3; trial++) {
        const x = rng.normalVector(net.dim, 0.7);
        const big = toBigVector(model.math, x);
        const g = new Float64Array(net.dim);
        const f = net.grad(x, g);
        const gScale = Math.max(...g.map(Math.abs));
        model.grad(big).forEach((gi, i) => (worst = Math.max(worst, Math.abs(gi.toNumber() - g[i]) / gScale)));
        worst = Math.max(worst, Math.abs(model.f(big).toNumber() / f - 1));
        const gap = net.gap ? net.gap(x) : f - net.fStar;
        const bigGap = model.gap ? model.gap(big) : model.f(big).minus(model.fStar);
        worst = Math.max(worst, Math.abs(bigGap.toNumber() / gap - 1));
        if (model.gap) {
          // The exact minimizer at this precision: the gap is f - f* to ~35 digits.
          const difference = bigGap.minus(model.f(big).minus(model.fStar)).abs().toNumber();
          expect(difference).toBeLessThan(1e-34 * f);
        }
      }
      console.log(`${label}: worst relative difference to float64 ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(2e-15);
      expect(Math.abs(model.fStar.toNumber() - net.fStar)).toBeLessThan(1e-14 * Math.max(1, net.fStar));
      expect(model.gap !== undefined).toBe(exactGap);
      expect(net.highPrecision!(40)).toBe(model); // built once per precision
    });
  }

  it('a 40-digit replay of 30 GD steps agrees with the float64 run to 1e-13', () => {
    const [, net] = cases[0];
    const x0 = rng.normalVector(net.dim, 0.5);
    const float64 = run(net, constant(0.02), x0, { maxSteps: 30 });
    const replay = runHighPrecision(40)(net, constant(0.02), x0, { maxSteps: 30 });
    let worst = 0;
    for (let t = 0; t <= 30; t++) worst = Math.max(worst, Math.abs(replay.gap[t] / float64.gap[t] - 1));
    console.log(`replay vs float64: worst relative gap difference ${worst.toExponential(2)}`);
    expect(replay.steps).toBe(30);
    expect(worst).toBeLessThan(1e-13);
  });
});

describe('speed', () => {
  it('a 20x50x20 two-layer net with 100 samples: grad and hvp', () => {
    const rng = new Rng(12);
    const net = twoLayerLinearNet({ X: randomRows(rng, 20, 100), Y: randomRows(rng, 20, 100), hidden: 50 });
    expect(net.dim).toBe(2000);
    const x = rng.normalVector(net.dim, 0.2);
    const v = rng.normalVector(net.dim);
    const out = new Float64Array(net.dim);
    const calls = 500;
    let start = performance.now();
    for (let i = 0; i < calls; i++) net.grad(x, out);
    const gradMs = (performance.now() - start) / calls;
    start = performance.now();
    for (let i = 0; i < calls; i++) net.hvp!(x, v, out);
    const hvpMs = (performance.now() - start) / calls;
    start = performance.now();
    net.hess!(x);
    const hessMs = performance.now() - start;
    console.log(`20x50x20, N=100: grad ${gradMs.toFixed(3)} ms, hvp ${hvpMs.toFixed(3)} ms, dense Hessian ${hessMs.toFixed(0)} ms`);
    expect(gradMs).toBeLessThan(5);
    expect(hvpMs).toBeLessThan(5);
  });
});

describe('bad parameters', () => {
  const X = [
    [1, 2, 3],
    [0, 1, -1],
  ];
  const Y = [[1, 0, 2]];
  const loss = squaredLoss(X, Y);
  const cases: [string, () => unknown, string][] = [
    ['hidden 0', () => twoLayerLinearNet({ X, Y, hidden: 0 }), 'hidden'],
    ['hidden NaN', () => twoLayerLinearNet({ X, Y, hidden: Number.NaN }), 'hidden'],
    ['no hidden widths', () => deepLinearNet({ X, Y, widths: [] }), 'widths'],
    ['a zero width', () => deepLinearNet({ X, Y, widths: [2, 0] }), 'widths\\[1\\]'],
    ['X with NaN', () => twoLayerLinearNet({ X: [[1, Number.NaN, 3], [0, 1, -1]], Y, hidden: 2 }), 'X\\[0\\]\\[1\\]'],
    ['empty X', () => twoLayerLinearNet({ X: [], Y, hidden: 2 }), 'X'],
    ['Y with other sample count', () => twoLayerLinearNet({ X, Y: [[1, 0]], hidden: 2 }), 'Y'],
    ['inputDim mismatch', () => linearNetWithLoss({ inputDim: 3, outputDim: 1, widths: [2], loss }), 'inputDim'],
    ['outputDim 0', () => linearNetWithLoss({ inputDim: 2, outputDim: 0, widths: [2], loss }), 'outputDim'],
    ['Phi with Infinity', () => whitenedLoss([[1, Infinity]]), 'Phi\\[0\\]\\[1\\]'],
  ];
  for (const [label, make, parameter] of cases) {
    it(`${label} throws an InputError naming ${parameter}`, () => {
      expect(make).toThrow(InputError);
      expect(make).toThrow(new RegExp(`^${parameter}`));
    });
  }
});
