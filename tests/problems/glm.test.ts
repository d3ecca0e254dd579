import { all, create, type BigNumber } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { symmetricEigenvalues } from '../../src/linalg/dense.js';
import { exponentialRidge, logisticRidge, type MarginRidgeOptions } from '../../src/problems/glm.js';
import { InputError } from '../../src/util/errors.js';
import { Rng } from '../../src/util/random.js';
import { derivativeErrors, randomPoints, worstCurvatureExcess } from './derivativeChecks.js';

/** n samples in d dimensions, labels from a noisy linear rule (not separable). */
function dataset(n: number, d: number, seed: number): { X: number[][]; y: number[] } {
  const rng = new Rng(seed);
  const truth = rng.normalVector(d);
  const X = Array.from({ length: n }, () => Array.from(rng.normalVector(d)));
  const y = X.map((x) => (x.reduce((s, v, j) => s + v * truth[j], 0) + rng.normal() > 0 ? 1 : -1));
  return { X, y };
}

function norm(v: Float64Array): number {
  return Math.hypot(...v);
}

const families = [
  { label: 'logisticRidge', build: logisticRidge, loss: 'logistic' as const },
  { label: 'exponentialRidge', build: exponentialRidge, loss: 'exponential' as const },
];

describe('ridge-regularised margin losses (warmup-h0h1.md T5, T6)', () => {
  const data = { ...dataset(40, 5, 3), lambda: 0.1 };

  for (const { label, build, loss } of families) {
    describe(label, () => {
      const problem = build(data);

      it('grad, Hessian and hvp match central differences', () => {
        const errors = derivativeErrors(problem, randomPoints(5, 6, 1.5, 12));
        expect(errors.gradient).toBeLessThan(1e-6);
        expect(errors.hessian).toBeLessThan(1e-6);
        expect(errors.hvp).toBeLessThan(1e-6);
      });

      it('x* from Newton is stationary to 1e-12 and f* = f(x*)', () => {
        const g = new Float64Array(5);
        const f = problem.grad(problem.xStar!, g);
        console.log(`${problem.name}: f* = ${problem.fStar}, ||grad f(x*)|| = ${norm(g).toExponential(2)}`);
        expect(norm(g)).toBeLessThan(1e-12);
        expect(f).toBe(problem.fStar);
        expect(problem.gap!(problem.xStar!)).toBe(0);
      });

      it('gap agrees with f - f* where that has no cancellation, and is 1/2 v^T H v at tiny distances', () => {
        for (const x of randomPoints(5, 8, 1, 4)) {
          const gap = problem.gap!(x);
          expect(Math.abs(gap - (problem.f(x) - problem.fStar)) / gap).toBeLessThan(1e-12);
        }
        const direction = new Rng(6).normalVector(5);
        const hv = new Float64Array(5);
        problem.hvp!(problem.xStar!, direction, hv);
        const curvature = direction.reduce((s, v, j) => s + v * hv[j], 0);
        for (const t of [1e-9, 1e-7]) {
          const x = problem.xStar!.map((v, j) => v + t * direction[j]);
          const quadraticModel = 0.5 * t * t * curvature;
          expect(Math.abs(problem.gap!(x) - quadraticModel) / quadraticModel).toBeLessThan(1e-5);
        }
      });

      it('gradBatch averages the chosen samples plus the ridge term; over all samples it is the full gradient', () => {
        const x = Float64Array.of(0.2, -0.4, 1, 0, 0.3);
        const full = new Float64Array(5);
        const batch = new Float64Array(5);
        const f = problem.grad(x, full);
        const all = Int32Array.from({ length: 40 }, (_, i) => i);
        expect(Math.abs(problem.gradBatch(x, all, 40, batch) - f)).toBeLessThan(1e-14);
        batch.forEach((v, j) => expect(Math.abs(v - full[j])).toBeLessThan(1e-14));
        const single = oneSampleTerm(data, loss, 7, x);
        expect(Math.abs(problem.gradBatch(x, Int32Array.of(7, 0), 1, batch) - single.value)).toBeLessThan(1e-14);
        batch.forEach((v, j) => expect(Math.abs(v - single.gradient[j])).toBeLessThan(1e-14));
        expect(problem.samples).toBe(40);
      });

      it('Definition 3.1 holds with H0 = lambda + B^2 f*, H1 = B^2; mu = lambda lower-bounds the Hessian', () => {
        const { H0, H1, mu } = problem.constants;
        const radius = Math.max(...data.X.map((x) => Math.hypot(...x)));
        expect(H1).toMatchObject({ value: radius * radius, status: 'valid bound' });
        expect(H0).toMatchObject({ value: data.lambda + radius * radius * problem.fStar, status: 'valid bound' });
        expect(H0?.note).toContain(loss === 'logistic' ? 'warmup-h0h1.md T5' : 'warmup-h0h1.md T6');
        const points = [...randomPoints(5, 100, 2, 8), problem.xStar!];
        const excess = worstCurvatureExcess(problem, points, (gap) => H0!.value + H1!.value * gap);
        console.log(`${problem.name}: worst relative excess of ||Hess|| over H0 + H1 gap ${excess.toExponential(2)}`);
        expect(excess).toBeLessThan(1e-12);
        expect(mu?.value).toBe(data.lambda);
        expect(mu?.status).toBe(loss === 'logistic' ? 'exact' : 'valid bound');
        for (const x of points.slice(0, 20)) {
          expect(symmetricEigenvalues(problem.hess!(x), 5)[4]).toBeGreaterThanOrEqual(data.lambda * (1 - 1e-12));
        }
      });

      it('stays finite for margins of +-800 (stable loss and derivatives)', () => {
        const far = build({ X: [[1], [-1]], y: [1, 1], lambda: 1e-3 });
        const g = new Float64Array(1);
        for (const w of [800, -800]) {
          const value = far.grad(Float64Array.of(w), g);
          if (loss === 'logistic') {
            expect(Math.abs(value - (0.5 * 800 + 0.5e-3 * 640000))).toBeLessThan(1e-9);
            expect(Number.isFinite(g[0])).toBe(true);
            expect(Number.isFinite(far.gap!(Float64Array.of(w)))).toBe(true);
          } else {
            expect(value).toBe(Infinity);
          }
        }
      });

      it(`name and params`, () => {
        expect(problem.name).toBe(`${label}(n=40,d=5,lambda=0.1)`);
        expect(problem.params).toEqual({ n: 40, dim: 5, lambda: 0.1 });
      });
    });
  }

  it('logistic L = lambda + lambda_max(X^T X)/(4n) bounds the Hessian', () => {
    const problem = logisticRidge(data);
    const L = problem.constants.L!;
    expect(L.status).toBe('valid bound');
    const points = randomPoints(5, 100, 2, 9);
    expect(worstCurvatureExcess(problem, points, () => L.value)).toBeLessThan(1e-12);
    // At w = 0 every loss curvature is 1/4: the bound is attained.
    expect(Math.abs(worstCurvatureExcess(problem, [new Float64Array(5)], () => L.value))).toBeLessThan(1e-12);
    expect(exponentialRidge(data).constants.L).toBeUndefined();
  });

  describe('gap = Bregman divergence of f at x*, against 60-digit arithmetic', () => {
    const math = create(all, { number: 'BigNumber', precision: 60 });
    // The exact value of a double (toPrecision is correctly rounded, and 100 digits hold any double near 1).
    const big = (v: number): BigNumber => math.bignumber(v.toPrecision(100));
    const small = { X: [[1], [-2], [0.5]], y: [1, 1, -1], lambda: 0.3 };
    const lossesBig = {
      logistic: (m: BigNumber) => math.log(math.add(big(1), math.exp(math.unaryMinus(m))) as BigNumber) as BigNumber,
      exponential: (m: BigNumber) => math.exp(math.unaryMinus(m)) as BigNumber,
    };

    for (const { label, build, loss } of families) {
      it(label, () => {
        const problem = build(small);
        const wStar = big(problem.xStar![0]);
        const lossBig = lossesBig[loss];
        const objective = (w: BigNumber): BigNumber => {
          let s = math.multiply(big(small.lambda / 2), math.multiply(w, w)) as BigNumber;
          small.X.forEach(([x], i) => {
            s = math.add(s, math.divide(lossBig(math.multiply(big(small.y[i] * x), w) as BigNumber), big(3))) as BigNumber;
          });
          return s;
        };
        // Derivative at x* by a symmetric difference at 60 digits (error ~ 1e-40).
        const step = math.bignumber('1e-20');
        const slope = math.divide(
          math.subtract(objective(math.add(wStar, step) as BigNumber), objective(math.subtract(wStar, step) as BigNumber)),
          math.multiply(big(2), step),
        ) as BigNumber;
        let worst = 0;
        for (const delta of [1e-9, -3e-7, 2e-5, -9.9e-4, 1.01e-3, -0.05, 0.7, -4, 30]) {
          const w = problem.xStar![0] + delta;
          const exactDelta = math.subtract(big(w), wStar) as BigNumber;
          const reference = math.subtract(
            math.subtract(objective(big(w)), objective(wStar)),
            math.multiply(slope, exactDelta),
          ) as BigNumber;
          const error = Math.abs(problem.gap!(Float64Array.of(w)) / math.number(reference) - 1);
          worst = Math.max(worst, error);
        }
        console.log(`${label}: gap vs 60-digit Bregman divergence, worst relative error ${worst.toExponential(2)}`);
        expect(worst).toBeLessThan(1e-12);
      });
    }
  });

  it.each([
    ['lambda = 0', { lambda: 0 }, /lambda/],
    ['negative lambda', { lambda: -1 }, /lambda/],
    ['lambda NaN', { lambda: NaN }, /lambda/],
    ['labels not +-1', { y: [0, 1] }, /y\[0\] must be -1 or \+1/],
    ['labels of the wrong length', { y: [1] }, /y must have length 2/],
    ['NaN feature', { X: [[1], [NaN]] }, /X\[1\]/],
    ['no samples (dimension 0)', { X: [], y: [] }, /X must be a non-empty/],
  ])('rejects %s', (_label, change, pattern) => {
    const options: MarginRidgeOptions = { X: [[1], [2]], y: [1, -1], lambda: 1, ...change };
    for (const build of [logisticRidge, exponentialRidge]) {
      expect(() => build(options)).toThrow(InputError);
      expect(() => build(options)).toThrow(pattern);
    }
  });
});

/** The term of sample i plus the ridge term, and its gradient, by hand. */
function oneSampleTerm(
  data: { X: number[][]; y: number[]; lambda: number },
  loss: 'logistic' | 'exponential',
  i: number,
  w: Float64Array,
): { value: number; gradient: number[] } {
  const z = data.X[i].map((v) => data.y[i] * v);
  const m = z.reduce((s, v, j) => s + v * w[j], 0);
  const value = loss === 'logistic' ? Math.log1p(Math.exp(-m)) : Math.exp(-m);
  const slope = loss === 'logistic' ? -1 / (1 + Math.exp(m)) : -Math.exp(-m);
  const ridge = 0.5 * data.lambda * w.reduce((s, v) => s + v * v, 0);
  return { value: value + ridge, gradient: z.map((v, j) => slope * v + data.lambda * w[j]) };
}
