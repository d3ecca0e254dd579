/**
 * CS6, guarded phase-wise form: the iteration count of the adaptive warm-up step on PL functions,
 * phase by phase.
 *
 * Result: with eta_t = 1/(10 H0 + 20 H1 (f(w_t) - f*)) on an (H0,H1)-smooth, mu-PL f, the steps with
 * H1 Delta_t >= H0/2 each lower the gap by at least mu/(40 H1), so there are at most
 *   N1 = 1 + 40 H1 (Delta0 - H0/(2 H1))_+ / mu
 * of them; afterwards each step contracts the gap by 1 - mu/(20 H0), so at most
 *   N2 = ceil( log(min(Delta0, H0/(2 H1)) / eps)_+ / (-log(1 - mu/(20 H0))) )
 * more reach eps: K(eps) <= N1 + N2. It is Theorem 4.3 without the slack of its closed form.
 * Hypotheses: as CS6 (the PL examples T1, T2, T4a, T4b, T5, T6, the printed domain of Theorem 4.3,
 * which the guarded form does not need but shares to run on the same instances).
 * Reference: the recurrences of the proof of Theorem 4.3 of Alimisis, Islamov, Lucchi (2025),
 * arXiv 2510.03164, v2, as reconstructed by the audit; the guarded counts are the digest's (CS6).
 * Provenance: derived, [D].
 * Broken twin: the contraction 1 - mu/(20 H0) -> 1 - mu/(2 H0) (the linear phase ten times too
 * fast: GD at a step about 1/(10 H0) cannot contract the gap by more than (1 - mu/(10 H0))^2).
 */
import { largeGapPhaseSteps, smallGapPhaseSteps } from '../../bounds/alimisis2025.js';
import { brokenTwin, claim, firstHit } from '../../src/index.js';
import { theorem43Constants, theorem43Runs, theorem43Domain, type AdaptiveRunInstance } from './_families.js';

const phaseWise = claim({
  id: 'alimisis2025.CS6-phase-wise',
  title: 'Theorem 4.3 phase by phase, adaptive step on mu-PL (H0,H1)-smooth f: K(eps) <= N1 + N2',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'phase-wise counts of the proof of Theorem 4.3 (digest CS6)',
    version: 'v2',
    provenance: 'derived',
    tag: '[D]',
  },
  kind: 'upper',
  family: theorem43Runs,
  hypotheses: [theorem43Domain],
  lhs: firstHit((instance: AdaptiveRunInstance) => instance.eps),
  rhs: (instance) => largeGapPhaseSteps(theorem43Constants(instance)) + smallGapPhaseSteps(theorem43Constants(instance)),
  rhsLabel: '1 + 40 H1 (Delta0 - H0/(2 H1))_+ / mu + ceil(log(min(Delta0, H0/(2 H1))/eps)_+ / -log(1 - mu/(20 H0)))',
  expected: 'holds',
});
export default phaseWise;

export const twin = brokenTwin(phaseWise, {
  mutation: '1 - mu/(20 H0) -> 1 - mu/(2 H0) in N2',
  rhs: (instance) => {
    const constants = theorem43Constants(instance);
    // H0 and H1 both divided by 10: the contraction becomes 1 - mu/(2 H0), the entry gap
    // min(Delta0, H0/(2 H1)) stays.
    const tenfoldFaster = { ...constants, H0: constants.H0 / 10, H1: constants.H1 / 10 };
    return largeGapPhaseSteps(constants) + smallGapPhaseSteps(tenfoldFaster);
  },
  rhsLabel: 'N1 + ceil(log(min(Delta0, H0/(2 H1))/eps)_+ / -log(1 - mu/(2 H0)))',
});
