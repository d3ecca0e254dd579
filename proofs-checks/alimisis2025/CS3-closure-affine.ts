/**
 * Closure under affine changes of variables (our derivation).
 *
 * Result [D]: if f on R^m is (H0, H1)-smooth, then g(w) = f(A w + b) on R^d is
 * (||A||^2 (H0 + H1 (g* - f*)), ||A||^2 H1)-smooth, and g* = f* when A is surjective; so then
 * ||Hess g(w)|| <= ||A||^2 (H0 + H1 (g(w) - g*)). Proof: Hess g = A^T Hess f(A w + b) A.
 * Checked pointwise with f = sum_i H0/H1 (cosh(sqrt(H1) z_i) - 1) (the separable extremal function
 * T2, (H0, H1)-smooth: the block Hessian norm is a max, and H1 max_i f_i <= H1 sum_i f_i) and a
 * random A of full row rank; Hess g = A^T diag(f''(z_i)) A, evaluated exactly from f's curvature at
 * z = A w + b. Tight for m = 1 (Hess g = f''(z) a a^T, ||a a^T|| = ||a||^2, and f'' = H0 + H1 f).
 * Hypotheses: A surjective (m <= d, full row rank). The family: m = 1..2, d = m..3, entries of A
 * N(0, scale^2) with scale in [0.1, 3], b in [-2, 2]^m, H0, H1 in [0.1, 10], w at radius up to 8 / (sqrt(H1) ||A||).
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164; warmup-h0h1.md §2, closure
 * properties ("affine change of variables [D]"; the abstract's "desirable closure properties" [P]).
 * Provenance: derived [D] (ours). The paper's Prop. B.3 was not recovered; the notes guess it is the
 * affine/composition closure (warmup-h0h1.md §2), so this claim stands for it as our reading.
 * Broken twin: H1 unscaled, (||A||^2 H0, H1).
 */
import {
  brokenTwin,
  claim,
  coshExtremal,
  family,
  integer,
  logUniform,
  pointwise,
  Rng,
  singularValues,
  symmetricSpectralNorm,
  uniform,
  type Instance,
} from '../../src/index.js';

interface AffineInstance extends Instance {
  readonly H0: number;
  readonly H1: number;
  /** ||A||^2. */
  readonly normSquared: number;
  /** ||Hess g(w)||. */
  readonly curvature: number;
  /** g(w) - g* = f(A w + b) - f*. */
  readonly gap: number;
}

const affineImages = family<AffineInstance>({
  name: 'g(w) = f(A w + b), f the separable (H0, H1) cosh extremal on R^m, A m x d surjective',
  box: {
    m: integer(1, 2),
    extra: integer(0, 1),
    H0: logUniform(0.1, 10),
    H1: logUniform(0.1, 10),
    scale: logUniform(0.1, 3),
    radius: logUniform(1e-2, 8),
    b: uniform(-2, 2),
    seed: integer(1, 1000),
  },
  instance: ({ m, extra, H0, H1, scale, radius, b, seed }) => {
    const d = m + extra;
    const rng = new Rng(seed);
    const A = rng.normalVector(m * d, scale);
    const normSquared = singularValues(A, m, d)[0] ** 2;
    const w = rng.normalVector(d, radius / Math.sqrt(H1 * normSquared * d));
    const f = coshExtremal({ H0, H1, dim: m });
    const z = new Float64Array(m);
    for (let i = 0; i < m; i++) {
      z[i] = b * (i === 0 ? 1 : -0.5);
      for (let j = 0; j < d; j++) z[i] += A[i * d + j] * w[j];
    }
    const fHessian = f.hess!(z);
    // Hess g = A^T Hess f(z) A (Hess f is diagonal).
    const hessian = new Float64Array(d * d);
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < d; k++) {
        let sum = 0;
        for (let i = 0; i < m; i++) sum += A[i * d + j] * fHessian[i * m + i] * A[i * d + k];
        hessian[j * d + k] = sum;
      }
    }
    return { problem: f, x0: z, H0, H1, normSquared, curvature: symmetricSpectralNorm(hessian, d), gap: f.gap!(z) };
  },
});

const affineClosure = claim({
  id: 'alimisis2025.CS3-affine',
  title: '[D, our derivation, and our reading of Prop. B.3, whose content was not recovered] affine closure: g(w) = f(Aw + b), A surjective, is (||A||^2 H0, ||A||^2 H1)-smooth',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'closure properties (warmup-h0h1.md §2), affine change of variables; Prop. B.3 as the notes guess it',
    version: 'v2',
    provenance: 'derived',
    tag: '[D]',
  },
  kind: 'upper',
  family: affineImages,
  lhs: pointwise('||Hess g(w)|| = ||A^T Hess f(Aw + b) A||', (instance: AffineInstance) => instance.curvature),
  rhs: ({ H0, H1, normSquared, gap }) => normSquared * (H0 + H1 * gap),
  rhsLabel: '||A||^2 (H0 + H1 (g(w) - g*))',
  expected: 'holds',
});
export default affineClosure;

export const twin = brokenTwin(affineClosure, {
  mutation: '||A||^2 H1 -> H1',
  rhs: ({ H0, H1, normSquared, gap }) => normSquared * H0 + H1 * gap,
  rhsLabel: '||A||^2 H0 + H1 (g(w) - g*)',
});
