/**
 * Claim C. The stable minima form a bounded set: on the minima of a two-layer linear network,
 * ||theta||^2 <= (min(h, n) + min(m, h)) lambda_max(Hess f(theta)).
 *
 * Result: Claim C of the v1 abstract [P] says the stable minima (lambda_max(Hess f) <= 2/eta) form a
 * bounded subset of parameter space. Our derivation [D] for f = 1/2 ||W_2 W_1 - Phi||_F^2 (E3): at a
 * minimum the Hessian's quadratic form is ||Delta_2 W_1 + W_2 Delta_1||_F^2, so taking Delta_1 = 0,
 * Delta_2 = u v^T gives lambda_max >= sigma_1(W_1)^2, and likewise lambda_max >= sigma_1(W_2)^2; with
 * ||W_1||_F^2 <= min(h, n) sigma_1(W_1)^2 and ||W_2||_F^2 <= min(m, h) sigma_1(W_2)^2 this is the
 * bound, so the stable minima lie in the ball ||theta||^2 <= 2 (min(h, n) + min(m, h)) / eta.
 * Checked pointwise at minima W_1 of full column rank (h >= n), W_2 = Phi W_1^+, on the exact Hessian.
 * Hypotheses: theta a global minimum (W_2 W_1 = Phi). The family: n = m = 2, h = 2..3,
 * Phi = diag(sigmaMax, spread sigmaMax) rotated, W_1 with N(0, scale^2) entries, scale in [0.1, 10]
 * (minima far out along the manifold).
 * Reference: Craciun, Ghoshdastidar (2024), arXiv 2402.13108 v1 abstract, Claim C [P]; the
 * manifold and the Hessian on it are the digest's E3 (large-lr-impossibility.md §3.3) [R].
 * Provenance: derived [D].
 * Broken twin: ||theta||^2 <= lambda_max / 2 (the Hessian on the minima is at most ||theta||^2, so
 * the ratio is at least 1).
 */
import { Matrix, pseudoInverse } from 'ml-matrix';
import {
  brokenTwin,
  claim,
  family,
  gapOf,
  integer,
  largestSymmetricEigenvalue,
  linearNetWithLoss,
  logUniform,
  pointwise,
  Rng,
  uniform,
  whitenedLoss,
  type Instance,
} from '../../src/index.js';

export interface MinimumInstance extends Instance {
  readonly x0: Float64Array;
  readonly h: number;
}

export const minima = family<MinimumInstance>({
  name: 'E3 1/2 ||W_2 W_1 - Phi||_F^2 at minima W_2 = Phi W_1^+, n = m = 2, h = 2..3',
  box: { h: integer(2, 3), sigmaMax: logUniform(0.5, 3), spread: uniform(0.2, 1), scale: logUniform(0.1, 10), seed: integer(0, 10_000) },
  instance: ({ h, sigmaMax, spread, scale, seed }) => {
    const rng = new Rng(seed);
    const angle = 2 * Math.PI * rng.uniform();
    const [c, s] = [Math.cos(angle), Math.sin(angle)];
    const Phi = new Matrix([
      [sigmaMax * c, -spread * sigmaMax * s],
      [sigmaMax * s, spread * sigmaMax * c],
    ]);
    const W1 = new Matrix(Array.from({ length: h }, () => Array.from(rng.normalVector(2, scale))));
    const W2 = Phi.mmul(pseudoInverse(W1));
    const problem = linearNetWithLoss({ inputDim: 2, outputDim: 2, widths: [h], loss: whitenedLoss(Phi.to2DArray()) });
    return { problem, x0: Float64Array.from([...W1.to1DArray(), ...W2.to1DArray()]), h };
  },
});

/** ||theta||^2 / lambda_max(Hess f(theta)). */
const normOverSharpness = ({ problem, x0 }: MinimumInstance): number =>
  x0.reduce((sum, v) => sum + v * v, 0) / largestSymmetricEigenvalue(problem.hess!(x0), problem.dim);

const bounded = claim({
  id: 'craciun2024.C',
  title: 'Claim C: on the minima of two-layer linear nets ||theta||^2 <= (min(h, n) + min(m, h)) lambda_max(Hess f), so stable minima are bounded',
  source: {
    reference: 'Craciun, Ghoshdastidar (2024), arXiv 2402.13108',
    result: 'Claim C (v1 abstract); E3 of large-lr-impossibility.md §3.3',
    version: 'v1',
    provenance: 'derived',
    tag: '[P] claim, [D] bound',
  },
  kind: 'upper',
  family: minima,
  lhs: pointwise('||theta||^2 / lambda_max(Hess f(theta))', normOverSharpness),
  rhs: ({ h }) => Math.min(h, 2) + Math.min(2, h),
  rhsLabel: 'min(h, n) + min(m, h)',
  hypotheses: [{ name: 'W_2 W_1 = Phi (a global minimum)', holds: ({ problem, x0 }) => gapOf(problem, x0) <= 1e-20 * (1 + x0.reduce((sum, v) => sum + v * v, 0) ** 2) }],
  expected: 'holds',
});
export default bounded;

export const twin = brokenTwin(bounded, {
  mutation: 'min(h, n) + min(m, h) -> 1/2',
  rhs: () => 0.5,
  rhsLabel: '1/2',
});
