/**
 * C11. The empirical rho of a run (the digest's protocol) does not exceed the exponent of the
 * smoothness it measures: checked where the exponent is known.
 *
 * Result [D]: C11 reads rho off training as the least-squares slope of log ||Hess f(w_t)|| on
 * log Delta_t over the high-loss phase (`estimateRho`: the upper half of the gaps). On a function
 * whose curvature along the run is a function b(Delta) with elasticity Delta b'(Delta)/b(Delta) in
 * [0, rho], the slope is a weighted average of that elasticity, so it lies in [0, rho]: on x^p,
 * ||Hess|| = p (p - 1) Delta^((p-2)/p) exactly (slope = rho = (p-2)/p, the bound attained), on
 * cosh x - 1, ||Hess|| = 1 + Delta (slope Delta/(1 + Delta) averaged, below rho = 1). Encoded as:
 * max over the rows of slope / rho <= 1 along constant-step runs below the stability threshold.
 * The protocol's use on networks (the digest's support/contradict reading) is not a statement this
 * checks; this pins the estimator to its ground truth.
 * Hypotheses: the 1-D rows with exact constants (cosh x - 1 with rho = 1, x^4, x^6, x^8), GD with a
 * constant step (1 - distance) / 2 times the C9/C8 threshold (so that the gaps fall monotonically
 * and the pairs are distinct), T = 8..60 steps, from x0 = halfWidth * radius, radius in [1e-3, 1].
 * ||Hess f|| is the sharpness here (convex 1-D rows).
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest §6, C11 ([S] idea, [D]
 * protocol) and the §4.2 table.
 * Provenance: derived [D].
 * Broken twin: rho -> rho / 2 (an estimator reading half the exponent; the x^p rows attain rho).
 */
import { brokenTwin, claim, estimateRho, integer, type Trajectory } from '../../src/index.js';
import { liu2025Source, overRuns, thresholdRuns, type RowRun } from './_families.js';

/** C11's slope over the run's (gap, sharpness) pairs, over the row's rho times `rhoFactor`. */
const slopeOverRho = (rhoFactor: number) => (trajectory: Trajectory, run: RowRun): number => {
  const pairs = Array.from(trajectory.gap, (gap, t) => ({ gap, curvature: trajectory.sharpness![t] }));
  return estimateRho(pairs) / (rhoFactor * run.smoothness.rho);
};

const runs = thresholdRuns('below', 0.5, integer(8, 60));

const empiricalRho = claim({
  id: 'liu2025.C11',
  title: "C11's empirical rho (log-log slope of ||Hess|| on Delta over the high-loss half) is at most rho on cosh x - 1 and x^p",
  source: liu2025Source('digest C11 (empirical rho from training)', 'derived', '[S] idea, [D] protocol'),
  kind: 'upper',
  family: runs,
  lhs: overRuns('max over the rows of slope / rho', 'max', slopeOverRho(1), { sharpness: true }),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default empiricalRho;

export const twin = brokenTwin(empiricalRho, {
  mutation: 'rho -> rho / 2',
  lhs: overRuns('max over the rows of slope / (rho / 2)', 'max', slopeOverRho(0.5), { sharpness: true }),
});
