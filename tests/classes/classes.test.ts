/**
 * The class families of src/classes: gradients against central differences, the piecewise
 * quadratic against Huber and quadratics by hand, and the constants each instance reports against
 * estimates made in 40-digit arithmetic on the high-precision model (the function that runs):
 * L = max |f'(x) - f'(y)| / |x - y| (secant slopes of nearby pairs), strong convexity
 * (f'(x) - f'(y))(x - y) / |x - y|^2 >= mu, PL ||grad f||^2 >= 2 mu (f - f*), and f >= f*.
 */
import { describe, expect, it } from 'vitest';
import type { BigNumber } from 'mathjs';
import { classFamily, type CurvatureClass } from '../../src/classes/families.js';
import { piecewiseQuadratic } from '../../src/classes/piecewiseQuadratic.js';
import { paramsFromUnit } from '../../src/claims/family.js';
import { huber } from '../../src/problems/huber.js';
import { Rng } from '../../src/util/random.js';
import { gradientError } from '../helpers/finiteDifferences.js';

describe('piecewiseQuadratic', () => {
  it('is Huber for knots -tau, tau and curvatures 0, L, 0, and (L/2) x^2 for one piece', () => {
    const [L, tau] = [3, 0.7];
    const p = piecewiseQuadratic({ knots: [-tau, tau], curvatures: [0, L, 0] });
    const h = huber({ L, tau });
    const [g, gh] = [new Float64Array(1), new Float64Array(1)];
    for (const x of [-5, -0.7, -0.3, 0, 0.2, 0.7, 1.3, 8]) {
      const point = Float64Array.of(x);
      expect(p.grad(point, g)).toBeCloseTo(h.grad(point, gh), 14);
      expect(g[0]).toBeCloseTo(gh[0], 14);
    }
    expect(p.constants.L!.value).toBe(L);
    expect(p.constants.mu).toBeUndefined();
    expect(p.fStar).toBe(0);
    const q = piecewiseQuadratic({ knots: [], curvatures: [2] });
    expect(q.f(Float64Array.of(3))).toBe(9);
    expect(q.constants.mu!.value).toBe(2);
  });

  it('nonconvex with strictly convex outer pieces: f* is the least value, attained', () => {
    // f'' = 1 on (-inf, -1), -1 on (-1, 1), 1 on (1, inf): f = -x^2/2 near 0, minima at +-2 with f = -1.
    const p = piecewiseQuadratic({ knots: [-1, 1], curvatures: [1, -1, 1] });
    expect(p.fStar).toBe(-1);
    expect(Math.abs(p.xStar![0])).toBe(2);
    const model = p.highPrecision!(40);
    expect(model.fStar.toNumber()).toBe(-1);
    expect(piecewiseQuadratic({ knots: [0], curvatures: [-1, 1] }).fStar).toBe(-Infinity);
  });

  it('rejects knots out of order and mismatched lengths', () => {
    expect(() => piecewiseQuadratic({ knots: [1, 0], curvatures: [1, 1, 1] })).toThrow(/increase/);
    expect(() => piecewiseQuadratic({ knots: [1], curvatures: [1] })).toThrow(/one more/);
  });
});

const classes: CurvatureClass[] = ['convex', 'stronglyConvex', 'nonconvex', 'nonconvexBounded', 'pl'];

const variants: Array<[CurvatureClass, 'free' | 'run' | 'steps']> = [
  ...classes.map((c): [CurvatureClass, 'free'] => [c, 'free']),
  ['nonconvex', 'run'],
  ['nonconvexBounded', 'run'],
  ['nonconvex', 'steps'],
  ['nonconvexBounded', 'steps'],
];

