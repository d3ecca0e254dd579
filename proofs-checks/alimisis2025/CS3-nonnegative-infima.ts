/**
 * CS3 with nonnegative infima: Prop. B.2's printed constants where they are valid.
 *
 * Result: as CS3, f + g is (H0, H1)-smooth with H1 = max(H1^f, H1^g) and
 * H0 = H0^f + H0^g + H1 h* - H1^f f* - H1^g g*, now for infima f*, g* in [0, 2] (losses are
 * nonnegative in the paper's applications). Then H0 >= H0^f + H0^g + H1 (h* - f* - g*), and
 * ||Hess h|| <= H0^f + H1^f (f - f*) + H0^g + H1^g (g - g*) <= that + H1 (h - h*), so the
 * statement holds ([D]); with f* = g* = 0 and H1^f = H1^g it is attained everywhere.
 * Hypotheses: f* >= 0, g* >= 0 (ours; CS3 shows the printed constants fail without them).
 * The family: sums of two shifted 1-D extremal functions T2 with the same minimizer
 * (h* = f* + g* exactly), constants in [0.1, 10].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Prop. B.2 (Appendix B).
 * Provenance: secondary, [S-A] (the constants); the sign restriction is [D].
 * Broken twin: H1 = max(H1^f, H1^g) -> min(H1^f, H1^g) (a relation flipped).
 */
import { sumConstants } from '../../bounds/alimisis2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { shiftedCoshSums, sumBound, sumCurvature } from './_families.js';

const nonnegative = claim({
  id: 'alimisis2025.CS3-nonnegative-infima',
  title: 'Prop. B.2 with f*, g* >= 0 on sums of shifted cosh functions: ||Hess (f+g)|| <= H0 + H1 (f + g - h*)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Prop. B.2',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'upper',
  family: shiftedCoshSums({ min: 0, max: 2 }),
  lhs: sumCurvature,
  rhs: (instance) => sumBound(instance),
  rhsLabel: 'H0 + H1 (h - h*), H1 = max(H1^f, H1^g), H0 = H0^f + H0^g + H1 h* - H1^f f* - H1^g g*',
  expected: 'holds',
  finding: {
    group: 'pinned-down',
    text: 'Prop. B.2\'s printed constants are valid when the infima are nonnegative (f*, g* >= 0, our hypothesis; alimisis2025.CS3 fails without it). Quantifier: for every point, on the same sums of shifted cosh functions as CS3 with infima in [0, 2].',
  },
});
export default nonnegative;

/** Prop. B.2's constants with min in place of max. */
const withMinimum: typeof sumConstants = ({ f, g, sumInfimum }) => {
  const H1 = Math.min(f.H1, g.H1);
  return { H0: f.H0 + g.H0 + H1 * sumInfimum - f.H1 * f.infimum - g.H1 * g.infimum, H1 };
};

export const twin = brokenTwin(nonnegative, {
  mutation: 'H1 = max(H1^f, H1^g) -> min(H1^f, H1^g)',
  rhs: (instance) => sumBound(instance, withMinimum),
  rhsLabel: 'H0 + H1 (h - h*), H1 = min(H1^f, H1^g), H0 as printed with that H1',
});
