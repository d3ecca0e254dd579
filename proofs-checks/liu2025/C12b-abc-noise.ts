/**
 * C12 under ABC noise (the digest's pragmatic test of the ABC-noise extension): SGD with the warmup
 * step beats the best stable constant step when the noise grows with the loss and the gradient.
 *
 * Result [D]: the paper's stochastic results "extend to ABC-noise models" (digest §2.4, §3.4 [S],
 * from a TL;DR; the statement, the step rule and the noise model were not seen). Encoded as C12 with
 * unbiased Gaussian noise meeting the ABC model E||g||^2 <= 2A (f - f*) + B ||grad f||^2 + C with
 * equality (`abcNoise`), A > 0 and B > 1 (C12 is A = 0, B = 1): on cosh x - 1 from x_0, E[min_{t <= T}
 * |f'(w_t)|^2] with eta_t = 1/(1 + Delta_t) (read from the exact loss, our choice) is at most that of
 * the best stable constant step 0.99 * 2 x_0 / sinh x_0 (C9).
 * Hypotheses: as C12, x_0 in [6, 10], T = 5..40 (within the constant step's deterministic hitting
 * time), A in [1e-4, 1e-1], B in [1, 3], C in [1e-4, 1e-2].
 * Statistical: as C12, 32 seeded repetitions, the warmup's expectation as its lower t bound and the
 * constant step's as its upper t bound, 95% with Bonferroni over 1000 instances.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest §2.4, §3.4 and §6 C12.
 * Provenance: derived [D] (the digest's test, not the paper's statement).
 * Broken twin: the relation flipped (the warmup's expectation at least the constant step's).
 */
import { abcNoise, brokenTwin, claim, expectedMinGradNormSquared, family, integer, logUniform, uniform } from '../../src/index.js';
import { constantStepExpectation, coshWarmupSgd, liu2025Source, type WarmupSgdInstance } from './_families.js';

const settings = { repetitions: 32, seed: 1 } as const;

const abcSgd = family<WarmupSgdInstance>({
  name: 'cosh(x) - 1 from x_0, SGD with ABC noise (A, B, C), eta_t = 1/(1 + Delta_t) against 0.99 * 2 x_0/sinh x_0',
  box: { x0: uniform(6, 10), T: integer(5, 40), A: logUniform(1e-4, 1e-1), B: uniform(1, 3), C: logUniform(1e-4, 1e-2) },
  instance: ({ x0, T, A, B, C }) => coshWarmupSgd(x0, T, (problem, seed) => abcNoise(problem, { A, B, C }, seed)),
});

const measure = expectedMinGradNormSquared<WarmupSgdInstance>(settings);

const warmupUnderAbcNoise = claim({
  id: 'liu2025.C12b',
  title: "[D, the pragmatic test of docs/theory/warmup-rho-k0-krho.md] SGD on cosh x - 1 with ABC noise: E[min_t |f'|^2] with eta_t = 1/(1 + Delta_t) <= with the best stable constant step",
  source: liu2025Source('digest C12 (stochastic claims, ABC-noise extension, §2.4)', 'derived', '[D]'),
  kind: 'upper',
  family: abcSgd,
  lhs: measure,
  rhs: constantStepExpectation(measure, 'lower'),
  rhsLabel: "E[min_t |f'(w_t)|^2] with the constant step 0.99 * 2 x_0/sinh x_0 (upper t bound)",
  expected: 'holds',
});
export default warmupUnderAbcNoise;

export const twin = brokenTwin(warmupUnderAbcNoise, {
  mutation: 'warmup <= constant -> warmup >= constant',
  kind: 'lower',
  rhs: constantStepExpectation(measure, 'upper'),
  rhsLabel: "E[min_t |f'(w_t)|^2] with the constant step 0.99 * 2 x_0/sinh x_0 (lower t bound)",
});
