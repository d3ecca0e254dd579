/**
 * O4. L-smooth functions with the PL inequality: the one-step rate of GD at step 1/L.
 *
 * Result: for L-smooth f satisfying PL(mu), ||grad f||^2 >= 2 mu (f - f*), GD with step 1/L gives
 * (f(x_1) - f*) / (f(x_0) - f*) <= 2(L - mu) / (2L + mu), hence f(x_N) - f* <= r^N (f(x_0) - f*).
 * Hypotheses: L-smooth, PL(mu). The family: quadratics of dimension 1 to 6, possibly rank-deficient
 * (PL with mu the smallest positive eigenvalue, not strongly convex), x0 ~ N(0, I).
 * Reference: Abbaszadehpeivasti, de Klerk, Zamani (2023), "Conditions for linear convergence of the
 * gradient method for non-convex optimization", Optim. Lett., Theorem 3.
 * Provenance: secondary (restated in classical-oracles.md O4).
 * Broken twin: a relation flipped, the rate's numerator 2(L - mu) -> 2(L - 2 mu).
 */
import { plOneStepRate } from '../../bounds/classical.js';
import { brokenTwin, claim, gapAt } from '../../src/index.js';
import { PL_ONE_STEP_O4, quadraticFamily } from './_families.js';


const O4 = claim({
  id: 'classical.O4',
  title: 'GD on L-smooth PL(mu) f, step 1/L: f(x_N) - f* <= (2(L - mu)/(2L + mu))^N (f(x_0) - f*)',
  source: PL_ONE_STEP_O4,
  kind: 'upper',
  family: quadraticFamily({ min: 1, max: 1 }, { rankDeficient: true }),
  lhs: gapAt(),
  rhs: (instance, { N }) => plOneStepRate({ mu: instance.mu, L: instance.L, gamma: instance.gamma }) ** N * instance.initialGap,
  rhsLabel: '(2(L - mu)/(2L + mu))^N (f(x_0) - f*)',
  scale: (_lhs, _rhs, instance) => instance.initialGap,
  expected: 'holds',
});
export default O4;

export const twin = brokenTwin(O4, {
  mutation: '2(L - mu) -> 2(L - 2 mu)',
  rhs: (instance, { N }) => ((2 * (instance.L - 2 * instance.mu)) / (2 * instance.L + instance.mu)) ** N * instance.initialGap,
  rhsLabel: '(2(L - 2mu)/(2L + mu))^N (f(x_0) - f*)',
});
