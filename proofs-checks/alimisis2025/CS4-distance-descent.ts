/**
 * CS4. Distance descent under the adaptive warm-up step on convex functions.
 *
 * Result: GD with eta_t = 1/(10 H0 + 20 H1 (f(w_t) - f*)) on a convex (H0,H1)-smooth f has
 * ||w_{t+1} - w*|| <= ||w_t - w*|| at every step (the distance-descent step of the proof of
 * Theorem 4.2, whose slack the digest reconstructs as (31 H0 + 53 H1 Delta) / (8 (10 H0 + 20 H1 Delta)) > 0).
 * Checked as max_t (||w_{t+1} - w*|| - ||w_t - w*||) / ||w_0 - w*|| <= 0.
 * Hypotheses: convex (all of T1-T6 are), a known minimizer w*. The family: the T1-T6 examples with
 * a known minimizer, started up to 8 length scales from it, runs of 1 to 100 steps.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, proof of Theorem 4.2 (digest
 * §3.3 and §6, CS4).
 * Provenance: secondary, [S-A] (implied by the reconstructed proof).
 * Broken twin: the relation flipped (the distance never decreases).
 */
import { brokenTwin, claim, trajectoryMeasure, type Trajectory } from '../../src/index.js';
import { adaptiveRuns, EXAMPLES } from './_families.js';

/** The largest rise (sign +1) or fall (sign -1) of ||w_t - w*|| in one step, over ||w_0 - w*||. */
const worstDistanceChange = (sign: 1 | -1) => (trajectory: Trajectory): number => {
  const distance = trajectory.distance!;
  let worst = trajectory.steps > 0 ? -Infinity : 0;
  for (let t = 0; t < trajectory.steps; t++) worst = Math.max(worst, (sign * (distance[t + 1] - distance[t])) / distance[0]);
  return worst;
};

const distanceMeasure = (sign: 1 | -1) =>
  trajectoryMeasure(
    sign === 1 ? 'max_t (||w_{t+1} - w*|| - ||w_t - w*||) / ||w_0 - w*||' : 'max_t (||w_t - w*|| - ||w_{t+1} - w*||) / ||w_0 - w*||',
    worstDistanceChange(sign),
    { recordDistance: true },
  );

const distanceDescent = claim({
  id: 'alimisis2025.CS4-distance-descent',
  title: 'Adaptive warm-up step on the convex T1-T6 examples: ||w_{t+1} - w*|| <= ||w_t - w*||',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'proof of Theorem 4.2, distance descent (digest CS4)',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'upper',
  family: adaptiveRuns(EXAMPLES, { horizon: 100 }),
  lhs: distanceMeasure(1),
  rhs: () => 0,
  rhsLabel: '0',
  hypotheses: [{ name: 'a known minimizer w*, away from w_0', holds: (instance) => instance.problem.xStar !== undefined && instance.distance > 0 }],
  scale: () => 1,
  expected: 'holds',
});
export default distanceDescent;

export const twin = brokenTwin(distanceDescent, {
  mutation: '||w_{t+1} - w*|| <= ||w_t - w*|| -> ||w_{t+1} - w*|| >= ||w_t - w*||',
  lhs: distanceMeasure(-1),
});
