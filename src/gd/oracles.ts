/**
 * Seeded stochastic gradient oracles for the stochastic variant of `run`: minibatches of a finite
 * sum, and additive Gaussian noise (the A = 0, B = 1, C = sigma^2 case of the ABC noise model).
 * Each oracle owns its random stream, so the same seed gives the same trajectory.
 */
import { isFiniteSum, type Problem } from '../problems/problem.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { requireDimension, requireNonNegative } from '../util/validate.js';
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
