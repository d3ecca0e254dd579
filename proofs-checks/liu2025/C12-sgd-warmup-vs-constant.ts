/**
 * C12 (the digest's pragmatic test). SGD with the warmup step beats the best stable constant step.
 *
 * Result [D]: the paper's stochastic statements were not seen (digest §3.4, C12: a Theta(sqrt T)
 * SGD gain "under relevant conditions" and an ABC-noise extension, [S] from a TL;DR). The digest's
 * pragmatic test: SGD on the C9 function cosh x - 1 with additive Gaussian gradient noise N(0, sigma^2)
 * (ABC with A = 0, B = 1, C = sigma^2), the adaptive step eta_t = 1/M(w_t) = 1/(1 + Delta_t) (read
 * from the exact loss, our choice: the digest leaves open whether the rule reads a stochastic
 * estimate) against the best stable constant step 0.99 * 2 x_0/sinh x_0 (C9), both measured by
 * E[min_{t <= T} |f'(w_t)|^2]. Encoded: the warmup's expectation is at most the constant step's.
 * Hypotheses: a start far out, x_0 in [6, 10], and a horizon T = 5..40 within the constant step's
 * deterministic hitting time (C9 reference runs: 54 steps from x_0 = 5, 5,309 from x_0 = 10); for
 * T much longer than that the constant step's smaller noise floor wins (see the notebook).
 * Statistical: both expectations over 32 seeded repetitions; the warmup's as its lower t bound,
 * the constant step's as its upper t bound, each at 95% with Bonferroni over 1000 instances.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest §2.4, §3.4 and §6 C12.
 * Provenance: derived [D] (the digest's test, not the paper's statement).
 * Broken twin: the relation flipped (the warmup's expectation at least the constant step's).
 */
import {
  additiveGaussianNoise,
  brokenTwin,
  claim,
  expectedMinGradNormSquared,
  family,
  integer,
  logUniform,
  uniform,
} from '../../src/index.js';
import { constantStepExpectation, coshWarmupSgd, liu2025Source, type WarmupSgdInstance } from './_families.js';

const settings = { repetitions: 32, seed: 1 } as const;

const warmupSgd = family<WarmupSgdInstance>({
  name: 'cosh(x) - 1 from x_0, SGD with N(0, sigma^2) noise, eta_t = 1/(1 + Delta_t) against 0.99 * 2 x_0/sinh x_0',
  box: { x0: uniform(6, 10), T: integer(5, 40), sigma: logUniform(0.01, 0.1) },
  instance: ({ x0, T, sigma }) => coshWarmupSgd(x0, T, (_problem, seed) => additiveGaussianNoise(sigma, seed)),
});

const measure = expectedMinGradNormSquared<WarmupSgdInstance>(settings);

const warmupBeatsConstant = claim({
  id: 'liu2025.C12',
  title: '[D, the pragmatic test of docs/theory/warmup-rho-k0-krho.md] SGD on cosh x - 1 with Gaussian noise: E[min_t |f\'|^2] with eta_t = 1/(1 + Delta_t) <= with the best stable constant step',
  source: liu2025Source('digest C12 (stochastic claims, pragmatic test)', 'derived', '[D]'),
  kind: 'upper',
  family: warmupSgd,
  lhs: measure,
  rhs: constantStepExpectation(measure, 'lower'),
  rhsLabel: "E[min_t |f'(w_t)|^2] with the constant step 0.99 * 2 x_0/sinh x_0 (upper t bound)",
  expected: 'holds',
});
export default warmupBeatsConstant;

export const twin = brokenTwin(warmupBeatsConstant, {
  mutation: 'warmup <= constant -> warmup >= constant',
  kind: 'lower',
  rhs: constantStepExpectation(measure, 'upper'),
  rhsLabel: "E[min_t |f'(w_t)|^2] with the constant step 0.99 * 2 x_0/sinh x_0 (lower t bound)",
});
