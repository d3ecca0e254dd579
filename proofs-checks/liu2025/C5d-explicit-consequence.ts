/**
 * C5(d). The crude explicit consequence of Theorem 1.
 *
 * Result: since eta_t >= eta_0 (C5(a)), GD with the Theorem-1 step satisfies
 * min_{0 <= t < T} ||grad f(w_t)||^2 <= 2 Delta_0 / (c T) max{K0, 3^rho Krho Delta_0^rho}.
 * Hypotheses: (rho, K0, Krho)-smooth on the whole space, f* = inf f, c <= 1/2, grad f(w_0) != 0.
 * The family: GD from the same relative point of every section 4.2 row whose constants hold
 * globally, rescaled to a f(s w) with the C13 maps, c log-uniform in [0.01, 1/2], T = 1..30 steps;
 * checked as the largest ratio of the two sides over the rows, at most 1.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, Theorem 1; digest section 3.2.
 * Provenance: derived [D] (in the digest, not claimed to be in the paper).
 * Broken twin: 2 Delta_0 -> Delta_0 / 2 (at best about half-tight, as Theorem 1 itself: C5(c)).
 */
import { theorem1ExplicitBound } from '../../bounds/liu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { boundRatio, liu2025Source, minGradSquaredBeforeEnd, overRuns, theorem1Runs, type Theorem1Run } from './_families.js';

const explicitRatio = (boundFactor: number) =>
  overRuns(
    'max over the rows of min_{t<T} ||grad f(w_t)||^2 / (2 Delta_0 / (c T) max{K0, 3^rho Krho Delta_0^rho})',
    'max',
    (trajectory, { smoothness, c, initialGap, horizon }: Theorem1Run) =>
      boundRatio(minGradSquaredBeforeEnd(trajectory), boundFactor * theorem1ExplicitBound({ ...smoothness, c, initialGap, T: horizon })),
  );

const explicitConsequence = claim({
  id: 'liu2025.C5d',
  title: 'Theorem 1, explicit (c <= 1/2): min_{t<T} ||grad f(w_t)||^2 <= 2 Delta_0 / (c T) max{K0, 3^rho Krho Delta_0^rho}',
  source: liu2025Source('Theorem 1, crude explicit consequence (digest section 3.2)', 'derived', '[D]'),
  kind: 'upper',
  family: theorem1Runs({ cMax: 0.5 }),
  lhs: explicitRatio(1),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default explicitConsequence;

export const twin = brokenTwin(explicitConsequence, {
  mutation: '2 Delta_0 -> Delta_0 / 2',
  lhs: explicitRatio(0.25),
});
