/**
 * O4 on the class, in its three step-size regimes: (f(x_1) - f*) / (f(x_0) - f*) <= r(gamma) for
 * every L-smooth PL(mu) f, hence f(x_N) - f* <= r^N (f(x_0) - f*).
 *
 * Result: r = ((mu(1 - L gamma) + sqrt(4L^2 - 2L(L + mu) mu gamma (2 - L gamma))) / (2L + mu))^2 for
 * 0 < gamma < 1/L; 1 - mu gamma (4 - L^2 gamma^2) / (2 + mu gamma) for 1/L <= gamma <= sqrt(3)/L;
 * (L gamma - 1)^2 / ((L gamma - 1)^2 + mu gamma (2 - L gamma)) for sqrt(3)/L < gamma < 2/L. An upper
 * bound, not tight for the PL class.
 * Hypotheses: L-smooth, PL(mu), gamma in (0, 2/L). The family: `classFamily('pl')`, sums of
 * one-dimensional PL piecewise quadratics (up to 3 pieces on each side of their minimizer, nonconvex
 * ones among them, curvature in [-L, L]) on some coordinates and identically 0 on the others, in 1
 * to 3 dimensions, exactly rotated; L exact, mu the least PL constant of the terms in exact
 * rationals rounded down (plConstant.ts). For h = gamma L <= 1 no such sum contracts less than a
 * quadratic, (1 - h mu / L)^2 (tests/classes/plConstant.test.ts says why): beyond it needs
 * members that are not separable.
 * Reference: Abbaszadehpeivasti, de Klerk, Zamani (2023), Optim. Lett., Theorem 3.
 * Provenance: secondary (restated in classical-oracles.md O4).
 * Broken twin: the exponent N -> N + 1.
 */
import { plOneStepRate } from '../../bounds/classical.js';
import { brokenTwin, claim, classFamily, gapAt } from '../../src/index.js';
import type { ClassInstance } from '../../src/index.js';
import { PL_ONE_STEP_O4 } from './_families.js';

const rate = (instance: ClassInstance): number => plOneStepRate({ mu: instance.mu!, L: instance.L, gamma: Math.min(instance.gamma, (2 / instance.L) * (1 - 2 * Number.EPSILON)) });

const O4class = claim({
  id: 'classical.O4-class',
  title: 'GD on every L-smooth PL(mu) f, gamma in (0, 2/L): f(x_N) - f* <= r(gamma)^N (f(x_0) - f*)',
  source: PL_ONE_STEP_O4,
  kind: 'upper',
  family: classFamily({ curvature: 'pl', maxDim: 3, pieces: 3, h: { min: 0.01, max: 1.99 }, N: { min: 1, max: 20 } }),
  lhs: gapAt(),
  rhs: (instance) => rate(instance) ** instance.N * instance.initialGap,
  rhsLabel: 'r(gamma)^N (f(x_0) - f*)',
  scale: (_lhs, _rhs, instance) => instance.initialGap,
  expected: 'holds',
});
export default O4class;

export const twin = brokenTwin(O4class, {
  mutation: 'exponent N -> N + 1',
  rhs: (instance) => rate(instance) ** (instance.N + 1) * instance.initialGap,
  rhsLabel: 'r(gamma)^(N+1) (f(x_0) - f*)',
});
