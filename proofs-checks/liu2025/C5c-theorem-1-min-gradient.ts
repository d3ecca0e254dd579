/**
 * C5(c). Theorem 1: the minimum gradient norm of GD with the Theorem-1 step.
 *
 * Result: GD with eta_t = c min{1/K0, 1/(3^rho Krho (f(w_t) - f*)^rho)} satisfies
 * min_{0 <= t < T} ||grad f(w_t)||^2 <= 2 (f(w_0) - f*) / sum_{t<T} eta_t
 * (sum the (eta_t/2)-descent of C5(b) over t < T). Checked in the normalized form
 * min_t ||grad f(w_t)||^2 / (2 Delta_0 / sum_t eta_t) <= 1, since the bound depends on the run.
 * Hypotheses: (rho, K0, Krho)-smooth on the whole space, f* = inf f, c <= 1/2 (the range in which the
 * digest derives the descent it rests on), grad f(w_0) != 0. The family: GD from the same relative
 * point of every section 4.2 row whose constants hold globally, rescaled to a f(s w) with the C13
 * maps, c log-uniform in [0.01, 1/2], T = 1..30 steps; the worst row counts.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, Theorem 1; digest section 3.2
 * and section 6, C5(c).
 * Provenance: the bound [S] (from a third-party formalization); the range c <= 1/2 [D].
 * Broken twin: 2 Delta_0 -> Delta_0 / 2 (the bound is at best about half-tight here, near the minimum of
 * cosh x - 1 with c = 1/2 and T = 1, so halving it is caught only in a thin slice of the family).
 */
import { theorem1MinGradSquaredBound } from '../../bounds/liu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { liu2025Source, minGradSquaredBeforeEnd, overRuns, stepSum, theorem1Runs } from './_families.js';

const theorem1 = claim({
  id: 'liu2025.C5c',
  title: 'Theorem 1 (c <= 1/2): min_{t<T} ||grad f(w_t)||^2 <= 2 (f(w_0) - f*) / sum_{t<T} eta_t',
  source: liu2025Source('Theorem 1 (digest C5(c))', 'secondary', '[S] bound, [D] range of c'),
  kind: 'upper',
  family: theorem1Runs({ cMax: 0.5 }),
  lhs: overRuns(
    'max over the rows of min_{t<T} ||grad f(w_t)||^2 / (2 Delta_0 / sum_{t<T} eta_t)',
    'max',
    (trajectory, { initialGap }) =>
      minGradSquaredBeforeEnd(trajectory) / theorem1MinGradSquaredBound({ initialGap, stepSum: stepSum(trajectory) }),
  ),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
  finding: {
    group: 'pinned-down',
    text: 'Theorem 1 holds with c <= 1/2, the range in which the notes derive the descent it rests on (with c > 6/7 it fails, liu2025.C5e). Quantifier: for every instance of the family, the rows of the notes\' section 4.2 whose constants hold globally, rescaled, c in [0.01, 1/2], T = 1..30.',
  },
});
export default theorem1;

export const twin = brokenTwin(theorem1, {
  mutation: '2 Delta_0 -> Delta_0 / 2',
  rhs: () => 0.25,
  rhsLabel: '1/4 (the bound Delta_0 / (2 sum_t eta_t))',
});
