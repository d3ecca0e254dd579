/**
 * C8b. Above eta_c, the asymptotic gradient norm of GD on 1/2 (x y - c)^2 from random starts is at
 * least that of the balanced 2-cycle, c^(3/2) sqrt(2) sqrt(1 - 1/(eta c)) / (eta c): bounded away
 * from 0, with a sqrt(eta - eta_c) onset.
 *
 * Result: for eta c in (1, sqrt(5) - 1) the runs that stay bounded end on the balanced 2-cycle
 * (§3.4, [N] every run of §5 C1: 0.13932 at eta = 1.01, 0.29392 at 1.05, 0.48113 at 1.2), and
 * beyond it, where the cycle has lost its stability, on orbits with a larger gradient norm (0.954
 * at 1.5). Checked as: the median over bounded runs of the maximum of ||grad f|| over the tail
 * window (the protocol's asymptotic gradient norm, §5 C8) is at least the 2-cycle's, for
 * eta in [1.02, 1.5] eta_c and M Gaussian starts.
 * Hypotheses: c > 0, eta > eta_c (the family: c in [1/4, 4], eta/eta_c - 1 in [2%, 50%]). Not a
 * theorem: "bounded away from 0" is an observation in the digest's examples [N], not implied by
 * null-measure convergence (§3.2, §6 item 6).
 * Reference: the transition of the asymptotic gradient norm at the critical value, Craciun,
 * Ghoshdastidar (2024), arXiv 2402.13108 v3 (abstracts [P]); the cycle and the observation are the
 * digest's [R, N] (large-lr-impossibility.md §3.4, §5 C8).
 * Provenance: derived.
 * Broken twin: the onset factor sqrt(1 - 1/(eta c)) dropped (a norm bounded away from 0 at eta_c).
 */
import { balancedTwoCycleGradNorm, scalarFactorizationCriticalStep } from '../../bounds/craciun2024.js';
import { asymptoticGradNorm, brokenTwin, claim } from '../../src/index.js';
import { aboveThresholdFamily, scalarFactorizationModel, SWEEP_EVALUATION_COST } from './_families.js';

const C8b = claim({
  id: 'craciun2024.C8b',
  title: 'GD on 1/2 (xy - c)^2 above eta_c from random starts: asymptotic ||grad f|| >= c^(3/2) sqrt(2) sqrt(1 - 1/(eta c)) / (eta c)',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'the transition of the asymptotic gradient norm (abstracts); 2-cycle of the digest §3.4',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] transition, [R, N] 2-cycle and observation (large-lr-impossibility.md §3.4, §5 C8)',
  },
  kind: 'lower',
  family: aboveThresholdFamily(scalarFactorizationModel, { label: '1/|c|', at: ({ c }) => scalarFactorizationCriticalStep({ c }) }),
  lhs: asymptoticGradNorm(),
  rhs: (instance, { c }) => balancedTwoCycleGradNorm({ eta: instance.step, c }),
  rhsLabel: 'c^(3/2) sqrt(2) sqrt(1 - 1/(eta c)) / (eta c)',
  evaluationCost: SWEEP_EVALUATION_COST,
  expected: 'holds',
});
export default C8b;

export const twin = brokenTwin(C8b, {
  mutation: 'onset factor sqrt(1 - 1/(eta c)) dropped',
  rhs: (instance, { c }) => (c ** 1.5 * Math.SQRT2) / (instance.step * c),
  rhsLabel: 'c^(3/2) sqrt(2) / (eta c)',
});
