/**
 * CS6. Theorem 4.3: iteration count of the adaptive warm-up step on PL (H0,H1)-smooth functions.
 *
 * Result: GD with eta_t = 1/(10 H0 + 20 H1 (f(w_t) - f*)) on an (H0,H1)-smooth, mu-PL f reaches
 * f(w_K) - f* <= eps within
 *   K = 40 H1 Delta0 / mu + 20 H0 / mu log(H0 / (2 H1 eps))
 * iterations, for 0 < eps < H0/(2 H1) and Delta0 > eps (the printed domain): the H1 Delta0 term is
 * additive instead of multiplying log(1/eps). Proof: a phase with H1 Delta_t >= H0/2 that lowers
 * the gap by mu/(40 H1) per step, then a linear phase contracting it by 1 - mu/(20 H0).
 * Hypotheses: (H0,H1)-smooth with H1 > 0, mu-PL, the printed domain (checked, never failing by
 * construction: eps = epsRatio min(Delta0, H0/(2 H1))). The family: the PL examples T1, T2, T4a,
 * T4b, T5, T6 of the digest with mu exact (T6: a valid PL constant), started up to 8 length scales
 * from the minimizer, epsRatio in [1e-10, 0.9].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Theorem 4.3.
 * Provenance: secondary, [S-A] (matches three audit evaluations exactly).
 * Measured: K(eps) at most about 31% of the bound (small gaps on T1, where the linear phase runs at
 * (1 - mu/(10 H0))^2 per step against the bound's 1 - mu/(20 H0)).
 * Broken twin: the linear-phase constant 20 H0/mu -> 2 H0/mu (the bound is met with a tightness of
 * about 0.3, so a smaller change cannot show; dropping the warm-up term 40 H1 Delta0/mu instead is
 * also violated, but only from large initial gaps, about 3% of the family).
 */
import { theorem43IterationBound } from '../../bounds/alimisis2025.js';
import { brokenTwin, claim, firstHit } from '../../src/index.js';
import { theorem43Constants, theorem43Runs, theorem43Domain, type AdaptiveRunInstance } from './_families.js';

const theorem43 = claim({
  id: 'alimisis2025.CS6',
  title: 'Theorem 4.3, adaptive step on mu-PL (H0,H1)-smooth f: K(eps) <= 40 H1 Delta0/mu + 20 H0/mu log(H0/(2 H1 eps))',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Theorem 4.3',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'upper',
  family: theorem43Runs,
  hypotheses: [theorem43Domain],
  lhs: firstHit((instance: AdaptiveRunInstance) => instance.eps),
  rhs: (instance) => theorem43IterationBound(theorem43Constants(instance)),
  rhsLabel: '40 H1 Delta0 / mu + 20 H0 / mu log(H0 / (2 H1 eps))',
  expected: 'holds',
});
export default theorem43;

export const twin = brokenTwin(theorem43, {
  mutation: '20 H0 / mu -> 2 H0 / mu',
  rhs: (instance) => {
    const { H0, H1, mu, gap0, eps } = theorem43Constants(instance);
    return (40 * H1 * gap0) / mu + ((2 * H0) / mu) * Math.log(H0 / (2 * H1 * eps));
  },
  rhsLabel: '40 H1 Delta0 / mu + 2 H0 / mu log(H0 / (2 H1 eps))',
});
