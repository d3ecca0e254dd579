/**
 * The textbook linear rate of GD under L-smoothness and the PL inequality.
 *
 * Result: for L-smooth f satisfying PL(mu) and GD with step 1/L,
 * f(x_T) - f* <= (1 - mu/L)^T (f(x_0) - f*).
 * Hypotheses: L-smooth, PL(mu). The family: quadratics of dimension 1 to 6, possibly rank-deficient,
 * x0 ~ N(0, I).
 * Reference: Karimi, Nutini, Schmidt (2016), "Linear convergence of gradient and proximal-gradient
 * methods under the Polyak-Lojasiewicz condition", ECML-PKDD, Theorem 1.
 * Provenance: secondary (the classical rate that classical-oracles.md O4 improves on).
 * Broken twin: the rate (1 - mu/L)^T -> (1 - 2 mu/L)^T.
 */
import { plTextbookRate } from '../../bounds/classical.js';
import { brokenTwin, claim, gapAt } from '../../src/index.js';
import { quadraticFamily } from './_families.js';


const textbook = claim({
  id: 'classical.PL-rate',
  title: 'GD on L-smooth PL(mu) f, step 1/L: f(x_T) - f* <= (1 - mu/L)^T (f(x_0) - f*)',
  source: {
    reference: 'Karimi, Nutini, Schmidt (2016), ECML-PKDD',
    result: 'Theorem 1',
    version: 'conference',
    provenance: 'secondary',
    tag: 'classical-oracles.md O4 (comparator)',
  },
  kind: 'upper',
  family: quadraticFamily({ min: 1, max: 1 }, { rankDeficient: true }),
  lhs: gapAt(),
  rhs: (instance, { N }) => plTextbookRate({ mu: instance.mu, L: instance.L }) ** N * instance.initialGap,
  rhsLabel: '(1 - mu/L)^T (f(x_0) - f*)',
  scale: (_lhs, _rhs, instance) => instance.initialGap,
  expected: 'holds',
});
export default textbook;

export const twin = brokenTwin(textbook, {
  mutation: '(1 - mu/L)^T -> (1 - 2 mu/L)^T',
  rhs: (instance, { N }) => Math.abs(1 - (2 * instance.mu) / instance.L) ** N * instance.initialGap,
  rhsLabel: '(1 - 2 mu/L)^T (f(x_0) - f*)',
});
