/**
 * C9. Convergence above the threshold happens only from a null set, and the null set is not empty.
 *
 * Result: on E1, f(x, y) = 1/2 (x y - c)^2, GD with eta c in (1, 2) (above eta_c = 1/c for the
 * minima) started on the anti-diagonal x_0 = -y_0 = a stays on it, a_{t+1} = a_t (1 - eta (a_t^2 + c)),
 * and converges exactly to the saddle (0, 0): |a_{t+1}| <= q |a_t| with
 * q = max(|1 - eta c|, |1 - eta (a^2 + c)|) < 1 while eta (a^2 + c) < 2. So
 * ||theta_T|| <= q^T ||theta_0|| (the digest: reached 0 / 5e-324 at eta = 1.2 and 1.5). This start
 * is in the measure-zero set of Claim D, which the toolkit must treat as allowed.
 * Hypotheses: eta (a^2 + c) < 2. The family: c = 1, eta in [1.05, 1.6], a in [0.05, 0.3], T = 1..80.
 * Reference: Craciun, Ghoshdastidar (2024), arXiv 2402.13108 v3, Claim D [P] (convergence from a
 * Lebesgue-null set of starts above the critical step); the digest's C9 [R, checked N]
 * (large-lr-impossibility.md §5 C9).
 * Provenance: derived.
 * Broken twin: the start moved off the null set, y_0 = -a (1 - 1e-12): the component along x = y
 * grows by about 1 + eta c per step and the run leaves the saddle (the digest: "perturbing y_0 by
 * 1e-12 destroys this").
 */
import { brokenTwin, claim, constant, family, integer, scalarFactorization, trajectoryMeasure, uniform } from '../../src/index.js';

const C = 1;

const antiDiagonalStarts = (perturbation: number) =>
  family({
    name: `E1 1/2 (x y - 1)^2 from (a, -a (1 - ${perturbation})), constant step eta in (1, 2)`,
    box: { eta: uniform(1.05, 1.6), a: uniform(0.05, 0.3), T: integer(1, 80) },
    instance: ({ eta, a, T }) => ({
      problem: scalarFactorization({ target: C }),
      x0: [a, -a * (1 - perturbation)],
      schedule: constant(eta),
      horizon: T,
      a,
      eta,
    }),
  });

const contraction = ({ eta, a }: { eta: number; a: number }): number => Math.max(Math.abs(1 - eta * C), Math.abs(1 - eta * (a * a + C)));

const toSaddle = claim({
  id: 'craciun2024.C9',
  title: 'E1 above eta_c from the anti-diagonal x_0 = -y_0 = a: GD converges to the saddle, ||theta_T|| <= q^T ||theta_0||',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claim D (v1 abstract, null set of converging starts); digest C9',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] claim, [R] example (large-lr-impossibility.md §5 C9)',
  },
  kind: 'upper',
  family: antiDiagonalStarts(0),
  lhs: trajectoryMeasure('||theta_T||', (trajectory) => Math.hypot(...trajectory.xFinal)),
  rhs: (instance) => contraction(instance) ** instance.horizon! * Math.SQRT2 * instance.a,
  rhsLabel: 'q^T sqrt(2) a, q = max(|1 - eta c|, |1 - eta (a^2 + c)|)',
  hypotheses: [{ name: 'eta (a^2 + c) < 2', holds: ({ eta, a }) => eta * (a * a + C) < 2 }],
  scale: (_lhs, _rhs, instance) => Math.SQRT2 * instance.a,
  expected: 'holds',
});
export default toSaddle;

export const twin = brokenTwin(toSaddle, {
  mutation: 'start off the null set, y_0 = -a (1 - 1e-12)',
  family: antiDiagonalStarts(1e-12),
});
