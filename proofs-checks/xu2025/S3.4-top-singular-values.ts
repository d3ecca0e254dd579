/**
 * §3.4 (top singular values). Imbalance and product bound the top singular values of both layers.
 *
 * Result: with D = W1 W1^T - W2^T W2 and P = W2 W1, at every point
 * sigma_1^2(W1) <= 1/2 (lambda_1(D) + sqrt(lambda_1(D)^2 + 4 sigma_1^2(P))) and
 * sigma_1^2(W2) <= 1/2 (lambda_1(-D) + sqrt(lambda_1(-D)^2 + 4 sigma_1^2(P))), tight for scalars; with
 * 3.3(c) this bounds the Hessian bound H(W) by D, sigma_1(W*), mu, K and f - f*.
 * Hypotheses: none. The family: seeded Gaussian W1 = scale1 N(0,1), W2 = scale2 N(0,1) of two-layer
 * nets with m, n <= 3, h <= 6; `layer` picks the inequality.
 * Reference: Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664 v1: the local constants are
 * bounded through the initialization and the current loss [P]; these bounds are the digest's
 * reconstruction (local-pl-linear-nets.md §3.4), the paper's are [U].
 * Provenance: derived (tag [R]).
 * Broken twin: the factor 1/2 of the root -> 1/4 (the upper bound halved).
 */
import { kthSingularValue, topSingularValueBounds } from '../../bounds/xu2025.js';
import { brokenTwin, claim, pointwise } from '../../src/index.js';
import { layerPoints, weightsAt, type LayerPoint } from './_families.js';

/** sigma_1^2(W1) (layer 1) or sigma_1^2(W2) (layer 2). */
const topSquaredSingularValue = (point: LayerPoint): number => {
  const { W1, W2, n, h, m } = weightsAt(point, point.x0);
  return (point.layer === 1 ? kthSingularValue(W1, h, n, 1) : kthSingularValue(W2, m, h, 1)) ** 2;
};

const topBound = (point: LayerPoint): number => {
  const { firstLayer, secondLayer } = topSingularValueBounds(weightsAt(point, point.x0));
  return point.layer === 1 ? firstLayer : secondLayer;
};

const top = claim({
  id: 'xu2025.S3.4-top',
  title: 'Two-layer linear nets: sigma_1^2(W1) <= (lambda_1(D) + sqrt(lambda_1(D)^2 + 4 sigma_1^2(P)))/2, and likewise W2 with -D',
  source: {
    reference: 'Xu, Min, Tarmoun, Mallada, Vidal (2025), arXiv 2505.11664',
    result: 'top singular values through imbalance and product (digest §3.4)',
    version: 'v1',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'upper',
  family: layerPoints,
  lhs: pointwise('sigma_1^2(W1) or sigma_1^2(W2)', topSquaredSingularValue),
  rhs: topBound,
  rhsLabel: '(lambda_1(+-D) + sqrt(lambda_1(+-D)^2 + 4 sigma_1^2(P)))/2',
  expected: 'holds',
});
export default top;

export const twin = brokenTwin(top, {
  mutation: '1/2 (lambda + sqrt(lambda^2 + 4 sigma^2)) -> 1/4 (lambda + sqrt(lambda^2 + 4 sigma^2))',
  rhs: (point) => topBound(point) / 2,
  rhsLabel: '(lambda_1(+-D) + sqrt(lambda_1(+-D)^2 + 4 sigma_1^2(P)))/4',
});
