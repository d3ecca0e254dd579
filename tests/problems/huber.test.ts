import { describe, expect, it } from 'vitest';
import { huberWorstCase } from '../../src/problems/huber.js';
import { InputError } from '../../src/util/errors.js';
import { derivativeErrors, grid } from './derivativeChecks.js';

const cases = [
  { L: 3, R: 1, N: 4, h: 1 },
  { L: 1, R: 1, N: 4, h: 1.5 },
  { L: 0.7, R: 3.2, N: 25, h: 0.3 },
  { L: 12, R: 0.05, N: 100, h: 1.9 },
];

describe('huberWorstCase (classical-oracles.md O1)', () => {
  for (const { L, R, N, h } of cases) {
    const tau = R / (2 * N * h + 1);

    it(`L=${L} R=${R} N=${N} h=${h}: grad and Hessian match central differences away from the kink`, () => {
      const problem = huberWorstCase({ L, R, N, h });
      const points = [...grid(-2 * R, 2 * R, 41), ...grid(-0.9 * tau, 0.9 * tau, 7)].filter(
        (x) => Math.abs(Math.abs(x[0]) - tau) > 1e-3 * tau,
      );
      const errors = derivativeErrors(problem, points);
      expect(errors.gradient).toBeLessThan(1e-6);
      expect(errors.hessian).toBeLessThan(1e-6);
    });

    it(`L=${L} R=${R} N=${N} h=${h}: GD from x0 = R with step h/L walks the linear piece to L R^2 / (2(2Nh+1))`, () => {
      const problem = huberWorstCase({ L, R, N, h });
      expect(problem.params).toEqual({ L, R, N, h, tau, x0: R, gamma: h / L });
      const x = Float64Array.of(problem.params.x0);
      const g = new Float64Array(1);
      for (let k = 0; k < N; k++) {
        expect(Math.abs(x[0] - (R - k * h * tau))).toBeLessThan(1e-13 * R);
        problem.grad(x, g);
        x[0] -= problem.params.gamma * g[0];
      }
      const expected = (L * R * R) / (2 * (2 * N * h + 1));
      const error = Math.abs(problem.gap!(x) - expected) / expected;
      console.log(`O1 L=${L} R=${R} N=${N} h=${h}: f(x_N) relative error ${error.toExponential(2)}`);
      expect(error).toBeLessThan(1e-12);
      expect(Math.abs(x[0] - tau * (N * h + 1))).toBeLessThan(1e-13 * R);
    });
  }

  it('Hessian: L on the core including the kink |x| = tau, 0 outside; f is C1 at the kink', () => {
    const problem = huberWorstCase({ L: 2, R: 3, N: 1, h: 1 });
    const tau = problem.params.tau;
    expect(tau).toBe(1);
    expect(problem.hess!(Float64Array.of(tau))[0]).toBe(2);
    expect(problem.hess!(Float64Array.of(-0.5))[0]).toBe(2);
    expect(problem.hess!(Float64Array.of(1.0001))[0]).toBe(0);
    const g = new Float64Array(1);
    const inside = problem.grad(Float64Array.of(tau), g);
    const slopeInside = g[0];
    const outside = problem.grad(Float64Array.of(tau * (1 + Number.EPSILON)), g);
    expect(Math.abs(outside - inside)).toBeLessThan(1e-14);
    expect(Math.abs(g[0] - slopeInside)).toBeLessThan(1e-14);
  });

  it('constants: L exact, no mu; f* = 0 at x* = 0', () => {
    const problem = huberWorstCase({ L: 3, R: 1, N: 4, h: 1 });
    expect(problem.constants.L).toMatchObject({ value: 3, status: 'exact' });
    expect(problem.constants.L?.note).toContain('classical-oracles.md O1');
    expect(problem.constants.mu).toBeUndefined();
    expect(problem.fStar).toBe(0);
    expect(Array.from(problem.xStar!)).toEqual([0]);
    expect(problem.name).toBe('huberWorstCase(L=3,R=1,N=4,h=1)');
  });

  it.each([
    ['L = 0', { L: 0, R: 1, N: 1, h: 1 }, /L/],
    ['R negative', { L: 1, R: -1, N: 1, h: 1 }, /R/],
    ['N = 0', { L: 1, R: 1, N: 0, h: 1 }, /N/],
    ['fractional N', { L: 1, R: 1, N: 1.5, h: 1 }, /N/],
    ['h NaN', { L: 1, R: 1, N: 1, h: NaN }, /h/],
  ])('rejects %s', (_label, options, pattern) => {
    expect(() => huberWorstCase(options)).toThrow(InputError);
    expect(() => huberWorstCase(options)).toThrow(pattern);
  });
});
