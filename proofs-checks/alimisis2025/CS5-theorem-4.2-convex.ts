/**
 * CS5. Theorem 4.2: iteration count of the adaptive warm-up step on convex (H0,H1)-smooth functions.
 *
 * Result: GD with eta_t = 1/(10 H0 + 20 H1 (f(w_t) - f*)) on a convex (H0,H1)-smooth f (Aiming with
 * theta = 1) reaches f(w_K) - f* <= eps within K <= 40 H0 R^2 / eps + 40 H1 R^2 iterations,
 * R = ||w_0 - w*||: the H1 term scales neither with 1/eps nor with Delta0.
 * Hypotheses: (H0,H1)-smooth and convex. The family: the T1-T6 examples of the digest (all convex,
 * including the non-PL T3 = sum w_i^4, whose sublinear rate is the slowest), started up to 8 length
 * scales from the minimizer, eps in [1e-5, 1e-1].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Theorem 4.2 (convex case).
 * Provenance: secondary, [S-A] (the audit's evaluated form that fixes the constants; [S-J] gives
 * the O(.) form with theta^2).
 * Measured: very loose, K(eps) at most about 3% of the bound (tightest from starts close to the
 * minimizer, where the gap starts near eps).
 * Broken twin: the exponent of 1/eps off by one, 40 H0 R^2 / eps -> 40 H0 R^2: a count independent
 * of eps, which GD cannot meet (K grows like log(1/eps) or faster).
 */
import { theorem42IterationBound } from '../../bounds/alimisis2025.js';
import { brokenTwin, claim, firstHit, logUniform } from '../../src/index.js';
import { adaptiveRuns, EXAMPLES, type AdaptiveRunInstance } from './_families.js';

const theorem42 = claim({
  id: 'alimisis2025.CS5',
  title: 'Theorem 4.2, adaptive step on convex (H0,H1)-smooth f: K(eps) <= 40 H0 R^2 / eps + 40 H1 R^2',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Theorem 4.2',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'upper',
  family: adaptiveRuns(EXAMPLES, { eps: (_instance, { eps }) => eps, extraBox: { eps: logUniform(1e-5, 1e-1) } }),
  lhs: firstHit((instance: AdaptiveRunInstance) => instance.eps),
  rhs: (instance) => theorem42IterationBound({ H0: instance.H0, H1: instance.H1, R: instance.distance, eps: instance.eps }),
  rhsLabel: '40 H0 R^2 / eps + 40 H1 R^2',
  expected: 'holds',
});
export default theorem42;

export const twin = brokenTwin(theorem42, {
  mutation: '40 H0 R^2 / eps -> 40 H0 R^2 (exponent of 1/eps off by one)',
  rhs: (instance) => theorem42IterationBound({ H0: instance.H0, H1: instance.H1, R: instance.distance, eps: 1 }),
  rhsLabel: '40 H0 R^2 + 40 H1 R^2',
});
