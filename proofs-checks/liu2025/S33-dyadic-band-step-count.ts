/**
 * Section 3.3, fact 1. The dyadic-band bound on the number of steps of the Theorem-1 step.
 *
 * Result: with G^2 = min_{t<T} ||grad f(w_t)||^2, counting the steps GD with the Theorem-1 step
 * spends in each band Delta in (Delta_0 2^(-k-1), Delta_0 2^-k] with the (eta_t/2)-descent gives
 * T <= log2(Delta_0 / Delta_T) + 1 + Delta_0 / (c G^2) (2 K0 + 3^rho Krho Delta_0^rho / (1 - 2^(-1-rho))),
 * the same leading order as the constant step eta_0, so generic nonconvex bounds show only a
 * constant-factor gain. Checked in the normalized form T / (the bound) <= 1.
 * Hypotheses: (rho, K0, Krho)-smooth on the whole space, f* = inf f, c <= 1/2, grad f(w_0) != 0.
 * The family: GD from the same relative point of every section 4.2 row whose constants hold
 * globally, rescaled to a f(s w) with the C13 maps, c log-uniform in [0.01, 1/2], T = 1..30 steps;
 * the worst row counts.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest section 3.3, fact 1.
 * Provenance: derived [D] (in the digest, not claimed to be in the paper).
 * Broken twin: the relation flipped, T >= the bound. The bound is loose by construction (the +1
 * per band, the geometric sums; measured tightness about 0.2), so a constant changed by a small
 * factor is not a twin the search can catch.
 */
import { dyadicBandStepBound } from '../../bounds/liu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { liu2025Source, minGradSquaredBeforeEnd, overRuns, theorem1Runs, type Theorem1Run } from './_families.js';

/** T / (the bound), worst over the rows: the largest (`max`) for the claim, the smallest for its flipped twin. */
const stepCountRatio = (reduce: 'max' | 'min') =>
  overRuns(`${reduce} over the rows of T / (dyadic-band bound)`, reduce, (trajectory, { smoothness, c, initialGap }: Theorem1Run) => {
    const bound = dyadicBandStepBound({
      ...smoothness,
      c,
      initialGap,
      finalGap: trajectory.gap[trajectory.steps],
      minGradSquared: minGradSquaredBeforeEnd(trajectory),
    });
    return trajectory.steps / bound;
  });

const dyadicBands = claim({
  id: 'liu2025.S3.3-dyadic',
  title: 'Dyadic bands (c <= 1/2): T <= log2(Delta_0/Delta_T) + 1 + Delta_0/(c G^2) (2 K0 + 3^rho Krho Delta_0^rho / (1 - 2^(-1-rho)))',
  source: liu2025Source('section 3.3, fact 1', 'derived', '[D]'),
  kind: 'upper',
  family: theorem1Runs({ cMax: 0.5 }),
  lhs: stepCountRatio('max'),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default dyadicBands;

export const twin = brokenTwin(dyadicBands, {
  mutation: 'T <= bound -> T >= bound',
  kind: 'lower',
  lhs: stepCountRatio('min'),
});
