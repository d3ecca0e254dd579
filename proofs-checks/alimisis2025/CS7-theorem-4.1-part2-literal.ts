/**
 * CS7. Theorem 4.1 part (2) (convex), as printed, on the audit's literal instance: a positive control.
 *
 * Result: the audit evaluates the printed part (2) lower bound on f = w^2/2 (H0 = H1 = 1),
 * Delta_0 = 1, eps = 0.1, constant step 1, where it reads K(eps) >= Delta_0 (Delta_0 - eps) / (4 eps) = 9/4.
 * GD with step 1 on w^2/2 lands on the minimizer in one step, so K(0.1) = 1 < 9/4: the display read
 * for every function fails. The intended quantifier is minimax over the class with a class-stable
 * fixed step (digest §3.4, after Zhang et al. 2019, Thm. 4), which CS7 (part 3) and CS7-large-gap
 * check. Expected violated: its own positive control (no twin).
 * Hypotheses: the literal instance (w_0 = sqrt 2, so Delta_0 = 1).
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Theorem 4.1 (2); digest §3.4
 * ("part (2)'s printed bound evaluates to 9/4").
 * Provenance: secondary, [S-A] (the audit's evaluation; the general form was not recovered).
 */
import { theorem41ConvexAuditValue } from '../../bounds/alimisis2025.js';
import { claim, constant, family, firstHit, quadratic, uniform } from '../../src/index.js';

const EPS = 0.1;

const literalInstance = family({
  name: 'w^2/2 from w_0 = sqrt(2) (Delta_0 = 1), constant step 1',
  box: { gap0: uniform(1, 1) },
  instance: ({ gap0 }) => ({ problem: quadratic({ eigenvalues: [1] }), x0: [Math.sqrt(2 * gap0)], schedule: constant(1), gap0 }),
});

export default claim({
  id: 'alimisis2025.CS7-part2-literal',
  title: 'Theorem 4.1 (2) as printed on the audit instance w^2/2, step 1: K(0.1) >= Delta_0 (Delta_0 - eps)/(4 eps) = 9/4 (fails: K = 1)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Theorem 4.1 (2), the audit evaluation',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'lower',
  family: literalInstance,
  lhs: firstHit(EPS),
  rhs: ({ gap0 }) => theorem41ConvexAuditValue({ gap0, eps: EPS }),
  rhsLabel: 'Delta_0 (Delta_0 - eps) / (4 eps) = 9/4',
  expected: 'violated',
  finding: {
    group: 'printed-refuted',
    text: 'Theorem 4.1(2) as the audit evaluates it, K(0.1) >= Delta0 (Delta0 - eps)/(4 eps) = 9/4 on w^2/2 with step 1, read for every function as the display reads: GD with step 1 lands on the minimizer in one step. Quantifier: the one instance of the audit; the intended reading (minimax over the class with a class-stable step) is what alimisis2025.CS7 checks for part (3).',
  },
});
