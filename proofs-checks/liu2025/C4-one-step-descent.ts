/**
 * C4. One-step descent under (rho, K0, Krho)-smoothness.
 *
 * Result: for every w and 0 < eta < 2/M(w), M(w) = K0 + Krho (f(w) - f*)^rho,
 * f(w - eta grad f(w)) - f* <= f(w) - f* - eta (1 - M(w) eta / 2) ||grad f(w)||^2
 * (on the segment f stays below f(w), so its curvature is at most M(w)); with equality on
 * quadratics. In particular eta <= 1/M gives a decrease of at least (eta/2) ||grad f||^2.
 * Hypotheses: (rho, K0, Krho)-smooth on the whole space (only the Hessian bound at loss levels
 * <= f(w) is used), grad f(w) != 0. The family: the section 4.2 rows whose constants hold
 * globally, all at once, rescaled to a f(s w) with the C13 maps, at the same relative point of each
 * row's domain, eta = h / M(w) with h in [0.001, 1.999]; checked as the largest ratio
 * (f(w - eta grad f) - f* + eta (1 - M eta / 2) ||grad f||^2) / Delta over the rows, at most 1.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest section 6, C4 (the
 * digest's reading of the paper's Lemma 2).
 * Provenance: derived [D] (in the digest, not claimed to be in the paper).
 * Broken twin: M eta / 2 -> M eta / 4 (violated near quadratic minima, where C4 is an equality).
 */
import { oneStepDescentGapBound, suboptimalitySmoothnessBound } from '../../bounds/liu2025.js';
import { brokenTwin, claim, gapOf, mapFamily, uniform } from '../../src/index.js';
import {
  canMove,
  descentRatio,
  globalRows,
  gradSquaredAt,
  liu2025Source,
  pointwiseOverRows,
  rowPoints,
  type RowPoint,
} from './_families.js';

interface OneStepPoint extends RowPoint {
  readonly eta: number;
  /** f(w) - f*. */
  readonly gap: number;
  /** ||grad f(w)||^2. */
  readonly gradSquared: number;
  /** f(w - eta grad f(w)) - f*. */
  readonly gapAfterStep: number;
}

function oneStepFrom(point: RowPoint, h: number): OneStepPoint {
  const { problem, x0, smoothness } = point;
  const gap = gapOf(problem, x0);
  const eta = h / suboptimalitySmoothnessBound({ ...smoothness, gap });
  const g = new Float64Array(problem.dim);
  problem.grad(x0, g);
  const gapAfterStep = gapOf(problem, x0.map((xi, i) => xi - eta * g[i]));
  return { ...point, eta, gap, gradSquared: gradSquaredAt(problem, x0), gapAfterStep };
}

const oneStep = mapFamily(
  rowPoints(globalRows, 'the section 4.2 rows with global constants'),
  'the section 4.2 rows with global constants, a f(s w), one step of eta = h / M(w)',
  ({ problem, points }, { h }) => ({ problem, points: points.filter(canMove).map((point) => oneStepFrom(point, h)) }),
  { h: uniform(0.001, 1.999) },
);

/** (f(w - eta grad f) - f* + decrease) / Delta, the largest over the rows. */
const descentRatioOverRows = (decrease: (point: OneStepPoint) => number) =>
  pointwiseOverRows<OneStepPoint>('max over the rows of (f(w - eta grad f) - f* + eta (1 - M eta/2) ||grad f||^2) / Delta', (point) =>
    descentRatio(point.gapAfterStep, decrease(point), point.gap),
  );

const oneStepDescent = claim({
  id: 'liu2025.C4',
  title: 'One step, 0 < eta < 2/M(w): f(w - eta grad f) - f* <= Delta - eta (1 - M eta/2) ||grad f||^2',
  source: liu2025Source('digest C4 (Lemma 2 as read by the digest)', 'derived', '[D]'),
  kind: 'upper',
  family: oneStep,
  lhs: descentRatioOverRows(
    ({ smoothness, gap, gradSquared, eta }) => gap - oneStepDescentGapBound({ ...smoothness, gap, gradSquared, eta }),
  ),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default oneStepDescent;

export const twin = brokenTwin(oneStepDescent, {
  mutation: 'M eta / 2 -> M eta / 4',
  lhs: descentRatioOverRows(
    ({ smoothness, gap, gradSquared, eta }) =>
      eta * (1 - (suboptimalitySmoothnessBound({ ...smoothness, gap }) * eta) / 4) * gradSquared,
  ),
});
