/**
 * O2 (related). Smooth strongly convex functions: GD with exact line search contracts the function
 * value by ((L - mu)/(L + mu))^2 per step.
 *
 * Result: for (mu, L) smooth strongly convex f and GD with exact line search,
 * f(x_N) - f* <= ((L - mu)/(L + mu))^(2N) (f(x_0) - f*); tight on convex quadratics.
 * Hypotheses: mu-strongly convex, L-smooth, the step minimizing f along -grad f(x_k) at each step.
 * The family: quadratics of dimension 1 to 6 with a seeded spectrum in [L/kappa, L] (mu = L/kappa,
 * L exact), x0 ~ N(0, I), the step `exactLineSearchQuadratic` (exact on a quadratic).
 * Reference: de Klerk, Glineur, Taylor (2017), "On the worst-case complexity of the gradient method
 * with exact line search for smooth strongly convex functions", Optim. Lett. 11, 1185-1199,
 * Theorem 1.2.
 * Provenance: secondary (restated in classical-oracles.md O2, "Related").
 * Broken twin: the exponent 2N -> 2N + 1.
 */
import { brokenTwin, claim, exactLineSearchQuadratic, gapAt, mapFamily, withFixed } from '../../src/index.js';
import { quadraticFamily, type QuadraticInstance } from './_families.js';

/** (L - mu)/(L + mu). */
const ratio = ({ L, mu }: QuadraticInstance): number => (L - mu) / (L + mu);

const quadratics = withFixed(quadraticFamily({ min: 1, max: 1 }, { rankDeficient: false }), { h: 1 });

const exactLineSearch = claim({
  id: 'classical.O2-exact-line-search',
  title: 'GD with exact line search on (mu, L) strongly convex f: f(x_N) - f* <= ((L - mu)/(L + mu))^(2N) (f(x_0) - f*)',
  source: {
    reference: 'de Klerk, Glineur, Taylor (2017), Optim. Lett. 11',
    result: 'Theorem 1.2',
    version: 'journal',
    provenance: 'secondary',
    tag: 'classical-oracles.md O2',
  },
  kind: 'upper',
  family: mapFamily(quadratics, 'quadratic(d, kappa, L, seed) from x0 ~ N(0, I), exact line search', (instance) => ({
    ...instance,
    schedule: exactLineSearchQuadratic(),
  })),
  lhs: gapAt(),
  rhs: (instance, { N }) => ratio(instance) ** (2 * N) * instance.initialGap,
  rhsLabel: '((L - mu)/(L + mu))^(2N) (f(x_0) - f*)',
  scale: (_lhs, _rhs, instance) => instance.initialGap,
  expected: 'holds',
});
export default exactLineSearch;

export const twin = brokenTwin(exactLineSearch, {
  mutation: 'exponent 2N -> 2N + 1',
  rhs: (instance, { N }) => ratio(instance) ** (2 * N + 1) * instance.initialGap,
  rhsLabel: '((L - mu)/(L + mu))^(2N+1) (f(x_0) - f*)',
});
