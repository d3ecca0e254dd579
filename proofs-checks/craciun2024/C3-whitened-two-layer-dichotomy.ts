/**
 * C3. GD on two-layer linear nets with whitened data, 1/2 ||W_2 W_1 - Phi||_F^2: a sharp dichotomy
 * at eta_c = 1 / sigma_max(Phi).
 *
 * Result: with a constant step eta, GD converges from a set of starts of positive measure when
 * eta < eta_c and only from a null set when eta > eta_c, eta_c = 2 / S_min = 1 / sigma_max(Phi) (on
 * the minimisers lambda_max = ||W_2||^2 + ||W_1||^2 >= 2 sigma_max(Phi), with equality at balanced
 * factorisations). Checked as: the fraction of M starts W_i ~ N(0, 1/4) that converge is 0 for
 * eta >= 1.02 eta_c, and at most 1 - p0 = 90% shown not to converge within T steps (diverged, bounded, stalled) for eta <= 0.98 eta_c; exact one-sided bounds, 95% over 1000 instances (Bonferroni) with M = SWEEP_STARTS = 1000 starts per step, every one run, an instance counting for SWEEP_EVALUATION_COST = 5 evaluations of the budget (sweep.ts, _families.ts).
 * Hypotheses: hidden width h >= rank Phi (the family: Phi = diag(sigmaMax, spread sigmaMax),
 * sigmaMax in [1, 3], spread in [0.2, 0.8], h in {2, 3}); |eta/eta_c - 1| in [2%, 50%].
 * Reference: Craciun, Ghoshdastidar (2024), "On the Convergence of Gradient Descent for Large
 * Learning Rates", arXiv 2402.13108 v3: the impossibility result for linear networks with the
 * squared loss, Claims D/E of the abstracts [P] (theorem numbers and the critical value's formula
 * not read [U]). The threshold is the digest's E3 [R, checked N] (large-lr-impossibility.md §3.3
 * E3, §5 C3).
 * Provenance: derived.
 * Broken twin: the loss normalisation slipped, 1/sigma_max -> 1/(2 sigma_max) (the threshold of the
 * loss without its 1/2, §1 [S]).
 */
import { whitenedTwoLayerCriticalStep } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, dichotomyBound, fractionAgainstPrediction } from '../../src/index.js';
import { diagonalTarget, dichotomyFamily, SWEEP_EVALUATION_COST, whitenedTwoLayerModel } from './_families.js';

const C3 = claim({
  id: 'craciun2024.C3',
  title: 'GD on 1/2 ||W_2 W_1 - Phi||_F^2 with constant step eta: no start converges above eta_c = 1/sigma_max(Phi); below, at most 90% are shown not to converge within T steps',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claims D/E (abstracts); threshold E3 of the digest',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] claim, [R] threshold (large-lr-impossibility.md §3.3 E3, §5 C3)',
  },
  kind: 'upper',
  family: dichotomyFamily(whitenedTwoLayerModel, {
    label: '1/sigma_max(Phi)',
    at: (params) => whitenedTwoLayerCriticalStep({ Phi: diagonalTarget(params) }),
  }),
  lhs: fractionAgainstPrediction(),
  rhs: dichotomyBound,
  rhsLabel: '0 above eta_c; 1 - p0 = 0.9 below',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'holds',
});
export default C3;

export const twin = brokenTwin(C3, {
  mutation: '1/sigma_max -> 1/(2 sigma_max) (loss without its 1/2)',
  family: dichotomyFamily(whitenedTwoLayerModel, {
    label: '1/(2 sigma_max(Phi))',
    at: (params) => whitenedTwoLayerCriticalStep({ Phi: diagonalTarget(params) }) / 2,
  }),
});
