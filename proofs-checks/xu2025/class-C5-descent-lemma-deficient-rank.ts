/**
 * C5 on the class. The local descent lemma of two-layer linear nets, step by step along GD, on data
 * of a chosen, deficient rank (X = 2^k A B with integer factors, rank r < n exactly).
 *
 * Result: for f(W1, W2) = l(W2 W1) with l K-smooth, one GD step with any eta > 0 satisfies
 * f(W - eta grad f) <= f(W) - eta (1 - eta K_t(eta) / 2) ||grad f(W)||_F^2, with the segment constant
 * K_t(eta) of C5 (a Hessian bound on the whole segment; local-pl-linear-nets.md §3.4).
 * Hypotheses: l K-smooth (squared loss, K = lambda_max(X X^T), a valid bound for the float64 X);
 * any step. The family: `linearNetClassFamily` with deficient data, n in 2..4, r in 1..n-1,
 * m <= 3, h <= 5, N <= 8 samples, X scaled by 2^k, k in -3..3; T <= 30 steps of GD with
 * eta_t K_t(eta_t) = c in [0.05, 4] (beyond 2, where f may increase and the lemma must still hold).
 * The measure: C5's, the largest excess of f(W_{t+1}) over the bound as a fraction of the gap,
 * floored at 1e-6 (1 + |f|).
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1; local-pl-linear-nets.md
 * §3.4, C5 (the digest's reconstruction of K_t).
 * Provenance: derived (tag [R]); the data family [D].
 * Broken twin: K_t(eta) -> H(W_t) = K_t(0), the Hessian bound at the start point only.
 */
import { descentLemmaBound, segmentSmoothness } from '../../bounds/xu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { deficientRankRuns } from './_class-families.js';
import { excessOverGap, lossGradientAt, maxOverSteps, weightsAt, type Step, type TwoLayerRun } from './_families.js';

/** The excess of gap_{t+1} over the descent lemma with K_t evaluated at `segmentEta(step)`. */
const descentViolation = (label: string, segmentEta: (step: Step) => number) =>
  maxOverSteps(label, (step, run: TwoLayerRun) => {
    const Kt = segmentSmoothness({ K: run.K, weights: weightsAt(run, step.x), G: lossGradientAt(run, step.x), eta: segmentEta(step) });
    const bound = descentLemmaBound({ f: step.gap, gradNormSquared: step.gradNorm ** 2, eta: step.eta, Kt });
    return excessOverGap(step.nextGap, bound, step, run.problem.fStar);
  });

const C5deficient = claim({
  id: 'xu2025.class-C5',
  title: 'Two-layer linear nets on data of deficient rank, one GD step: f(W_{t+1}) <= f(W_t) - eta (1 - eta K_t(eta)/2) ||grad f(W_t)||_F^2',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'local descent lemma (digest §3.4, C5), data of deficient rank',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'upper',
  family: deficientRankRuns({ min: 0.05, max: 4 }),
  lhs: descentViolation('max_t (f_{t+1} - descent bound) / (f_t - f*)', (step) => step.eta),
  rhs: () => 0,
  rhsLabel: '0 (the lemma at every step)',
  // The measure is already a normalized violation.
  scale: () => 1,
  expected: 'holds',
});
export default C5deficient;

export const twin = brokenTwin(C5deficient, {
  mutation: 'K_t(eta) -> H(W_t) = K_t(0)',
  lhs: descentViolation('max_t (f_{t+1} - descent bound with H(W_t)) / (f_t - f*)', () => 0),
});
