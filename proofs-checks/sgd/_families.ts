/**
 * Families shared by the classical SGD claims (stochastic gradients as oracles): diagonal
 * quadratics with a seeded spectrum in [L/kappa, L] and a seeded Gaussian start, SGD with constant
 * step h/L and additive Gaussian noise N(0, sigma^2 I) (the A = 0, B = 1, C = d sigma^2 case of the
 * ABC model, warmup-rho-k0-krho.md §2.4); consistent and inconsistent least squares under
 * minibatch SGD (with and without interpolation).
 */
import { seededSpectrum } from '../classical/_families.js';
import {
  additiveGaussianNoise,
  constant,
  family,
  integer,
  leastSquares,
  logUniform,
  minibatch,
  quadratic,
  Rng,
  uniform,
  type StochasticInstance,
} from '../../src/index.js';

/** The statistical settings of the SGD claims: 100 seeded repetitions, 95% over a budget of 1000. */
export const repetitions = { repetitions: 100, seed: 1 } as const;

export interface NoisyQuadraticInstance extends StochasticInstance {
  readonly eigenvalues: readonly number[];
  readonly start: readonly number[];
  readonly L: number;
  readonly mu: number;
  readonly eta: number;
  readonly sigma: number;
  /** f(x_0) - f*. */
  readonly initialGap: number;
}

/** Diagonal quadratics of dimension 1..6, x0 ~ N(0, I), SGD with step h/L, h in [0.05, hMax], noise sigma, T = 1..30. */
export function noisyQuadratics(hMax: number) {
  return family<NoisyQuadraticInstance>({
    name: `diagonal quadratic(d, kappa, L, seed), x0 ~ N(0, I), SGD step h/L with N(0, sigma^2 I) noise`,
    box: {
      d: integer(1, 6),
      kappa: logUniform(1, 10),
      L: logUniform(0.5, 5),
      h: uniform(0.05, hMax),
      sigma: logUniform(0.05, 2),
      T: integer(1, 30),
      seed: integer(1, 1000),
    },
    instance: ({ d, kappa, L, h, sigma, T, seed }) => {
      const eigenvalues = seededSpectrum(d, 0, kappa, L, seed);
      const start = Array.from(new Rng(seed + 1).normalVector(d));
      const eta = h / L;
      return {
        problem: quadratic({ eigenvalues }),
        x0: start,
        schedule: constant(eta),
        horizon: T,
        oracle: (oracleSeed: number) => additiveGaussianNoise(sigma, oracleSeed),
        eigenvalues,
        start,
        L: Math.max(...eigenvalues),
        mu: Math.min(...eigenvalues),
        eta,
        sigma,
        initialGap: 0.5 * eigenvalues.reduce((sum, lambda, i) => sum + lambda * start[i] ** 2, 0),
      };
    },
  });
}

export interface LeastSquaresSgdInstance extends StochasticInstance {
  /** The smallest eigenvalue of A^T A / n (A has full column rank). */
  readonly mu: number;
  /** max_i ||a_i||^2: every f_i = 1/2 (a_i^T x - b_i)^2 is (H0, 0)-smooth with this H0. */
  readonly sampleSmoothness: number;
  /** ||x_0 - x*||^2. */
  readonly initialDistance: number;
}

/**
 * Least squares with n = 8..24 Gaussian rows in dimension d = 1..4 (full column rank), targets
 * b = A x_true (interpolation: every f_i vanishes at x*) plus `noise` N(0, 1) per row times
 * `inconsistency` (no interpolation when it is positive), minibatch SGD with batch 1..4 and step
 * 1 / max_i ||a_i||^2, from x0 = 0, T = 1..40 steps.
 */
export function leastSquaresSgd(interpolation: boolean) {
  return family<LeastSquaresSgdInstance>({
    name: `least squares (n, d, seed${interpolation ? ', b = A x_true' : ', b = A x_true + noise'}), minibatch SGD, step 1/max_i ||a_i||^2`,
    box: {
      n: integer(8, 24),
      d: integer(1, 4),
      batch: integer(1, 4),
      T: integer(1, 40),
      seed: integer(1, 1000),
      inconsistency: interpolation ? uniform(0, 0) : logUniform(0.3, 1),
    },
    instance: ({ n, d, batch, T, seed, inconsistency }) => {
      const rng = new Rng(seed);
      const A = Array.from({ length: n }, () => Array.from(rng.normalVector(d)));
      const xTrue = rng.normalVector(d);
      const b = A.map((row) => row.reduce((sum, a, j) => sum + a * xTrue[j], 0) + inconsistency * rng.normal());
      const problem = leastSquares({ A, b });
      const sampleSmoothness = Math.max(...A.map((row) => row.reduce((sum, a) => sum + a * a, 0)));
      const xStar = problem.xStar!;
      return {
        problem,
        x0: new Float64Array(d),
        schedule: constant(1 / sampleSmoothness),
        horizon: T,
        oracle: (oracleSeed: number) => minibatch(problem, batch, oracleSeed),
        mu: problem.constants.mu?.value ?? 0,
        sampleSmoothness,
        initialDistance: xStar.reduce((sum, v) => sum + v * v, 0),
      };
    },
  });
}

/** ||x_T - x*||^2 of a run. */
export function squaredDistanceToMinimizer(xFinal: Float64Array, xStar: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < xFinal.length; i++) sum += (xFinal[i] - xStar[i]) ** 2;
  return sum;
}
