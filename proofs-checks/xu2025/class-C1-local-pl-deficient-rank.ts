/**
 * C1 on the class. The local PL inequality of two-layer linear nets along GD, on data of a chosen,
 * deficient rank (X = 2^k A B with integer factors, rank r < n exactly).
 *
 * Result: for f(W1, W2) = l(W2 W1) with l mu-PL and f* = l*, at every point
 * 1/2 ||grad f(W)||_F^2 >= mu (sigma_n^2(W1) + sigma_m^2(W2)) (f(W) - f*). With X of rank r < n,
 * X X^T is singular and mu must be its smallest *nonzero* eigenvalue: l is mu-PL with it, since
 * grad l = (P - P*) X X^T and the rows of (P - P*) X lie in the row space of X.
 * The statement (its measure, hypothesis and expected verdict) and its broken twin are C1's,
 * `localPLStatement` and `localPLTwinMutation` of C1-local-pl.ts, read on these runs.
 * Hypotheses: l mu-PL (squared loss, mu = smallest nonzero eigenvalue of X X^T, a valid bound for
 * the float64 X), h >= min(m, n) so that f* = l*. The family: `linearNetClassFamily` with
 * deficient data, n in 2..4, r in 1..n-1, m <= 3, h <= 5, N <= 8 samples, X scaled by 2^k,
 * k in -3..3, seeded Gaussian targets and weights; T <= 30 steps of GD with eta_t K_t(eta_t) = c in
 * [0.05, 1.95]. The measure: C1's, the largest excess of f - f* over 1/2 ||grad f||^2 / mu(W) along
 * the run, as a fraction of the gap floored at 1e-6 (1 + |f|).
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1; local-pl-linear-nets.md
 * §3.2, C1 (the digest's reconstruction of the constant).
 * Provenance: derived (tag [R]); the data family [D].
 * Broken twin: mu -> 2 mu (violated wherever the inequality is within a factor 2 of equality).
 */
import { brokenTwin, claim } from '../../src/index.js';
import { deficientRankRuns } from './_class-families.js';
import { localPLStatement, localPLTwinMutation } from './C1-local-pl.js';

const C1deficient = claim({
  id: 'xu2025.class-C1',
  title: 'Two-layer linear nets on data of deficient rank, along GD: 1/2 ||grad f||_F^2 >= mu (sigma_n^2(W1) + sigma_m^2(W2)) (f - f*), mu the smallest nonzero eigenvalue of X X^T',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'local PL inequality (digest §3.2, C1), data of deficient rank',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  family: deficientRankRuns({ min: 0.05, max: 1.95 }),
  ...localPLStatement,
});
export default C1deficient;

export const twin = brokenTwin(C1deficient, localPLTwinMutation);
