/**
 * C2. The imbalance lower-bounds the singular values that make up the local PL constant.
 *
 * Result: with D = W1 W1^T - W2^T W2 (h x h), at every point
 * sigma_n^2(W1) >= lambda_n(D) when h >= n, and sigma_m^2(W2) >= lambda_m(-D) = -lambda_{h-m+1}(D)
 * when h >= m (Weyl); hence mu(W) >= mu ([lambda_n(D)]_+ + [lambda_m(-D)]_+). Equality when the
 * other layer vanishes.
 * Hypotheses: the width condition of the layer checked (h >= n for W1, h >= m for W2; the digest
 * added them after a numerical check). The family: seeded Gaussian W1 = scale1 N(0,1),
 * W2 = scale2 N(0,1) of two-layer nets with m, n <= 3, h <= 6; `layer` picks the inequality.
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1: the rate depends on
 * "imbalance and margin" [S] (reviews of the ICLR-2024 version); the inequality is the digest's
 * reconstruction (local-pl-linear-nets.md §3.3(a), C2), the paper's own bound is [U].
 * Provenance: derived (tag [R]).
 * Broken twin: lambda_n(D) -> 2 lambda_n(D) (and -lambda_{h-m+1}(D) -> -2 lambda_{h-m+1}(D)).
 */
import { firstLayerImbalanceBound, imbalance, secondLayerImbalanceBound } from '../../bounds/xu2025.js';
import { brokenTwin, claim, pointwise } from '../../src/index.js';
import { layerPoints, layerSquaredSingularValue, weightsAt, type LayerPoint } from './_families.js';

/** lambda_n(D) (layer 1) or -lambda_{h-m+1}(D) (layer 2). */
const imbalanceBound = (point: LayerPoint): number => {
  const { n, h, m } = point;
  const D = imbalance(weightsAt(point, point.x0));
  return point.layer === 1 ? firstLayerImbalanceBound({ D, h, n }) : secondLayerImbalanceBound({ D, h, m });
};

const C2 = claim({
  id: 'xu2025.C2',
  title: 'Two-layer linear nets: sigma_n^2(W1) >= lambda_n(D) (h >= n), sigma_m^2(W2) >= -lambda_{h-m+1}(D) (h >= m)',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'imbalance bound on the local PL constant (digest §3.3(a), C2)',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'lower',
  family: layerPoints,
  lhs: pointwise('sigma_n^2(W1) or sigma_m^2(W2)', layerSquaredSingularValue),
  rhs: imbalanceBound,
  rhsLabel: 'lambda_n(D) or -lambda_{h-m+1}(D)',
  hypotheses: [{ name: 'h >= n (layer 1) or h >= m (layer 2)', holds: ({ layer, n, h, m }) => h >= (layer === 1 ? n : m) }],
  expected: 'holds',
});
export default C2;

export const twin = brokenTwin(C2, {
  mutation: 'lambda_n(D) -> 2 lambda_n(D), -lambda_{h-m+1}(D) -> -2 lambda_{h-m+1}(D)',
  rhs: (point) => 2 * imbalanceBound(point),
  rhsLabel: '2 lambda_n(D) or -2 lambda_{h-m+1}(D)',
});
