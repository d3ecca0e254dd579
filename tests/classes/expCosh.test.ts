/**
 * The exp/cosh class family (src/classes/expCosh.ts): its pieces against closed forms by hand, its
 * members' gradients and Hessians against central differences, the BigNumber model against the
 * float64 function, and the class inequalities (L0,L1), (H0,H1) and PL at many random points, with
 * the constants shown least (a deliberately smaller constant is violated).
 */
import { describe, expect, it } from 'vitest';
import { expCoshClassFamily, expCoshTerm, type ExpCoshInstance } from '../../src/classes/expCosh.js';
import { paramsFromUnit } from '../../src/claims/family.js';
import { hessianNorm } from '../../src/problems/curvature.js';
import { gapOf } from '../../src/problems/problem.js';
import { exactOrthogonal } from '../../src/problems/quadratic.js';
import { Rng } from '../../src/util/random.js';
import { gradientError, hessianError } from '../helpers/finiteDifferences.js';

const at = (t: number): Float64Array => Float64Array.of(t);

describe('expCoshTerm', () => {
  it('cosh piece: value, slope, curvature and constants by hand (a = 2, b = 1.5, c = 0.5)', () => {
    const term = expCoshTerm({ kind: 'cosh', a: 2, b: 1.5, c: 0.5 });
    const g = new Float64Array(1);
    for (const t of [-2, -0.3, 0, 0.7, 3]) {
      const value = term.grad(at(t), g);
      expect(value).toBeCloseTo(2 * (Math.cosh(1.5 * t) - 1) + 0.25 * t * t, 12);
      expect(g[0]).toBeCloseTo(3 * Math.sinh(1.5 * t) + 0.5 * t, 12);
      expect(term.hess!(at(t))[0]).toBeCloseTo(4.5 * Math.cosh(1.5 * t) + 0.5, 12);
    }
    const { L0, L1, H0, H1, mu } = term.constants;
    expect([L0!.value, L1!.value, H0!.value, H1!.value, mu!.value]).toEqual([5, 1.5, 5, 2.25, 5]);
    expect([L0, L1, H0, H1, mu].every((c) => c!.status === 'exact')).toBe(true);
    expect(term.fStar).toBe(0);
  });

  it('exp piece: constants by hand (a = 1, b = -2, c = 0); H0 = 8 ln 2 is attained at b t = ln 2 with H1 = 8', () => {
    const term = expCoshTerm({ kind: 'exp', a: 1, b: -2 });
    const { L0, L1, H0, H1, mu } = term.constants;
    expect([L0!.value, L1!.value, H1!.value]).toEqual([4, 2, 8]);
    expect(H0!.value).toBeCloseTo(8 * Math.LN2, 14);
    expect(H0!.value).toBeGreaterThanOrEqual(8 * Math.LN2);
    expect([H0!.status, H1!.status]).toEqual(['valid bound', 'valid bound']);
    expect(mu).toBeUndefined();
    const t = Math.LN2 / -2;
    expect(term.hess!(at(t))[0] - 8 * gapOf(term, at(t))).toBeCloseTo(8 * Math.LN2, 13);
    // phi = e^u - 1 - u, u = -2t; with c > 0, mu = c.
    const g = new Float64Array(1);
    expect(term.grad(at(0.8), g)).toBeCloseTo(Math.exp(-1.6) - 1 + 1.6, 14);
    expect(g[0]).toBeCloseTo(-2 * (Math.exp(-1.6) - 1), 14);
    expect(expCoshTerm({ kind: 'exp', a: 1, b: 2, c: 0.75 }).constants.mu!.value).toBe(0.75);
  });

  it('keeps full relative precision near the minimizer, like its 60-digit model', () => {
    for (const kind of ['cosh', 'exp'] as const) {
      const term = expCoshTerm({ kind, a: 0.3, b: 2.5, c: 0 });
      const model = term.highPrecision!(60);
      for (const t of [1e-9, -3e-5, 0.19, -0.21, 0.4]) {
        const exactGap = model.gap!([model.math.bignumber(t)]).toNumber();
        expect(Math.abs(gapOf(term, at(t)) / exactGap - 1)).toBeLessThan(1e-14);
      }
    }
  });

  it('rejects bad pieces', () => {
    expect(() => expCoshTerm({ kind: 'exp', a: 1, b: 0 })).toThrow(/b must be nonzero/);
    expect(() => expCoshTerm({ kind: 'cosh', a: -1, b: 1 })).toThrow(/a/);
    expect(() => expCoshTerm({ kind: 'cosh', a: 1, b: 1, c: -1 })).toThrow(/c must be >= 0/);
    expect(() => expCoshClassFamily({ maxDim: 0 })).toThrow(/maxDim must be an integer >= 1, got 0/);
    expect(() => expCoshClassFamily({ radius: -1 })).toThrow(/radius/);
  });
});

