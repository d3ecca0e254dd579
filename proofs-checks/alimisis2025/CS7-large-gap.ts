/**
 * CS7 in the large-gap regime: Theorem 4.1 part (3) where its message lives, H1 Delta0 >= 50 H0.
 *
 * Result: as CS7 (the printed lower bound on the worst-case K(eps) of a fixed step under the
 * Eq. (63) cap on T4a, over starts with f(x0) = Delta0),
 *   max over starts of K(eps) >= (H1 / (4 mu)) Delta0 / (log Delta0 + 1) log(Delta0 / eps),
 * restricted to initial gaps Delta0 in [100, 1000] on T4a ((H0,H1) = (2,1), mu = 2), i.e.
 * H1 Delta0 >= 50 H0: the regime of the separation the theorem is about (a fixed step must shrink
 * like log(Delta0)/Delta0, so K grows about linearly in H1 Delta0). The restriction is ours: CS7
 * shows the printed bound failing for Delta0 up to about 60 (a grid over s and eps finds the worst
 * start 1.5% below the bound at Delta0 = 50, and 2-8% above it from Delta0 = 70 to 3000).
 * Hypotheses: T4a, eta = s cap with s in [0.05, 1], eps in [1e-10, 1e-1].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Theorem 4.1 part (3), Eqs. (63),
 * (65) (Appendix J).
 * Provenance: secondary, [S-A] (the bound and the cap); the range of Delta0 is [D].
 * Broken twin: H1 / (4 mu) -> H1 / (2 mu) (a lower bound stated twice too large; the worst start
 * stays within a few percent of the printed bound at the largest stable steps).
 */
import { brokenTwin, claim } from '../../src/index.js';
import { T4A_CONSTANTS, t4aFixedStep, t4aLowerBound, worstFirstHitOverStarts } from './_families.js';

const largeGap = claim({
  id: 'alimisis2025.CS7-large-gap',
  title: 'Theorem 4.1(3) on T4a with H1 Delta0 >= 50 H0: max over starts of K(eps) >= H1/(4 mu) Delta0/(log Delta0 + 1) log(Delta0/eps)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Theorem 4.1 part (3), Eq. (63)',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'lower',
  family: t4aFixedStep({ min: 100, max: 1000 }),
  lhs: worstFirstHitOverStarts(),
  rhs: (instance) => t4aLowerBound(instance),
  rhsLabel: 'H1/(4 mu) Delta0/(log Delta0 + 1) log(Delta0/eps)',
  expected: 'holds',
  finding: {
    group: 'pinned-down',
    text: 'Theorem 4.1(3) as printed holds on T4a for Delta0 in [100, 1000], the regime H1 Delta0 >= 50 H0 where its message lives (alimisis2025.CS7 fails below about Delta0 = 60). Quantifier: as CS7, the step fixed from the constants, the worst case over starts; the range of Delta0 is ours.',
  },
});
export default largeGap;

export const twin = brokenTwin(largeGap, {
  mutation: 'H1 / (4 mu) -> H1 / (2 mu)',
  rhs: (instance) => t4aLowerBound(instance, 2 * T4A_CONSTANTS.H1),
  rhsLabel: 'H1/(2 mu) Delta0/(log Delta0 + 1) log(Delta0/eps)',
});
