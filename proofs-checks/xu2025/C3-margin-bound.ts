/**
 * C3. Imbalance and margin together lower-bound the singular values of the local PL constant.
 *
 * Result: with D = W1 W1^T - W2^T W2 and P = W2 W1, at every point
 * - if m >= n and h >= n: sigma_n^2(W1) >= 1/2 (lambda_h(D) + sqrt(lambda_h(D)^2 + 4 sigma_n^2(P)))
 *   and sigma_n^2(W1) >= sigma_n^2(P) / sigma_1^2(W2);
 * - if n >= m and h >= m: sigma_m^2(W2) >= 1/2 (-lambda_1(D) + sqrt(lambda_1(D)^2 + 4 sigma_m^2(P)))
 *   and sigma_m^2(W2) >= sigma_m^2(P) / sigma_1^2(W1).
 * Both are exact in the scalar case. The right-hand side is the larger of the two bounds, so a
 * failure of either one shows.
 * Hypotheses: the branch's conditions (m >= n, h >= n for W1; n >= m, h >= m for W2; the h
 * conditions were added by the digest after the counterexample m = n = 2, h = 1, W1 = (1 0),
 * W2 = 0). The family: seeded Gaussian W1 = scale1 N(0,1), W2 = scale2 N(0,1) of two-layer nets
 * with m, n <= 3, h <= 6; `layer` picks the branch.
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1: the rate "depends on
 * margin and imbalance" [S] (reviews of the ICLR-2024 version); the inequalities are the digest's
 * reconstruction (local-pl-linear-nets.md §3.3(b), C3), the paper's own bounds are [U].
 * Provenance: derived (tag [R]).
 * Broken twin: the factor 1/2 of the imbalance-margin root dropped.
 */
import { firstLayerMarginBounds, secondLayerMarginBounds, type MarginBounds } from '../../bounds/xu2025.js';
import { brokenTwin, claim, pointwise } from '../../src/index.js';
import { layerPoints, layerSquaredSingularValue, weightsAt, type LayerPoint } from './_families.js';

const marginBounds = (point: LayerPoint): MarginBounds =>
  point.layer === 1 ? firstLayerMarginBounds(weightsAt(point, point.x0)) : secondLayerMarginBounds(weightsAt(point, point.x0));

const C3 = claim({
  id: 'xu2025.C3',
  title: 'Two-layer linear nets: sigma_n^2(W1) >= max{(lambda_h(D) + sqrt(lambda_h(D)^2 + 4 sigma_n^2(P)))/2, sigma_n^2(P)/sigma_1^2(W2)} (m, h >= n), and the W2 branch',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'imbalance-and-margin bounds (digest §3.3(b), C3)',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'lower',
  family: layerPoints,
  lhs: pointwise('sigma_n^2(W1) or sigma_m^2(W2)', layerSquaredSingularValue),
  rhs: (point) => {
    const { imbalance, ratio } = marginBounds(point);
    return Math.max(imbalance, ratio);
  },
  rhsLabel: 'max of the imbalance-margin root and sigma^2(P) / sigma_1^2(other layer)',
  hypotheses: [
    {
      name: 'm >= n and h >= n (layer 1) or n >= m and h >= m (layer 2)',
      holds: ({ layer, n, h, m }) => (layer === 1 ? m >= n && h >= n : n >= m && h >= m),
    },
  ],
  expected: 'holds',
});
export default C3;

export const twin = brokenTwin(C3, {
  mutation: '1/2 (lambda + sqrt(lambda^2 + 4 sigma^2)) -> lambda + sqrt(lambda^2 + 4 sigma^2)',
  rhs: (point) => {
    const { imbalance, ratio } = marginBounds(point);
    return Math.max(2 * imbalance, ratio);
  },
  rhsLabel: 'max of twice the imbalance-margin root and sigma^2(P) / sigma_1^2(other layer)',
});
