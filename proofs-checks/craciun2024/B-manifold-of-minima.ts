/**
 * Claim B. The global minimisers form a smooth manifold: on the minima of a two-layer linear network
 * the Hessian has rank exactly the codimension of the minimum set (Morse-Bott), 4 = n m.
 *
 * Result: Claim B of the v1 abstract [P] says the set of global minimisers is a smooth manifold. For
 * f = 1/2 ||W_2 W_1 - Phi||_F^2 with Phi (m x n) of full rank and h >= max(m, n), the product map
 * (W_1, W_2) -> W_2 W_1 is a submersion at every minimum (W_1 has full column rank there, so
 * Delta_2 -> Delta_2 W_1 is onto), so M = {W_2 W_1 = Phi} is a smooth manifold of codimension m n,
 * and the Hessian at a minimum, the Gram form of that differential, has rank m n, its kernel the
 * tangent space of M (the Morse-Bott condition of the digest's Prop 1(c)). Checked as: the number of
 * Hessian eigenvalues above 1e-9 lambda_max equals m n = 4.
 * Hypotheses: theta a global minimum. The family: the minima of Claim C (n = m = 2, h = 2..3,
 * W_1 scaled by 0.1..10).
 * Reference: Craciun, Ghoshdastidar (2024), arXiv 2402.13108 v1 abstract, Claim B [P]; the
 * Morse-Bott reading is the digest's Prop 1(c) (large-lr-impossibility.md §3.2) [R].
 * Provenance: derived [R].
 * Broken twin: the codimension read as m n - 1 = 3.
 */
import { brokenTwin, claim, pointwise, symmetricEigenvalues } from '../../src/index.js';
import bounded, { minima, type MinimumInstance } from './C-stable-minima-bounded.js';

/** The number of Hessian eigenvalues above 1e-9 times the largest. */
const hessianRank = ({ problem, x0 }: MinimumInstance): number => {
  const eigenvalues = symmetricEigenvalues(problem.hess!(x0), problem.dim);
  const largest = Math.max(...eigenvalues.map(Math.abs));
  return eigenvalues.filter((lambda) => Math.abs(lambda) > 1e-9 * largest).length;
};

const codimension = (wrong: number) => ({
  lhs: pointwise('|rank Hess f(theta) - codim M|', (instance: MinimumInstance) => Math.abs(hessianRank(instance) - (4 - wrong))),
  rhsLabel: wrong === 0 ? '0 (codim M = m n = 4)' : '0 (codim M read as 3)',
});

const manifold = claim({
  id: 'craciun2024.B',
  title: 'Claim B: on the minima of two-layer linear nets rank Hess f = codim M = m n (Morse-Bott: M is a smooth manifold)',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claim B (v1 abstract); Prop 1(c) of large-lr-impossibility.md §3.2',
    version: 'v1',
    provenance: 'derived',
    tag: '[P] claim, [R] Morse-Bott reading',
  },
  kind: 'upper',
  family: minima,
  ...codimension(0),
  rhs: () => 0,
  hypotheses: bounded.hypotheses,
  scale: () => 1,
  expected: 'holds',
});
export default manifold;

export const twin = brokenTwin(manifold, { mutation: 'codim M = 4 -> 3', ...codimension(1) });
