/**
 * C3. The self-bounding inequality of (rho, K0, Krho)-smooth functions.
 *
 * Result: ||grad f(w)||^2 <= 2 M(w) (f(w) - f*), M(w) = K0 + Krho (f(w) - f*)^rho (a step of 1/M(w)
 * decreases f by at least ||grad f||^2 / (2 M), by C4, and f stays above f*). Near equality on
 * e^x (G^2 = Delta^2 against 2 Delta^2) and cosh x - 1 (Delta^2 + 2 Delta against 2 Delta^2 + 2 Delta).
 * Hypotheses: (rho, K0, Krho)-smooth on the whole space, f* = inf f. The family: the section 4.2
 * rows whose constants hold globally, all at once, rescaled to a f(s w) with the C13 maps, at the
 * same relative point of each row's domain; checked as the largest ratio
 * ||grad f||^2 / (2 M Delta) over the rows, at most 1.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1; digest section 6, C3.
 * Provenance: derived [D] (in the digest, not claimed to be in the paper).
 * Broken twin: 2 M Delta -> M Delta (violated on cosh x - 1 and x^p).
 */
import { selfBoundingGradSquaredBound } from '../../bounds/liu2025.js';
import { brokenTwin, claim, gapOf } from '../../src/index.js';
import { boundRatio, globalRows, gradSquaredAt, liu2025Source, pointwiseOverRows, rowPoints } from './_families.js';

const gradientRatio = (boundFactor: number) =>
  pointwiseOverRows('max over the rows of ||grad f(w)||^2 / (2 M Delta)', ({ problem, x0, smoothness }) =>
    boundRatio(gradSquaredAt(problem, x0), boundFactor * selfBoundingGradSquaredBound({ ...smoothness, gap: gapOf(problem, x0) })),
  );

const selfBounding = claim({
  id: 'liu2025.C3',
  title: 'Self-bounding: ||grad f(w)||^2 <= 2 (K0 + Krho Delta^rho) Delta',
  source: liu2025Source('digest C3', 'derived', '[D]'),
  kind: 'upper',
  family: rowPoints(globalRows, 'section 4.2 rows (global constants)'),
  lhs: gradientRatio(1),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default selfBounding;

export const twin = brokenTwin(selfBounding, {
  mutation: '2 M Delta -> M Delta',
  lhs: gradientRatio(0.5),
});
