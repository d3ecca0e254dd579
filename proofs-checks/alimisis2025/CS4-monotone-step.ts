/**
 * CS4. The adaptive warm-up step is non-decreasing along the run.
 *
 * Result: GD with eta_t = 1/(10 H0 + 20 H1 (f(w_t) - f*)) on an (H0,H1)-smooth f has
 * eta_{t+1} >= eta_t at every step, since the gap decreases (the sufficient decrease of CS4): the
 * warm-up. Checked as max_t (eta_t - eta_{t+1}) / eta_0 <= 0.
 * Hypotheses: (H0,H1)-smooth. The family: the T1-T6 examples of the digest started up to 8 length
 * scales from the minimizer, runs of 1 to 100 steps.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Section 3.3 (the warm-up
 * behaviour of Eq. (1)); digest §6, CS4 ("hence eta_t is nondecreasing").
 * Provenance: secondary, [S-A] (implied by the reconstructed proofs rather than read as a lemma).
 * Broken twin: the relation flipped, eta_t non-increasing (a constant-or-decaying schedule).
 */
import { brokenTwin, claim, trajectoryMeasure, type Trajectory } from '../../src/index.js';
import { adaptiveRuns, EXAMPLES } from './_families.js';

/** The largest drop (sign +1) or rise (sign -1) of the step from one step to the next, over eta_0; 0 for a run of one step. */
const worstStepChange = (sign: 1 | -1) => (trajectory: Trajectory): number => {
  const { stepSize, steps } = trajectory;
  let worst = steps > 1 ? -Infinity : 0;
  for (let t = 0; t + 1 < steps; t++) worst = Math.max(worst, (sign * (stepSize[t] - stepSize[t + 1])) / stepSize[0]);
  return worst;
};

const monotoneStep = claim({
  id: 'alimisis2025.CS4-monotone-step',
  title: 'Adaptive warm-up step on the T1-T6 examples: eta_{t+1} >= eta_t',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Section 3.3, warm-up behaviour of Eq. (1) (digest CS4)',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'upper',
  family: adaptiveRuns(EXAMPLES, { horizon: 100 }),
  lhs: trajectoryMeasure('max_t (eta_t - eta_{t+1}) / eta_0', worstStepChange(1)),
  rhs: () => 0,
  rhsLabel: '0',
  scale: () => 1,
  expected: 'holds',
});
export default monotoneStep;

export const twin = brokenTwin(monotoneStep, {
  mutation: 'eta_{t+1} >= eta_t -> eta_{t+1} <= eta_t',
  lhs: trajectoryMeasure('max_t (eta_{t+1} - eta_t) / eta_0', worstStepChange(-1)),
});
