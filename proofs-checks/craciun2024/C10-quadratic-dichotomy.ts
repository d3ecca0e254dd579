/**
 * C10 (sanity). GD on positive definite quadratics 1/2 theta^T A theta: the classical threshold
 * eta_c = 2 / lambda_max(A).
 *
 * Result: GD with a constant step eta contracts every eigen-direction when eta < 2/lambda_max(A), so
 * it converges from every start; for eta > 2/lambda_max(A) it diverges from every start outside
 * the null subspace orthogonal to the eigenvectors with eta lambda > 2. Checked as: the fraction of
 * M Gaussian starts that converge is 0 for eta >= 1.02 eta_c, and at most 1 - p0 = 90% shown not to converge within T steps (diverged, bounded, stalled) for
 * eta <= 0.98 eta_c; exact one-sided bounds, 95% over 1000 instances (Bonferroni) with M = SWEEP_STARTS = 1000 starts per step, every one run, an instance counting for SWEEP_EVALUATION_COST = 5 evaluations of the budget (sweep.ts, _families.ts).
 * Hypotheses: A positive definite (the family: d in 1..4, eigenvalues L kappa^(-i/(d-1)),
 * L in [1/2, 2], kappa in [1, 10], seeded eigenbasis); |eta/eta_c - 1| in [2%, 50%].
 * Reference: the linear-stability reading eta_c = 2/S_min of Craciun, Ghoshdastidar (2024),
 * arXiv 2402.13108 v3, on its simplest case: the digest's E7 [R] (large-lr-impossibility.md §3.3
 * E7, §5 C10).
 * Provenance: derived.
 * Broken twin: the descent-lemma step taken for the threshold, 2/lambda_max -> 1/lambda_max (GD
 * converges above it, up to 2/lambda_max).
 */
import { quadraticCriticalStep } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, dichotomyBound, fractionAgainstPrediction } from '../../src/index.js';
import { dichotomyFamily, quadraticModel, SWEEP_EVALUATION_COST } from './_families.js';

const C10 = claim({
  id: 'craciun2024.C10',
  title: 'GD on 1/2 theta^T A theta with constant step eta: no start converges above eta_c = 2/lambda_max(A); below, at most 90% are shown not to converge within T steps',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'eta_c = 2/S_min on quadratics (E7 of the digest)',
    version: 'v3',
    provenance: 'derived',
    tag: '[R] (large-lr-impossibility.md §3.3 E7, §5 C10)',
  },
  kind: 'upper',
  family: dichotomyFamily(quadraticModel, { label: '2/lambda_max(A)', at: ({ L }) => quadraticCriticalStep({ lambdaMax: L }) }),
  lhs: fractionAgainstPrediction(),
  rhs: dichotomyBound,
  rhsLabel: '0 above eta_c; 1 - p0 = 0.9 below',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'holds',
});
export default C10;

export const twin = brokenTwin(C10, {
  mutation: '2/lambda_max -> 1/lambda_max (the descent-lemma step)',
  family: dichotomyFamily(quadraticModel, { label: '1/lambda_max(A)', at: ({ L }) => quadraticCriticalStep({ lambdaMax: L }) / 2 }),
});
