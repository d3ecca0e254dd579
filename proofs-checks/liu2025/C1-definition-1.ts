/**
 * C1. Definition 1 holds on the rows of the digest's section 4.2 with their stated constants.
 *
 * Result: f is (rho, K0, Krho)-smooth, ||Hess f(w)|| <= K0 + Krho (f(w) - f*)^rho for every w,
 * with, row by row: |x|^p ((p-2)/p, 0, p(p-1)), p = 4, 6, 8 (equality); e^x (1, 0, 1) (equality);
 * cosh x - 1 (1, 1, 1) (equality); cosh x - 1 + y^2/2 (1, 1, 1); log(1 + e^-x) (1, 0, 1) and
 * (1/2, 1/4, 0); (x^2 + y^2/4)/2 (1, 1, 0); x^2 (1 + sin(x)/2) (1, 5, 1); the river valley with
 * c = 10 (1, 1, 16); the weight-decay net with (lam, y) = (0.1, 1) and (10, 1)
 * (1, lam + 1/2 + f*(1 + 3/lam), 1 + 3/lam); the two-layer net on the disk of radius 2, y = 1
 * (1/2, 6, sqrt 2), on the disk only.
 * Hypotheses: none beyond the row. The family: every row at once, rescaled to a f(s w) with the C13
 * maps (rho, a K0, a^(1-rho) Krho) and (rho, s^2 K0, s^2 Krho), so the search checks the maps too, at
 * the same relative point of each row's domain; checked as the largest ratio
 * ||Hess f(w)|| / (K0 + Krho Delta^rho) over the rows, at most 1.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, Definition 1; digest sections
 * 2.1, 4.2 (the constants) and 6 (C1, C13).
 * Provenance: the definition [S]; the constants and the maps [D] (derived in the digest).
 * Broken twin: Krho halved (violated where the rows hold with equality: x^p, e^x, cosh).
 */
import { suboptimalitySmoothnessBound } from '../../bounds/liu2025.js';
import { brokenTwin, claim, gapOf, hessianNorm } from '../../src/index.js';
import { boundRatio, liu2025Source, pointwiseOverRows, rowPoints, tableRows } from './_families.js';

const curvatureRatio = (KrhoFactor: number) =>
  pointwiseOverRows('max over the rows of ||Hess f(w)|| / (K0 + Krho Delta^rho)', ({ problem, x0, smoothness }) =>
    boundRatio(
      hessianNorm(problem, x0),
      suboptimalitySmoothnessBound({ ...smoothness, Krho: KrhoFactor * smoothness.Krho, gap: gapOf(problem, x0) }),
    ),
  );

const definition1 = claim({
  id: 'liu2025.C1',
  title: 'Definition 1 on the section 4.2 rows: ||Hess f(w)|| <= K0 + Krho (f(w) - f*)^rho',
  source: liu2025Source('Definition 1 (digest C1)', 'derived', '[S] definition, [D] constants'),
  kind: 'upper',
  family: rowPoints(tableRows, 'section 4.2 rows'),
  lhs: curvatureRatio(1),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default definition1;

export const twin = brokenTwin(definition1, {
  mutation: 'Krho -> Krho/2',
  lhs: curvatureRatio(0.5),
});
