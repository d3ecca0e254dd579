/**
 * C4. Local smoothness of two-layer linear nets: a Hessian bound at every point, along GD.
 *
 * Result: for f(W1, W2) = l(W2 W1) with l K-smooth, at every point
 * lambda_max(Hess f(W)) <= H(W) = K (sigma_1^2(W1) + sigma_1^2(W2)) + ||grad l(W2 W1)||_2
 * (from Hess f[Delta, Delta] = Hess l[W2 Delta1 + Delta2 W1]^2 + 2 <G, Delta2 Delta1>); the ratio
 * reaches 1 for balanced scalars w1 = w2 with w1 w2 >= y.
 * Hypotheses: l K-smooth (squared loss, K = lambda_max(X X^T), exact). The family: two-layer nets
 * with m, n <= 3, h <= 6, N <= 8 seeded samples, seeded Gaussian starts, T <= 30 steps of GD with
 * eta_t K_t(eta_t) = c in [0.05, 1.95]; lambda_max from the exact dense Hessian (forward and
 * backward passes, linearNets.ts); the measure is the largest relative excess over the iterates.
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1: the descent lemma
 * holds "locally with local constants that depend on the weights" [P]; this H(W) is the digest's
 * reconstruction (local-pl-linear-nets.md §3.4, C4), the paper's K_t is [U].
 * Provenance: derived (tag [R]).
 * Broken twin: the gradient term ||grad l||_2 -> ||grad l||_2 / 2.
 */
import { hessianBound } from '../../bounds/xu2025.js';
import { brokenTwin, claim, largestHessianEigenvalue, summarize, type Measure } from '../../src/index.js';
import { adaptiveRuns, lossGradientAt, weightsAt, type TwoLayerRun } from './_families.js';

/**
 * max over the iterates x_0..x_T of (lambda_max - H) / max(|lambda_max|, H), H(W_t) with its
 * gradient term scaled by `gradientFactor`. A statement about points (the run only picks them), so
 * certification `pointwise`: each x_t is an exact float64 point, and the Hessian and H are evaluated
 * there without cancellation (no accumulated rounding).
 */
const hessianViolation = (gradientFactor: number): Measure<TwoLayerRun> => ({
  label: `max_t relative excess of lambda_max(Hess f(W_t)) over H(W_t)${gradientFactor === 1 ? '' : ` with ${gradientFactor} ||G||_2`}`,
  certification: 'pointwise',
  evaluate(run, context) {
    const trajectory = context.run(run.problem, run.schedule, run.x0, { maxSteps: run.horizon, iterateEvery: 1 });
    if (trajectory.stop === 'diverged') return { value: Infinity, diverged: true, trajectory: summarize(trajectory) };
    let worst = -Infinity;
    for (const { x } of trajectory.iterates) {
      const sharpness = largestHessianEigenvalue(run.problem, x);
      // ||c G||_2 = c ||G||_2: the scaled gradient term.
      const G = lossGradientAt(run, x).map((g) => gradientFactor * g);
      const bound = hessianBound({ K: run.K, weights: weightsAt(run, x), G });
      worst = Math.max(worst, (sharpness - bound) / Math.max(Math.abs(sharpness), bound));
    }
    return { value: worst, trajectory: summarize(trajectory) };
  },
});

const C4 = claim({
  id: 'xu2025.C4',
  title: 'Two-layer linear nets, along GD: lambda_max(Hess f) <= K (sigma_1^2(W1) + sigma_1^2(W2)) + ||grad l(W2 W1)||_2',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'local smoothness, Hessian bound (digest §3.4, C4)',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'upper',
  family: adaptiveRuns({ min: 0.05, max: 1.95 }, { min: 0, max: 30 }),
  lhs: hessianViolation(1),
  rhs: () => 0,
  rhsLabel: '0 (the inequality at every iterate)',
  // The measure is already a normalized violation.
  scale: () => 1,
  expected: 'holds',
});
export default C4;

export const twin = brokenTwin(C4, { mutation: '||grad l||_2 -> ||grad l||_2 / 2', lhs: hessianViolation(0.5) });
