/**
 * CS1. Definition 3.1, (H0,H1)-smoothness, at a point.
 *
 * Result: f is (H0,H1)-smooth when ||Hess f(w)|| <= H0 + H1 (f(w) - f*) for every w. The claim
 * checks it pointwise on the fully computable examples of the digest, with the constants the
 * digest derives for them: T1 quadratics (H0 = lambda_max, any H1), T2 separable cosh sums (exact,
 * attained on the axes), T3 sum w_i^4 with a pair (H0, 36/H0) on the growth frontier (attained at
 * w_i^2 = H0/6), T4a (2, 1) and T4b (h, h) (attained at the minimizer), T5 / T6 logistic and
 * exponential ridge (lambda + B^2 f*, B^2), in dimension 1 to 3 at points up to 8 length scales
 * from the minimizer.
 * Hypotheses: none beyond the examples' constants. ||Hess f|| is the spectral norm (max |lambda|).
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Definition 3.1; the examples
 * are the digest's section 4 table (T1-T6 [D]).
 * Provenance: secondary, [S-A] (symbol form also in [S-R], [S-O]; the wording is [P]).
 * Broken twin: H1 halved (violated wherever the examples attain the bound away from the minimizer).
 */
import { curvatureBound } from '../../bounds/alimisis2025.js';
import { brokenTwin, claim, hessianNorm, pointwise } from '../../src/index.js';
import { examplesAtAPoint, gapAtPoint as gap, type H0H1Point } from './_families.js';

/**
 * Definition 3.1 at a point of any (H0,H1)-smooth function with its pair, whatever the family of
 * such points: the sides, the kind and the expected verdict (shared with class-CS1).
 */
export const definition31Statement = {
  kind: 'upper',
  lhs: pointwise('||Hess f(w)||', (instance: H0H1Point) => hessianNorm(instance.problem, instance.x0)),
  rhs: (instance: H0H1Point) => curvatureBound({ H0: instance.H0, H1: instance.H1, gap: gap(instance) }),
  rhsLabel: 'H0 + H1 (f(w) - f*)',
  expected: 'holds',
} as const;

/** The broken twin of Definition 3.1 on any family of points: H1 halved. */
export const definition31TwinMutation = {
  mutation: 'H1 -> H1 / 2',
  rhs: (instance: H0H1Point) => curvatureBound({ H0: instance.H0, H1: instance.H1 / 2, gap: gap(instance) }),
  rhsLabel: 'H0 + H1/2 (f(w) - f*)',
} as const;

const definition31 = claim({
  id: 'alimisis2025.CS1',
  title: 'Definition 3.1 on the T1-T6 examples: ||Hess f(w)|| <= H0 + H1 (f(w) - f*)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Definition 3.1',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  family: examplesAtAPoint,
  ...definition31Statement,
});
export default definition31;

export const twin = brokenTwin(definition31, definition31TwinMutation);