describe('expCoshClassFamily (up to 4-D, both kinds)', () => {
  const fam = expCoshClassFamily();
  const rng = new Rng(23);
  const instances: ExpCoshInstance[] = Array.from({ length: 40 }, () => {
    const unit = Object.fromEntries(Object.keys(fam.box).map((k) => [k, rng.uniform()]));
    return fam.instance(paramsFromUnit(fam.box, unit));
  });
  const randomPoint = (dim: number, radius: number): Float64Array => Float64Array.from({ length: dim }, () => rng.between(-radius, radius));
  const gradNorm = (instance: ExpCoshInstance, x: Float64Array): number => {
    const g = new Float64Array(x.length);
    instance.problem.grad(x, g);
    return Math.hypot(...g);
  };

  it('gradients and Hessians match central differences', () => {
    for (const { problem } of instances) {
      for (let k = 0; k < 4; k++) {
        const x = randomPoint(problem.dim, 3);
        expect(gradientError(problem, x)).toBeLessThan(1e-6);
        expect(hessianError(problem, x)).toBeLessThan(1e-6);
      }
    }
  });

  it('the 40-digit model evaluates the same function', () => {
    for (const { problem } of instances.slice(0, 10)) {
      const model = problem.highPrecision!(40);
      const x = randomPoint(problem.dim, 3);
      const bx = Array.from(x, (v) => model.math.bignumber(v));
      expect(Math.abs(model.f(bx).toNumber() / problem.f(x) - 1)).toBeLessThan(1e-13);
      const g = new Float64Array(problem.dim);
      problem.grad(x, g);
      const scale = Math.max(1, Math.hypot(...g));
      model.grad(bx).forEach((gi, i) => expect(Math.abs(gi.toNumber() - g[i]) / scale).toBeLessThan(1e-13));
    }
  });

  it('every member satisfies (L0,L1), (H0,H1) and PL at random points, and the constants are the least', () => {
    let worst = { L: 0, H: 0, pl: Infinity };
    for (const instance of instances) {
      const { problem, L0, L1, H0, H1, mu } = instance;
      for (let k = 0; k < 25; k++) {
        const x = randomPoint(problem.dim, 8 * rng.uniform());
        const hess = hessianNorm(problem, x);
        const grad = gradNorm(instance, x);
        const gap = gapOf(problem, x);
        expect(hess).toBeLessThanOrEqual((L0 + L1 * grad) * (1 + 1e-12));
        expect(hess).toBeLessThanOrEqual((H0 + H1 * gap) * (1 + 1e-12));
        if (mu !== undefined) expect(grad ** 2).toBeGreaterThanOrEqual(2 * mu * gap * (1 - 1e-12));
        worst = { L: Math.max(worst.L, hess / (L0 + L1 * grad)), H: Math.max(worst.H, hess / (H0 + H1 * gap)), pl: mu === undefined ? worst.pl : Math.min(worst.pl, grad ** 2 / (2 * mu * gap)) };
      }
      // Least: at x* = 0, ||Hess|| = L0 (and H0 on all-cosh members).
      const origin = new Float64Array(problem.dim);
      expect(hessianNorm(problem, origin)).toBeCloseTo(L0, 12);
      if (instance.kinds.every((k) => k === 'cosh')) expect(hessianNorm(problem, origin)).toBeCloseTo(H0, 12);
    }
    console.log(`largest ||Hess|| / (L0 + L1 ||grad||) = ${worst.L}, / (H0 + H1 gap) = ${worst.H}; smallest ||grad||^2 / (2 mu gap) = ${worst.pl}`);
  });

  /** x = Q y: the point whose term coordinates are y (Q is the member's exactly orthogonal basis). */
  const fromTermCoordinates = ({ problem }: ExpCoshInstance, y: Float64Array): Float64Array => {
    const dim = problem.dim;
    const Q = exactOrthogonal(dim, new Rng(problem.params.seed));
    return Float64Array.from({ length: dim }, (_, i) => y.reduce((s, yk, k) => s + Q[i * dim + k] * yk, 0));
  };

  it('deliberately wrong constants are caught: L1 (and H1 on all-cosh members) halved far out along a term axis, L0 and H0 shrunk at x*, mu doubled', () => {
    const caught = { L0: 0, L1: 0, H0: 0, H1: 0, mu: 0 };
    const expected = { L0: 0, L1: 0, H0: 0, H1: 0, mu: 0 };
    for (const instance of instances) {
      const { problem, L0, L1, H0, H1, mu } = instance;
      const allCosh = instance.kinds.every((k) => k === 'cosh');
      const origin = new Float64Array(problem.dim);
      const probes: Float64Array[] = [];
      // Along each term's axis, both ways, near x* and 300 / L1 out (b t = 300 on the term with the largest |b|).
      for (let axis = 0; axis < problem.dim; axis++) {
        for (const t of [-300 / L1, -1e-4, 1e-4, 300 / L1]) {
          const y = new Float64Array(problem.dim);
          y[axis] = t;
          probes.push(fromTermCoordinates(instance, y));
        }
      }
      const violated = (wrong: (hess: number, grad: number, gap: number) => boolean): number =>
        probes.some((x) => wrong(hessianNorm(problem, x), gradNorm(instance, x), gapOf(problem, x))) ? 1 : 0;
      caught.L1 += violated((hess, grad) => hess > L0 + (L1 / 2) * grad);
      expected.L1++;
      if (allCosh) {
        caught.H1 += violated((hess, _grad, gap) => hess > H0 + (H1 / 2) * gap);
        expected.H1++;
        caught.H0 += hessianNorm(problem, origin) > 0.99 * H0 ? 1 : 0;
        expected.H0++;
      }
      caught.L0 += hessianNorm(problem, origin) > 0.99 * L0 ? 1 : 0;
      expected.L0++;
      if (mu !== undefined) {
        caught.mu += violated((_hess, grad, gap) => grad ** 2 < 2 * (2 * mu) * gap);
        expected.mu++;
      }
    }
    console.log('wrong constants caught / members:', caught, expected);
    expect(caught).toEqual(expected);
    expect(expected.H1).toBeGreaterThan(0);
    expect(expected.mu).toBeGreaterThan(0);
  });

  it('its constants are exact where the module comment says so', () => {
    for (const { problem, kinds } of instances) {
      const { L0, L1, H0, H1 } = problem.constants;
      expect([L0!.status, L1!.status]).toEqual(['exact', 'exact']);
      const expected = kinds.every((k) => k === 'cosh') ? 'exact' : 'valid bound';
      expect([H0!.status, H1!.status]).toEqual([expected, expected]);
    }
  });
});
