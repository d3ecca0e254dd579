/**
 * C10. Balanced zero initialisation: GD stays at W = 0, so the PL inequality cannot hold globally.
 *
 * Result: at W1 = 0, W2 = 0 the gradient of f(W1, W2) = l(W2 W1) vanishes (grad_W1 = W2^T G = 0,
 * grad_W2 = G W1^T = 0), so GD with any step stays at 0 and gap_T = l(0) - l* > 0 for every T:
 * the local PL constant mu (sigma_n^2(W1) + sigma_m^2(W2)) is 0 there, which is why the paper needs
 * an initialisation condition (alpha_1 > 0). Checked as gap_T >= gap_0.
 * Hypotheses: gap_0 = l(0) - l* > 0. The family: the two-layer nets of the other claims (m, n <= 3,
 * h <= 6, N <= 8 seeded samples) at W = 0, constant step c/K with c in [0.05, 1], T = 1..50.
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1; digest §5, C10.
 * Provenance: derived [R].
 * Broken twin: the global PL rate for l, gap_T <= (1 - c mu/K)^T gap_0, which zero initialisation
 * breaks.
 */
import { brokenTwin, claim, constant, gapAt, gapOf, integer, mapFamily, uniform } from '../../src/index.js';
import { twoLayerPoints, type TwoLayerRun } from './_families.js';

interface ZeroStart extends TwoLayerRun {
  readonly c: number;
  readonly initialGap: number;
}

const zeroStarts = mapFamily(
  twoLayerPoints,
  `${twoLayerPoints.name} restarted at W = 0, T steps of GD with step c/K`,
  (point, { c, T }): ZeroStart => {
    const x0 = new Float64Array(point.x0.length);
    return { ...point, x0, schedule: constant(c / point.K), horizon: T, c, initialGap: gapOf(point.problem, x0) };
  },
  { c: uniform(0.05, 1), T: integer(1, 50) },
);

const staysAtZero = claim({
  id: 'xu2025.C10',
  title: 'Two-layer linear net from W1 = 0, W2 = 0: GD never moves, gap_T >= gap_0 = l(0) - l* > 0',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'initialisation condition (digest §5, C10)',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'lower',
  family: zeroStarts,
  lhs: gapAt(),
  rhs: (instance) => instance.initialGap,
  rhsLabel: 'gap_0 = l(0) - l*',
  hypotheses: [{ name: 'l(0) > l*', holds: (instance) => instance.initialGap > 0 }],
  expected: 'holds',
});
export default staysAtZero;

export const twin = brokenTwin(staysAtZero, {
  mutation: 'gap_T >= gap_0 -> the global PL rate gap_T <= (1 - c mu/K)^T gap_0',
  kind: 'upper',
  rhs: (instance) => (1 - (instance.c * instance.mu) / instance.K) ** instance.horizon * instance.initialGap,
  rhsLabel: '(1 - c mu/K)^T gap_0',
});
