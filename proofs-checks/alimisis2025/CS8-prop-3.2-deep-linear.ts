/**
 * CS8. Prop. 3.2 (ii): deep linear networks are (H0,H1)-smooth on the strongly balanced weights
 * [R, our constants].
 *
 * Result: f(W) = 1/2 ||W_L ... W_1 X - Y||_F^2 with W_(l+1)^T W_(l+1) = W_l W_l^T for consecutive
 * layers and data X of full row rank satisfies ||Hess f(W)|| <= H0 + H1 (f(W) - f*) on the whole
 * balanced set. The paper's explicit constants were not recovered (warmup-h0h1.md §3.1, §7), so the
 * claim checks the constants we derive (`deepLinearBalancedConstants`: the Hessian has weight degree
 * 2L - 2, and on the balanced set ||P|| = s^L is bounded through the loss by sigma_min(X)), at
 * strongly balanced points of every scale: the envelope stays finite as the weights grow (CS8).
 * Hypotheses: X of full row rank (N >= n Gaussian samples); the printed data assumptions (a width
 * condition "d <= m" among them) were not recovered, and the normalisation 1/2 is ours. The family:
 * depth 2..4, widths 1..3, ||P|| log-uniform in [1e-3, 1e3].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Prop. 3.2 (ii) (Section 3.1).
 * Provenance: derived [R] (the statement [S-A, S-J], the constants ours).
 * Broken twin: H1 -> 0 (the net read as globally smooth with the H0 of the balanced set; the Hessian
 * grows like s^(2L-2) with the weights).
 */
import { curvatureBound } from '../../bounds/alimisis2025.js';
import { brokenTwin, claim } from '../../src/index.js';
import { balancedDeepLinearNets, balancedNetCurvature } from './_deepLinear.js';
import { gapAtPoint } from './_families.js';

const deepLinear = claim({
  id: 'alimisis2025.CS8',
  title: '[R, our constants] Prop. 3.2 (ii), deep linear nets on strongly balanced weights, X of full row rank: ||Hess f(W)|| <= H0 + H1 (f(W) - f*)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Prop. 3.2 (ii) (warmup-h0h1.md §3.1, CS8)',
    version: 'v2',
    provenance: 'derived',
    tag: '[S-A, S-J] statement, [R] constants',
  },
  kind: 'upper',
  family: balancedDeepLinearNets(false),
  lhs: balancedNetCurvature,
  rhs: (instance) => curvatureBound({ H0: instance.H0, H1: instance.H1, gap: gapAtPoint(instance) }),
  rhsLabel: 'H0 + H1 (f(W) - f*), (H0, H1) of deepLinearBalancedConstants',
  expected: 'holds',
});
export default deepLinear;

export const twin = brokenTwin(deepLinear, {
  mutation: 'H1 -> 0',
  rhs: (instance) => curvatureBound({ H0: instance.H0, H1: 0, gap: gapAtPoint(instance) }),
  rhsLabel: 'H0',
});
