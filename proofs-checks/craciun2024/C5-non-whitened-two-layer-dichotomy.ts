/**
 * C5 (E4). Two-layer linear net, scalar output, non-whitened realizable data: the dichotomy at
 * eta_c = 2 / S_min, S_min = min_{s > 0} lambda_max(s Sigma + b b^T / s), b = Sigma^(1/2) beta*.
 *
 * Result: on f(W_1, w_2) = 1/(2n) ||X^T W_1^T w_2 - y||^2, y = X^T beta*, X of rank d, the largest
 * Hessian eigenvalue on the minima is lambda_max(Sigma^(1/2) (||w_2||^2 I + W_1^T W_1) Sigma^(1/2)),
 * whose infimum over the minima is S_min (Cauchy-Schwarz: W_1^T W_1 >= beta* beta*^T / ||w_2||^2);
 * GD converges from a set of positive measure below eta_c = 2/S_min and only from a null set above.
 * Checked as the other dichotomies: none of M starts N(0, I) converges for eta >= 1.05 eta_c, and at
 * most 1 - p0 = 90% of M starts around a flattest minimum (N(m, 0.1^2 I), m linearly stable below
 * eta_c: a neighbourhood of the converging set the theorem promises) are shown not to converge
 * within T steps for eta <= 0.95 eta_c; exact one-sided bounds, 95% over 1000 instances
 * (Bonferroni), M = SWEEP_STARTS = 1000, every start run, an instance counting for SWEEP_EVALUATION_COST = 5 evaluations of the budget (sweep.ts, _families.ts).
 * Hypotheses: realizable data, Sigma positive definite (n = 10 >= d Gaussian samples). The family:
 * d = 2..3 inputs, width 4, seeded data; |eta/eta_c - 1| in [5%, 50%].
 * Reference: Craciun, Ghoshdastidar (2024), arXiv 2402.13108 v3, Claims D/E [P]; the threshold is the
 * digest's E4 [R, checked N] (large-lr-impossibility.md §3.3 E4, §5 C5).
 * Provenance: derived.
 * Broken twin: the whitened formula used on non-whitened data, eta_c = 1/|beta*| (E3's, Sigma = I).
 */
import { nonWhitenedTwoLayerCriticalStep } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, dichotomyBound, fractionAgainstPrediction } from '../../src/index.js';
import { dichotomyFamily, nonWhitenedData, nonWhitenedTwoLayerModel, SWEEP_EVALUATION_COST } from './_families.js';

const C5 = claim({
  id: 'craciun2024.C5',
  title: 'E4 non-whitened two-layer net: no start converges above eta_c = 2/min_s lambda_max(s Sigma + b b^T/s); below, of starts near a flattest minimum at most 90% are shown not to converge within T steps',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claims D/E (abstracts); threshold E4 of the digest',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] claim, [R] threshold (large-lr-impossibility.md §3.3 E4, §5 C5)',
  },
  kind: 'upper',
  family: dichotomyFamily(nonWhitenedTwoLayerModel, {
    label: '2/S_min, S_min = min_s lambda_max(s Sigma + b b^T/s)',
    at: (params) => nonWhitenedTwoLayerCriticalStep(nonWhitenedData(params)),
  }),
  lhs: fractionAgainstPrediction(),
  rhs: dichotomyBound,
  rhsLabel: '0 above eta_c; 1 - p0 = 0.9 below',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'holds',
});
export default C5;

export const twin = brokenTwin(C5, {
  mutation: 'eta_c = 2/S_min -> 1/|beta*| (the whitened threshold)',
  family: dichotomyFamily(nonWhitenedTwoLayerModel, {
    label: '1/|beta*| (whitened formula)',
    at: (params) => 1 / Math.hypot(...nonWhitenedData(params).betaStar),
  }),
});
