/**
 * The empirical critical step lies within 2% of eta_c = 2/S_min on the scalar factorization, a deep
 * scalar net and a whitened two-layer net.
 *
 * Result: sweeping the constant step over eta/eta_c in {0.95, 0.98, 1.02, 1.05} with Gaussian
 * starts, no evidence puts the critical step more than 2% from eta_c: no start converges at
 * r > 1.02, and at r < 0.98 at most 1 - p0 = 90% of the starts are shown not to converge within
 * T steps (significant non-convergence would refute it: exact one-sided bound, 95% over 1000 instances x 4 steps,
 * Bonferroni, which needs at least 108 starts). M = 1000 starts at every step (the protocol's,
 * §5 item 1, all run), each step's converged fraction reported as k/1000 with its Wilson interval.
 * The measure is max |r - 1| over the ratios that are evidence (sweep.ts criticalStepDeviation).
 * Problems (the digest's measured instances):
 * 1/2 (w_1 w_2 w_3 - 1)^2 (eta_c = 2/3), 1/2 (x y - 1)^2 (eta_c = 1), and
 * 1/2 ||W_2 W_1 - diag(2, 1)||_F^2 with hidden width 2, W_i ~ N(0, 1/4) (eta_c = 1/2).
 * Hypotheses: those of C1, C2, C3.
 * Reference: the "critical value" of Craciun, Ghoshdastidar (2024), arXiv 2402.13108 v3, Claims
 * D/E of the abstracts [P] (its formula not read [U]); thresholds E1, E2, E3 of the digest
 * [R, checked N] (large-lr-impossibility.md §3.3, §5 C1-C3). This is the sweep the figures use
 * (src/claims/sweep.ts stepSizeSweep).
 * Provenance: derived.
 * Broken twin: every threshold 10% too large (none of the 1000 starts converges at 0.95 x 1.1 eta_c).
 */
import { deepScalarNetCriticalStep, scalarFactorizationCriticalStep, whitenedTwoLayerCriticalStep } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, criticalStepDeviation } from '../../src/index.js';
import {
  criticalStepFamily,
  deepScalarNetModel,
  diagonalTarget,
  scalarFactorizationModel,
  whitenedTwoLayerModel,
  type CriticalStepCase,
} from './_families.js';

/** N = 3, y = 1 converges faster next to eta_c than the deepest nets of C2: T = 4000 at the band. */
const depthThreeNet = { ...deepScalarNetModel, runLength: { ...deepScalarNetModel.runLength, stepsAtBand: 4000 } };

/** The three problems, with their thresholds multiplied by `factor` (1: as derived). */
const cases = (factor: number): CriticalStepCase[] => {
  const label = (formula: string) => (factor === 1 ? formula : `${factor} * ${formula}`);
  return [
    {
      model: depthThreeNet,
      params: { N: 3, y: 1 },
      threshold: { label: label('2/(N |y|^(2-2/N))'), at: ({ N, y }) => factor * deepScalarNetCriticalStep({ N, y }) },
    },
    { model: scalarFactorizationModel, params: { c: 1 }, threshold: { label: label('1/|c|'), at: ({ c }) => factor * scalarFactorizationCriticalStep({ c }) } },
    {
      model: whitenedTwoLayerModel,
      params: { sigmaMax: 2, spread: 0.5, h: 2 },
      threshold: { label: label('1/sigma_max(Phi)'), at: (params) => factor * whitenedTwoLayerCriticalStep({ Phi: diagonalTarget(params) }) },
    },
  ];
};

const criticalStep = claim({
  id: 'craciun2024.critical-step',
  title: 'The critical step of GD lies within 2% of eta_c = 2/S_min: no start converges above 1.02 eta_c, below 0.98 eta_c at most 90% are shown not to converge within T steps',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claims D/E (abstracts); thresholds E1, E2, E3 of the digest',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] critical value, [R] thresholds (large-lr-impossibility.md §3.3, §5 C1-C3)',
  },
  kind: 'upper',
  family: criticalStepFamily(cases(1)),
  lhs: criticalStepDeviation(),
  rhs: () => 0.02,
  rhsLabel: '0.02',
  expected: 'holds',
});
export default criticalStep;

export const twin = brokenTwin(criticalStep, {
  mutation: 'eta_c -> 1.1 eta_c',
  family: criticalStepFamily(cases(1.1)),
});
