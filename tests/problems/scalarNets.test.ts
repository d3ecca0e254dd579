/**
 * Deep scalar nets and the scalar factorization: exact derivatives against central differences,
 * the minimum sharpness at the balanced minimizer, the reference trajectories of
 * tests/fixtures/reference/trajectories.json, and bad parameters.
 */
import { describe, expect, it } from 'vitest';
import { run } from '../../src/gd/run.js';
import { deepScalarNet, scalarFactorization, scalarNetMinSharpness } from '../../src/problems/scalarNets.js';
import { constant } from '../../src/schedules/basic.js';
import { InputError } from '../../src/util/errors.js';
import { Rng } from '../../src/util/random.js';
import { referenceCasesStartingWith } from '../fixtures/reference/trajectories.js';
import { derivativeErrors } from './derivativeChecks.js';

interface ScalarFactorizationCase {
  readonly name: string;
  readonly x0: number[];
  readonly eta: number;
  readonly steps: number;
  readonly fStar: number;
  readonly loss: number[];
}

describe('derivatives against central differences', () => {
  const rng = new Rng(11);
  for (const [depth, target] of [
    [2, 1],
    [3, 1],
    [4, 2],
    [5, -0.7],
    [3, 0],
  ]) {
    it(`depth ${depth}, target ${target}`, () => {
      const problem = deepScalarNet({ depth, target });
      const worst = derivativeErrors(problem, Array.from({ length: 5 }, () => rng.normalVector(depth)), depth);
      expect(worst.gradient).toBeLessThan(1e-6);
      expect(worst.hessian).toBeLessThan(1e-6);
      expect(worst.hvp!).toBeLessThan(1e-6);
    });
  }

  it('hvp equals the dense Hessian times v, also with zero coordinates', () => {
    const problem = deepScalarNet({ depth: 5, target: 1.5 });
    const x = Float64Array.from([0.8, 0, -1.2, 0, 0.5]);
    const v = Float64Array.from([0.3, -1, 0.7, 2, -0.4]);
    const hess = problem.hess!(x);
    const hv = new Float64Array(5);
    problem.hvp!(x, v, hv);
    for (let i = 0; i < 5; i++) {
      let expected = 0;
      for (let j = 0; j < 5; j++) expected += hess[i * 5 + j] * v[j];
      expect(hv[i]).toBeCloseTo(expected, 14);
    }
  });
});

describe('minimizers', () => {
  it('the balanced xStar is a minimizer whose sharpness is S_min = N |y|^(2 - 2/N)', () => {
    for (const [depth, target] of [
      [2, 1],
      [3, 1],
      [4, 2],
      [4, -2],
    ]) {
      const problem = deepScalarNet({ depth, target });
      const xStar = problem.xStar!;
      expect(problem.f(xStar)).toBeLessThan(1e-28);
      // At a minimizer Hess f = g g^T has rank one: its trace is its largest eigenvalue.
      const hess = problem.hess!(xStar);
      let trace = 0;
      for (let i = 0; i < depth; i++) trace += hess[i * depth + i];
      expect(trace).toBeCloseTo(scalarNetMinSharpness(depth, target), 12);
    }
    expect(scalarNetMinSharpness(4, 2)).toBeCloseTo(4 * 2 ** 1.5, 12);
    expect(2 / scalarNetMinSharpness(3, 1)).toBeCloseTo(2 / 3, 15);
  });

  it('scalarFactorization is the depth-2 net', () => {
    const factorization = scalarFactorization({ target: -1.3 });
    const net = deepScalarNet({ depth: 2, target: -1.3 });
    const x = Float64Array.from([0.4, 2.1]);
    const g1 = new Float64Array(2);
    const g2 = new Float64Array(2);
    expect(factorization.grad(x, g1)).toBe(net.grad(x, g2));
    expect(g1).toEqual(g2);
    expect(factorization.hess!(x)).toEqual(net.hess!(x));
    expect(factorization.fStar).toBe(0);
    expect(factorization.name).toBe('scalarFactorization(target=-1.3)');
  });
});

describe('reference trajectories of 1/2 (x y - 1)^2', () => {
  const cases = referenceCasesStartingWith<ScalarFactorizationCase>('scalar-factorization');
  it('has the three cases', () => expect(cases.map((c) => c.eta)).toEqual([0.5, 0.9, 1.05]));
  for (const reference of cases) {
    it(`${reference.name}: every loss value to 1e-10 relative or 1e-14 absolute`, () => {
      const problem = scalarFactorization({ target: 1 });
      expect(problem.fStar).toBe(reference.fStar);
      const trajectory = run(problem, constant(reference.eta), reference.x0, { maxSteps: reference.steps });
      // A run that reaches an exactly stationary point stops there; GD would stay put.
      if (trajectory.stop !== 'stationary') expect(trajectory.steps).toBe(reference.steps);
      let worstRelative = 0;
      let worstAbsolute = 0;
      for (let t = 0; t <= reference.steps; t++) {
        const loss = trajectory.gap[Math.min(t, trajectory.steps)] + problem.fStar;
        const error = Math.abs(loss - reference.loss[t]);
        worstAbsolute = Math.max(worstAbsolute, error);
        if (reference.loss[t] !== 0) worstRelative = Math.max(worstRelative, error / Math.abs(reference.loss[t]));
        expect(error <= 1e-14 || error <= 1e-10 * Math.abs(reference.loss[t])).toBe(true);
      }
      console.log(
        `${reference.name}: stop ${trajectory.stop} at ${trajectory.steps}; ` +
          `worst relative ${worstRelative.toExponential(2)}, worst absolute ${worstAbsolute.toExponential(2)}`,
      );
    });
  }
});

describe('bad parameters', () => {
  const cases: [string, () => unknown, string][] = [
    ['depth 1', () => deepScalarNet({ depth: 1, target: 1 }), 'depth'],
    ['depth 2.5', () => deepScalarNet({ depth: 2.5, target: 1 }), 'depth'],
    ['depth NaN', () => deepScalarNet({ depth: Number.NaN, target: 1 }), 'depth'],
    ['target NaN', () => deepScalarNet({ depth: 3, target: Number.NaN }), 'target'],
    ['target Infinity', () => scalarFactorization({ target: Infinity }), 'target'],
    ['S_min of depth 0', () => scalarNetMinSharpness(0, 1), 'depth'],
  ];
  for (const [label, make, parameter] of cases) {
    it(`${label} throws an InputError naming ${parameter}`, () => {
      expect(make).toThrow(InputError);
      expect(make).toThrow(new RegExp(`^${parameter}\\b`));
    });
  }
});
