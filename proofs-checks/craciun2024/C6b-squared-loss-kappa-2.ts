/**
 * C6 (E5) with l(z) = (z - 1)^2-type losses: kappa = 2, so the dichotomy sits at eta_c = 1/(2 |z*|).
 *
 * Result: for l real-analytic with a unique critical point z* != 0 and l''(z*) = kappa > 0, GD on
 * f(x, y) = l(x y) converges from a set of starts of positive measure when eta < eta_c and only
 * from a null set when eta > eta_c, eta_c = 1 / (kappa |z*|). The digest's third E5 example,
 * l = (z - 1)^2 with kappa = 2 and eta_c = 1/2, here with z* in {1/2, 1, 2}. Checked as C6: the
 * fraction of M Gaussian starts that converge is 0 for eta >= 1.02 eta_c, and at most 1 - p0 = 90% shown not to converge within T steps (diverged, bounded, stalled) for
 * eta <= 0.98 eta_c; exact one-sided bounds, 95% over 1000 instances (Bonferroni) with M = SWEEP_STARTS = 1000 starts per step, every one run, an instance counting for SWEEP_EVALUATION_COST = 5 evaluations of the budget (sweep.ts, _families.ts).
 * Hypotheses: as C6; |eta/eta_c - 1| in [2%, 50%].
 * Reference: Craciun, Ghoshdastidar (2024), arXiv 2402.13108 v3, Claim E [P]; the threshold is the
 * digest's E5 [R] (large-lr-impossibility.md §3.3 E5, "l = (z - 1)^2: kappa = 2, so eta_c = 1/2";
 * §5 C6 [N]: 0.857 converged at eta = 0.45, 0 at 0.51).
 * Provenance: derived.
 * Broken twin: kappa = 1 read for the squared loss (its l'' is 2), eta_c = 1/|z*|.
 */
import { nonQuadraticLossCriticalStep } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, dichotomyBound, fractionAgainstPrediction } from '../../src/index.js';
import { dichotomyFamily, squaredLossProductModel, SWEEP_EVALUATION_COST } from './_families.js';

const thresholdWith = (kappa: number) => ({
  label: `1/(kappa |z*|), kappa = ${kappa}`,
  at: ({ zStarLog2 }: { zStarLog2: number }) => nonQuadraticLossCriticalStep({ kappa, zStar: 2 ** zStarLog2 }),
});

const C6b = claim({
  id: 'craciun2024.C6b',
  title: 'GD on (x y - z*)^2 (kappa = 2): no start converges above eta_c = 1/(2 |z*|); below, at most 90% are shown not to converge within T steps',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claim E (v2/v3 abstracts, general losses); threshold E5 of the digest, l = (z - 1)^2',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] claim, [R] threshold (large-lr-impossibility.md §3.3 E5, §5 C6)',
  },
  kind: 'upper',
  family: dichotomyFamily(squaredLossProductModel, thresholdWith(2)),
  lhs: fractionAgainstPrediction(),
  rhs: dichotomyBound,
  rhsLabel: '0 above eta_c; 1 - p0 = 0.9 below',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'holds',
});
export default C6b;

export const twin = brokenTwin(C6b, {
  mutation: 'kappa = 2 -> kappa = 1 (eta_c = 1/|z*|)',
  family: dichotomyFamily(squaredLossProductModel, thresholdWith(1)),
});