describe.each(variants)('classFamily %s, %s knots (up to 3-D, 4 pieces)', (curvature, knots) => {
  const fam = classFamily({ curvature, knots, maxDim: 3, pieces: 4, h: { min: 0.1, max: 1.9 }, N: { min: 1, max: 10 } });
  const rng = new Rng(17);
  const instances = Array.from({ length: 40 }, () => {
    const unit = Object.fromEntries(Object.keys(fam.box).map((k) => [k, rng.uniform()]));
    return fam.instance(paramsFromUnit(fam.box, unit));
  });

  it('gradients match central differences', () => {
    for (const { problem } of instances) {
      for (let k = 0; k < 5; k++) {
        const x = Float64Array.from({ length: problem.dim }, () => rng.between(-6, 6));
        expect(gradientError(problem, x)).toBeLessThan(1e-5);
      }
    }
  });

  it('constants hold and are attained, checked in 40 digits on the model that is replayed', () => {
    let tightestL = 0;
    let tightestMu = Infinity;
    for (const instance of instances) {
      const { problem, L, mu } = instance;
      const model = problem.highPrecision!(40);
      const { math } = model;
      const big = (v: ArrayLike<number>): BigNumber[] => Array.from(v, (x) => math.bignumber(x));
      for (let k = 0; k < 30; k++) {
        const x = Float64Array.from({ length: problem.dim }, () => rng.between(-6, 6));
        const direction = Float64Array.from({ length: problem.dim }, () => rng.normal());
        const step = 10 ** rng.between(-4, 0);
        const y = x.map((xi, i) => xi + step * direction[i]);
        const [gx, gy] = [model.grad(big(x)), model.grad(big(y))];
        let dg2 = math.bignumber(0) as BigNumber;
        let inner = math.bignumber(0) as BigNumber;
        let dx2 = math.bignumber(0) as BigNumber;
        const [bx, by] = [big(x), big(y)];
        for (let i = 0; i < problem.dim; i++) {
          const dg = gx[i].minus(gy[i]);
          const dx = bx[i].minus(by[i]);
          dg2 = dg2.plus(dg.times(dg));
          inner = inner.plus(dg.times(dx));
          dx2 = dx2.plus(dx.times(dx));
        }
        const secant = dg2.div(dx2).sqrt().toNumber();
        expect(secant).toBeLessThanOrEqual(L * (1 + 1e-15));
        tightestL = Math.max(tightestL, secant / L);
        if (mu !== undefined && curvature === 'stronglyConvex') {
          const monotone = inner.div(dx2).toNumber();
          expect(monotone).toBeGreaterThanOrEqual(mu * (1 - 1e-15));
          tightestMu = Math.min(tightestMu, monotone / mu);
        }
        if (Number.isFinite(problem.fStar)) {
          const gap = model.gap ? model.gap(bx) : model.f(bx).minus(model.fStar);
          expect(gap.isNegative()).toBe(false);
          if (mu !== undefined) {
            let g2 = math.bignumber(0) as BigNumber;
            for (const gi of gx) g2 = g2.plus(gi.times(gi));
            // Equality on quadratic pieces: allow the rounding.
            expect(g2.gte(gap.times(2 * mu * (1 - 1e-15)))).toBe(true);
          }
        }
      }
    }
    console.log(`${curvature}: largest secant slope / L = ${tightestL}, smallest monotonicity / mu = ${tightestMu}`);
    expect(tightestL).toBeGreaterThan(0.99);
    if (curvature === 'stronglyConvex') expect(tightestMu).toBeLessThan(1.01);
  });

  it('membership: curvatures in the class range', () => {
    for (const { problem, L } of instances) {
      const hess = new Float64Array(problem.dim * problem.dim);
      for (let k = 0; k < 10; k++) {
        const x = Float64Array.from({ length: problem.dim }, () => rng.between(-6, 6));
        problem.hess!(x, hess);
        for (let i = 0; i < problem.dim; i++) {
          if (curvature === 'convex' || curvature === 'stronglyConvex') expect(hess[i * problem.dim + i]).toBeGreaterThanOrEqual(-1e-12);
          expect(Math.abs(hess[i * problem.dim + i])).toBeLessThanOrEqual(L * (1 + 1e-12));
        }
      }
    }
  });
});

