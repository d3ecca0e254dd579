/**
 * Lanczos iteration for the extreme eigenvalues of a symmetric operator known only through its
 * action v -> A v (a Hessian-vector product). It keeps the whole Krylov basis and
 * reorthogonalises every new vector against it (classical Gram-Schmidt, twice), so k iterations
 * cost k operator applications, O(k^2 d) flops and k d doubles: meant for small k. The k x k
 * tridiagonal eigenproblem is solved with ml-matrix.
 *
 * Convergence criterion: a Ritz pair (theta, Q s) of the tridiagonal T_k has residual
 * ||A Q s - theta Q s|| = beta_k |s_k|, and for symmetric A some eigenvalue lies within that
 * residual of theta. The iteration stops when the residuals of the requested extreme Ritz values
 * (`ends`, both by default) are <= tolerance * max(|theta_max|, |theta_min|), tested at
 * geometrically spaced iterations (CHECK_SPACING); or when beta_k vanishes (breakdown: the Krylov
 * space is invariant, so the Ritz values are eigenvalues); or at the iteration cap
 * min(dim, maxIterations), with `converged: false` (at k = dim the Ritz values are the eigenvalues
 * up to rounding). A non-finite operator value stops it with NaN results.
 *
 * As with any Krylov method, an eigenvalue whose eigenvector is orthogonal to the start vector is
 * not seen; the start vector is Gaussian and seeded, so this has probability zero.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { Rng } from '../util/random.js';
import { requireDimension, requireInteger, requirePositive } from '../util/validate.js';
import { axpy, dot, norm2, scaleInto } from './kernels.js';

/** A symmetric linear operator: writes A v into `out` (`out` is never `v`). */
export type SymmetricOperator = (v: Float64Array, out: Float64Array) => void;

/** Which extreme Ritz values the stopping rule waits for. */
export type LanczosEnds = 'both' | 'largest' | 'smallest';

export interface LanczosOptions {
  /**
   * Default 'both'. With one end, the other is still returned but may be far from converged: a
   * clustered end (e.g. the bulk of eigenvalues near 0 of a typical Hessian) converges slowly.
   */
  readonly ends?: LanczosEnds;
  /** Relative residual tolerance of the stopping rule (see the module comment). Default 1e-10. */
  readonly tolerance?: number;
  /** Iteration cap, hence the Krylov dimension and the basis size. Default min(dim, 300). */
  readonly maxIterations?: number;
  /** Seed of the Gaussian start vector. Default 1. */
  readonly seed?: number;
}

export interface LanczosResult {
  /** Largest algebraic Ritz value: an approximation from below of lambda_max. */
  readonly largest: number;
  /** Smallest algebraic Ritz value: an approximation from above of lambda_min. */
  readonly smallest: number;
  /** max(|largest|, |smallest|): the spectral norm of the operator. */
  readonly largestMagnitude: number;
  /** Operator applications performed. */
  readonly iterations: number;
  /** Whether the stopping rule was met (for the requested ends) before the iteration cap. */
  readonly converged: boolean;
  /** The larger Ritz residual beta_k |s_k| of the requested ends: an absolute error bound. */
  readonly residual: number;
}

export const DEFAULT_LANCZOS_TOLERANCE = 1e-10;
export const DEFAULT_LANCZOS_MAX_ITERATIONS = 300;

/**
 * beta_k below this fraction of ||T_k||_inf (a bound on the Ritz magnitudes) is a breakdown: the
 * Krylov space is invariant up to rounding.
 */
const BREAKDOWN_TOLERANCE = 1e-14;

/**
 * After a check at iteration k the next one is at k + floor(k * CHECK_SPACING): each check costs an
 * O(k^3) dense eigensolve, so checks are spaced geometrically (at most 1/8 extra iterations).
 */
const CHECK_SPACING = 1 / 8;

interface RitzExtremes {
  readonly largest: number;
  readonly smallest: number;
  /** Last components of the unit eigenvectors of T belonging to `largest` and `smallest`. */
  readonly largestTail: number;
  readonly smallestTail: number;
}

const NO_RITZ_VALUES: RitzExtremes = { largest: NaN, smallest: NaN, largestTail: NaN, smallestTail: NaN };

