/**
 * The runner's stopping rules, its recording options, the large-step thresholds of the scalar
 * factorization, bad input, and the seeded stochastic variant.
 */
import { describe, expect, it } from 'vitest';
import { classifyRun } from '../../src/gd/classify.js';
import { abcNoise, additiveGaussianNoise, minibatch } from '../../src/gd/oracles.js';
import { run } from '../../src/gd/run.js';
import { firstHitIteration, minGradNorm } from '../../src/gd/trajectory.js';
import { quadratic, leastSquares } from '../../src/problems/quadratic.js';
import { scalarFactorization } from '../../src/problems/scalarNets.js';
import { constant } from '../../src/schedules/index.js';
import { InputError } from '../../src/util/errors.js';
import { Rng } from '../../src/util/random.js';

function convergedFraction(step: number, starts: number, seed: number): number {
  const problem = scalarFactorization({ target: 1 });
  const rng = new Rng(seed);
  let converged = 0;
  for (let i = 0; i < starts; i++) {
    const trajectory = run(problem, constant(step), rng.normalVector(2), { maxSteps: 20_000 });
    if (classifyRun(trajectory) === 'converged') converged++;
  }
  return converged / starts;
}

describe('large steps on 1/2 (xy - 1)^2 (threshold 1/|y| = 1)', () => {
  it('step 1.02: none of 500 seeded random starts converges', () => {
    const fraction = convergedFraction(1.02, 500, 7);
    console.log(`step 1.02: converged fraction ${fraction}`);
    expect(fraction).toBe(0);
  });
  it('step 0.98: a positive fraction of 500 seeded random starts converges', () => {
    const fraction = convergedFraction(0.98, 500, 7);
    console.log(`step 0.98: converged fraction ${fraction}`);
    expect(fraction).toBeGreaterThan(0.5);
  });
});

describe('stopping rules', () => {
  it('a quadratic with step above 2/L is reported as diverged, not as a crash', () => {
    const trajectory = run(quadratic({ eigenvalues: [0.5, 4] }), constant(2.2 / 4), [1, 1], { maxSteps: 10_000 });
    expect(trajectory.stop).toBe('diverged');
    expect(trajectory.divergence?.reason).toBe('blow-up');
    expect(classifyRun(trajectory)).toBe('diverged');
  });

  it('overflow to Infinity is reported as non-finite divergence, with the last finite iterate kept', () => {
    const trajectory = run(scalarFactorization({ target: 1 }), constant(3), [40, -35], {
      maxSteps: 100,
      blowUpFactor: Number.MAX_VALUE,
      maxAbsCoordinate: Number.MAX_VALUE,
    });
    expect(trajectory.stop).toBe('diverged');
    expect(trajectory.divergence?.reason).toBe('non-finite');
    expect(trajectory.xFinal.every(Number.isFinite)).toBe(true);
    expect(trajectory.gap.every(Number.isFinite)).toBe(true);
  });

  it('stops at the target gap and reports the first hit', () => {
    const trajectory = run(quadratic({ eigenvalues: [1] }), constant(0.5), [1], { maxSteps: 1000, targetGap: 1e-6 });
    expect(trajectory.stop).toBe('target');
    // gap_t = 1/2 * 0.25^t <= 1e-6 first at t = 10.
    expect(trajectory.steps).toBe(10);
    expect(firstHitIteration(trajectory, 1e-6)).toBe(10);
    expect(firstHitIteration(trajectory, 1e-30)).toBeUndefined();
  });

  it('stops where the gap or the squared gradient norm falls below 2^-970 (underflow), classified as converged', () => {
    // gap_t = 2^-(2t+1), ||g_t||^2 = 2^-2t, exact in binary: the gap is first below 2^-970 at t = 485.
    const trajectory = run(quadratic({ eigenvalues: [1] }), constant(0.5), [1], { maxSteps: 1000 });
    expect(trajectory.stop).toBe('underflow');
    expect(trajectory.steps).toBe(485);
    expect(trajectory.gap[485]).toBe(2 ** -971);
    expect(classifyRun(trajectory)).toBe('converged');
  });

  it('stops at an exactly stationary point', () => {
    const trajectory = run(scalarFactorization({ target: 1 }), constant(0.1), [0, 0], { maxSteps: 1000 });
    expect(trajectory.stop).toBe('stationary');
    expect(trajectory.steps).toBe(0);
    expect(classifyRun(trajectory)).toBe('stalled');
  });

  it('records sharpness, distance and iterates on request', () => {
    const problem = quadratic({ eigenvalues: [1, 3], seed: 5 });
    const trajectory = run(problem, constant(0.1), [1, 2], {
      maxSteps: 20,
      recordSharpness: true,
      recordDistance: true,
      iterateEvery: 5,
    });
    expect(Array.from(trajectory.sharpness!).every((s) => Math.abs(s - 3) < 1e-12)).toBe(true);
    expect(trajectory.distance![0]).toBeCloseTo(Math.hypot(1 - problem.xStar![0], 2 - problem.xStar![1]), 14);
    expect(trajectory.iterates.map((i) => i.step)).toEqual([0, 5, 10, 15, 20]);
    expect(minGradNorm(trajectory)).toBe(trajectory.gradNorm[20]);
  });
});

