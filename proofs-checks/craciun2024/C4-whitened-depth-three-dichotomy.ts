/**
 * C4. GD on depth-3 linear nets with whitened data, 1/2 ||W_3 W_2 W_1 - Phi||_F^2: a sharp
 * dichotomy at eta_c = 2 / (3 sigma_max(Phi)^(4/3)).
 *
 * Result: with a constant step eta, GD converges from a set of starts of positive measure when
 * eta < eta_c and only from a null set when eta > eta_c, eta_c = 2 / S_min with
 * S_min = N sigma_max(Phi)^(2 - 2/N) at depth N = 3 (attained at balanced minimisers; the lower
 * bound is proved in the digest). Checked as: the fraction of M starts W_i ~ N(0, 1/4) that
 * converge is 0 for eta >= 1.05 eta_c, and at most 1 - p0 = 90% shown not to converge within T steps (diverged, bounded, stalled) for eta <= 0.95 eta_c; exact one-sided bounds, 95% over 1000 instances (Bonferroni)
 * with M = SWEEP_STARTS = 1000 starts per step, every one run, an instance counting for SWEEP_EVALUATION_COST = 5 evaluations of the budget (sweep.ts, _families.ts). The band is 5%, not 2%: next to eta_c the depth-3 runs converge too slowly for the
 * test budget (§5 C4: slow runs at 0.98 eta_c with T = 2e4).
 * Hypotheses: widths h >= rank Phi (the family: Phi = diag(sigmaMax, spread sigmaMax), sigmaMax in
 * [1, 3], spread in [0.2, 0.8], h in {2, 3}); |eta/eta_c - 1| in [5%, 50%].
 * Reference: Craciun, Ghoshdastidar (2024), "On the Convergence of Gradient Descent for Large
 * Learning Rates", arXiv 2402.13108 v3: Claims D/E of the abstracts [P] (theorem numbers and the
 * critical value's formula not read [U]). The threshold is the digest's E3' [R, proved there after
 * a numerical check] (large-lr-impossibility.md §3.3 E3', §5 C4).
 * Provenance: derived.
 * Broken twin: the depth-2 threshold 1/sigma_max(Phi) used at depth 3 (too large: 1.5 sigma^(1/3)
 * times eta_c).
 */
import { whitenedDeepCriticalStep, whitenedTwoLayerCriticalStep } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, dichotomyBound, fractionAgainstPrediction } from '../../src/index.js';
import { diagonalTarget, dichotomyFamily, SWEEP_EVALUATION_COST, whitenedDepthThreeModel } from './_families.js';

const C4 = claim({
  id: 'craciun2024.C4',
  title: "GD on 1/2 ||W_3 W_2 W_1 - Phi||_F^2 with constant step eta: no start converges above eta_c = 2/(3 sigma_max^(4/3)); below, at most 90% are shown not to converge within T steps",
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: "Claims D/E (abstracts); threshold E3' of the digest",
    version: 'v3',
    provenance: 'derived',
    tag: "[P] claim, [R] threshold (large-lr-impossibility.md §3.3 E3', §5 C4)",
  },
  kind: 'upper',
  family: dichotomyFamily(whitenedDepthThreeModel, {
    label: '2/(3 sigma_max(Phi)^(4/3))',
    at: (params) => whitenedDeepCriticalStep({ N: 3, Phi: diagonalTarget(params) }),
  }),
  lhs: fractionAgainstPrediction(),
  rhs: dichotomyBound,
  rhsLabel: '0 above eta_c; 1 - p0 = 0.9 below',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'holds',
});
export default C4;

export const twin = brokenTwin(C4, {
  mutation: 'depth-2 threshold 1/sigma_max used at depth 3',
  family: dichotomyFamily(whitenedDepthThreeModel, {
    label: '1/sigma_max(Phi)',
    at: (params) => whitenedTwoLayerCriticalStep({ Phi: diagonalTarget(params) }),
  }),
});
