import { describe, expect, it } from 'vitest';
import type { BigNumber } from 'mathjs';
import Fraction from 'fraction.js';
import { classFamily } from '../../src/classes/families.js';
import { exactFraction, largestDoubleNotAbove, piecewiseQuadraticPLConstant, plPiecewiseQuadratic } from '../../src/classes/plConstant.js';
import type { PiecewiseQuadraticProblem } from '../../src/classes/piecewiseQuadratic.js';
import { paramsFromUnit } from '../../src/claims/family.js';
import { toBig } from '../../src/problems/highPrecision.js';
import { nextDown, nextUp } from '../../src/problems/spectrumBounds.js';
import { Rng } from '../../src/util/random.js';

describe('exact rationals of doubles', () => {
  it('reads a double as the dyadic rational it is', () => {
    expect(exactFraction(0.5).equals(new Fraction(1, 2))).toBe(true);
    expect(exactFraction(-3).equals(new Fraction(-3))).toBe(true);
    // 0.1 is 3602879701896397 / 2^55.
    expect(exactFraction(0.1).equals(new Fraction(3602879701896397n, 2n ** 55n))).toBe(true);
    expect(exactFraction(Number.MIN_VALUE).equals(new Fraction(1n, 2n ** 1074n))).toBe(true);
  });

  it('rounds a rational down to the largest double not above it', () => {
    expect(largestDoubleNotAbove(new Fraction(1, 2))).toBe(0.5);
    for (const [n, d] of [[1n, 10n], [1n, 3n], [-2n, 3n], [22n, 7n], [10n ** 30n + 1n, 3n], [1n, 3n * 2n ** 1060n], [-7n, 2n ** 1076n]] as const) {
      const q = new Fraction(n, d);
      const x = largestDoubleNotAbove(q);
      expect(exactFraction(x).lte(q)).toBe(true);
      expect(exactFraction(nextUp(x)).gt(q)).toBe(true);
    }
    // 0.1 as a double is above 1/10: the bound is the double below it.
    expect(largestDoubleNotAbove(new Fraction(1, 10))).toBe(nextDown(0.1));
  });
});

describe('the PL constant of a piecewise quadratic, by hand', () => {
  it('a quadratic: mu = c, wherever its minimizer', () => {
    expect(piecewiseQuadraticPLConstant({ knots: [], curvatures: [0.75] })).toEqual({ value: 0.75, exact: true });
    expect(piecewiseQuadraticPLConstant({ knots: [], curvatures: [0.75], slope: 1.5 })).toEqual({ value: 0.75, exact: true });
    // The same quadratic cut by knots that change nothing.
    expect(piecewiseQuadraticPLConstant({ knots: [-1, 2], curvatures: [0.75, 0.75, 0.75], slope: -0.3 })).toEqual({ value: 0.75, exact: true });
  });

  it('two half quadratics glued at the minimizer: the smaller curvature', () => {
    expect(piecewiseQuadraticPLConstant({ knots: [0], curvatures: [2, 0.5] })).toEqual({ value: 0.5, exact: true });
  });

  it('a strongly convex Huber-like shape (L + m on [-1, 1], m outside): the outer limit m, not the knots\' R = L + m', () => {
    // R(1) = f'(1)^2 / (2 f(1)) = (L + m)^2 / (L + m) = L + m; on the outer pieces R decreases to m.
    expect(piecewiseQuadraticPLConstant({ knots: [-1, 1], curvatures: [0.25, 1.25, 0.25] })).toEqual({ value: 0.25, exact: true });
  });

  it('a nonconvex PL shape: R at the knot after a concave piece', () => {
    // f'' = 1 on x < 1, -1/2 on (1, 2), 1 beyond; f(0) = f'(0) = 0 = min f. At x = 1: f' = 1, f = 1/2,
    // R = 1; at x = 2: f' = 1/2, f = 1/2 + 1 - 1/4 = 5/4, R = (1/4) / (5/2) = 1/10. Not a double: the
    // double below it, and not exact.
    const pl = piecewiseQuadraticPLConstant({ knots: [1, 2], curvatures: [1, -0.5, 1] });
    expect(pl).toEqual({ value: nextDown(0.1), exact: false });
    // The same shape with the concave piece twice as long: f'(3) = 0 at x = 3, a second critical point.
    expect(piecewiseQuadraticPLConstant({ knots: [1, 3], curvatures: [1, -0.5, 1] })).toBeUndefined();
    // Reflected and shifted, x -> 5 - x: the same constant (minimizer at 5, f'(0) = -f'(5) = -(1/2 + 3)).
    expect(piecewiseQuadraticPLConstant({ knots: [3, 4], curvatures: [1, -0.5, 1], slope: -3.5 })).toEqual({ value: nextDown(0.1), exact: false });
  });

  it('not PL: no minimizer (an outer curvature <= 0) or a critical point that is not one', () => {
    expect(piecewiseQuadraticPLConstant({ knots: [-1, 1], curvatures: [0, 1, 0] })).toBeUndefined(); // Huber: linear tails
    expect(piecewiseQuadraticPLConstant({ knots: [1, 3], curvatures: [1, -1, 1] })).toBeUndefined(); // f'(3) = -1: a local maximum at 1
    expect(piecewiseQuadraticPLConstant({ knots: [-1, 1], curvatures: [1, 0, 1] })).toBeUndefined(); // a flat bottom
    expect(() => plPiecewiseQuadratic({ knots: [1, 3], curvatures: [1, -1, 1] })).toThrow(/not PL/);
  });

  it('plPiecewiseQuadratic carries it as mu, exact or a valid bound', () => {
    expect(plPiecewiseQuadratic({ knots: [0], curvatures: [2, 0.5] }).constants.mu).toMatchObject({ value: 0.5, status: 'exact' });
    expect(plPiecewiseQuadratic({ knots: [1, 2], curvatures: [1, -0.5, 1] }).constants.mu).toMatchObject({ value: nextDown(0.1), status: 'valid bound' });
  });
});

