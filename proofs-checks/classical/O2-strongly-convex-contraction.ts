/**
 * O2. Smooth strongly convex functions: the function value contracts by rho(gamma)^2 per step.
 *
 * Result: for (mu, L) smooth strongly convex f and GD with step gamma in (0, 2/L),
 * f(x_N) - f* <= rho^(2N) (f(x_0) - f*), rho = max{|1 - gamma mu|, |1 - gamma L|}; tight on 1-D
 * quadratics.
 * Hypotheses: mu-strongly convex, L-smooth, gamma = h/L with h in (0, 2). The family: quadratics of
 * dimension 1 to 6 with a seeded spectrum in [L/kappa, L] (mu = L/kappa, L exact), x0 ~ N(0, I).
 * Reference: Taylor, Hendrickx, Glineur (2018), "Exact worst-case convergence rates of the proximal
 * gradient method for composite convex minimization", JOTA 178, Theorem 3.3.
 * Provenance: secondary (restated in classical-oracles.md O2).
 * Broken twin: the exponent 2N -> 2N + 1.
 */
import { contractionFactor } from '../../bounds/classical.js';
import { brokenTwin, claim, gapAt } from '../../src/index.js';
import { quadraticFamily, type QuadraticInstance } from './_families.js';

const rho = (instance: QuadraticInstance): number =>
  contractionFactor({ mu: instance.mu, L: instance.L, gamma: instance.gamma });

const O2 = claim({
  id: 'classical.O2',
  title: 'GD on (mu, L) strongly convex f, step gamma in (0, 2/L): f(x_N) - f* <= rho^(2N) (f(x_0) - f*)',
  source: {
    reference: 'Taylor, Hendrickx, Glineur (2018), JOTA 178',
    result: 'Theorem 3.3',
    version: 'journal',
    provenance: 'secondary',
    tag: 'classical-oracles.md O2',
  },
  kind: 'upper',
  family: quadraticFamily({ min: 0.01, max: 1.99 }, { rankDeficient: false }),
  lhs: gapAt(),
  rhs: (instance, { N }) => rho(instance) ** (2 * N) * instance.initialGap,
  rhsLabel: 'rho^(2N) (f(x_0) - f*)',
  scale: (_lhs, _rhs, instance) => instance.initialGap,
  expected: 'holds',
});
export default O2;

export const twin = brokenTwin(O2, {
  mutation: 'exponent 2N -> 2N + 1',
  rhs: (instance, { N }) => rho(instance) ** (2 * N + 1) * instance.initialGap,
  rhsLabel: 'rho^(2N+1) (f(x_0) - f*)',
});