/** Extreme eigenvalues of the k x k symmetric tridiagonal T (diagonal alpha, off-diagonal beta). */
function tridiagonalExtremes(alpha: number[], beta: number[], k: number): RitzExtremes {
  const t = new Matrix(k, k);
  for (let i = 0; i < k; i++) {
    t.set(i, i, alpha[i]);
    if (i + 1 < k) {
      t.set(i, i + 1, beta[i]);
      t.set(i + 1, i, beta[i]);
    }
  }
  const evd = new EigenvalueDecomposition(t, { assumeSymmetric: true });
  const values = evd.realEigenvalues;
  let iMax = 0;
  let iMin = 0;
  for (let i = 1; i < k; i++) {
    if (values[i] > values[iMax]) iMax = i;
    if (values[i] < values[iMin]) iMin = i;
  }
  const vectors = evd.eigenvectorMatrix;
  return {
    largest: values[iMax],
    smallest: values[iMin],
    largestTail: vectors.get(k - 1, iMax),
    smallestTail: vectors.get(k - 1, iMin),
  };
}

/** The largest |last eigenvector component| among the requested ends. */
function requestedTail(ritz: RitzExtremes, ends: LanczosEnds): number {
  if (ends === 'largest') return Math.abs(ritz.largestTail);
  if (ends === 'smallest') return Math.abs(ritz.smallestTail);
  return Math.max(Math.abs(ritz.largestTail), Math.abs(ritz.smallestTail));
}

/** w <- w - sum_i (q_i . w) q_i over the basis, applied twice ("twice is enough"). */
function reorthogonalise(basis: Float64Array[], w: Float64Array): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) axpy(-dot(q, w), q, w);
  }
}

/** Extreme eigenvalues of the symmetric operator `apply` on R^dim, by Lanczos from a seeded start. */
export function lanczosExtremeEigenvalues(
  apply: SymmetricOperator,
  dim: number,
  options: LanczosOptions = {},
): LanczosResult {
  requireDimension('dim', dim);
  const tolerance = requirePositive('tolerance', options.tolerance ?? DEFAULT_LANCZOS_TOLERANCE);
  const maxIterations = Math.min(
    dim,
    requireInteger('maxIterations', options.maxIterations ?? DEFAULT_LANCZOS_MAX_ITERATIONS, 1),
  );
  const rng = new Rng(options.seed ?? 1);
  const ends = options.ends ?? 'both';

  const basis: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = [];
  let q = rng.normalVector(dim);
  scaleInto(1 / norm2(q), q, q);
  let w = new Float64Array(dim);
  let ritz = NO_RITZ_VALUES;
  let residual = NaN;
  let converged = false;
  let tridiagonalNorm = 0;
  let nextCheck = 1;

  for (let k = 1; k <= maxIterations; k++) {
    basis.push(q);
    apply(q, w);
    if (k > 1) axpy(-beta[k - 2], basis[k - 2], w);
    const alphaK = dot(q, w);
    axpy(-alphaK, q, w);
    reorthogonalise(basis, w);
    const betaK = norm2(w);
    if (!Number.isFinite(alphaK) || !Number.isFinite(betaK)) {
      ritz = NO_RITZ_VALUES;
      residual = NaN;
      break;
    }
    alpha.push(alphaK);
    beta.push(betaK);
    tridiagonalNorm = Math.max(tridiagonalNorm, Math.abs(alphaK) + betaK + (k > 1 ? beta[k - 2] : 0));
    const breakdown = betaK <= BREAKDOWN_TOLERANCE * tridiagonalNorm;

    if (breakdown || k === nextCheck || k === maxIterations) {
      ritz = tridiagonalExtremes(alpha, beta, k);
      residual = betaK * requestedTail(ritz, ends);
      const scale = Math.max(Math.abs(ritz.largest), Math.abs(ritz.smallest));
      if (breakdown || residual <= tolerance * scale) {
        converged = true;
        break;
      }
      nextCheck = k + Math.max(1, Math.floor(k * CHECK_SPACING));
    }
    scaleInto(1 / betaK, w, w);
    q = w;
    w = new Float64Array(dim);
  }

  return {
    largest: ritz.largest,
    smallest: ritz.smallest,
    largestMagnitude: Math.max(Math.abs(ritz.largest), Math.abs(ritz.smallest)),
    iterations: alpha.length,
    converged,
    residual,
  };
}
