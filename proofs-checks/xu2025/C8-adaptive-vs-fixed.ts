/**
 * C8. The adaptive step against the fixed step it starts from: a heuristic claim, not a theorem.
 *
 * Claim: GD with the adaptive step eta_t K_t(eta_t) = 1 reaches a lower loss than GD with the
 * fixed step eta_0 (the adaptive rule's first step) after the same number of steps T, for large T;
 * the digest reproduces it on about 93% of its random instances, the adaptive rule needing up to
 * 3.4 times as many steps on the rest.
 * Hypotheses: none beyond the family. The family: two-layer nets with m, n <= 3, h <= 6, N <= 8
 * seeded samples, seeded Gaussian starts; T is the first step at which the fixed-step run reaches
 * f - f* <= epsRatio (f(W_0) - f*), epsRatio in [1e-10, 1e-2], at most 300 (so that both gaps stay
 * far above float64's floor). The left-hand side is replayed in high precision; the fixed-step
 * gap is a float64 run.
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1: the analysis "suggests
 * a better choice for the step size", supported by experiments [P]; the ICLR-2024 reviews report
 * that the adaptive step converges faster than a constant one [S]; the rule with this K_t is the
 * digest's reconstruction (local-pl-linear-nets.md §3.5, §4, C8).
 * Provenance: derived (tag [P]/[S] claim, [R] rule).
 * Expected: violated. The claim is about typical instances and the family contains atypical ones:
 * from small initializations the weights grow, K_t grows with them and the adaptive step shrinks
 * below eta_0, which stays stable. A counterexample is a finding about the heuristic, not a
 * refutation of a theorem of the paper. It is its own positive control (no twin).
 */
import { adaptiveStep } from '../../bounds/xu2025.js';
import { claim, constant, gapAt, gapOf, logUniform, mapFamily, run, type Params } from '../../src/index.js';
import { adaptiveSchedule, lossGradientAt, twoLayerPoints, weightsAt, type TwoLayerRun } from './_families.js';

/** The longest comparison: T is at most this many steps. */
const MAX_HORIZON = 300;

interface Comparison extends TwoLayerRun {
  /** eta_0, the adaptive rule's first step, used at every step of the fixed run. */
  readonly fixedStep: number;
  /** f(W_T) - f* of the fixed-step run (+Infinity if it diverged). */
  readonly fixedGap: number;
}

const comparisons = mapFamily(
  twoLayerPoints,
  `${twoLayerPoints.name}, adaptive eta_t K_t(eta_t) = 1 vs fixed eta_0 until the fixed run reaches epsRatio (f_0 - f*)`,
  (point, { epsRatio }: Params): Comparison => {
    const fixedStep = adaptiveStep({ K: point.K, weights: weightsAt(point, point.x0), G: lossGradientAt(point, point.x0) });
    const targetGap = epsRatio * gapOf(point.problem, point.x0);
    const fixed = run(point.problem, constant(fixedStep), point.x0, { maxSteps: MAX_HORIZON, targetGap });
    return {
      ...point,
      schedule: adaptiveSchedule(point, 1),
      horizon: fixed.steps,
      fixedStep,
      fixedGap: fixed.stop === 'diverged' ? Infinity : fixed.gap[fixed.steps],
    };
  },
  { epsRatio: logUniform(1e-10, 1e-2) },
);

export default claim({
  id: 'xu2025.C8',
  title: 'Two-layer linear nets: GD with eta_t K_t(eta_t) = 1 is at least as far along after T steps as GD with the fixed eta_0',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'the "better step size" claim (abstract [P]; digest §3.5, §4, C8)',
    version: 'v1',
    provenance: 'derived',
    tag: '[P]/[S] claim, [R] rule',
  },
  kind: 'upper',
  family: comparisons,
  lhs: gapAt(),
  rhs: (comparison) => comparison.fixedGap,
  rhsLabel: 'f(W_T) - f* of GD with the fixed step eta_0',
  expected: 'violated',
  finding: {
    group: 'reconstruction-refuted',
    text: 'The paper\'s heuristic [P] that its adaptive step does better than a fixed one, with the step 1/K_t of our reconstruction [R]: the adaptive rule can be slower than the fixed step eta_0 it starts from (from small initializations the weights grow, K_t grows and the step falls below eta_0). Quantifier: for every instance of the family (two-layer nets with m, n <= 3, h <= 6, at most 8 seeded samples, seeded starts), while the heuristic speaks of typical instances; the notes reproduce it on about 93% of their random instances.',
  },
});
