import { describe, expect, it } from 'vitest';
import { evenPower, evenPowerH1ForH0 } from '../../src/problems/power.js';
import { InputError } from '../../src/util/errors.js';
import { derivativeErrors, grid, randomPoints, worstCurvatureExcess } from './derivativeChecks.js';

describe('evenPower: sum_i w_i^(2k)', () => {
  for (const k of [1, 2, 3, 5]) {
    it(`k=${k}, d=3: grad, Hessian and hvp match central differences`, () => {
      const errors = derivativeErrors(evenPower({ k, dim: 3 }), randomPoints(3, 6, 1.5, 3 + k));
      expect(errors.gradient).toBeLessThan(1e-6);
      expect(errors.hessian).toBeLessThan(1e-6);
      expect(errors.hvp).toBeLessThan(1e-6);
    });
  }

  for (const k of [2, 3, 4]) {
    it(`k=${k}: (rho, K0, Krho) = ((p-2)/p, 0, p(p-1)) holds with equality in 1-D and as a bound in 3-D`, () => {
      const p = 2 * k;
      const oneDim = evenPower({ k });
      const { rho, K0, Krho } = oneDim.constants;
      expect([rho?.value, K0?.value, Krho?.value]).toEqual([(p - 2) / p, 0, p * (p - 1)]);
      const bound = (gap: number): number => K0!.value + Krho!.value * Math.pow(gap, rho!.value);
      const nonzeroGrid = grid(-2, 2, 80).filter((x) => x[0] !== 0);
      expect(Math.abs(worstCurvatureExcess(oneDim, nonzeroGrid, bound))).toBeLessThan(1e-12);
      expect(worstCurvatureExcess(evenPower({ k, dim: 3 }), randomPoints(3, 200, 2, k), bound)).toBeLessThan(1e-12);
    });
  }

  it('k=2: the (6,6) pair of T3 holds on a grid (Definition 3.1), and is on the frontier H0 H1 = 36', () => {
    const problem = evenPower({ k: 2, dim: 2 });
    expect(problem.constants.H0).toMatchObject({ value: 6, status: 'valid bound' });
    expect(problem.constants.H1).toMatchObject({ value: 6, status: 'valid bound' });
    expect(problem.constants.H0?.note).toContain('T3');
    const excess = worstCurvatureExcess(problem, randomPoints(2, 400, 3, 2), (gap) => 6 + 6 * gap);
    expect(excess).toBeLessThan(1e-12);
    // 12 w^2 = 6 + 6 w^4 at w = 1: the pair touches.
    expect(Math.abs(worstCurvatureExcess(problem, [Float64Array.of(1, 0)], (gap) => 6 + 6 * gap))).toBeLessThan(1e-15);
  });

  it('evenPowerH1ForH0: 36 / H0 for k = 2, H0 = 4000 <-> H1 = 1 for k = 3, and tight on a fine grid', () => {
    for (const H0 of [0.5, 6, 100]) expect(evenPowerH1ForH0(2, H0)).toBeCloseTo(36 / H0, 12);
    expect(Math.abs(evenPowerH1ForH0(3, 4000) - 1)).toBeLessThan(1e-12);
    for (const k of [2, 3, 4]) {
      const H0 = 3;
      const H1 = evenPowerH1ForH0(k, H0);
      const excess = worstCurvatureExcess(evenPower({ k }), grid(0, 3, 30001), (gap) => H0 + H1 * gap);
      console.log(`k=${k}, H0=${H0}: smallest H1 ${H1}, worst relative excess on the grid ${excess.toExponential(2)}`);
      expect(excess).toBeLessThan(1e-12);
      expect(excess).toBeGreaterThan(-1e-6);
      const symmetric = evenPower({ k }).constants.H0!.value;
      expect(Math.abs(evenPowerH1ForH0(k, symmetric) - symmetric) / symmetric).toBeLessThan(1e-12);
    }
  });

  it('k=1 is the quadratic ||w||^2: L = mu = H0 = K0 = 2, H1 = Krho = 0, exact', () => {
    const { L, mu, H0, H1, K0, Krho } = evenPower({ k: 1, dim: 4 }).constants;
    expect([L, mu, H0, H1, K0, Krho].map((c) => c?.value)).toEqual([2, 2, 2, 0, 2, 0]);
    expect(mu?.status).toBe('exact');
  });

  it('k >= 2 has no L and no mu; name, params, f*, x*', () => {
    const problem = evenPower({ k: 3, dim: 2 });
    expect(problem.constants.L).toBeUndefined();
    expect(problem.constants.mu).toBeUndefined();
    expect(problem.name).toBe('evenPower(k=3,d=2)');
    expect(problem.params).toEqual({ k: 3, dim: 2 });
    expect(problem.fStar).toBe(0);
    expect(problem.f(Float64Array.of(-2, 1))).toBe(65);
  });

  it.each([
    ['k = 0', () => evenPower({ k: 0 }), /k/],
    ['fractional k', () => evenPower({ k: 2.5 }), /k/],
    ['k NaN', () => evenPower({ k: NaN }), /k/],
    ['dimension 0', () => evenPower({ k: 2, dim: 0 }), /dim/],
    ['evenPowerH1ForH0 with k = 1', () => evenPowerH1ForH0(1, 1), /k/],
    ['evenPowerH1ForH0 with H0 = 0', () => evenPowerH1ForH0(2, 0), /H0/],
    ['evenPowerH1ForH0 with H0 NaN', () => evenPowerH1ForH0(2, NaN), /H0/],
  ])('rejects %s', (_label, build, pattern) => {
    expect(build).toThrow(InputError);
    expect(build).toThrow(pattern);
  });
});
