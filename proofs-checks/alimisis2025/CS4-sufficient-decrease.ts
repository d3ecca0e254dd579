/**
 * CS4. Sufficient decrease under the adaptive warm-up step.
 *
 * Result: GD with eta_t = 1/(10 H0 + 20 H1 (f(w_t) - f*)) on an (H0,H1)-smooth f decreases the
 * gap by at least half a gradient step at every step:
 *   Delta_{t+1} <= Delta_t - eta_t/2 ||grad f(w_t)||^2,
 * so the gap decreases and the step eta_t grows (the warm-up). The measure is the largest
 * normalized violation along the run, max_t (Delta_{t+1} - Delta_t + eta_t/2 ||grad f(w_t)||^2) /
 * Delta_t (<= 0 where the statement holds), compared with 0.
 * Hypotheses: (H0,H1)-smooth. The family: the T1-T6 examples of the digest started up to 8 length
 * scales from the minimizer, runs of 1 to 100 steps.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, the sufficient-decrease step of
 * the proofs of Theorems 4.2 and 4.3 (Section 3.3 step; implied by the PL recurrences rather than
 * read as a stated lemma).
 * Provenance: secondary, [S-A] (the audit's reconstruction of the proof ingredients).
 * Broken twin: eta_t/2 -> eta_t (a constant doubled: GD never decreases by a full gradient step on
 * a function with positive curvature along it).
 */
import { brokenTwin, claim, trajectoryMeasure, type Trajectory } from '../../src/index.js';
import { adaptiveRuns, EXAMPLES } from './_families.js';

/** max_t (Delta_{t+1} - Delta_t + fraction * eta_t ||grad f(w_t)||^2) / Delta_t over the steps from a positive gap. */
export function worstDecreaseViolation(fraction: number) {
  return (trajectory: Trajectory): number => {
    const { gap, gradNorm, stepSize, steps } = trajectory;
    let worst = -Infinity;
    for (let t = 0; t < steps; t++) {
      if (!(gap[t] > 0)) continue;
      const promised = gap[t] - fraction * stepSize[t] * gradNorm[t] * gradNorm[t];
      worst = Math.max(worst, (gap[t + 1] - promised) / gap[t]);
    }
    return worst === -Infinity ? 0 : worst;
  };
}

const sufficientDecrease = claim({
  id: 'alimisis2025.CS4',
  title: 'Adaptive warm-up step on the T1-T6 examples: Delta_{t+1} <= Delta_t - eta_t/2 ||grad f(w_t)||^2',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'proofs of Theorems 4.2 and 4.3 (sufficient decrease)',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A]',
  },
  kind: 'upper',
  family: adaptiveRuns(EXAMPLES, { horizon: 100 }),
  lhs: trajectoryMeasure('max_t (Delta_{t+1} - Delta_t + eta_t/2 ||g_t||^2) / Delta_t', worstDecreaseViolation(0.5)),
  rhs: () => 0,
  rhsLabel: '0',
  // The measure is already normalized by Delta_t.
  scale: () => 1,
  expected: 'holds',
});
export default sufficientDecrease;

export const twin = brokenTwin(sufficientDecrease, {
  mutation: 'eta_t/2 -> eta_t',
  lhs: trajectoryMeasure('max_t (Delta_{t+1} - Delta_t + eta_t ||g_t||^2) / Delta_t', worstDecreaseViolation(1)),
});
