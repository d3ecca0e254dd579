/**
 * C5 on the class. The local descent lemma of two-layer linear nets, step by step along GD, on data
 * of a chosen, deficient rank (X = 2^k A B with integer factors, rank r < n exactly).
 *
 * Result: for f(W1, W2) = l(W2 W1) with l K-smooth, one GD step with any eta > 0 satisfies
 * f(W - eta grad f) <= f(W) - eta (1 - eta K_t(eta) / 2) ||grad f(W)||_F^2, with the segment constant
 * K_t(eta) of C5 (a Hessian bound on the whole segment; local-pl-linear-nets.md §3.4).
 * The statement (its measure and expected verdict) and its broken twin are C5's,
 * `descentLemmaStatement` and `descentLemmaTwinMutation` of C5-descent-lemma.ts, read on these runs.
 * Hypotheses: l K-smooth (squared loss, K = lambda_max(X X^T), a valid bound for the float64 X);
 * any step. The family: `linearNetClassFamily` with deficient data, n in 2..4, r in 1..n-1,
 * m <= 3, h <= 5, N <= 8 samples, X scaled by 2^k, k in -3..3; T <= 30 steps of GD with
 * eta_t K_t(eta_t) = c in [0.05, 4] (beyond 2, where f may increase and the lemma must still hold).
 * The measure: C5's, the largest excess of f(W_{t+1}) over the bound as a fraction of the gap,
 * floored at 1e-6 (1 + |f|).
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1; local-pl-linear-nets.md
 * §3.4, C5 (the digest's reconstruction of K_t).
 * Provenance: derived (tag [R]); the data family [D].
 * Broken twin: K_t(eta) -> H(W_t) = K_t(0), the Hessian bound at the start point only.
 */
import { brokenTwin, claim } from '../../src/index.js';
import { deficientRankRuns } from './_class-families.js';
import { descentLemmaStatement, descentLemmaTwinMutation } from './C5-descent-lemma.js';

const C5deficient = claim({
  id: 'xu2025.class-C5',
  title: 'Two-layer linear nets on data of deficient rank, one GD step: f(W_{t+1}) <= f(W_t) - eta (1 - eta K_t(eta)/2) ||grad f(W_t)||_F^2',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'local descent lemma (digest §3.4, C5), data of deficient rank',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  family: deficientRankRuns({ min: 0.05, max: 4 }),
  ...descentLemmaStatement,
});
export default C5deficient;

export const twin = brokenTwin(C5deficient, descentLemmaTwinMutation);
