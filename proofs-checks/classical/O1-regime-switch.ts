/**
 * O1 for h in (1, 2): the conjectured worst case, the larger of the Huber and quadratic values.
 *
 * Result (conjectured): for an L-smooth convex f and GD with step h/L, h in (0, 2),
 * f(x_N) - f* <= (L R^2 / 2) max{1/(2Nh + 1), (1 - h)^(2N)}. The max is an exact lower bound on
 * the worst case (Huber attains the first term, the quadratic (L/2) x^2 the second); that it is
 * also the worst case is a conjecture. Checked here in the regime switch h in (1, 2), where the
 * quadratic wins for h near 2 and Huber for h near 1.
 * Hypotheses: L-smooth, convex, h in (1, 2). The family: `classFamily('convex')` (1-D and 2-D
 * piecewise quadratics with up to 4 pieces).
 * Reference: Taylor, Hendrickx, Glineur (2017), Math. Program. 161 (conjecture, numerical);
 * Drori & Teboulle (2014) for the Huber term.
 * Provenance: secondary; tag [conjectured] (classical-oracles.md O1).
 * Broken twin: the quadratic term dropped (the Huber value alone, violated by quadratics at h near 2).
 */
import { brokenTwin, claim, classFamily, gapAt } from '../../src/index.js';
import type { ClassInstance } from '../../src/index.js';

const huberTerm = ({ N, h }: ClassInstance): number => 1 / (2 * N * h + 1);
const quadraticTerm = ({ N, h }: ClassInstance): number => (1 - h) ** (2 * N);

const regimeSwitch = claim({
  id: 'classical.O1-regime-switch',
  title: 'GD on every L-smooth convex f, h in (1, 2): f(x_N) - f* <= (L R^2 / 2) max{1/(2Nh+1), (1-h)^(2N)} [conjectured]',
  source: {
    reference: 'Taylor, Hendrickx, Glineur (2017), Math. Program. 161',
    result: 'conjectured worst case of GD, Section 4',
    version: 'journal',
    provenance: 'secondary',
    tag: 'classical-oracles.md O1 [conjectured]',
  },
  kind: 'upper',
  family: classFamily({ curvature: 'convex', maxDim: 2, pieces: 4, h: { min: 1.01, max: 1.99 }, N: { min: 1, max: 10 } }),
  lhs: gapAt(),
  rhs: (instance) => ((instance.L * instance.R ** 2) / 2) * Math.max(huberTerm(instance), quadraticTerm(instance)),
  rhsLabel: '(L R^2 / 2) max{1/(2Nh+1), (1-h)^(2N)}',
  scale: (_lhs, _rhs, instance) => instance.L * instance.R ** 2,
  expected: 'holds',
});
export default regimeSwitch;

export const twin = brokenTwin(regimeSwitch, {
  mutation: 'max{Huber, quadratic} -> Huber only',
  rhs: (instance) => ((instance.L * instance.R ** 2) / 2) * huberTerm(instance),
  rhsLabel: '(L R^2 / 2) / (2Nh+1)',
});
