/**
 * C5(b). The per-step decrease of GD with the Theorem-1 step.
 *
 * Result: GD with eta_t = c min{1/K0, 1/(3^rho Krho (f(w_t) - f*)^rho)} has
 * f(w_{t+1}) <= f(w_t) - kappa eta_t ||grad f(w_t)||^2 with kappa = 1/2 for c <= 1/2 (the
 * (eta_t/2)-descent credited to the paper's Lemma 2) and kappa = (1 - 3^-rho)/2 for c <= 1
 * (M eta_t <= c (1 + 3^-rho) and C4).
 * Hypotheses: (rho, K0, Krho)-smooth on the whole space, c <= 1, grad f(w_0) != 0. The family: GD
 * from the same relative point of every section 4.2 row whose constants hold globally, rescaled to
 * a f(s w) with the C13 maps, c log-uniform in [0.01, 1], T = 1..30 steps; the worst row counts.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, Theorem 1 and Lemma 2 as
 * read by the digest (section 3.2); digest section 6, C5(b).
 * Provenance: the (eta_t/2)-descent [S]; its range c <= 1/2 and the c <= 1 factor [D] (corrected
 * after a numerical check).
 * Broken twin: kappa = 1/2 for every c <= 1 (the digest's counterexample: c = 1 on cosh x - 1 at
 * x = 0.5 decreases by 0.12740 < (eta/2) f'(x)^2 = 0.13577).
 */
import { theorem1DecreaseFactor } from '../../bounds/liu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { descentRatio, liu2025Source, overRuns, stepwise, theorem1Runs, type Theorem1Run } from './_families.js';

const decreaseRatio = (factor: (run: Theorem1Run) => number) =>
  overRuns(
    'max over the rows and t of (Delta_{t+1} + kappa eta_t ||grad f(w_t)||^2) / Delta_t',
    'max',
    stepwise('max', (trajectory, t, run: Theorem1Run) =>
      descentRatio(trajectory.gap[t + 1], factor(run) * trajectory.stepSize[t] * trajectory.gradNorm[t] ** 2, trajectory.gap[t]),
    ),
  );

const perStepDecrease = claim({
  id: 'liu2025.C5b',
  title: 'Theorem-1 step: f(w_{t+1}) <= f(w_t) - kappa eta_t ||grad f(w_t)||^2, kappa = 1/2 (c <= 1/2), (1 - 3^-rho)/2 (c <= 1)',
  source: liu2025Source('Theorem 1 / Lemma 2 (digest C5(b))', 'derived', '[S] descent, [D] range of c and factor'),
  kind: 'upper',
  family: theorem1Runs({ cMax: 1 }),
  lhs: decreaseRatio(({ smoothness, c }) => theorem1DecreaseFactor({ rho: smoothness.rho, c })),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default perStepDecrease;

export const twin = brokenTwin(perStepDecrease, {
  mutation: 'kappa = 1/2 for every c <= 1',
  lhs: decreaseRatio(() => 0.5),
});
