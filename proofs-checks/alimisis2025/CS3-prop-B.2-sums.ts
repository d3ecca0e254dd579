/**
 * CS3. Prop. B.2, closure under sums, with the printed constants.
 *
 * Result: if f is (H0^f, H1^f)- and g is (H0^g, H1^g)-smooth, with infima f*, g*, and
 * h* = inf (f + g), then f + g is (H0, H1)-smooth with
 *   H1 = max(H1^f, H1^g),  H0 = H0^f + H0^g + H1 h* - H1^f f* - H1^g g*.
 * Checked pointwise (Definition 3.1 for f + g) on sums of two shifted 1-D extremal functions T2,
 * each exactly (H0,H1)-smooth with its own pair, with infima f*, g* anywhere in [-2, 2] (the
 * statement puts no sign on them) and the same minimizer, so h* = f* + g* exactly.
 * Hypotheses: f, g (H0,H1)-smooth with the given pairs. Constants in [0.1, 10].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Prop. B.2 (Appendix B).
 * Provenance: secondary, [S-A] (reconstructed, unverified).
 * Finding (expected 'violated', its own positive control): the printed H0 is not invariant under
 * shifting f up and g down by the same constant, which changes neither f + g nor any constant of
 * f or g. With h* = f* + g* it equals H0^f + H0^g + (H1 - H1^f) f* + (H1 - H1^g) g*, below
 * H0^f + H0^g = ||Hess h(0)|| as soon as the summand with the smaller H1 has a negative infimum;
 * it can even be negative. Example: f = cosh(w) - 1 - 1 (H0 = H1 = 1, f* = -1), g = (cosh(2w) - 1)/4
 * (H0 = 1, H1 = 4, g* = 0): H1 = 4, H0 = 1 + 1 + 4 (-1) - 1 (-1) - 0 = -1, while ||Hess h(0)|| = 2.
 * With f*, g* >= 0 the printed constants are valid (CS3-nonnegative-infima): H0 is then at least
 * H0^f + H0^g + H1 (h* - f* - g*), which the triangle inequality needs ([D]).
 */
import { claim } from '../../src/index.js';
import { shiftedCoshSums, sumBound, sumCurvature } from './_families.js';

export default claim({
  id: 'alimisis2025.CS3',
  title: 'Prop. B.2 on sums of shifted cosh functions: ||Hess (f+g)|| <= H0 + H1 (f + g - h*) with the printed (H0, H1)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Prop. B.2',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'upper',
  family: shiftedCoshSums({ min: -2, max: 2 }),
  lhs: sumCurvature,
  rhs: (instance) => sumBound(instance),
  rhsLabel: 'H0 + H1 (h - h*), H1 = max(H1^f, H1^g), H0 = H0^f + H0^g + H1 h* - H1^f f* - H1^g g*',
  expected: 'violated',
  finding: {
    group: 'printed-refuted',
    text: 'Prop. B.2\'s printed H0 = H0^f + H0^g + H1 h* - H1^f f* - H1^g g* (as the audit restates it) is not shift-invariant: moving a constant from g to f changes neither f + g nor any smoothness constant but changes H0, which with negative infima goes below the curvature of the sum (f = cosh w - 2, g = (cosh 2w - 1)/4: H0 = -1 while ||Hess (f + g)(0)|| = 2). Quantifier: for every point w, on sums of two shifted 1-D cosh functions (T2) with the same minimizer and infima in [-2, 2], a narrow part of the class. With f*, g* >= 0 the constants are valid (alimisis2025.CS3-nonnegative-infima).',
  },
});
