/**
 * CS7. Theorem 4.1 part (3): lower bound on the iteration count of GD with a fixed step (PL case).
 *
 * Result (as the audit evaluates it on the hard instance T4a, (H0,H1) = (2,1), mu = 2): a fixed
 * step eta under the Eq. (63) stability cap eta <= 2 (log Delta0 + 1) / Delta0 needs
 *   K >= (H1 / (4 mu)) Delta0 / (log Delta0 + 1) log(Delta0 / eps)
 * iterations in the worst case over the class with initial gap Delta0 (minimax, after Zhang et al.
 * 2019, Thm. 4: the step is fixed from the constants, the function and start are then the worst).
 * The measure is that worst case over a family of starts: T4a in R^m with the gap Delta0 spread
 * evenly over m = 1, 2, 4, ... coordinates, from all on the exponential tail to all on the quadratic
 * core (starts of one function, T4a in R^M); a start that diverges counts as K = infinity.
 * Hypotheses: T4a, Delta0 in [2, 100], eta = s cap with s in [0.05, 1], eps in [1e-10, 1e-1].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Theorem 4.1 part (3), with
 * Eqs. (63) and (65) (Appendix J); the general H0 dependence was not recovered.
 * Provenance: secondary, [S-A].
 * Finding (expected 'violated', its own positive control): on T4a, the paper's own hard instance,
 * the printed bound fails for initial gaps up to about 60. A grid over s in [0.01, 1] and eps in
 * {1e-1, ..., 1e-10} puts the worst start 27% below the bound at Delta0 = 10, 18% at 20 and 1.5% at
 * 50, and 2-8% above it from Delta0 = 70 to 3000 (CS7-large-gap). Mechanism: the bound is
 * log(Delta0/eps) / (2 mu eta_max), the small-step rate of the quadratic core w^2, but GD on the
 * core contracts the gap by (1 - 2 eta)^2 <= e^(-2 mu eta), faster by a factor 1 + O(eta), and
 * eta_max = 2 (log Delta0 + 1)/Delta0 is small only for large Delta0 (below Delta0 of about 15 it
 * even exceeds the core's 1/H0 = 1/2, where a step is nearly a Newton step on the core).
 * Counterexamples (certified by replay at 40 and 80 digits): Delta0 = 10, eta = 0.7 cap = 0.462,
 * eps = 1e-8: the worst start needs K = 6 < 7.84; Delta0 = 2, eta = 0.297 cap = 0.503,
 * eps = 1e-10: K = 3 < 3.50. The minimax statement is about the worst function of the class, of
 * which these starts of T4a are a part, so this refutes it only as far as T4a (the Eq. (65)
 * construction) is the worst case its proof uses.
 */
import { claim } from '../../src/index.js';
import { t4aFixedStep, t4aLowerBound, worstFirstHitOverStarts } from './_families.js';

export default claim({
  id: 'alimisis2025.CS7',
  title: 'Theorem 4.1(3), fixed step under the Eq. (63) cap on T4a: max over starts of K(eps) >= H1/(4 mu) Delta0/(log Delta0 + 1) log(Delta0/eps)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Theorem 4.1 part (3), Eq. (63)',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'lower',
  family: t4aFixedStep(),
  lhs: worstFirstHitOverStarts(),
  rhs: (instance) => t4aLowerBound(instance),
  rhsLabel: 'H1/(4 mu) Delta0/(log Delta0 + 1) log(Delta0/eps)',
  expected: 'violated',
  finding: {
    group: 'printed-refuted',
    text: 'Theorem 4.1(3) as the audit restates it, the lower bound K >= H1/(4 mu) Delta0/(log Delta0 + 1) log(Delta0/eps) for a fixed step under the Eq. (63) cap, fails on the paper\'s own hard instance T4a for moderate Delta0: the bound is the small-step rate of the quadratic core, whose actual contraction (1 - 2 eta)^2 is faster. Quantifier: the step fixed from the constants (eta = s times the cap), the worst case over starts with the same Delta0; the family is one function of the class (T4a, (H0,H1) = (2,1), mu = 2, Delta0 in [2, 100]), so the minimax statement is refuted as far as T4a is the worst case its proof uses. It holds from about Delta0 = 70 on (alimisis2025.CS7-large-gap).',
  },
});
