/**
 * C8. Above eta_c, GD on the scalar factorization 1/2 (x y - c)^2 from the diagonal ends on the
 * balanced 2-cycle, whose gradient norm is c^(3/2) sqrt(2) sqrt(1 - 1/(eta c)) / (eta c).
 *
 * Result: for c > 0 the diagonal x = y is invariant, and GD on it is (with a = x / sqrt(c) and the
 * effective step s = eta c) a -> a - s (a^3 - a). For s > 1 this map has the 2-cycle {a_1, a_2},
 * the roots of t^2 - sqrt(1 + 3/s) t + 1/s = 0, with multiplier 9 - 2 (1 + s)^2 within the
 * diagonal: it attracts for 1 < s < sqrt(5) - 1. On it ||grad f|| is the same at both points,
 * c^(3/2) sqrt(2) sqrt(1 - 1/s) / s: the asymptotic gradient norm rises from 0 like
 * sqrt(eta - eta_c), with no jump. Checked as: from (a_0, a_0) sqrt(c), after 3000 steps the
 * gradient norm over the last 50 steps equals the formula to 1e-8 relative.
 * Hypotheses: c > 0, 1 < eta c < sqrt(5) - 1 (the family: c in [1/2, 2], eta c in [1.02, 1.2],
 * a_0 in [0.2, 0.9], inside the cycle's basin on the diagonal; a_0 = 1 is the unstable fixed point).
 * Reference: the transition of the asymptotic gradient norm at the critical value, Craciun,
 * Ghoshdastidar (2024), arXiv 2402.13108 v3 (abstracts [P]: a "sharp transition" in v3, a "phase
 * transition" in v2); the cycle is the digest's derivation [R, N] (large-lr-impossibility.md §3.4,
 * §5 C8). Certified by a high-precision replay of the run.
 * Provenance: derived.
 * Broken twin: the factor sqrt(2) dropped (the norm of one coordinate of the gradient).
 */
import { balancedTwoCycleGradNorm } from '../../bounds/craciun2024.js';
import { brokenTwin, claim, constant, family, logUniform, scalarFactorization, trajectoryMeasure, uniform, type Instance } from '../../src/index.js';

interface DiagonalRunInstance extends Instance {
  readonly eta: number;
  readonly c: number;
}

/** Steps of a run, and the last ones on which the gradient norm is compared (both points of the cycle). */
const STEPS = 3000;
const TAIL = 50;

const diagonalStart = family<DiagonalRunInstance>({
  name: `1/2 (x y - c)^2 from (a_0, a_0) sqrt(c), step eta = s/c, ${STEPS} steps`,
  box: { c: logUniform(0.5, 2), s: uniform(1.02, 1.2), a0: uniform(0.2, 0.9) },
  instance: ({ c, s, a0 }) => ({
    problem: scalarFactorization({ target: c }),
    x0: [a0 * Math.sqrt(c), a0 * Math.sqrt(c)],
    schedule: constant(s / c),
    horizon: STEPS,
    eta: s / c,
    c,
  }),
});

/** max over the last TAIL steps of | ||grad f(x_t)|| / g - 1 |, g the cycle's gradient norm as `cycleGradNorm` gives it. */
const deviationFromCycle = (cycleGradNorm: (instance: DiagonalRunInstance) => number) =>
  trajectoryMeasure<DiagonalRunInstance>(`max over the last ${TAIL} steps of | ||grad f(x_t)|| / g_cycle - 1 |`, (trajectory, instance) => {
    const g = cycleGradNorm(instance);
    let deviation = 0;
    for (let t = trajectory.steps - TAIL + 1; t <= trajectory.steps; t++) deviation = Math.max(deviation, Math.abs(trajectory.gradNorm[t] / g - 1));
    return deviation;
  });

const C8 = claim({
  id: 'craciun2024.C8',
  title: 'GD on 1/2 (xy - c)^2 with 1 < eta c < sqrt(5) - 1 from the diagonal: ||grad f|| -> c^(3/2) sqrt(2) sqrt(1 - 1/(eta c)) / (eta c)',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'the transition of the asymptotic gradient norm (abstracts); 2-cycle of the digest §3.4',
    version: 'v3',
    provenance: 'derived',
    tag: '[P] transition, [R, N] 2-cycle (large-lr-impossibility.md §3.4, §5 C8)',
  },
  kind: 'upper',
  family: diagonalStart,
  lhs: deviationFromCycle(({ eta, c }) => balancedTwoCycleGradNorm({ eta, c })),
  rhs: () => 1e-8,
  rhsLabel: '1e-8',
  expected: 'holds',
});
export default C8;

export const twin = brokenTwin(C8, {
  mutation: 'the factor sqrt(2) dropped',
  lhs: deviationFromCycle(({ eta, c }) => balancedTwoCycleGradNorm({ eta, c }) / Math.SQRT2),
});