describe("classFamily with 'run' knots (knots from the start, in units of the first step)", () => {
  const N = 5;
  const fam = classFamily({ curvature: 'nonconvexBounded', knots: 'run', maxDim: 2, pieces: 2 * N + 1, h: { min: 1, max: 1 }, N: { min: N, max: N } });
  /** Curvatures +L, -L, +L, ... and knots every half step from half a step on: f' = f'(x0) at every iterate, f'(x0)/2 midway. */
  const zigzag = (L: number, slope: number, start: number[], d: number): Record<string, number> => {
    const p: Record<string, number> = { L, h: 1, N, K: 2 * N + 1, d, seed: 7, flat: 0 };
    for (let i = 0; i < 2; i++) {
      p[`x${i}`] = start[i];
      p[`t${i}_slope`] = slope;
      p[`t${i}_first`] = 0.5;
      for (let j = 0; j < 2 * N + 1; j++) p[`t${i}_c${j}`] = j % 2 === 0 ? 1 : 0;
      for (let j = 0; j < 2 * N - 1; j++) p[`t${i}_gap${j}`] = 0.5;
    }
    return p;
  };

  it('the slope at the start is the parameter, in the terms\' rotated coordinates', () => {
    const instance = fam.instance(zigzag(2, -0.7, [2.3, -1.1], 2) as never);
    const g = new Float64Array(2);
    instance.problem.grad(instance.x0, g);
    // Both terms have slope 2 * -0.7 at their start coordinate, so ||grad|| = 1.4 sqrt(2) whatever the rotation.
    expect(Math.hypot(g[0], g[1])).toBeCloseTo(1.4 * Math.SQRT2, 12);
  });

  /** min_k f'(x_k)^2 and f(x_0) - f(x_N) along the instance's run. */
  const o3Sides = (instance: ReturnType<typeof fam.instance>): { smallest: number; decrease: number } => {
    const g = new Float64Array(1);
    const x = Float64Array.from(instance.x0);
    const f0 = instance.problem.f(x);
    let smallest = Infinity;
    for (let k = 0; k <= N; k++) {
      instance.problem.grad(x, g);
      smallest = Math.min(smallest, g[0] * g[0]);
      if (k < N) x[0] -= instance.gamma * g[0];
    }
    return { smallest, decrease: f0 - instance.problem.f(x) };
  };

  it.each([
    [1, 1, [0, 0]],
    [2, -0.7, [2.3, 0]],
    [0.3, 2.5, [-4.1, 0]],
  ])('holds the O3 worst case: min_k f\'(x_k)^2 = 4L (f(x_0) - f(x_N)) / (3N) (L = %s, slope %s)', (L, slope, start) => {
    const { smallest, decrease } = o3Sides(fam.instance(zigzag(L, slope, start, 1) as never));
    // By hand: f' = L slope at every iterate, and each step decreases f by 3 (L slope)^2 / (4L).
    expect(smallest).toBeCloseTo((L * slope) ** 2, 10);
    expect(decrease).toBeCloseTo((3 * N * (L * slope) ** 2) / (4 * L), 10);
    expect(smallest / ((4 * L * decrease) / (3 * N))).toBeCloseTo(1, 12);
  });

  it.each([0.01, 0.25, 0.5, 0.9])('along the zigzag scaled by a = %s (curvatures +-aL on the run), the O3 ratio is (3/4) / (1 - a/4)', (a) => {
    // f' dips by aL/2 times the step each half step: each step decreases f by (1 - a/4) f'(x_0)^2 / L.
    const params = zigzag(1, 1, [0, 0], 1);
    for (let j = 0; j < 2 * N + 1; j++) {
      const c = j % 2 === 0 ? a : -a;
      // Outer pieces (0 and 2N) map (0, 1] from 1e-3 + (1 - 1e-3) r; the last one, past x_N, keeps L = 1.
      params[`t0_c${j}`] = j === 0 ? (c - 1e-3) / (1 - 1e-3) : j === 2 * N ? 1 : (c + 1) / 2;
    }
    const { smallest, decrease } = o3Sides(fam.instance(params as never));
    expect(smallest / ((4 * decrease) / (3 * N))).toBeCloseTo(0.75 / (1 - a / 4), 12);
  });

  it('needs a nonconvex class', () => {
    expect(() => classFamily({ curvature: 'convex', knots: 'run', h: { min: 1, max: 1 }, N: { min: 1, max: 1 } })).toThrow(/nonconvex class/);
  });
});

