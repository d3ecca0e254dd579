import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/problems/problem.js';
import { quadraticExponentialA, quadraticExponentialB } from '../../src/problems/quadraticExponential.js';
import { InputError } from '../../src/util/errors.js';
import { derivativeErrors, grid, randomPoints, worstCurvatureExcess } from './derivativeChecks.js';

/** Value, slope and curvature of a 1-D problem at w. */
function jet(problem: Problem, w: number): [number, number, number] {
  const x = Float64Array.of(w);
  const g = new Float64Array(1);
  const f = problem.grad(x, g);
  return [f, g[0], problem.hess!(x)[0]];
}

const instances: Array<{ label: string; build: (dim?: number) => Problem; junction: number }> = [
  { label: 'T4a', build: (dim) => quadraticExponentialA({ dim }), junction: 1 },
  ...[0.5, 2, 9].map((h) => ({
    label: `T4b h=${h}`,
    build: (dim?: number) => quadraticExponentialB({ h, dim }),
    junction: 1 / Math.sqrt(h),
  })),
];

describe('quadratic-exponential instances (warmup-h0h1.md T4a, T4b)', () => {
  for (const { label, build, junction } of instances) {
    for (const dim of [1, 3]) {
      it(`${label}, d=${dim}: grad, Hessian and hvp match central differences`, () => {
        const errors = derivativeErrors(build(dim), randomPoints(dim, 8, 3 * junction, 17 + dim));
        expect(errors.gradient).toBeLessThan(1e-6);
        expect(errors.hessian).toBeLessThan(1e-6);
        expect(errors.hvp).toBeLessThan(1e-6);
      });
    }

    it(`${label}: C2 at the junction |w| = ${junction.toPrecision(4)}`, () => {
      const problem = build();
      for (const side of [-1, 1]) {
        const inner = jet(problem, side * junction);
        const outer = jet(problem, side * junction * (1 + 4 * Number.EPSILON));
        inner.forEach((value, order) => expect(Math.abs(outer[order] - value)).toBeLessThan(1e-13 * Math.max(1, Math.abs(value))));
        // Just outside, the tail formula is in use: its curvature already exceeds the core's.
        const offset = jet(problem, side * junction * (1 + 1e-6));
        expect(offset[2]).toBeGreaterThan(inner[2]);
      }
    });

    it(`${label}: Definition 3.1 with its (H0, H1), and PL / strong convexity with its mu, on a grid`, () => {
      const problem = build(2);
      const { H0, H1, mu } = problem.constants;
      const points = randomPoints(2, 300, 6 * junction, 4);
      expect(worstCurvatureExcess(problem, points, (gap) => H0!.value + H1!.value * gap)).toBeLessThan(1e-12);
      const g = new Float64Array(2);
      for (const x of points) {
        problem.grad(x, g);
        const gap = problem.gap!(x);
        expect(g[0] ** 2 + g[1] ** 2).toBeGreaterThanOrEqual(2 * mu!.value * gap * (1 - 1e-14));
        const hessian = problem.hess!(x);
        expect(Math.min(hessian[0], hessian[3])).toBeGreaterThanOrEqual(mu!.value);
      }
    });
  }

  it('T4a: w^2 on the core, curvature f + 1 on the tail; (H0, H1) = (2, 1), mu = 2', () => {
    const problem = quadraticExponentialA();
    expect(problem.f(Float64Array.of(0.5))).toBe(0.25);
    for (const x of grid(1.01, 20, 50)) {
      const [f, , curvature] = jet(problem, -x[0]);
      expect(Math.abs(curvature - (f + 1)) / curvature).toBeLessThan(1e-14);
    }
    const { H0, H1, mu } = problem.constants;
    expect([H0?.value, H1?.value, mu?.value]).toEqual([2, 1, 2]);
    expect(problem.fStar).toBe(0);
    expect(problem.name).toBe('quadraticExponentialA(d=1)');
  });

  for (const h of [0.5, 2, 9]) {
    it(`T4b h=${h}: curvature outside equals h (f - f*) + h/2; f* = 1/2; gap without cancellation`, () => {
      const problem = quadraticExponentialB({ h });
      const junction = 1 / Math.sqrt(h);
      let worst = 0;
      for (const x of grid(junction * 1.001, junction * 30, 200)) {
        for (const w of [x[0], -x[0]]) {
          const [, , curvature] = jet(problem, w);
          const gap = problem.gap!(Float64Array.of(w));
          worst = Math.max(worst, Math.abs(curvature - (h * gap + h / 2)) / curvature);
        }
      }
      console.log(`T4b h=${h}: curvature-outside identity, worst relative error ${worst.toExponential(2)}`);
      expect(worst).toBeLessThan(1e-13);
      expect(problem.fStar).toBe(0.5);
      expect(problem.gap!(Float64Array.of(1e-9))).toBe((h / 2) * 1e-18);
      expect(problem.f(Float64Array.of(1e-9)) - problem.fStar).toBe(0);
      const { H0, H1, mu } = problem.constants;
      expect([H0, H1, mu].map((c) => [c?.value, c?.status])).toEqual([
        [h, 'exact'],
        [h, 'exact'],
        [h, 'exact'],
      ]);
    });
  }

  it('T4b as a separable sum: f* = d/2, x* = 0, params and name', () => {
    const problem = quadraticExponentialB({ h: 2, dim: 3 });
    expect(problem.fStar).toBe(1.5);
    expect(Array.from(problem.xStar!)).toEqual([0, 0, 0]);
    expect(problem.params).toEqual({ h: 2, dim: 3 });
    expect(problem.name).toBe('quadraticExponentialB(h=2,d=3)');
  });

  it.each([
    ['h = 0', () => quadraticExponentialB({ h: 0 }), /h/],
    ['h negative', () => quadraticExponentialB({ h: -1 }), /h/],
    ['h NaN', () => quadraticExponentialB({ h: NaN }), /h/],
    ['T4a dimension 0', () => quadraticExponentialA({ dim: 0 }), /dim/],
    ['T4b dimension 0', () => quadraticExponentialB({ h: 1, dim: 0 }), /dim/],
  ])('rejects %s', (_label, build, pattern) => {
    expect(build).toThrow(InputError);
    expect(build).toThrow(pattern);
  });
});
