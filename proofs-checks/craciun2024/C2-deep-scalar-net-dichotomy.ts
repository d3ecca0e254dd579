/**
 * C2. GD on deep scalar nets 1/2 (w_1 ... w_N - y)^2: a sharp dichotomy at
 * eta_c = 2 / (N |y|^(2 - 2/N)).
 *
 * Result: with a constant step eta, GD converges from a set of starts of positive measure when
 * eta < eta_c and only from a null set when eta > eta_c, eta_c = 2 / S_min with
 * S_min = N |y|^(2 - 2/N) (on the minimisers lambda_max = y^2 sum_i w_i^-2, minimal at the balanced
 * ones by AM-GM). Checked as: the fraction of M Gaussian starts that converge is 0 for
 * eta >= 1.02 eta_c, and at most 1 - p0 = 90% shown not to converge within T steps (diverged, bounded, stalled) for eta <= 0.98 eta_c; exact one-sided bounds, 95% over 1000 instances (Bonferroni) with M = SWEEP_STARTS = 1000 starts per step, every one run, an instance counting for SWEEP_EVALUATION_COST = 5 evaluations of the budget (sweep.ts, _families.ts). Runs
 * stalled near the non-strict saddles of N >= 3 (loss y^2/2, §5 C2b) do not count as converged.
 * Hypotheses: N >= 2, y != 0 (the family: N in 2..5, y in [1/2, 2]); |eta/eta_c - 1| in
 * [2%, 50%].
 * Reference: Craciun, Ghoshdastidar (2024), "On the Convergence of Gradient Descent for Large
 * Learning Rates", arXiv 2402.13108 v3: Claims D/E of the abstracts [P] (theorem numbers and the
 * critical value's formula not read [U]). The threshold is the digest's E2 [R, checked N]
 * (large-lr-impossibility.md §3.3 E2, §5 C2).
 * Provenance: derived.
 * Broken twin: the exponent 2 - 2/N -> 2 - 1/N (a threshold too small for y > 1, too large for
 * y < 1).
 */
import { deepScalarNetCriticalStep } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, dichotomyBound, fractionAgainstPrediction } from '../../src/index.js';
import { deepScalarNetModel, dichotomyFamily, SWEEP_EVALUATION_COST } from './_families.js';

const C2 = claim({
  id: 'craciun2024.C2',
  title: 'GD on 1/2 (w_1 ... w_N - y)^2 with constant step eta: no start converges above eta_c = 2/(N |y|^(2-2/N)); below, at most 90% are shown not to converge within T steps',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claims D/E (abstracts); threshold E2 of the digest',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] claim, [R] threshold (large-lr-impossibility.md §3.3 E2, §5 C2)',
  },
  kind: 'upper',
  family: dichotomyFamily(deepScalarNetModel, { label: '2/(N |y|^(2-2/N))', at: ({ N, y }) => deepScalarNetCriticalStep({ N, y }) }),
  lhs: fractionAgainstPrediction(),
  rhs: dichotomyBound,
  rhsLabel: '0 above eta_c; 1 - p0 = 0.9 below',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'holds',
});
export default C2;

export const twin = brokenTwin(C2, {
  mutation: 'exponent 2 - 2/N -> 2 - 1/N',
  family: dichotomyFamily(deepScalarNetModel, { label: '2/(N |y|^(2-1/N))', at: ({ N, y }) => 2 / (N * y ** (2 - 1 / N)) }),
});
