/**
 * C1. GD on the scalar factorization 1/2 (x y - c)^2: a sharp dichotomy at eta_c = 1/|c|.
 *
 * Result: with a constant step eta, GD converges from a set of starts of positive measure when
 * eta < eta_c and only from a null set when eta > eta_c, eta_c = 2 / S_min = 1/|c| (on the
 * minimisers {x y = c} the Hessian has eigenvalues {0, x^2 + y^2} >= 2|c|). Checked as: the fraction
 * of M Gaussian starts that converge is 0 for eta >= 1.02 eta_c, and at most 1 - p0 = 90% shown not to converge
 * within T steps (diverged, bounded, stalled) for eta <= 0.98 eta_c; exact one-sided bounds, 95% over 1000 instances
 * (Bonferroni), M = SWEEP_STARTS = 1000 starts per step, every one run, an instance counting for SWEEP_EVALUATION_COST = 5 evaluations of the budget (sweep.ts, _families.ts).
 * Hypotheses: c != 0 (the family: c in [1/4, 4]); |eta/eta_c - 1| in [2%, 50%] (eta_c is
 * non-hyperbolic).
 * Reference: Craciun, Ghoshdastidar (2024), "On the Convergence of Gradient Descent for Large
 * Learning Rates", arXiv 2402.13108 v3: Claims D/E of the abstracts [P] (impossibility above a
 * critical value; theorem numbers and the critical value's formula not read [U]). The threshold is
 * the digest's E1 [R, checked N] (large-lr-impossibility.md §3.3 E1, §5 C1).
 * Provenance: derived.
 * Broken twin: the threshold 10% too small, 1/|c| -> 0.9/|c| (starts converge at 1.02 * 0.9/|c|).
 */
import { scalarFactorizationCriticalStep } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, dichotomyBound, fractionAgainstPrediction } from '../../src/index.js';
import { dichotomyFamily, scalarFactorizationModel, SWEEP_EVALUATION_COST } from './_families.js';

const C1 = claim({
  id: 'craciun2024.C1',
  title: 'GD on 1/2 (xy - c)^2 with constant step eta: no start converges above eta_c = 1/|c|; below, at most 90% are shown not to converge within T steps',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claims D/E (abstracts); threshold E1 of the digest',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] claim, [R] threshold (large-lr-impossibility.md §3.3 E1, §5 C1)',
  },
  kind: 'upper',
  family: dichotomyFamily(scalarFactorizationModel, { label: '1/|c|', at: ({ c }) => scalarFactorizationCriticalStep({ c }) }),
  lhs: fractionAgainstPrediction(),
  rhs: dichotomyBound,
  rhsLabel: '0 above eta_c; 1 - p0 = 0.9 below',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'holds',
});
export default C1;

export const twin = brokenTwin(C1, {
  mutation: 'eta_c = 1/|c| -> 0.9/|c|',
  family: dichotomyFamily(scalarFactorizationModel, { label: '0.9/|c|', at: ({ c }) => 0.9 * scalarFactorizationCriticalStep({ c }) }),
});