describe("classFamily 'pl' members: the PL constant against a dense grid of R in 100 digits", () => {
  const fam = classFamily({ curvature: 'pl', pieces: 4, h: { min: 1, max: 1 }, N: { min: 1, max: 1 } });
  const rng = new Rng(23);
  const members = Array.from({ length: 40 }, () => {
    const unit = Object.fromEntries(Object.keys(fam.box).map((k) => [k, rng.uniform()]));
    return fam.instance(paramsFromUnit(fam.box, unit));
  });

  it('holds on the grid, is attained (within 1e-3) and some members are nonconvex', () => {
    let nonconvex = 0;
    for (const { problem, mu, L } of members) {
      const { knots, curvatures } = problem as PiecewiseQuadraticProblem;
      if (curvatures.some((c) => c < 0)) nonconvex++;
      expect(mu).toBeGreaterThanOrEqual(0.001 * L * (1 - 1e-12));
      // 100 digits: at a knot next to x*, f - f* is the square of a rounding error of f'.
      const model = problem.highPrecision!(100);
      const xStar = problem.xStar![0];
      const grid = [...knots, xStar + 1e6, xStar - 1e6];
      for (let k = 0; k <= 4000; k++) grid.push(xStar - 10 + (20 * k) / 4000);
      let least: BigNumber | undefined;
      for (const x of grid) {
        const point = [toBig(model.math, x)];
        const gap = model.f(point).minus(model.fStar);
        if (!gap.isPositive() || gap.isZero()) continue;
        const slope = model.grad(point)[0];
        const R = slope.times(slope).div(gap.times(2));
        if (!least || R.lt(least)) least = R;
      }
      // R = mu exactly on a piece at x*: allow the 100-digit rounding (amplified where f - f* is tiny), far below an ulp of mu.
      const muBig = toBig(model.math, mu!);
      expect(least!.minus(muBig).div(muBig).toNumber()).toBeGreaterThanOrEqual(-1e-40);
      expect(least!.toNumber()).toBeLessThanOrEqual(mu! * (1 + 1e-3));
    }
    expect(nonconvex).toBeGreaterThan(5);
  });

  it('f(x_0) - f* is accurate however near the minimizer the start is (no cancellation: the terms are anchored at x* = 0)', () => {
    for (let k = 0; k < 20; k++) {
      const unit = Object.fromEntries(Object.keys(fam.box).map((key) => [key, rng.uniform()]));
      const params = { ...paramsFromUnit(fam.box, unit), x0: 1e-5 * (k % 2 === 0 ? 1 : -1) };
      const { problem, initialGap, x0 } = fam.instance(params);
      const model = problem.highPrecision!(40);
      const exactGap = model.f([toBig(model.math, x0[0])]).minus(model.fStar).toNumber();
      expect(Math.abs(initialGap - exactGap)).toBeLessThanOrEqual(1e-14 * exactGap);
    }
  });

  it('one step of h / L contracts f - f* by at most (1 - h mu / L)^2 when h <= 1 (no overshoot in one dimension)', () => {
    // Why: f' is L-Lipschitz and 0 at x*, so x_1 = x_0 - (h / L) f'(x_0) stays on x_0's side of x*,
    // and u = sqrt(2 (f - f*)) has |u'| = sqrt(R) >= sqrt(mu) there:
    // u(x_1) <= u(x_0) - sqrt(mu) |x_0 - x_1| = u(x_0) (1 - (h / L) sqrt(mu) u'(x_0)) <= u(x_0) (1 - h mu / L).
    // Separable sums add the terms' gaps, so the PL class family cannot go beyond the quadratic here.
    for (const { problem, mu, L, x0 } of members) {
      for (const h of [0.25, 0.5, 1]) {
        const model = problem.highPrecision!(40);
        const { math } = model;
        const start = [toBig(math, x0[0])];
        const next = [start[0].minus(model.grad(start)[0].times(h).div(L))];
        const ratio = model.f(next).minus(model.fStar).div(model.f(start).minus(model.fStar));
        expect(ratio.toNumber()).toBeLessThanOrEqual((1 - (h * mu!) / L) ** 2 * (1 + 1e-12));
      }
    }
  });
});
