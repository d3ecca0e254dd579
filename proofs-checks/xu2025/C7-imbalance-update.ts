/**
 * C7. The exact change of the imbalance under one GD step on a two-layer linear net.
 *
 * Result: with D = W1 W1^T - W2^T W2 and G_t = grad l(W2_t W1_t), one GD step with step eta_t gives
 * exactly D_{t+1} - D_t = eta_t^2 (W2_t^T G_t G_t^T W2_t - W1_t G_t^T G_t W1_t^T): gradient flow
 * conserves D, GD moves it by O(eta^2 ||G||^2).
 * Hypotheses: none (any loss of the product, any step). The family: two-layer nets with
 * m, n <= 3, h <= 6, N <= 8 seeded samples, seeded Gaussian starts, T <= 30 steps of GD with
 * eta_t K_t(eta_t) = c in [0.05, 4]. The measure: the largest mismatch ||D_{t+1} - D_t - increment||_F
 * relative to ||W1_t||_F^2 + ||W2_t||_F^2, the size of D (the digest's threshold is 1e-12 relative;
 * the search's tolerance is 1e-9).
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1, whose analysis tracks
 * the imbalance along GD (Lemma 3.1 of the ICLR-2024 version per its reviews [S]); the identity is
 * the digest's (local-pl-linear-nets.md §2, C7, checked there to 1e-16).
 * Provenance: derived (tag [R]).
 * Broken twin: eta_t^2 -> eta_t (an exponent off by one).
 */
import { imbalance, imbalanceIncrement } from '../../bounds/xu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { adaptiveRuns, imbalanceScale, lossGradientAt, maxOverSteps, weightsAt } from './_families.js';

/** The mismatch of D_{t+1} - D_t against the increment, with eta^2 replaced by eta^`power`. */
const updateMismatch = (label: string, power: number) =>
  maxOverSteps(label, (step, run) => {
    const weights = weightsAt(run, step.x);
    const increment = imbalanceIncrement({ weights, G: lossGradientAt(run, step.x), eta: step.eta });
    const before = imbalance(weights);
    const after = imbalance(weightsAt(run, step.next));
    const rescale = step.eta ** (power - 2);
    const mismatch = after.map((d, i) => d - before[i] - rescale * increment[i]);
    return Math.hypot(...mismatch) / imbalanceScale(weights);
  });

const C7 = claim({
  id: 'xu2025.C7',
  title: 'Two-layer linear nets, one GD step: D_{t+1} - D_t = eta_t^2 (W2^T G G^T W2 - W1 G^T G W1^T) exactly',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'imbalance update under GD (digest §2, C7)',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'upper',
  family: adaptiveRuns({ min: 0.05, max: 4 }, { min: 1, max: 30 }),
  lhs: updateMismatch('max_t ||D_{t+1} - D_t - eta_t^2 (W2^T G G^T W2 - W1 G^T G W1^T)||_F / (||W1_t||_F^2 + ||W2_t||_F^2)', 2),
  rhs: () => 0,
  rhsLabel: '0 (an identity)',
  // The measure is already a normalized mismatch.
  scale: () => 1,
  expected: 'holds',
});
export default C7;

export const twin = brokenTwin(C7, {
  mutation: 'eta_t^2 -> eta_t',
  lhs: updateMismatch('max_t ||D_{t+1} - D_t - eta_t (W2^T G G^T W2 - W1 G^T G W1^T)||_F / (||W1_t||_F^2 + ||W2_t||_F^2)', 1),
});
