/**
 * O3. Smooth nonconvex functions: the smallest gradient along N steps of GD at h = 1.
 *
 * Result: for an L-smooth f (curvature in [-L, L]) and GD with step 1/L,
 * min_{0<=k<=N} ||grad f(x_k)||^2 <= 4L (f(x_0) - f(x_N)) / (3N); reported tight (PEPit: 4/15 at
 * L = 1, N = 5, with a one-dimensional worst case). Normalized by f(x_0) - f(x_N), read from the
 * run (rhs reads the run; the high-precision replay's when certifying).
 * Hypotheses: L-smooth, h = 1. The family: `classFamily('nonconvexBounded')` with 'steps' knots,
 * 1-D piecewise quadratics laid out by the run itself, two pieces in each step (the worst case at N
 * has 2N + 1 pieces: two in each step and one beyond), each piece's curvature in [-L, L] (the outer
 * pieces, behind the start and beyond the run, in (0, L], so f* is finite and f - f* is defined),
 * the change of f' over each step and the slope at the start free (the whole class as far as the
 * run reads it, see src/classes/families.ts); L = max |f''| exact.
 * Reference: Abbaszadehpeivasti, de Klerk, Zamani (2022), Optim. Lett. 16, 1649-1661; Taylor PhD
 * thesis (2017), p. 190.
 * Provenance: secondary (restated in classical-oracles.md O3).
 * Broken twin: 4L/(3N) -> 2L/(3N) (a factor 2 lost; half the bound, below the worst case).
 */
import { brokenTwin, claim, classFamily, trajectoryMeasure } from '../../src/index.js';
import type { ClassInstance, Trajectory } from '../../src/index.js';

/** f(x_0) - f(x_N) from the run. */
const decrease = (run: Trajectory): number => run.gap[0] - run.gap[run.steps];

const O3 = claim({
  id: 'classical.O3',
  title: 'GD on every L-smooth f, step 1/L: min_k ||grad f(x_k)||^2 <= 4L (f(x_0) - f(x_N)) / (3N)',
  source: {
    reference: 'Abbaszadehpeivasti, de Klerk, Zamani (2022), Optim. Lett. 16',
    result: 'Theorem 1 (h = 1)',
    version: 'journal',
    provenance: 'secondary',
    tag: 'classical-oracles.md O3',
  },
  kind: 'upper',
  family: classFamily({ curvature: 'nonconvexBounded', maxDim: 1, knots: 'steps', h: { min: 1, max: 1 }, N: { min: 1, max: 6 } }),
  lhs: trajectoryMeasure('min_k ||grad f(x_k)||^2', (t) => Math.min(...Array.from(t.gradNorm.subarray(0, t.steps + 1), (g) => g * g))),
  rhs: (instance: ClassInstance, _params, run) => ((4 * instance.L) / (3 * instance.N)) * decrease(run),
  rhsLabel: '4L (f(x_0) - f(x_N)) / (3N)',
  // Both sides vanish at a critical point: measure against the first gradient. And f(x_0) - f(x_N)
  // is a difference of gaps recorded in float64 (in the replay too), each rounded at the size of the
  // values, ~eps (|f(x_0)| + |f*|), not of the gap: the scale keeps that rounding below the
  // tolerance. (Without it, starts 1e-10 and 1e-12 from a critical point "violated" the bound with
  // lhs 2e-20 and 1e-24 against a decrease that rounded to 0; in the second, f(x_0) - f* was itself
  // 1e-12, so a floor proportional to the gap was not enough.)
  scale: (lhs, rhs, instance) => Math.max(lhs, rhs, squaredGradientAt(instance), ((4 * instance.L) / (3 * instance.N)) * valueSize(instance) * 1e-6),
  expected: 'holds',
});
export default O3;

/** |f(x_0)| + |f*|: the size at which the run's values, hence f(x_0) - f(x_N), are rounded. */
function valueSize(instance: ClassInstance): number {
  return Math.abs(instance.problem.f(instance.x0)) + Math.abs(instance.problem.fStar);
}

function squaredGradientAt(instance: ClassInstance): number {
  const g = new Float64Array(instance.problem.dim);
  instance.problem.grad(instance.x0, g);
  return g.reduce((s, v) => s + v * v, 0);
}

export const twin = brokenTwin(O3, {
  mutation: '4L/(3N) -> 2L/(3N)',
  rhs: (instance: ClassInstance, _params, run) => ((2 * instance.L) / (3 * instance.N)) * decrease(run),
  rhsLabel: '2L (f(x_0) - f(x_N)) / (3N)',
});
