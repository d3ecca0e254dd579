/**
 * C9 (and C8). Above the exact stability threshold a constant step never decreases the gap.
 *
 * Result: GD with a constant step eta above the threshold from x_0, 2 x_0 / sinh x_0 on cosh x - 1
 * (C9) and 2 / (p |x_0|^(p-2)) on |x|^p (C8), has |x_{t+1}| > |x_t| at every step (the threshold at
 * x_{t+1} is smaller still), so it never converges (at equality it 2-cycles x_0 -> -x_0). Checked as
 * min_t Delta_{t+1} / Delta_t >= 1 over the steps before the run overflows.
 * Hypotheses: eta = (1 + distance) threshold(x_0), distance in [1e-6, 0.99] (strictly above: at
 * equality the 2-cycle is unstable and round-off decides a long run). The family: cosh x - 1 from
 * x_0 in [0.01, 10] and x^p (p = 4, 6, 8) from x_0 in [0.002, 2], all at once (the same fraction
 * of the domain), T = 1..20 steps; the worst row counts.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest section 6, C8 and C9.
 * Provenance: derived [D] (in the digest, not claimed to be in the paper; the C8 threshold corrected
 * after a numerical check).
 * Broken twin: the threshold halved, x_0 / sinh x_0 (the step that lands on 0, section 3.3) and
 * 1 / (p |x_0|^(p-2)).
 */
import { brokenTwin, claim } from '../../src/index.js';
import { descentRatio, liu2025Source, overRuns, stepwise, thresholdRuns } from './_families.js';

const aboveThreshold = claim({
  id: 'liu2025.C9b',
  title: 'Constant step above 2 x_0/sinh x_0 (cosh x - 1), 2/(p |x_0|^(p-2)) (x^p): Delta_{t+1} >= Delta_t at every step',
  source: liu2025Source('digest C9 and C8 (constant-step thresholds)', 'derived', '[D]'),
  kind: 'lower',
  family: thresholdRuns('above'),
  lhs: overRuns(
    'min over the rows and t of Delta_{t+1} / Delta_t',
    'min',
    stepwise('min', (trajectory, t) => descentRatio(trajectory.gap[t + 1], 0, trajectory.gap[t])),
  ),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default aboveThreshold;

export const twin = brokenTwin(aboveThreshold, {
  mutation: 'threshold -> threshold / 2',
  family: thresholdRuns('above', 0.5),
});
