/**
 * C2. Lemma 1: gradient-based smoothness implies suboptimality-based smoothness, with the digest's
 * constants.
 *
 * Result: for 0 <= rho < 2, a (rho, L0, Lrho)-smooth f (||Hess f|| <= L0 + Lrho ||grad f||^rho) is
 * (alpha, K0, Kalpha)-smooth with alpha = rho/(2 - rho), K0 = (1 + 2^-rho) L0 and
 * Kalpha = 2^(rho (rho + 2)/(2 - rho)) Lrho^(2/(2 - rho)):
 * ||Hess f(w)|| <= K0 + Kalpha (f(w) - f*)^alpha.
 * Hypotheses: (rho, L0, Lrho)-smoothness, f* = inf f. The family: the section 4.2 rows whose
 * gradient constants are known: |x|^p with ((p-2)/(p-1), 0, p(p-1) p^(-(p-2)/(p-1))), p = 4, 6, 8
 * (equality, so alpha = (p-2)/p is the exact exponent); e^x (1, 0, 1); cosh x - 1 and
 * cosh x - 1 + y^2/2 (1, 1, 1); log(1 + e^-x) (1, 0, 1); (x^2 + y^2/4)/2 (1, 1, 0); all at once,
 * unscaled, at the same relative point of each row's domain; checked as the largest ratio of the
 * two sides over the rows, at most 1.
 * Reference: Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972 v1, Lemma 1; digest section 2.3.
 * Provenance: the exponent [S]; the constants [D] (the digest's own; the paper's were not visible).
 * Broken twin: the exponent off by one, alpha -> alpha + 1 (violated at small gaps on x^p).
 */
import { lemma1Constants, suboptimalitySmoothnessBound } from '../../bounds/liu2025.js';
import { brokenTwin, claim, gapOf, hessianNorm, withFixed } from '../../src/index.js';
import { boundRatio, liu2025Source, pointwiseOverRows, rowPoints, tableRows } from './_families.js';

const lemma1Rows = tableRows.filter((row) => row.gradientSmoothness !== undefined);

const curvatureRatio = (exponentShift: number) =>
  pointwiseOverRows('max over the rows of ||Hess f(w)|| / (K0 + Kalpha Delta^alpha)', ({ row, problem, x0 }) => {
    const { rho, K0, Krho } = lemma1Constants(row.gradientSmoothness!);
    const bound = suboptimalitySmoothnessBound({ rho: rho + exponentShift, K0, Krho, gap: gapOf(problem, x0) });
    return boundRatio(hessianNorm(problem, x0), bound);
  });

const lemma1 = claim({
  id: 'liu2025.C2',
  title: 'Lemma 1: (rho, L0, Lrho)-smooth => ||Hess f|| <= (1 + 2^-rho) L0 + 2^(rho(rho+2)/(2-rho)) Lrho^(2/(2-rho)) Delta^(rho/(2-rho))',
  source: liu2025Source('Lemma 1 (digest C2)', 'derived', '[S] exponent, [D] constants'),
  kind: 'upper',
  family: withFixed(rowPoints(lemma1Rows, 'section 4.2 rows with (rho, L0, Lrho)'), { a: 1, s: 1 }),
  lhs: curvatureRatio(0),
  rhs: () => 1,
  rhsLabel: '1',
  expected: 'holds',
});
export default lemma1;

export const twin = brokenTwin(lemma1, {
  mutation: 'alpha = rho/(2 - rho) -> rho/(2 - rho) + 1',
  lhs: curvatureRatio(1),
});
