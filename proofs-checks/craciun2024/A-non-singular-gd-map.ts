/**
 * Claim A. The GD map of a deep linear network is non-singular: for depth N >= 3 the Hessian at
 * the origin vanishes, so det(I - eta Hess L(0)) = 1 for every eta.
 *
 * Result: Claim A of the v1 abstract [P] says the GD map G(theta) = theta - eta grad L(theta) of a
 * linear network with quadratic loss is non-singular (preimages of null sets are null). The
 * digest's route [R] (§3.2 Prop 2): L is a polynomial, so G is non-singular as soon as
 * theta -> det(I - eta Hess L(theta)) is not identically zero; for depth N >= 3 every second
 * derivative of L = 1/2 ||Y - W_N ... W_1 X||_F^2 at the origin contains a product of at least one
 * zero factor, so Hess L(0) = 0 and det(I - eta Hess L(0)) = 1 for every eta > 0. Checked as
 * |det(I - eta Hess L(0)) - 1| <= 0 on the exact Hessian.
 * Hypotheses: depth N >= 3. The family: depth 3..4, input and output dimensions 1..2, hidden
 * widths 1..2, N(0, 1) data on 3 samples (seeded), eta in [0.01, 10].
 * Reference: Craciun, Ghoshdastidar (2024), arXiv 2402.13108 v1 abstract, Claim A [P]; the argument
 * is the digest's Prop 2 [R] (large-lr-impossibility.md §3.2, "Linear nets").
 * Provenance: derived [R] (the paper's proof is [U]).
 * Broken twin: depth 2 admitted, where Hess L(0) is indefinite with eigenvalues +-sigma_j(Y X^T)
 * and det(I - eta Hess L(0)) = prod_j (1 - eta^2 sigma_j^2) != 1.
 */
import { determinant, Matrix } from 'ml-matrix';
import { brokenTwin, claim, family, integer, linearNetWithLoss, logUniform, pointwise, Rng, squaredLoss, type Instance } from '../../src/index.js';

interface OriginInstance extends Instance {
  readonly eta: number;
}

const linearNetsAtTheOrigin = (minDepth: number) =>
  family<OriginInstance>({
    name: `linear nets of depth ${minDepth}..4 at theta = 0, eta in [0.01, 10]`,
    box: { depth: integer(minDepth, 4), n: integer(1, 2), m: integer(1, 2), width: integer(1, 2), seed: integer(0, 10_000), eta: logUniform(0.01, 10) },
    instance: ({ depth, n, m, width, seed, eta }) => {
      const rng = new Rng(seed);
      const X = Array.from({ length: n }, () => Array.from(rng.normalVector(3)));
      const Y = Array.from({ length: m }, () => Array.from(rng.normalVector(3)));
      const problem = linearNetWithLoss({ inputDim: n, outputDim: m, widths: Array.from({ length: depth - 1 }, () => width), loss: squaredLoss(X, Y) });
      return { problem, x0: new Float64Array(problem.dim), eta };
    },
  });

/** |det(I - eta Hess L(0)) - 1|. */
const determinantDefect = ({ problem, x0, eta }: OriginInstance): number => {
  const { dim } = problem;
  const hessian = problem.hess!(Float64Array.from(x0!));
  const jacobian = Matrix.eye(dim, dim);
  for (let i = 0; i < dim; i++) for (let j = 0; j < dim; j++) jacobian.set(i, j, jacobian.get(i, j) - eta * hessian[i * dim + j]);
  return Math.abs(determinant(jacobian) - 1);
};

const nonSingular = claim({
  id: 'craciun2024.A',
  title: 'Claim A via Prop 2: depth >= 3 linear nets have Hess L(0) = 0, so det(I - eta Hess L(0)) = 1 for every eta',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claim A (v1 abstract); Prop 2 of large-lr-impossibility.md §3.2',
    version: 'v1',
    provenance: 'derived',
    tag: '[P] claim, [R] argument',
  },
  kind: 'upper',
  family: linearNetsAtTheOrigin(3),
  lhs: pointwise('|det(I - eta Hess L(0)) - 1|', determinantDefect),
  rhs: () => 0,
  rhsLabel: '0',
  scale: () => 1,
  expected: 'holds',
});
export default nonSingular;

export const twin = brokenTwin(nonSingular, {
  mutation: 'depth >= 3 -> depth >= 2',
  family: linearNetsAtTheOrigin(2),
});