describe('bad input raises an error naming the parameter', () => {
  const problem = quadratic({ eigenvalues: [1] });
  it.each([
    ['negative step', () => constant(-0.1), /eta/],
    ['NaN step', () => constant(Number.NaN), /eta/],
    ['NaN start', () => run(problem, constant(0.1), [Number.NaN], { maxSteps: 1 }), /x0\[0\]/],
    ['wrong start length', () => run(problem, constant(0.1), [1, 2], { maxSteps: 1 }), /x0/],
    ['negative budget', () => run(problem, constant(0.1), [1], { maxSteps: -1 }), /maxSteps/],
    ['dimension 0', () => quadratic({ eigenvalues: [] }), /eigenvalues/],
    ['non-PSD', () => quadratic({ eigenvalues: [1, -0.5] }), /eigenvalues/],
  ])('%s', (_label, action, pattern) => {
    expect(action).toThrow(InputError);
    expect(action).toThrow(pattern);
  });
});

describe('stochastic variant', () => {
  const rows = Array.from({ length: 40 }, (_, i) => [Math.cos(i), Math.sin(2 * i), 1]);
  const targets = rows.map((r, i) => r[0] - 2 * r[1] + 0.1 * Math.cos(7 * i));
  const problem = leastSquares({ A: rows, b: targets });

  it('the same seed gives the same minibatch trajectory, another seed another one', () => {
    const go = (seed: number) =>
      run(problem, constant(0.1), [0, 0, 0], { maxSteps: 200, oracle: minibatch(problem, 8, seed) });
    expect(Array.from(go(3).gap)).toEqual(Array.from(go(3).gap));
    expect(go(4).gap[200]).not.toBe(go(3).gap[200]);
  });

  it('minibatch SGD reaches a neighbourhood of the optimum; full batch equals GD', () => {
    const sgd = run(problem, constant(0.1), [0, 0, 0], { maxSteps: 2000, oracle: minibatch(problem, 8, 1) });
    expect(sgd.gap[2000]).toBeLessThan(1e-2 * sgd.gap[0]);
    const fullBatch = run(problem, constant(0.1), [0, 0, 0], { maxSteps: 50, oracle: minibatch(problem, 40, 1) });
    const exact = run(problem, constant(0.1), [0, 0, 0], { maxSteps: 50 });
    for (let t = 0; t <= 50; t++) expect(fullBatch.gap[t]).toBeCloseTo(exact.gap[t], 13);
  });

  it('additive noise with sigma = 0 is exact GD; with sigma > 0 it is seeded', () => {
    const noiseless = run(problem, constant(0.1), [0, 0, 0], { maxSteps: 30, oracle: additiveGaussianNoise(0, 1) });
    const exact = run(problem, constant(0.1), [0, 0, 0], { maxSteps: 30 });
    expect(Array.from(noiseless.gap)).toEqual(Array.from(exact.gap));
    const noisy = (seed: number) =>
      run(problem, constant(0.1), [0, 0, 0], { maxSteps: 30, oracle: additiveGaussianNoise(0.1, seed) }).gap[30];
    expect(noisy(9)).toBe(noisy(9));
    expect(noisy(9)).not.toBe(exact.gap[30]);
  });

  it('ABC noise is unbiased with E||g||^2 = 2A (f - f*) + B ||grad f||^2 + C, seeded, and refuses B < 1', () => {
    // f = 1/2 (x1^2 + 4 x2^2) at x = (1, 1): f - f* = 5/2, ||grad f||^2 = 17.
    const q = quadratic({ eigenvalues: [1, 4] });
    const oracle = abcNoise(q, { A: 0.5, B: 2, C: 3 }, 7);
    const x = Float64Array.from([1, 1]);
    const gradient = Float64Array.from([1, 4]);
    const out = new Float64Array(2);
    const draws = 200_000;
    let squared = 0;
    const mean = [0, 0];
    for (let k = 0; k < draws; k++) {
      oracle.direction(x, gradient, out);
      squared += (out[0] ** 2 + out[1] ** 2) / draws;
      mean[0] += out[0] / draws;
      mean[1] += out[1] / draws;
    }
    const expected = 2 * 0.5 * 2.5 + 2 * 17 + 3; // 39.5; the sample mean's standard error is about 0.1
    expect(Math.abs(squared - expected)).toBeLessThan(0.5);
    expect(Math.abs(mean[0] - 1)).toBeLessThan(0.05);
    expect(Math.abs(mean[1] - 4)).toBeLessThan(0.05);
    const first = (seed: number) => { const o = new Float64Array(2); abcNoise(q, { A: 0, B: 1, C: 1 }, seed).direction(x, gradient, o); return Array.from(o); };
    expect(first(3)).toEqual(first(3));
    expect(() => abcNoise(q, { A: 0, B: 0.5, C: 0 }, 1)).toThrow(/B must be at least 1/);
  });

  it('minibatch refuses a problem that is not a finite sum', () => {
    expect(() => minibatch(quadratic({ eigenvalues: [1] }), 1, 0)).toThrow(/finite-sum/);
  });
});
