/**
 * C6. The one-step linear rate of GD on two-layer linear nets from the local PL constant and the
 * local descent lemma, step by step along GD.
 *
 * Result: with mu_t = mu (sigma_n^2(W1_t) + sigma_m^2(W2_t)) (C1) and K_t = K_t(eta_t) (C5), whenever
 * eta_t K_t < 2, f(W_{t+1}) - f* <= rho_t (f(W_t) - f*) with rho_t = 1 - 2 mu_t eta_t + mu_t K_t eta_t^2.
 * Hypotheses: l K-smooth and mu-PL (squared loss, K = lambda_max(X X^T) and mu = its smallest
 * nonzero eigenvalue, exact), h >= min(m, n) so that f* = l*, eta_t K_t(eta_t) < 2 at every step.
 * The family: two-layer nets with m, n <= 3, h <= 6, N <= 8 seeded samples, seeded Gaussian
 * starts, T <= 30 steps of GD with eta_t K_t(eta_t) = c in [0.05, 1.95] (so the last hypothesis
 * holds by construction). The measure: the largest excess of f(W_{t+1}) - f* over rho_t (f(W_t) - f*)
 * as a fraction of f(W_t) - f*, floored at 1e-6 (1 + |f(W_t)|) (excessOverGap: the digest's advice
 * to scale by 1 + |f|, §5).
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1: a linear rate from the
 * local constants [P]; the form of rho_t is quoted from the ICLR-2024 version ("up to Eq. 14",
 * reviewer 3) [S]; mu_t and K_t are the digest's reconstruction (local-pl-linear-nets.md §3.5, C6).
 * Provenance: derived (tag [S] form, [R] constants).
 * Broken twin: 2 mu_t eta_t -> 4 mu_t eta_t (the rate's linear term doubled).
 */
import { localPLConstant, oneStepRate, segmentSmoothness } from '../../bounds/xu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { adaptiveRuns, excessOverGap, lossGradientAt, lossMinimumReachable, maxOverSteps, weightsAt } from './_families.js';

const LEVEL = { min: 0.05, max: 1.95 };

/** The excess of gap_{t+1} over rho_t gap_t, with `extraLinear` mu_t eta_t taken off rho_t. */
const rateViolation = (label: string, extraLinear: number) =>
  maxOverSteps(label, (step, run) => {
    const weights = weightsAt(run, step.x);
    const muT = localPLConstant({ mu: run.mu, weights });
    const KT = segmentSmoothness({ K: run.K, weights, G: lossGradientAt(run, step.x), eta: step.eta });
    const rate = oneStepRate({ muT, KT, eta: step.eta }) - extraLinear * muT * step.eta;
    return excessOverGap(step.nextGap, rate * step.gap, step, run.problem.fStar);
  });

const C6 = claim({
  id: 'xu2025.C6',
  title: 'Two-layer linear nets, one GD step with eta_t K_t < 2: f_{t+1} - f* <= (1 - 2 mu_t eta_t + mu_t K_t eta_t^2)(f_t - f*)',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'one-step contraction (digest §3.5, C6; cf. up to eq. (14) of the ICLR-2024 version [S])',
    version: 'v1',
    provenance: 'derived',
    tag: '[S] form, [R] constants',
  },
  kind: 'upper',
  family: adaptiveRuns(LEVEL, { min: 1, max: 30 }),
  lhs: rateViolation('max_t (f_{t+1} - f* - rho_t (f_t - f*)) / (f_t - f*)', 0),
  rhs: () => 0,
  rhsLabel: '0 (the rate at every step)',
  // The measure is already a normalized violation.
  scale: () => 1,
  hypotheses: [
    lossMinimumReachable,
    { name: 'eta_t K_t(eta_t) = c < 2 at every step', holds: (_run, { c }) => c < 2 },
  ],
  expected: 'holds',
});
export default C6;

export const twin = brokenTwin(C6, {
  mutation: '2 mu_t eta_t -> 4 mu_t eta_t',
  lhs: rateViolation('max_t (f_{t+1} - f* - (rho_t - 2 mu_t eta_t)(f_t - f*)) / (f_t - f*)', 2),
});
