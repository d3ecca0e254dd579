/**
 * C5(a). The Theorem-1 step is a warmup: non-decreasing along the GD trajectory for c <= 1.
 *
 * Result: GD with eta_t = c min{1/K0, 1/(3^rho Krho (f(w_t) - f*)^rho)} and c <= 1 has
 * eta_t <= eta_{t+1} for every t (eta_t < 2/M(w_t), so by C4 the gap does not increase, and the
 * step is a non-increasing function of the gap). Fails for larger c, e.g. c = 2 on cosh x - 1.
 * Hypotheses: (rho, K0, Krho)-smooth on the whole space, c <= 1, grad f(w_0) != 0. The family: GD
 * from the same relative point of every section 4.2 row whose constants hold globally, rescaled to
 * a f(s w) with the C13 maps, c log-uniform in [0.01, 1], T = 1..30 steps; the worst row counts.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, Theorem 1 (the step) and the
 * digest's reading of it (section 3.2, "why this is warmup"); digest section 6, C5(a).
 * Provenance: the step [S]; the range c <= 1 [D] (corrected after a numerical check).
 * Broken twin: c <= 1 -> c <= 2 (the digest's counterexample: c near 2 on cosh x - 1, where the step
 * 2/K0 overshoots, the gap grows and the step falls).
 */
import { brokenTwin, claim } from '../../src/index.js';
import { liu2025Source, overRuns, theorem1Runs } from './_families.js';

/** max over the rows and consecutive steps of eta_t / eta_{t+1}; 1 for a single step. */
const largestStepDecrease = overRuns('max over the rows and t of eta_t / eta_{t+1}', 'max', ({ stepSize, steps }) => {
  let worst = 1;
  for (let t = 0; t + 1 < steps; t++) worst = Math.max(worst, stepSize[t] / stepSize[t + 1]);
  return worst;
});

const monotoneStep = claim({
  id: 'liu2025.C5a',
  title: 'Theorem-1 step with c <= 1 is non-decreasing along GD: eta_t <= eta_{t+1}',
  source: liu2025Source('Theorem 1 step (digest C5(a))', 'derived', '[S] step, [D] range of c'),
  kind: 'upper',
  family: theorem1Runs({ cMax: 1 }),
  lhs: largestStepDecrease,
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default monotoneStep;

export const twin = brokenTwin(monotoneStep, {
  mutation: 'c <= 1 -> c <= 2',
  family: theorem1Runs({ cMax: 2 }),
});
