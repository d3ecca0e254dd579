/**
 * C7. The PL case: GD with eta_t = 1/M(w_t) contracts the gap linearly.
 *
 * Result: if f is (rho, K0, Krho)-smooth and also PL, ||grad f||^2 >= 2 mu (f - f*), then GD with
 * eta_t = 1/M(w_t) = 1/(K0 + Krho (f(w_t) - f*)^rho) has Delta_{t+1} <= (1 - mu eta_t) Delta_t, with
 * mu eta_t <= 1 (by C3); for rho = 1, a loss of at least mu/(2 K1) per step while K1 Delta_t >= K0,
 * then the linear rate 1 - mu/(2 K0). Checked as max_t (Delta_{t+1} + mu eta_t Delta_t) / Delta_t <= 1,
 * which also fails if mu eta_t > 1.
 * Hypotheses: (rho, K0, Krho)-smooth on the whole space, PL(mu), grad f(w_0) != 0. The family: the
 * section 4.2 rows with a PL constant, cosh x - 1 and cosh x - 1 + y^2/2 (mu = 1, tight as w -> 0)
 * and (x^2 + y^2/4)/2 (mu = 1/4), all at once, rescaled to a f(s w) with the C13 maps
 * (mu -> a s^2 mu), from the same relative point of each row's domain, T = 1..30 steps; the worst
 * row counts.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest section 6, C7.
 * Provenance: derived [D] (in the digest, not claimed to be in the paper).
 * Broken twin: mu -> 2 mu.
 */
import { plContractionFactor } from '../../bounds/liu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { descentRatio, globalRows, inverseSmoothnessRuns, liu2025Source, overRuns, stepwise, type RowRun } from './_families.js';

const plRows = globalRows.filter((row) => row.mu !== undefined);

const contractionRatio = (muFactor: number) =>
  overRuns(
    'max over the rows and t of (Delta_{t+1} + mu eta_t Delta_t) / Delta_t',
    'max',
    stepwise('max', (trajectory, t, { mu }: RowRun) => {
      const gap = trajectory.gap[t];
      const contraction = plContractionFactor({ mu: muFactor * mu!, eta: trajectory.stepSize[t] });
      return descentRatio(trajectory.gap[t + 1], (1 - contraction) * gap, gap);
    }),
  );

const plContraction = claim({
  id: 'liu2025.C7',
  title: 'PL(mu) and eta_t = 1/(K0 + Krho Delta_t^rho): Delta_{t+1} <= (1 - mu eta_t) Delta_t',
  source: liu2025Source('digest C7', 'derived', '[D]'),
  kind: 'upper',
  family: inverseSmoothnessRuns(plRows, 'section 4.2 rows with a PL constant', 30),
  lhs: contractionRatio(1),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default plContraction;

export const twin = brokenTwin(plContraction, {
  mutation: 'mu -> 2 mu',
  lhs: contractionRatio(2),
});
