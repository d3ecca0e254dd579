/**
 * CS2 on the class. The gradient self-bound of (H0,H1)-smooth functions at generic members of the
 * exp/cosh class family.
 *
 * Result: if f is (H0,H1)-smooth on all of R^d, then ||grad f(w)||^2 <= 2 H0 (f(w) - f*) +
 * H1 (f(w) - f*)^2 (compare phi'' <= H0 + H1 phi with the cosh solution along the ray
 * s -> w - s grad f / ||grad f||); equality on a one-piece cosh member with c = 0, whatever a and b.
 * The statement (its sides and expected verdict), its source and its broken twin are CS2's,
 * `selfBoundStatement`, `selfBoundSource` and `selfBoundTwinMutation` of CS2-gradient-self-bound.ts,
 * read at the members' (H0, H1).
 * Hypotheses: Definition 3.1 on R^d with the members' (H0, H1): the largest a b^2 + c and b^2 over
 * the cosh pieces a (cosh(b t) - 1) + c t^2/2 and c + 2 ln 2 a b^2, 2 b^2 over the exp pieces
 * a (e^(b t) - 1 - b t) + c t^2/2 (src/classes/expCosh.ts [D]). The family: 1 to 4 pieces of either
 * kind, a in [1e-2, 10], |b| in [0.1, 3], c in [0, 5], exactly rotated, at points in [-4, 4]^d.
 * Reference: a consequence of Definition 3.1 of Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164,
 * v2, derived in the digest (warmup-h0h1.md section 2, "Useful consequences for testing").
 * Provenance: derived, [D] (not the paper's).
 * Broken twin: 2 H0 -> H0 (on a one-piece cosh member with c = 0 the gradient exceeds it everywhere
 * but at the minimizer: a^2 b^2 sinh^2 = a^2 b^2 (cosh - 1)(cosh + 1) > a^2 b^2 (cosh - 1) cosh).
 */
import { brokenTwin, claim, expCoshClassFamily } from '../../src/index.js';
import { selfBoundSource, selfBoundStatement, selfBoundTwinMutation } from './CS2-gradient-self-bound.js';

const selfBoundOnTheClass = claim({
  id: 'alimisis2025.class-CS2',
  title: 'Gradient self-bound on the exp/cosh class: ||grad f||^2 <= 2 H0 (f - f*) + H1 (f - f*)^2',
  source: selfBoundSource,
  family: expCoshClassFamily(),
  ...selfBoundStatement,
});
export default selfBoundOnTheClass;

export const twin = brokenTwin(selfBoundOnTheClass, selfBoundTwinMutation);
