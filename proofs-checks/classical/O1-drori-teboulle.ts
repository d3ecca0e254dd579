/**
 * O1. Smooth convex functions, function value after N steps of GD.
 *
 * Result: for an L-smooth convex f and GD with step h/L, h in (0, 1],
 * f(x_N) - f* <= L R^2 / (4Nh + 2), R = |x_0 - x*|; tight on the 1-D Huber function with core
 * width tau = R / (2Nh + 1).
 * Hypotheses: L-smooth, convex, h in (0, 1]. The family is every 1-D Huber function with core width
 * tau = tauRatio R, tauRatio in [1e-3, 1] (convex, L-smooth), so the worst case lies inside it and
 * the search has to find it.
 * Reference: Drori & Teboulle (2014), "Performance of first-order methods for smooth convex
 * minimization: a novel approach", Math. Program. 145, Theorem 3.1.
 * Provenance: secondary (restated in classical-oracles.md O1).
 * Broken twin: 4Nh + 2 -> 4Nh + 4 (violated in a band of tau around the worst case).
 */
import { droriTeboulleGapBound } from '../../bounds/classical.js';
import { brokenTwin, claim, gapAt } from '../../src/index.js';
import { DRORI_TEBOULLE_O1, smoothConvexHuber } from './_families.js';

const O1 = claim({
  id: 'classical.O1',
  title: 'GD on L-smooth convex f, step h/L with h <= 1: f(x_N) - f* <= L R^2 / (4Nh + 2)',
  source: DRORI_TEBOULLE_O1,
  kind: 'upper',
  family: smoothConvexHuber,
  lhs: gapAt(),
  rhs: (_instance, { L, R, N, h }) => droriTeboulleGapBound({ L, R, N, h }),
  rhsLabel: 'L R^2 / (4Nh + 2)',
  // Both sides scale with L R^2; normalizing by it keeps tiny gaps from inflating the margin.
  scale: (_lhs, _rhs, instance) => instance.problem.params.L * (instance.x0 as number[])[0] ** 2,
  expected: 'holds',
});
export default O1;

export const twin = brokenTwin(O1, {
  mutation: '4Nh + 2 -> 4Nh + 4',
  rhs: (_instance, { L, R, N, h }) => (L * R * R) / (4 * N * h + 4),
  rhsLabel: 'L R^2 / (4Nh + 4)',
});
