/**
 * C9 (and C8). Below the exact stability threshold a constant step converges monotonically.
 *
 * Result: GD with a constant step eta from x_0 converges iff eta is below the threshold, 2 x_0 / sinh x_0
 * on cosh x - 1 (C9) and 2 / (p |x_0|^(p-2)) on |x|^p (C8); below it |x_{t+1}| < |x_t| at every step,
 * since the threshold at x_{t+1} is larger (2x / sinh x and 2 / (p |x|^(p-2)) decrease in |x|).
 * Checked as max_t Delta_{t+1} / Delta_t <= 1.
 * Hypotheses: eta = (1 - distance) threshold(x_0), distance in [1e-6, 0.99] (strictly below: at
 * equality the 2-cycle x_0 -> -x_0 is unstable and round-off decides a long run). The family:
 * cosh x - 1 from x_0 in [0.01, 10] and x^p (p = 4, 6, 8) from x_0 in [0.002, 2], all at once (the
 * same fraction of the domain), T = 1..20 steps; the worst row counts.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest section 6, C8 and C9
 * (reference runs).
 * Provenance: derived [D] (in the digest, not claimed to be in the paper; the C8 threshold corrected
 * after a numerical check).
 * Broken twin: the threshold doubled, 4 x_0 / sinh x_0 and 4 / (p |x_0|^(p-2)).
 */
import { brokenTwin, claim } from '../../src/index.js';
import { descentRatio, liu2025Source, overRuns, stepwise, thresholdRuns } from './_families.js';

const belowThreshold = claim({
  id: 'liu2025.C9a',
  title: 'Constant step below 2 x_0/sinh x_0 (cosh x - 1), 2/(p |x_0|^(p-2)) (x^p): Delta_{t+1} <= Delta_t at every step',
  source: liu2025Source('digest C9 and C8 (constant-step thresholds)', 'derived', '[D]'),
  kind: 'upper',
  family: thresholdRuns('below'),
  lhs: overRuns(
    'max over the rows and t of Delta_{t+1} / Delta_t',
    'max',
    stepwise('max', (trajectory, t) => descentRatio(trajectory.gap[t + 1], 0, trajectory.gap[t])),
  ),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default belowThreshold;

export const twin = brokenTwin(belowThreshold, {
  mutation: 'threshold -> 2 threshold',
  family: thresholdRuns('below', 2),
});