describe("classFamily with 'steps' knots (two pieces in each step of the run)", () => {
  const N = 5;
  const fam = classFamily({ curvature: 'nonconvexBounded', knots: 'steps', maxDim: 2, h: { min: 1, max: 1 }, N: { min: N, max: N } });
  /** Every step: curvature ratios +split then -split (first = second = split), f' back at its lowest value by the step's end (end = 0). */
  const steps = (L: number, slope: number, start: number[], d: number, split = 1): Record<string, number> => {
    const p: Record<string, number> = { L, h: 1, N, d, seed: 7 };
    for (let i = 0; i < 2; i++) {
      Object.assign(p, { [`x${i}`]: start[i], [`t${i}_slope`]: slope, [`t${i}_beyond`]: 1 });
      for (let k = 0; k < N; k++) Object.assign(p, { [`t${i}_s${k}end`]: 0, [`t${i}_s${k}first`]: split, [`t${i}_s${k}second`]: split });
    }
    return p;
  };
  /** f'(x_k) for k = 0..N and f(x_0) - f(x_N) along the instance's run (1-D). */
  const run = (instance: ReturnType<typeof fam.instance>): { slopes: number[]; decrease: number } => {
    const g = new Float64Array(1);
    const x = Float64Array.from(instance.x0);
    const f0 = instance.problem.f(x);
    const slopes: number[] = [];
    for (let k = 0; k <= N; k++) {
      instance.problem.grad(x, g);
      slopes.push(g[0]);
      if (k < N) x[0] -= instance.gamma * g[0];
    }
    return { slopes, decrease: f0 - instance.problem.f(x) };
  };

  it.each([
    [1, 1, [0, 0]],
    [2, -0.7, [2.3, 0]],
    [0.3, 2.5, [-4.1, 0]],
  ])('first = second = 1, end = 0 is the O3 worst case: f\' = L slope at every iterate, f drops by 3 (L slope)^2 / (4L) a step (L = %s, slope %s)', (L, slope, start) => {
    const { slopes, decrease } = run(fam.instance(steps(L, slope, start, 1) as never));
    // By hand: curvature +L for half a step of length |slope|, then -L: f' dips to half and comes back.
    for (const s of slopes) expect(s).toBeCloseTo(L * slope, 10);
    expect(decrease).toBeCloseTo((3 * N * (L * slope) ** 2) / (4 * L), 10);
  });

  it.each([0.01, 0.25, 0.5, 0.9])('first = second = a = %s, end = 0: curvatures +-aL on the run, f\' kept, so the O3 ratio is (3/4) / (1 - a/4)', (a) => {
    const { slopes, decrease } = run(fam.instance(steps(1, 1, [0, 0], 1, a) as never));
    for (const s of slopes) expect(s).toBeCloseTo(1, 12);
    expect(Math.min(...slopes.map((s) => s * s)) / ((4 * decrease) / (3 * N))).toBeCloseTo(0.75 / (1 - a / 4), 12);
  });

  it('end moves where f\' ends each step, below its lowest value for end < 0, above for end > 0, whatever the curvatures', () => {
    for (const [first, second] of [[1, 1], [0.3, 0.6], [-0.4, 0.8], [0, -1]]) {
      for (const [end, compare] of [[-0.5, -1], [0, 0], [0.5, 1]] as const) {
        const params = steps(1, 1, [0, 0], 1);
        Object.assign(params, { t0_s0end: end, t0_s0first: first, t0_s0second: second });
        const { slopes } = run(fam.instance(params as never));
        // From f' = 1 over a step of length 1 the ends reachable are [0, 2]: end = -0.5 is halfway from 1 down to 0, 0.5 halfway up to 2.
        expect(slopes[1]).toBeCloseTo(1 + compare * 0.5, 12);
      }
    }
  });

  it('first and second of opposite signs put the knot on the other side: f\' rises by half the step, then falls back (f drops by 5/4 a step)', () => {
    const params = steps(1, 1, [0, 0], 1);
    for (let k = 0; k < N; k++) Object.assign(params, { [`t0_s${k}first`]: -1, [`t0_s${k}second`]: 1 });
    const { slopes, decrease } = run(fam.instance(params as never));
    for (const s of slopes) expect(s).toBeCloseTo(1, 12);
    expect(decrease).toBeCloseTo((5 * N) / 4, 12);
  });

  it('a step with first or second at 0 is linear, whatever the other (f drops by the mean of f\' at its ends)', () => {
    for (const [first, second] of [[0, 0.7], [-0.6, 0]]) {
      const params = steps(1, 1, [0, 0], 1);
      Object.assign(params, { t0_s0end: -0.5, t0_s0first: first, t0_s0second: second });
      for (let k = 1; k < N; k++) Object.assign(params, { [`t0_s${k}first`]: 0, [`t0_s${k}second`]: 0, [`t0_s${k}end`]: 0 });
      const { slopes, decrease } = run(fam.instance(params as never));
      // f' from 1 down to 0.5 linearly over a step of length 1, then four constant steps of length 0.5 at f' = 0.5.
      expect(slopes[1]).toBeCloseTo(0.5, 12);
      expect(decrease).toBeCloseTo(0.75 + 4 * 0.25, 12);
    }
  });

  it('the slope at the start is the parameter, in the terms\' rotated coordinates', () => {
    const instance = fam.instance(steps(2, -0.7, [2.3, -1.1], 2) as never);
    const g = new Float64Array(2);
    instance.problem.grad(instance.x0, g);
    expect(Math.hypot(g[0], g[1])).toBeCloseTo(1.4 * Math.SQRT2, 12);
  });

  it('needs a nonconvex class', () => {
    expect(() => classFamily({ curvature: 'convex', knots: 'steps', h: { min: 1, max: 1 }, N: { min: 1, max: 1 } })).toThrow(/nonconvex class/);
  });
});
