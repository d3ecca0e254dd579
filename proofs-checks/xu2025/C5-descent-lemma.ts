/**
 * C5. The local descent lemma of two-layer linear nets, step by step along GD.
 *
 * Result: for f(W1, W2) = l(W2 W1) with l K-smooth, one GD step with any eta > 0 satisfies
 * f(W - eta grad f) <= f(W) - eta (1 - eta K_t(eta) / 2) ||grad f(W)||_F^2, with the segment constant
 * K_t(eta) = K [(sigma_1(W1) + eta ||g1||_2)^2 + (sigma_1(W2) + eta ||g2||_2)^2] + ||G||_2 + K delta_P(eta),
 * delta_P(eta) = eta (sigma_1(W2) ||g1||_F + ||g2||_F sigma_1(W1)) + eta^2 ||g2||_F ||g1||_F,
 * g1 = W2^T G, g2 = G W1^T, G = grad l(W2 W1): a Hessian bound on the whole segment.
 * Hypotheses: l K-smooth (squared loss, K = lambda_max(X X^T), exact); any step. The family:
 * two-layer nets with m, n <= 3, h <= 6, N <= 8 seeded samples, seeded Gaussian starts, T <= 30
 * steps of GD with eta_t K_t(eta_t) = c in [0.05, 4] (beyond 2, where f may increase and the
 * lemma must still hold). The measure: the largest excess of f(W_{t+1}) over the bound, as a
 * fraction of f(W_t) - f* floored at 1e-6 (1 + |f(W_t)|) (excessOverGap: the digest's advice for
 * float64 gaps, §5).
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1: the descent lemma holds
 * locally with weight-dependent constants [P]; its shape with an iterate-dependent K_t is eq. (10)
 * of the ICLR-2024 version per its reviews [S]; this K_t(eta) is the digest's reconstruction
 * (local-pl-linear-nets.md §3.4, C5), the paper's is [U].
 * Provenance: derived (tag [R]).
 * Broken twin: K_t(eta) -> H(W_t) = K_t(0), the Hessian bound at the start point only (the digest
 * warns that it can fail for large steps).
 */
import { descentLemmaBound, segmentSmoothness } from '../../bounds/xu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { adaptiveRuns, excessOverGap, lossGradientAt, maxOverSteps, weightsAt, type Step, type TwoLayerRun } from './_families.js';

/** The excess of gap_{t+1} over the descent lemma with K_t evaluated at `segmentEta(step)`. */
const descentViolation = (label: string, segmentEta: (step: Step) => number) =>
  maxOverSteps(label, (step, run: TwoLayerRun) => {
    const Kt = segmentSmoothness({ K: run.K, weights: weightsAt(run, step.x), G: lossGradientAt(run, step.x), eta: segmentEta(step) });
    const bound = descentLemmaBound({ f: step.gap, gradNormSquared: step.gradNorm ** 2, eta: step.eta, Kt });
    return excessOverGap(step.nextGap, bound, step, run.problem.fStar);
  });

/**
 * The local descent lemma at every step of the GD runs of any family of two-layer nets: the measure,
 * the kind and the expected verdict (shared with class-C5).
 */
export const descentLemmaStatement = {
  kind: 'upper',
  lhs: descentViolation('max_t (f_{t+1} - descent bound) / (f_t - f*)', (step) => step.eta),
  rhs: () => 0,
  rhsLabel: '0 (the lemma at every step)',
  // The measure is already a normalized violation.
  scale: () => 1,
  expected: 'holds',
} as const;

/** The broken twin of the local descent lemma on any family of runs: K_t(eta) -> K_t(0). */
export const descentLemmaTwinMutation = {
  mutation: 'K_t(eta) -> H(W_t) = K_t(0)',
  lhs: descentViolation('max_t (f_{t+1} - descent bound with H(W_t)) / (f_t - f*)', () => 0),
} as const;

const C5 = claim({
  id: 'xu2025.C5',
  title: 'Two-layer linear nets, one GD step: f(W_{t+1}) <= f(W_t) - eta (1 - eta K_t(eta)/2) ||grad f(W_t)||_F^2',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'local descent lemma (digest §3.4, C5; cf. eq. (10) of the ICLR-2024 version [S])',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  family: adaptiveRuns({ min: 0.05, max: 4 }, { min: 1, max: 30 }),
  ...descentLemmaStatement,
});
export default C5;

export const twin = brokenTwin(C5, descentLemmaTwinMutation);
