/**
 * The GD runner against closed forms (classical-oracles.md O1, O2) and against the independent
 * float64 reference trajectories of tests/fixtures/reference/trajectories.json.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/gd/run.js';
import { huberWorstCase } from '../../src/problems/huber.js';
import { quadratic, quadraticFromMatrix } from '../../src/problems/quadratic.js';
import { constant } from '../../src/schedules/index.js';
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { referenceCase } from '../fixtures/reference/trajectories.js';

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('O1: Huber worst case reproduces L R^2 / (2(2Nh+1))', () => {
  const cases = [
    { L: 3, R: 1, N: 4, h: 1 },
    { L: 1, R: 1, N: 4, h: 1.5 },
    { L: 0.7, R: 3.2, N: 25, h: 0.3 },
    { L: 12, R: 0.05, N: 100, h: 1 },
    { L: 2.5, R: 10, N: 7, h: 0.05 },
  ];
  for (const { L, R, N, h } of cases) {
    it(`L=${L} R=${R} N=${N} h=${h}`, () => {
      const problem = huberWorstCase({ L, R, N, h });
      const trajectory = run(problem, constant(h / L), [R], { maxSteps: N });
      const expected = (L * R * R) / (2 * (2 * N * h + 1));
      const err = relativeError(trajectory.gap[N], expected);
      console.log(`O1 L=${L} R=${R} N=${N} h=${h}: relative error ${err.toExponential(2)}`);
      expect(err).toBeLessThan(1e-12);
    });
  }

  it('matches the reference case huber-O1 at every step', () => {
    const ref = referenceCase<{ name: string; L: number; R: number; N: number; h: number; gap: number[] }>('huber-O1');
    const problem = huberWorstCase(ref);
    const trajectory = run(problem, constant(ref.h / ref.L), [ref.R], { maxSteps: ref.N });
    ref.gap.forEach((g, t) => expect(relativeError(trajectory.gap[t], g)).toBeLessThan(1e-12));
  });

  it('h = 1.9 on L = R = 1, N = 4: the quadratic 1/2 (1-h)^(2N) wins over Huber (regime switch)', () => {
    const quadraticRun = run(quadratic({ eigenvalues: [1] }), constant(1.9), [1], { maxSteps: 4 });
    const huberRun = run(huberWorstCase({ L: 1, R: 1, N: 4, h: 1.9 }), constant(1.9), [1], { maxSteps: 4 });
    expect(relativeError(quadraticRun.gap[4], 0.5 * 0.9 ** 8)).toBeLessThan(1e-12);
    expect(quadraticRun.gap[4]).toBeGreaterThan(huberRun.gap[4]);
  });
});

describe('O2: strongly convex quadratics contract by rho(gamma)^(2N)', () => {
  it('unit values: L = 1, mu = 0.1, gamma = 1 gives 0.81 per step; gamma = 2/(L+mu) gives 0.669421', () => {
    const problem = quadratic({ eigenvalues: [0.1] });
    const trajectory = run(problem, constant(1), [1], { maxSteps: 1 });
    expect(relativeError(trajectory.gap[1] / trajectory.gap[0], 0.81)).toBeLessThan(1e-12);
    const rho = (1 - 0.1) / (1 + 0.1);
    const worst = run(quadratic({ eigenvalues: [1] }), constant(2 / 1.1), [1], { maxSteps: 1 });
    expect(relativeError(worst.gap[1] / worst.gap[0], rho * rho)).toBeLessThan(1e-12);
    expect(rho * rho).toBeCloseTo(0.669421, 6);
  });

  const cases = [
    { eigenvalues: [0.1, 0.5, 1], gamma: 1, N: 30, seed: 1 },
    { eigenvalues: [0.05, 2, 3, 4], gamma: 0.4, N: 50, seed: 2 },
    { eigenvalues: [1, 1, 10, 0.2, 7], gamma: 0.19, N: 80, seed: 3 },
  ];
  for (const { eigenvalues, gamma, N, seed } of cases) {
    it(`rotated spectrum ${eigenvalues.join(',')} gamma=${gamma}: gap_N in closed form and below rho^(2N) gap_0`, () => {
      const problem = quadratic({ eigenvalues, seed });
      const x0 = eigenvalues.map((_, i) => Math.cos(1 + i));
      const trajectory = run(problem, constant(gamma), x0, { maxSteps: N });
      // Closed form in the eigenbasis: gap_N = sum_i lambda_i / 2 (1 - gamma lambda_i)^(2N) c_i^2, c = Q^T (x0 - x*).
      const gapAtN = closedFormQuadraticGap(problem.hess!(Float64Array.from(x0)), problem.dim, x0, problem.xStar!, gamma, N);
      const err = relativeError(trajectory.gap[N], gapAtN);
      console.log(`O2 spectrum ${eigenvalues.join(',')}: relative error ${err.toExponential(2)}`);
      expect(err).toBeLessThan(1e-12);
      const rho = Math.max(...eigenvalues.map((l) => Math.abs(1 - gamma * l)));
      expect(trajectory.gap[N]).toBeLessThanOrEqual(rho ** (2 * N) * trajectory.gap[0] * (1 + 1e-12));
    });
  }

  it('matches the reference case quadratic-5d at every step to 1e-12', () => {
    const ref = referenceCase<{ name: string; A: number[][]; x0: number[]; eta: number; steps: number; gap: number[] }>('quadratic-5d');
    const trajectory = run(quadraticFromMatrix({ A: ref.A }), constant(ref.eta), ref.x0, { maxSteps: ref.steps });
    let worst = 0;
    ref.gap.forEach((g, t) => (worst = Math.max(worst, relativeError(trajectory.gap[t], g))));
    console.log(`quadratic-5d: worst relative error ${worst.toExponential(2)}`);
    expect(worst).toBeLessThan(1e-12);
  });
});

/** gap after N steps of GD with step gamma on 1/2 (x - x*)^T H (x - x*), through H's eigendecomposition. */
function closedFormQuadraticGap(
  hessian: Float64Array,
  dim: number,
  x0: number[],
  xStar: Float64Array,
  gamma: number,
  N: number,
): number {
  const rows = Array.from({ length: dim }, (_, i) => Array.from(hessian.subarray(i * dim, (i + 1) * dim)));
  const evd = new EigenvalueDecomposition(new Matrix(rows), { assumeSymmetric: true });
  const vectors = evd.eigenvectorMatrix;
  let gap = 0;
  evd.realEigenvalues.forEach((lambda, k) => {
    let c = 0;
    for (let i = 0; i < dim; i++) c += vectors.get(i, k) * (x0[i] - xStar[i]);
    gap += 0.5 * lambda * (1 - gamma * lambda) ** (2 * N) * c * c;
  });
  return gap;
}
