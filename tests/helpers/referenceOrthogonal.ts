/**
 * The construction of `exactOrthogonal` as it was first written (closures per column, an identity
 * matrix permuted by copy), kept for tests and benchmarks only: the rewrite must give the same
 * matrix bit for bit (the same seeds, the same instances), faster.
 */
import type { Rng } from '../../src/util/random.js';

/** Reflections in `exactOrthogonal`: each halves the denominators at most once. */
const MAX_REFLECTIONS = 40;

/**
 * A seeded orthogonal d x d matrix, row-major, that is exactly orthogonal in float64 (Q^T Q = I
 * with no rounding): a random signed permutation, then, for d >= 4, min(d, 40) Householder
 * reflections I - 1/2 v v^T with v = +-1 on four random coordinates (v^T v = 4) and another
 * signed permutation; O(d^2) work. Every entry is a dyadic rational in [-1, 1] with a denominator
 * of at most 2^40 (one halving per reflection), so its numerator fits in 53 bits and every step is
 * exact. In d <= 3 the only such matrices are signed permutations (a^2 + b^2 = 1 has no
 * other dyadic solutions), which is what d <= 3 gets.
 */
export function referenceExactOrthogonal(dim: number, rng: Rng): Float64Array {
  let q = applySignedPermutation(identity(dim), dim, rng);
  if (dim >= 4) {
    for (let r = 0; r < Math.min(dim, MAX_REFLECTIONS); r++) {
      const coordinates = shuffled(dim, rng).slice(0, 4);
      const signs = coordinates.map(() => (rng.uniform() < 0.5 ? -1 : 1));
      for (let j = 0; j < dim; j++) {
        let s = 0;
        coordinates.forEach((i, k) => (s += signs[k] * q[i * dim + j]));
        coordinates.forEach((i, k) => (q[i * dim + j] -= 0.5 * signs[k] * s));
      }
    }
    q = applySignedPermutation(q, dim, rng);
  }
  return q;
}

function shuffled(dim: number, rng: Rng): number[] {
  const order = Array.from({ length: dim }, (_, i) => i);
  for (let i = dim - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(rng.uniform() * (i + 1)));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

function identity(dim: number): Float64Array {
  const out = new Float64Array(dim * dim);
  for (let i = 0; i < dim; i++) out[i * dim + i] = 1;
  return out;
}

/** P q for a random signed permutation P: row i of the result is +- row perm(i) of q (exact). */
function applySignedPermutation(q: Float64Array, dim: number, rng: Rng): Float64Array {
  const out = new Float64Array(dim * dim);
  shuffled(dim, rng).forEach((source, i) => {
    const sign = rng.uniform() < 0.5 ? -1 : 1;
    for (let j = 0; j < dim; j++) out[i * dim + j] = sign * q[source * dim + j];
  });
  return out;
}

