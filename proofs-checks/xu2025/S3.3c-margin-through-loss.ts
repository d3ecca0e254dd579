/**
 * §3.3(c). The margin of the product through the current loss, along GD.
 *
 * Result: if l has a unique minimizer W* (mu-strongly convex), quadratic growth and Weyl give, at
 * every point, sigma_r(P) >= sigma_r(W*) - sqrt(2 (f - f*) / mu) and
 * sigma_1(P) <= sigma_1(W*) + sqrt(2 (f - f*) / mu), with P = W2 W1 and r = min(m, n): this is how the
 * current loss enters the bound on mu_t.
 * Hypotheses: X X^T invertible (N >= n), so that l = 1/2 ||Y - P X||_F^2 is mu-strongly convex with
 * mu = lambda_min(X X^T) and W* = Y X^+; h >= min(m, n) so that f* = l*. The family: two-layer nets
 * with m, n <= 3, h <= 6, N <= 8 seeded samples, seeded Gaussian starts, T <= 30 steps of GD with
 * eta_t K_t(eta_t) = c in [0.05, 1.95]. The measure: over x_0..x_{T-1}, the larger excess of the two
 * inequalities relative to sigma_1(W*) (f - f* replayed in high precision on a violation).
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1: the bounds on the local
 * constants depend on the current loss [P]; this is the digest's reconstruction
 * (local-pl-linear-nets.md §3.3(c)); whether the paper uses it is [U].
 * Provenance: derived (tag [R]).
 * Broken twin: sqrt(2 (f - f*) / mu) -> sqrt((f - f*) / mu).
 */
import { endToEnd, kthSingularValue, productMarginLowerBound, productNormUpperBound } from '../../bounds/xu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { adaptiveRuns, lossMinimumReachable, maxOverSteps, weightsAt } from './_families.js';

/** The larger excess of the two inequalities over the steps, with the gap scaled by `gapFactor`. */
const marginViolation = (label: string, gapFactor: number) =>
  maxOverSteps(label, (step, run) => {
    const { n, m } = run;
    const r = Math.min(m, n);
    const minimizer = run.problem.loss.minimumOverRank(r).minimizer!;
    const P = endToEnd(weightsAt(run, step.x));
    const gap = Math.max(0, gapFactor * step.gap);
    const lower = productMarginLowerBound({ sigmaStar: kthSingularValue(minimizer, m, n, r), gap, mu: run.mu });
    const upper = productNormUpperBound({ sigmaStar: kthSingularValue(minimizer, m, n, 1), gap, mu: run.mu });
    const scale = kthSingularValue(minimizer, m, n, 1);
    return Math.max(lower - kthSingularValue(P, m, n, r), kthSingularValue(P, m, n, 1) - upper) / scale;
  });

const margin = claim({
  id: 'xu2025.S3.3c',
  title: 'Two-layer linear nets, along GD, l strongly convex: sigma_r(W*) - sqrt(2 (f - f*)/mu) <= sigma_r(P), sigma_1(P) <= sigma_1(W*) + sqrt(2 (f - f*)/mu)',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'the margin through the current loss (digest §3.3(c))',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'upper',
  family: adaptiveRuns({ min: 0.05, max: 1.95 }, { min: 1, max: 30 }),
  lhs: marginViolation('max_t excess of the two margin inequalities / sigma_1(W*)', 1),
  rhs: () => 0,
  rhsLabel: '0 (both inequalities at every iterate)',
  // The measure is already a normalized violation.
  scale: () => 1,
  hypotheses: [
    { name: 'N >= n (X X^T invertible: l strongly convex, unique W*)', holds: (_run, { N, n }) => N >= n },
    lossMinimumReachable,
  ],
  expected: 'holds',
});
export default margin;

export const twin = brokenTwin(margin, {
  mutation: 'sqrt(2 (f - f*) / mu) -> sqrt((f - f*) / mu)',
  lhs: marginViolation('max_t excess of the two margin inequalities with sqrt((f - f*)/mu) / sigma_1(W*)', 0.5),
});
