/**
 * C7 (drift). The eigenvalues of the imbalance move by O(eta^2 ||G||^2) per GD step.
 *
 * Result: from the exact update of D = W1 W1^T - W2^T W2 (C7) and Weyl's inequality, for every k,
 * lambda_k(D_t) - eta_t^2 sigma_1^2(W1_t) ||G_t||_2^2 <= lambda_k(D_{t+1}) <= lambda_k(D_t) + eta_t^2 sigma_1^2(W2_t) ||G_t||_2^2;
 * summed along a linearly converging run the drift is a geometric series, which is how a positive
 * imbalance at initialization stays positive.
 * Hypotheses: none (any loss of the product, any step). The family: two-layer nets with
 * m, n <= 3, h <= 6, N <= 8 seeded samples, seeded Gaussian starts, T <= 30 steps of GD with
 * eta_t K_t(eta_t) = c in [0.05, 4]. The measure: the largest excess of lambda_k(D_{t+1}) beyond
 * either bound, relative to the width of the window, eta_t^2 (sigma_1^2(W1) + sigma_1^2(W2)) ||G||_2^2,
 * plus 1e-4 (||W1_t||_F^2 + ||W2_t||_F^2): float64 eigenvalues of D resolve about 1e-15 of its
 * size, so windows below the floor cannot be checked to the 1e-9 tolerance.
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1, whose analysis tracks
 * the change of the local constants along GD (Lemma 3.1 of the ICLR-2024 version, and the
 * predecessor's constants c1, c2 per its reviews [S]); the bounds are the digest's
 * (local-pl-linear-nets.md §3.6, C7).
 * Provenance: derived (tag [R]).
 * Broken twin: the upward drift eta^2 sigma_1^2(W2) ||G||_2^2 halved.
 */
import { imbalance, imbalanceDriftBounds } from '../../bounds/xu2025.js';
import { brokenTwin, claim, symmetricEigenvalues } from '../../src/index.js';
import { adaptiveRuns, imbalanceScale, lossGradientAt, maxOverSteps, weightsAt } from './_families.js';

/** Relative floor of the window: eigenvalues of D in float64 carry about 1e-15 ||D|| of rounding. */
const EIGENVALUE_RESOLUTION = 1e-4;

/** The largest excess of lambda_k(D_{t+1}) beyond the drift bounds, the upward drift scaled by `upFactor`. */
const driftViolation = (label: string, upFactor: number) =>
  maxOverSteps(label, (step, run) => {
    const weights = weightsAt(run, step.x);
    const { eigenvalues, lower, upper } = imbalanceDriftBounds({ weights, G: lossGradientAt(run, step.x), eta: step.eta });
    const after = symmetricEigenvalues(imbalance(weightsAt(run, step.next)), run.h);
    const scale = upper[0] - lower[0] + EIGENVALUE_RESOLUTION * imbalanceScale(weights);
    let worst = -Infinity;
    after.forEach((lambda, k) => {
      const up = eigenvalues[k] + upFactor * (upper[k] - eigenvalues[k]);
      worst = Math.max(worst, (lambda - up) / scale, (lower[k] - lambda) / scale);
    });
    return worst;
  });

const drift = claim({
  id: 'xu2025.C7-drift',
  title: 'Two-layer linear nets, one GD step: lambda_k(D_t) - eta^2 sigma_1^2(W1) ||G||_2^2 <= lambda_k(D_{t+1}) <= lambda_k(D_t) + eta^2 sigma_1^2(W2) ||G||_2^2',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'eigenvalue drift of the imbalance (digest §3.6, C7)',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'upper',
  family: adaptiveRuns({ min: 0.05, max: 4 }, { min: 1, max: 30 }),
  lhs: driftViolation('max_{t,k} excess of lambda_k(D_{t+1}) beyond its drift bounds / window', 1),
  rhs: () => 0,
  rhsLabel: '0 (both bounds at every step and every k)',
  // The measure is already a normalized violation.
  scale: () => 1,
  expected: 'holds',
});
export default drift;

export const twin = brokenTwin(drift, {
  mutation: 'eta^2 sigma_1^2(W2) ||G||_2^2 -> eta^2 sigma_1^2(W2) ||G||_2^2 / 2',
  lhs: driftViolation('max_{t,k} excess of lambda_k(D_{t+1}) beyond its drift bounds (upward drift halved) / window', 0.5),
});
