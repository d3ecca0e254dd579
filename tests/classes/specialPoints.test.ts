/** Instances at special points: the start moved to a certified critical point or a minimizer. */
import { describe, expect, it } from 'vitest';
import { atCriticalPoint, atMinimizer, classFamily, solveCriticalPoint } from '../../src/index.js';
import { piecewiseQuadratic } from '../../src/classes/piecewiseQuadratic.js';
import { paramsFromUnit } from '../../src/claims/family.js';
import { Rng } from '../../src/util/random.js';

describe('atCriticalPoint', () => {
  it('solves to a critical point of a nonconvex piecewise quadratic, certified by its gradient', () => {
    // f'' = 1, -1, 1 with knots -1, 1: critical points at -2, 0, 2; from 3 GD goes to 2.
    const problem = piecewiseQuadratic({ knots: [-1, 1], curvatures: [1, -1, 1] });
    const at = solveCriticalPoint(problem, [3]);
    expect(at.certified).toBe(true);
    expect(at.x0[0]).toBeCloseTo(2, 9);
  });

  it('moves every instance of a class family, deterministically, and reports the gradient norm there', () => {
    const base = classFamily({ curvature: 'nonconvexBounded', maxDim: 2, pieces: 3, h: { min: 1, max: 1 }, N: { min: 1, max: 3 } });
    const moved = atCriticalPoint(base);
    const rng = new Rng(2);
    for (let k = 0; k < 20; k++) {
      const params = paramsFromUnit(base.box, Object.fromEntries(Object.keys(base.box).map((n) => [n, rng.uniform()])));
      const a = moved.instance(params);
      const g = new Float64Array(a.problem.dim);
      a.problem.grad(a.x0, g);
      expect(Math.hypot(...g)).toBeCloseTo(a.gradientNormAt, 20);
      expect(a.certified).toBe(true);
      expect(Array.from(moved.instance(params).x0)).toEqual(Array.from(a.x0));
    }
  });

  it('atMinimizer uses the known x* exactly', () => {
    const base = classFamily({ curvature: 'convex', h: { min: 1, max: 1 }, N: { min: 1, max: 1 } });
    const params = paramsFromUnit(base.box, Object.fromEntries(Object.keys(base.box).map((n) => [n, 0.5])));
    const at = atMinimizer(base).instance(params);
    expect(at.x0[0]).toBe(0);
    expect(at.gradientNormAt).toBe(0);
  });
});
