/**
 * CS8b. Prop. 3.2 needs data of full row rank: with a zero feature row the balanced set is not
 * (H0,H1)-smooth with the constants of CS8 [R], a positive control.
 *
 * Result: when X has deficient row rank, strongly balanced weights can grow along the null
 * direction of X (the product P moving in the last, zero, coordinate) while P X and so the loss
 * stay put; the Hessian still grows like s^(2L-2) (the first layer's directions V_1 with V_1 X != 0),
 * so no finite (H0,H1) holds on the balanced set. Encoded as CS8's statement with sigma read as
 * the smallest nonzero singular value of X, expected violated: its own positive control, and the
 * condition "X of full row rank" of CS8 pinned down. Whether the printed data assumptions exclude
 * this case was not recovered (warmup-h0h1.md §3.1).
 * Hypotheses: none beyond CS8's family, with n >= 2 and X's last row zero.
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Prop. 3.2 (ii) (Section 3.1).
 * Provenance: derived [R].
 */
import { curvatureBound } from '../../bounds/alimisis2025.js';
import { claim } from '../../src/index.js';
import { balancedDeepLinearNets, balancedNetCurvature } from './_deepLinear.js';
import { gapAtPoint } from './_families.js';

const deficientRank = claim({
  id: 'alimisis2025.CS8b',
  title: '[R] Prop. 3.2 with data of deficient rank (a zero feature row): ||Hess f(W)|| <= H0 + H1 (f(W) - f*) on the balanced set (fails)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Prop. 3.2 (ii) (warmup-h0h1.md §3.1, CS8)',
    version: 'v2',
    provenance: 'derived',
    tag: '[R]',
  },
  kind: 'upper',
  family: balancedDeepLinearNets(true),
  lhs: balancedNetCurvature,
  rhs: (instance) => curvatureBound({ H0: instance.H0, H1: instance.H1, gap: gapAtPoint(instance) }),
  rhsLabel: 'H0 + H1 (f(W) - f*), sigma the smallest nonzero singular value of X',
  expected: 'violated',
  finding: {
    group: 'pinned-down',
    text: 'Our constants for Prop. 3.2 (ii) need X of full row rank (alimisis2025.CS8 holds with it): with a zero feature row, strongly balanced weights grow along the null direction of X at a fixed loss while the Hessian grows like s^(2L-2), so no finite (H0,H1) holds on the balanced set. Quantifier: for every strongly balanced point of the family (depth 2..4, widths 1..3, ||P|| up to 1e3); whether the printed data assumptions exclude this case was not recovered.',
  },
});
export default deficientRank;
