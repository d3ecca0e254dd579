import { describe, expect, it } from 'vitest';
import { coshExtremal } from '../../src/problems/cosh.js';
import { InputError } from '../../src/util/errors.js';
import { derivativeErrors, grid, randomPoints, worstCurvatureExcess } from './derivativeChecks.js';

const settings = [
  { H0: 1, H1: 1 },
  { H0: 2, H1: 0.25 },
  { H0: 0.3, H1: 4 },
];

describe('coshExtremal (warmup-h0h1.md T2)', () => {
  for (const { H0, H1 } of settings) {
    for (const dim of [1, 3]) {
      it(`H0=${H0} H1=${H1} d=${dim}: grad, Hessian and hvp match central differences`, () => {
        const errors = derivativeErrors(coshExtremal({ H0, H1, dim }), randomPoints(dim, 6, 3, 11 * dim));
        expect(errors.gradient).toBeLessThan(1e-6);
        expect(errors.hessian).toBeLessThan(1e-6);
        expect(errors.hvp).toBeLessThan(1e-6);
      });
    }

    it(`H0=${H0} H1=${H1}, 1-D: f'' = H0 + H1 f and f'^2 = 2 H0 f + H1 f^2 to 1e-12`, () => {
      const problem = coshExtremal({ H0, H1 });
      const g = new Float64Array(1);
      let worstCurvature = 0;
      let worstSlope = 0;
      for (const x of grid(-6, 6, 241)) {
        const f = problem.grad(x, g);
        const curvature = problem.hess!(x)[0];
        worstCurvature = Math.max(worstCurvature, Math.abs(curvature - (H0 + H1 * f)) / (H0 + H1 * f));
        const bound = 2 * H0 * f + H1 * f * f;
        if (bound > 0) worstSlope = Math.max(worstSlope, Math.abs(g[0] * g[0] - bound) / bound);
      }
      console.log(`cosh H0=${H0} H1=${H1}: curvature identity ${worstCurvature.toExponential(2)}, slope identity ${worstSlope.toExponential(2)}`);
      expect(worstCurvature).toBeLessThan(1e-12);
      expect(worstSlope).toBeLessThan(1e-12);
    });

    it(`H0=${H0} H1=${H1}, d=2: Definition 3.1 holds, with equality on the axes`, () => {
      const problem = coshExtremal({ H0, H1, dim: 2 });
      const bound = (gap: number): number => H0 + H1 * gap;
      expect(worstCurvatureExcess(problem, randomPoints(2, 200, 4, 5), bound)).toBeLessThan(1e-12);
      const onAxis = grid(-4, 4, 33).map((x) => Float64Array.of(x[0], 0));
      expect(Math.abs(worstCurvatureExcess(problem, onAxis, bound))).toBeLessThan(1e-12);
    });
  }

  it('PL with mu = H0 in 3-D: ||grad f||^2 >= 2 H0 (f - f*)', () => {
    const problem = coshExtremal({ H0: 1.5, H1: 2, dim: 3 });
    const g = new Float64Array(3);
    for (const x of randomPoints(3, 100, 3, 8)) {
      const f = problem.grad(x, g);
      expect(g[0] ** 2 + g[1] ** 2 + g[2] ** 2).toBeGreaterThanOrEqual(2 * 1.5 * f * (1 - 1e-14));
    }
  });

  it('gap has no cancellation near the minimizer: H0 w^2 / 2 (1 + H1 w^2 / 12) at w = 1e-9', () => {
    const problem = coshExtremal({ H0: 3, H1: 2 });
    const w = 1e-9;
    const expected = ((3 * w * w) / 2) * (1 + (2 * w * w) / 12);
    expect(Math.abs(problem.gap!(Float64Array.of(w)) - expected) / expected).toBeLessThan(1e-14);
    expect(problem.f(Float64Array.of(w))).toBeGreaterThan(0);
  });

  it('constants, name, params, minimizer', () => {
    const problem = coshExtremal({ H0: 1, H1: 1, dim: 2 });
    expect(problem.name).toBe('cosh(H0=1,H1=1,d=2)');
    expect(problem.params).toEqual({ H0: 1, H1: 1, dim: 2 });
    expect(problem.fStar).toBe(0);
    expect(Array.from(problem.xStar!)).toEqual([0, 0]);
    const { H0, H1, mu, rho, K0, Krho } = problem.constants;
    expect([H0, H1, mu, rho, K0, Krho].map((c) => [c?.value, c?.status])).toEqual([
      [1, 'exact'],
      [1, 'exact'],
      [1, 'exact'],
      [1, 'exact'],
      [1, 'exact'],
      [1, 'exact'],
    ]);
    expect(H0?.note).toContain('warmup-h0h1.md T2 [D]');
    expect(coshExtremal({ H0: 2, H1: 3 }).dim).toBe(1);
  });

  it.each([
    ['H0 negative', { H0: -1, H1: 1 }, /H0/],
    ['H0 zero', { H0: 0, H1: 1 }, /H0/],
    ['H1 NaN', { H0: 1, H1: NaN }, /H1/],
    ['dimension 0', { H0: 1, H1: 1, dim: 0 }, /dim/],
    ['fractional dimension', { H0: 1, H1: 1, dim: 1.5 }, /dim/],
  ])('rejects %s', (_label, options, pattern) => {
    expect(() => coshExtremal(options)).toThrow(InputError);
    expect(() => coshExtremal(options)).toThrow(pattern);
  });
});
