/**
 * Seeded stochastic gradient oracles for the stochastic variant of `run`: minibatches of a finite
 * sum, additive Gaussian noise (the A = 0, B = 1, C = sigma^2 case of the ABC noise model), and
 * Gaussian noise meeting the ABC model with equality.
 * Each oracle owns its random stream, so the same seed gives the same trajectory.
 */
import { gapOf, isFiniteSum, type Problem } from '../problems/problem.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { requireDimension, requireNonNegative, requirePositive } from '../util/validate.js';
import type { GradientOracle } from './run.js';

/** Gradient of the average over `batchSize` samples drawn without replacement at every step. */
export function minibatch(problem: Problem, batchSize: number, seed: number): GradientOracle {
  if (!isFiniteSum(problem)) {
    throw new InputError(`minibatch needs a finite-sum problem, and ${problem.name} is not one`);
  }
  requireDimension('batchSize', batchSize);
  if (batchSize > problem.samples) {
    throw new InputError(`batchSize must be at most the ${problem.samples} samples, got ${batchSize}`);
  }
  const rng = new Rng(seed);
  const scratch = new Int32Array(problem.samples);
  const batch = new Int32Array(batchSize);
  return {
    label: `minibatch(${batchSize}/${problem.samples},seed=${seed})`,
    direction(x, _exactGradient, out) {
      rng.sampleWithoutReplacement(problem.samples, batchSize, scratch, batch);
      problem.gradBatch(x, batch, batchSize, out);
    },
  };
}

/** The exact gradient plus i.i.d. N(0, sigma^2) noise in every coordinate. */
export function additiveGaussianNoise(sigma: number, seed: number): GradientOracle {
  requireNonNegative('sigma', sigma);
  const rng = new Rng(seed);
  return {
    label: `gaussian-noise(sigma=${sigma},seed=${seed})`,
    direction(_x, exactGradient, out) {
      for (let i = 0; i < out.length; i++) out[i] = exactGradient[i] + sigma * rng.normal();
    },
  };
}

/** The constants of the ABC noise model E||g(w)||^2 <= 2A (f(w) - f*) + B ||grad f(w)||^2 + C. */
export interface AbcConstants {
  readonly A: number;
  readonly B: number;
  readonly C: number;
}

/**
 * Unbiased Gaussian noise that meets the ABC model (Khaled & Richtarik, warmup-rho-k0-krho.md §2.4)
 * with equality: g = grad f(w) + xi, xi ~ N(0, s^2/d I) with s^2 = 2A (f(w) - f*) + (B - 1)
 * ||grad f(w)||^2 + C, so E||g||^2 = 2A (f - f*) + B ||grad f||^2 + C. A = 0, B = 1, C = d sigma^2 is
 * `additiveGaussianNoise(sigma)`. Needs A, C >= 0 and B >= 1.
 */
export function abcNoise(problem: Problem, { A, B, C }: AbcConstants, seed: number): GradientOracle {
  requireNonNegative('A', A);
  requirePositive('B', B);
  if (B < 1) throw new InputError(`B must be at least 1 (E||g||^2 >= ||grad f||^2 for unbiased noise), got ${B}`);
  requireNonNegative('C', C);
  const rng = new Rng(seed);
  return {
    label: `abc-noise(A=${A},B=${B},C=${C},seed=${seed})`,
    direction(x, exactGradient, out) {
      let gradSquared = 0;
      for (let i = 0; i < out.length; i++) gradSquared += exactGradient[i] ** 2;
      const variance = 2 * A * Math.max(0, gapOf(problem, x)) + (B - 1) * gradSquared + C;
      const deviation = Math.sqrt(variance / out.length);
      for (let i = 0; i < out.length; i++) out[i] = exactGradient[i] + deviation * rng.normal();
    },
  };
}
