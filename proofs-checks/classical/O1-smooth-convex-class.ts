/**
 * O1 on the class: f(x_N) - f* <= L R^2 / (4Nh + 2) for every L-smooth convex f, searched over
 * generic members rather than a family built around the worst case.
 *
 * Result: for an L-smooth convex f and GD with step h/L, h in (0, 1], f(x_N) - f* <= L R^2 / (4Nh + 2),
 * R = |x_0 - x*|; tight (a Huber function, which the class contains but the family does not single out).
 * Hypotheses: L-smooth, convex, h in (0, 1]. The family: `classFamily('convex')`, sums of piecewise
 * quadratics with up to 4 pieces (curvatures in [0, L]) in 1 or 2 dimensions, exactly rotated;
 * L = max f'' and x* = 0 exactly; R = |x_0| (a minimizer; the bound holds for every one).
 * Reference: Drori & Teboulle (2014), Math. Program. 145, Theorem 3.1.
 * Provenance: secondary (restated in classical-oracles.md O1).
 * Broken twin: 4Nh + 2 -> 4Nh + 4 (violated near the worst case, which the search must find).
 */
import { droriTeboulleGapBound } from '../../bounds/classical.js';
import { brokenTwin, claim, classFamily, gapAt } from '../../src/index.js';
import { DRORI_TEBOULLE_O1 } from './_families.js';

const O1class = claim({
  id: 'classical.O1-class',
  title: 'GD on every L-smooth convex f (piecewise-quadratic class), h <= 1: f(x_N) - f* <= L R^2 / (4Nh + 2)',
  source: DRORI_TEBOULLE_O1,
  kind: 'upper',
  family: classFamily({ curvature: 'convex', maxDim: 2, pieces: 4, h: { min: 0.05, max: 1 }, N: { min: 1, max: 20 } }),
  lhs: gapAt(),
  rhs: (instance) => droriTeboulleGapBound({ L: instance.L, R: instance.R, N: instance.N, h: Math.min(1, instance.h) }),
  rhsLabel: 'L R^2 / (4Nh + 2)',
  // Both sides scale with L R^2: normalizing by it keeps x_0 near x* (both sides tiny) from ranking first.
  scale: (_lhs, _rhs, instance) => instance.L * instance.R ** 2,
  expected: 'holds',
});
export default O1class;

export const twin = brokenTwin(O1class, {
  mutation: '4Nh + 2 -> 4Nh + 4',
  rhs: (instance) => (instance.L * instance.R ** 2) / (4 * instance.N * instance.h + 4),
  rhsLabel: 'L R^2 / (4Nh + 4)',
});
