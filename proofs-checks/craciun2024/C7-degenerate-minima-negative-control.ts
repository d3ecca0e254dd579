/**
 * C7 (negative control). GD on (x y - z*)^4 / 4, whose minima are degenerate: no critical step.
 *
 * Statement refuted: "no start converges for eta >= 1.02 / |z*|", the E5 threshold
 * 1/(kappa |z*|) applied with kappa = 1 to a loss whose kappa = l''(z*) is 0, outside its
 * hypotheses. The Hessian vanishes on the minimisers {x y = z*} (S_min = 0, eta_c = +Infinity), and
 * GD converges (sublinearly) from sets of positive measure at every step tried (§5 C7 [N]: 0.80 of
 * the starts at eta = 0.5, 0.24 at eta = 4, z* = 1). Expected: violated; a toolkit that reported
 * "impossible" here would apply the theorem outside its hypotheses. Convergence of degenerate runs
 * is classified with the §5 tolerances for degenerate minima (tau = 1e-6, T = 5000). This claim is
 * its own positive control: its counterexample is certified statistically.
 * Hypotheses: none of E5's: kappa = 0 (the family: z* in {1/2, 1, 2}, eta = (1 -/+ distance) / |z*|,
 * distance in [2%, 50%]; the steps below 1/|z*| predict convergence, which holds).
 * Reference: Craciun, Ghoshdastidar (2024), "On the Convergence of Gradient Descent for Large
 * Learning Rates", arXiv 2402.13108 v3: the nondegeneracy behind Claims D/E [P/U]; the control is
 * the digest's E6 [R, checked N] (large-lr-impossibility.md §3.3 E6, §5 C7).
 * Provenance: derived.
 */
import { claim, dichotomyBound, fractionAgainstPrediction } from '../../src/index.js';
import { dichotomyFamily, quarticLossModel, SWEEP_EVALUATION_COST } from './_families.js';

export default claim({
  id: 'craciun2024.C7',
  title: 'Negative control: GD on (xy - z*)^4/4 (degenerate minima) has no critical step 1/|z*|',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'outside the hypotheses of Claims D/E; negative control E6 of the digest',
    version: 'v3',
    provenance: 'derived',
    tag: '[R, N] (large-lr-impossibility.md §3.3 E6, §5 C7)',
  },
  kind: 'upper',
  family: dichotomyFamily(quarticLossModel, { label: '1/|z*| (E5 with kappa = 1; here kappa = 0)', at: ({ zStarLog2 }) => 2 ** -zStarLog2 }),
  lhs: fractionAgainstPrediction(),
  rhs: dichotomyBound,
  rhsLabel: '0 above eta_c; 1 - p0 = 0.9 below',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'violated',
  finding: {
    group: 'control',
    text: 'The E5 threshold 1/(kappa |z*|) applied with kappa = 1 to (xy - z*)^4/4, whose minima are degenerate (kappa = 0), outside the hypotheses of Claims D/E: GD converges from sets of positive measure above the step the theorem would forbid, as the theory predicts outside its hypotheses. Quantifier: a positive fraction of seeded starts, z* in {1/2, 1, 2}.',
  },
});
