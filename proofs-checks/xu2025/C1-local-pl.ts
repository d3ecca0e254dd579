/**
 * C1. The local PL inequality of two-layer linear nets, along GD trajectories.
 *
 * Result: for f(W1, W2) = l(W2 W1) with l mu-PL and f* = l*, at every point
 * 1/2 ||grad f(W)||_F^2 >= mu (sigma_n^2(W1) + sigma_m^2(W2)) (f(W) - f*); equality is attainable
 * (the scalar case m = n = h = 1 attains it everywhere).
 * Hypotheses: l mu-PL (squared loss, mu = smallest nonzero eigenvalue of X X^T, exact),
 * h >= min(m, n) so that f* = l*. The family: two-layer nets with m, n <= 3, h <= 6, N <= 8 seeded
 * samples, seeded Gaussian starts, T <= 30 steps of GD with eta_t K_t(eta_t) = c in [0.05, 1.95].
 * The measure: over the iterates x_0..x_{T-1}, the largest excess of f - f* over the PL bound
 * 1/2 ||grad f||^2 / mu(W), as a fraction of f - f* floored at 1e-6 (1 + |f|) (excessOverGap: near
 * a minimizer float64 gaps and gradients lose digits, digest §5); a violation is replayed with
 * both computed in high precision.
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), "A Local Polyak-Lojasiewicz and Descent
 * Lemma of Gradient Descent For Overparametrized Linear Models", arXiv 2505.11664 v1; the local PL
 * inequality with an iterate-dependent mu_t is eq. (10) of the ICLR-2024 version per its reviews
 * [S]; this mu(W) is the digest's reconstruction (local-pl-linear-nets.md §3.2, C1), the paper's own
 * constant is [U].
 * Provenance: derived (tag [R]).
 * Broken twin: mu -> 2 mu (violated wherever the inequality is within a factor 2 of equality).
 */
import { localPLConstant } from '../../bounds/xu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { adaptiveRuns, excessOverGap, lossMinimumReachable, maxOverSteps, weightsAt } from './_families.js';

/** max_t of f - f* against 1/2 ||grad f||^2 / mu(W_t), with the loss's mu scaled by `factor`. */
const localPLViolation = (factor: number) =>
  maxOverSteps(`max_t (f - f* - ||grad f||^2 / (${2 * factor} mu(W_t))) / (f - f*)`, (step, run) => {
    const muT = localPLConstant({ mu: factor * run.mu, weights: weightsAt(run, step.x) });
    const plBound = muT > 0 ? (0.5 * step.gradNorm ** 2) / muT : Infinity;
    return excessOverGap(step.gap, plBound, step, run.problem.fStar);
  });

/**
 * The local PL inequality along the GD runs of any family of two-layer nets: the measure, the kind,
 * the hypothesis and the expected verdict (shared with class-C1).
 */
export const localPLStatement = {
  kind: 'upper',
  lhs: localPLViolation(1),
  rhs: () => 0,
  rhsLabel: '0 (the inequality at every iterate)',
  // The measure is already a normalized violation.
  scale: () => 1,
  hypotheses: [lossMinimumReachable],
  expected: 'holds',
} as const;

/** The broken twin of the local PL inequality on any family of runs: mu doubled. */
export const localPLTwinMutation = { mutation: 'mu -> 2 mu', lhs: localPLViolation(2) } as const;

const C1 = claim({
  id: 'xu2025.C1',
  title: 'Two-layer linear nets, along GD: 1/2 ||grad f||_F^2 >= mu (sigma_n^2(W1) + sigma_m^2(W2)) (f - f*)',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'local PL inequality (digest §3.2, C1; cf. eq. (10) of the ICLR-2024 version [S])',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  family: adaptiveRuns({ min: 0.05, max: 1.95 }, { min: 1, max: 30 }),
  ...localPLStatement,
});
export default C1;

export const twin = brokenTwin(C1, localPLTwinMutation);
