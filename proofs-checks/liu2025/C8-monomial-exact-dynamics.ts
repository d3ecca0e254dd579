/**
 * C8. Exact dynamics of the adaptive step on |x|^p: linear convergence and an exponential warmup.
 *
 * Result: on |x|^p, p > 2, the step eta_t = 1/(Krho Delta_t^rho) = 1/(p (p - 1) |x_t|^(p-2)) gives
 * x_{t+1} = ((p - 2)/(p - 1)) x_t exactly, so Delta_t = ((p - 2)/(p - 1))^(p t) Delta_0 (factors 2/3
 * in x and 16/81 in Delta for x^4), and as a function of t the step is the exponential warmup
 * eta_t = eta_0 ((p - 1)/(p - 2))^((p - 2) t) (eta_0 (9/4)^t for x^4). Checked as the largest
 * relative deviation of Delta_{t+1} and eta_t from these closed forms, which must be 0 up to the
 * tolerance.
 * Hypotheses: f = a |s x|^p, with its C13 constants ((p - 2)/p, 0, a^(2/p) s^2 p (p - 1)) (the
 * contraction does not depend on a, s), x_0 != 0. The family: p = 4, 6, 8 at once, a and s
 * log-uniform, the same x_0 in [-2, 2]/s, T = 1..40 steps; the worst p counts.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest section 6, C8.
 * Provenance: derived [D] (in the digest, not claimed to be in the paper).
 * Broken twin: the contraction (p - 2)/(p - 1) -> (p - 2)/p (a denominator off by one).
 */
import { monomialAdaptiveContraction } from '../../bounds/liu2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { inverseSmoothnessRuns, liu2025Source, monomialRows, overRuns, stepwise, type RowRun } from './_families.js';

/** Delta_{t+1} and eta_t as a closed form predicts them from Delta_0 and eta_0. */
type Prediction = (p: number, t: number, initialGap: number, initialStep: number) => { gap: number; step: number };

const deviation = (predict: Prediction) =>
  overRuns(
    'max over p and t of |Delta_{t+1} / predicted - 1|, |eta_t / predicted - 1|',
    'max',
    stepwise('max', (trajectory, t, { row }: RowRun) => {
      const predicted = predict(row.power!, t, trajectory.gap[0], trajectory.stepSize[0]);
      return Math.max(Math.abs(trajectory.gap[t + 1] / predicted.gap - 1), Math.abs(trajectory.stepSize[t] / predicted.step - 1));
    }),
  );

/**
 * With the contraction q per step in x: Delta_{t+1} = q^(p (t+1)) Delta_0 and eta_t = eta_0 q^(-(p-2) t)
 * (bounds/liu2025 monomialAdaptiveStep for the true q).
 */
const withContraction =
  (contraction: (p: number) => number): Prediction =>
  (p, t, initialGap, initialStep) => ({
    gap: contraction(p) ** (p * (t + 1)) * initialGap,
    step: initialStep * contraction(p) ** (-(p - 2) * t),
  });

const exactDynamics = claim({
  id: 'liu2025.C8',
  title: 'x^p, eta_t = 1/(Krho Delta_t^rho): x_{t+1} = ((p-2)/(p-1)) x_t and eta_t = eta_0 ((p-1)/(p-2))^((p-2)t), exactly',
  source: liu2025Source('digest C8', 'derived', '[D]'),
  kind: 'upper',
  family: inverseSmoothnessRuns(monomialRows, 'x^p, p = 4, 6, 8', 40),
  lhs: deviation(withContraction(monomialAdaptiveContraction)),
  rhs: () => 0,
  rhsLabel: '0 (exact)',
  // Relative deviations already: the margin is the deviation itself.
  scale: () => 1,
  expected: 'holds',
});
export default exactDynamics;

export const twin = brokenTwin(exactDynamics, {
  mutation: '(p - 2)/(p - 1) -> (p - 2)/p',
  lhs: deviation(withContraction((p) => (p - 2) / p)),
});
