/**
 * CS1 on the class. Definition 3.1, (H0,H1)-smoothness, at a point of a generic member of the
 * exp/cosh class family rather than of the digest's examples.
 *
 * Result: f is (H0,H1)-smooth when ||Hess f(w)|| <= H0 + H1 (f(w) - f*) for every w. Every member
 * of `expCoshClassFamily` is: a rotated sum of pieces a (cosh(b t) - 1) + c t^2/2 (H0 = a b^2 + c,
 * H1 = b^2, the least pair) and a (e^(b t) - 1 - b t) + c t^2/2 (H0 = c + 2 ln 2 a b^2, H1 = 2 b^2, a
 * valid pair), combined by the largest H0 and H1 (src/classes/expCosh.ts [D]). The statement (its
 * sides and expected verdict) and its broken twin are CS1's, `definition31Statement` and
 * `definition31TwinMutation` of CS1-definition-3.1.ts, read at the members' (H0, H1).
 * Hypotheses: none beyond the members' constants. The family: 1 to 4 pieces of either kind, with
 * a in [1e-2, 10], |b| in [0.1, 3], c in [0, 5], exactly rotated, at points in the cube [-4, 4]^d.
 * ||Hess f|| is the spectral norm.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Definition 3.1.
 * Provenance: the definition secondary, [S-A]; the members and their constants derived, [D].
 * Broken twin: H1 -> H1 / 2 (violated where a cosh piece with the largest b^2 dominates, away from
 * the minimizer; the search must find such a member and point).
 */
import { brokenTwin, claim, expCoshClassFamily } from '../../src/index.js';
import { definition31Statement, definition31TwinMutation } from './CS1-definition-3.1.js';

const definition31OnTheClass = claim({
  id: 'alimisis2025.class-CS1',
  title: 'Definition 3.1 on the exp/cosh class: ||Hess f(w)|| <= H0 + H1 (f(w) - f*)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Definition 3.1',
    version: 'v2',
    provenance: 'derived',
    tag: '[S-A] definition, [D] class constants',
  },
  family: expCoshClassFamily(),
  ...definition31Statement,
});
export default definition31OnTheClass;

export const twin = brokenTwin(definition31OnTheClass, definition31TwinMutation);
