/**
 * C6. GD on l(x y) for non-quadratic analytic losses l (log-cosh, pseudo-Huber): a sharp dichotomy
 * at eta_c = 1 / (kappa |z*|), with no global Lipschitz gradient.
 *
 * Result: for l real-analytic with a unique critical point z* != 0 and l''(z*) = kappa > 0, GD on
 * f(x, y) = l(x y) with a constant step eta converges from a set of starts of positive measure when
 * eta < eta_c and only from a null set when eta > eta_c, eta_c = 2 / S_min = 1 / (kappa |z*|) (on
 * {x y = z*} lambda_max = kappa (x^2 + y^2) >= 2 kappa |z*|). Checked as: the fraction of M
 * Gaussian starts that converge is 0 for eta >= 1.02 eta_c, and at most 1 - p0 = 90% shown not to converge within T steps (diverged, bounded, stalled) for
 * eta <= 0.98 eta_c; exact one-sided bounds, 95% over 1000 instances (Bonferroni) with M = SWEEP_STARTS = 1000 starts per step, every one run, an instance counting for SWEEP_EVALUATION_COST = 5 evaluations of the budget (sweep.ts, _families.ts). The losses are mathjs expressions
 * (fromExpression): l(z) = log cosh(z - z*) and sqrt(1 + (z - z*)^2) - 1, both with kappa = 1.
 * Hypotheses: l analytic, unique critical point z* != 0, kappa > 0 (the family: z* in {1/2, 1, 2});
 * |eta/eta_c - 1| in [2%, 50%].
 * Reference: Craciun, Ghoshdastidar (2024), "On the Convergence of Gradient Descent for Large
 * Learning Rates", arXiv 2402.13108 v3: impossibility "for more general losses" without a
 * Lipschitz gradient, Claim E of the v2/v3 abstracts [P]; "mild analytic conditions" [S, TL;DR];
 * exact hypotheses and theorem number [U]. The threshold is the digest's E5 [R, checked N]
 * (large-lr-impossibility.md §3.3 E5, §5 C6).
 * Provenance: derived.
 * Broken twin: the factor 2 of S_min = 2 kappa |z*| dropped, 1/(kappa |z*|) -> 2/(kappa |z*|).
 */
import { nonQuadraticLossCriticalStep } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, dichotomyBound, fractionAgainstPrediction } from '../../src/index.js';
import { dichotomyFamily, nonQuadraticLossModel, SWEEP_EVALUATION_COST } from './_families.js';

const C6 = claim({
  id: 'craciun2024.C6',
  title: 'GD on l(xy), l = log cosh or pseudo-Huber around z*: no start converges above eta_c = 1/(kappa |z*|); below, at most 90% are shown not to converge within T steps',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claim E (v2/v3 abstracts, general losses); threshold E5 of the digest',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] claim, [S] analytic conditions, [R] threshold (large-lr-impossibility.md §3.3 E5, §5 C6)',
  },
  kind: 'upper',
  family: dichotomyFamily(nonQuadraticLossModel, {
    label: '1/(kappa |z*|), kappa = 1',
    at: ({ zStarLog2 }) => nonQuadraticLossCriticalStep({ kappa: 1, zStar: 2 ** zStarLog2 }),
  }),
  lhs: fractionAgainstPrediction(),
  rhs: dichotomyBound,
  rhsLabel: '0 above eta_c; 1 - p0 = 0.9 below',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'holds',
});
export default C6;

export const twin = brokenTwin(C6, {
  mutation: '1/(kappa |z*|) -> 2/(kappa |z*|) (S_min = kappa |z*|, the factor 2 dropped)',
  family: dichotomyFamily(nonQuadraticLossModel, {
    label: '2/(kappa |z*|), kappa = 1',
    at: ({ zStarLog2 }) => 2 * nonQuadraticLossCriticalStep({ kappa: 1, zStar: 2 ** zStarLog2 }),
  }),
});
