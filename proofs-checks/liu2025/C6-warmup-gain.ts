/**
 * C6. Warmup is never worse than its own starting step.
 *
 * Result: GD with the Theorem-1 step and c <= 1 has sum_{t<T} eta_t >= T eta_0 (the step is
 * non-decreasing, C5(a)), so the Theorem-1 bound 2 Delta_0 / sum_t eta_t is at most the bound
 * 2 Delta_0 / (T eta_0) of the constant step eta_0. The left-hand side, sum_t eta_t / (T eta_0), is
 * the "warmup gain" of the bound.
 * Hypotheses: (rho, K0, Krho)-smooth on the whole space, c <= 1, grad f(w_0) != 0. The family: GD
 * from the same relative point of every section 4.2 row whose constants hold globally, rescaled to
 * a f(s w) with the C13 maps, c log-uniform in [0.01, 1], T = 1..30 steps; the worst row counts.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, Theorem 1; digest section 3.2
 * ("why this is warmup") and section 6, C6.
 * Provenance: [S/D] in the digest: the remark is secondary, the range c <= 1 derived (corrected after
 * a numerical check); recorded as derived.
 * Broken twin: the relation flipped, sum_t eta_t <= T eta_0 (warmup never raises the step).
 */
import { brokenTwin, claim } from '../../src/index.js';
import { liu2025Source, overRuns, stepSum, theorem1Runs } from './_families.js';

/** sum_t eta_t / (T eta_0), worst over the rows: the smallest (`min`) for the claim, the largest for its flipped twin. */
const warmupGainRatio = (reduce: 'max' | 'min') =>
  overRuns(
    `${reduce} over the rows of sum_{t<T} eta_t / (T eta_0)`,
    reduce,
    (trajectory) => stepSum(trajectory) / (trajectory.steps * trajectory.stepSize[0]),
  );

const warmupGain = claim({
  id: 'liu2025.C6',
  title: 'Theorem-1 step with c <= 1: sum_{t<T} eta_t >= T eta_0',
  source: liu2025Source('Theorem 1, warmup remark (digest C6)', 'derived', '[S/D]'),
  kind: 'lower',
  family: theorem1Runs({ cMax: 1 }),
  lhs: warmupGainRatio('min'),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default warmupGain;

export const twin = brokenTwin(warmupGain, {
  mutation: 'sum_t eta_t >= T eta_0 -> sum_t eta_t <= T eta_0',
  kind: 'upper',
  lhs: warmupGainRatio('max'),
});
