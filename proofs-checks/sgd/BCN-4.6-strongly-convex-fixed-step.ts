/**
 * SGD with a fixed step on a strongly convex function: a linear rate down to a noise floor.
 *
 * Result: for c-strongly convex, L-smooth f and unbiased stochastic gradients with
 * E||g - grad f||^2 <= M, SGD with fixed step 0 < alpha <= 1/L has
 * E[f(x_T)] - f* <= alpha L M / (2c) + (1 - alpha c)^T (f(x_0) - f* - alpha L M / (2c)).
 * Hypotheses: the step alpha = h/L with h in [0.05, 1]. The family: diagonal quadratics of dimension
 * 1..6 with spectrum in [L/kappa, L] (c = L/kappa, L exact), x0 ~ N(0, I), additive Gaussian noise
 * N(0, sigma^2 I), so M = d sigma^2 exactly; T = 1..30 steps.
 * Statistical: E[f(x_T)] - f* over 100 seeded repetitions, as its one-sided lower t bound at 95%
 * with Bonferroni over 1000 instances (src/claims/statistical.ts).
 * Reference: Bottou, Curtis, Nocedal (2018), "Optimization methods for large-scale machine
 * learning", SIAM Review 60(2), Theorem 4.6 (mu = 1, M_V = M, M_G = 1).
 * Provenance: primary (a classical oracle; not in the paper digests).
 * Broken twin: the noise floor halved, alpha L M / (2c) -> alpha L M / (4c).
 */
import { sgdStronglyConvexFixedStepBound } from '../../bounds/classical.js';
import { brokenTwin, claim, expectedGapAt } from '../../src/index.js';
import { noisyQuadratics, repetitions, type NoisyQuadraticInstance } from './_families.js';

const bound = (instance: NoisyQuadraticInstance, floorScale: number): number =>
  sgdStronglyConvexFixedStepBound({
    c: instance.mu,
    L: instance.L,
    M: (instance.eigenvalues.length * instance.sigma ** 2) / floorScale,
    alpha: instance.eta,
    gap0: instance.initialGap,
    T: instance.horizon!,
  });

const fixedStep = claim({
  id: 'sgd.BCN-4.6',
  title: 'SGD, fixed step alpha <= 1/L, c-strongly convex: E[f(x_T)] - f* <= alpha L M/(2c) + (1 - alpha c)^T (f(x_0) - f* - alpha L M/(2c))',
  source: {
    reference: 'Bottou, Curtis, Nocedal (2018), SIAM Review 60(2)',
    result: 'Theorem 4.6',
    version: 'journal',
    provenance: 'primary',
    tag: 'classical SGD oracle',
  },
  kind: 'upper',
  family: noisyQuadratics(1),
  lhs: expectedGapAt(repetitions),
  rhs: (instance) => bound(instance, 1),
  rhsLabel: 'alpha L M/(2c) + (1 - alpha c)^T (f(x_0) - f* - alpha L M/(2c))',
  expected: 'holds',
});
export default fixedStep;

export const twin = brokenTwin(fixedStep, {
  mutation: 'alpha L M / (2c) -> alpha L M / (4c)',
  rhs: (instance) => bound(instance, 2),
  rhsLabel: 'alpha L M/(4c) + (1 - alpha c)^T (f(x_0) - f* - alpha L M/(4c))',
});
