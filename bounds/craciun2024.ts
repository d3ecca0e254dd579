/**
 * Critical step sizes of gradient descent with a constant step, and the statistics used to check
 * them numerically (docs/theory/large-lr-impossibility.md, §§2-5).
 *
 * Paper: A. Craciun, D. Ghoshdastidar (2024), "On the Convergence of Gradient Descent for Large
 * Learning Rates", arXiv 2402.13108 (v3, Dec 2024; v1 was titled "On the Stability of Gradient
 * Descent for Large Learning Rate"). [P] (abstracts): for linear networks with the squared loss,
 * and for more general losses, GD with a constant step above a critical value converges from a
 * Lebesgue-null set of initialisations only. The paper's theorem numbers, hypotheses and formula
 * for the critical value were not read [U]: every threshold below is the digest's linear-stability
 * reading eta_c = 2 / S_min [R], S_min = inf over the global minimisers of lambda_max(Hess f),
 * derived and checked numerically there [N] (§3.3, tagged per function). Provenance: derived.
 * Loss normalisation: 1/2 ||.||^2 throughout; a loss c f has thresholds divided by c [S/U, §1].
 *
 * @module boundcheck/bounds/craciun2024
 */
import { largestSymmetricEigenvalue, singularValues, symmetricEigenvalues } from '../src/linalg/dense.js';
import { gemm } from '../src/linalg/kernels.js';
import type { MatrixRows } from '../src/problems/layers.js';
import { InputError } from '../src/util/errors.js';
import {
  requireFinite,
  requireInteger,
  requireMatrix,
  requirePositive,
  requireVector,
} from '../src/util/validate.js';

/**
 * eta_c = 2 / S_min, S_min = inf over the global minimisers of the largest Hessian eigenvalue
 * (§2 item 9 [R]): below it some minimisers are linearly stable (positive-measure convergence,
 * Prop 4 [R]); above it none is (null-measure convergence, Theorem R [R], Claims D/E [P]).
 */
export function criticalStepSize({ minSharpness }: { minSharpness: number }): number {
  requirePositive('minSharpness', minSharpness);
  return 2 / minSharpness;
}

/**
 * E1 (§3.3 [R, checked N]): f(x, y) = 1/2 (x y - c)^2, c != 0. On {xy = c} the Hessian has
 * eigenvalues {0, x^2 + y^2} >= 2|c| (equality at |x| = |y| = sqrt|c|), so eta_c = 1/|c|.
 */
export function scalarFactorizationCriticalStep({ c }: { c: number }): number {
  requireFinite('c', c);
  if (c === 0) throw new InputError('c must be nonzero (c = 0 makes the origin a minimiser with zero sharpness), got 0');
  return 1 / Math.abs(c);
}

/**
 * E2 (§3.3 [R, checked N]): f(w) = 1/2 (w_1 ... w_N - y)^2, N >= 2, y != 0. On the minimisers
 * lambda_max = y^2 sum_i w_i^-2 >= N |y|^(2 - 2/N) (AM-GM, equality when |w_i| = |y|^(1/N)), so
 * eta_c = 2 / (N |y|^(2 - 2/N)); e.g. N = 4, y = 2 gives 2 / (4 * 2^1.5) = 0.1767767.
 */
export function deepScalarNetCriticalStep({ N, y }: { N: number; y: number }): number {
  requireInteger('N', N, 2);
  requireFinite('y', y);
  if (y === 0) throw new InputError('y must be nonzero (y = 0 makes the origin a minimiser with zero sharpness), got 0');
  return 2 / (N * Math.abs(y) ** (2 - 2 / N));
}

/** The largest singular value of Phi (rows), requiring Phi != 0. */
function largestSingularValue(Phi: MatrixRows): number {
  const { data, rows, cols } = requireMatrix('Phi', Phi);
  const sigmaMax = singularValues(data, rows, cols)[0];
  if (!(sigmaMax > 0)) throw new InputError('Phi must be nonzero (Phi = 0 has minimisers with zero sharpness)');
  return sigmaMax;
}

/**
 * E3 (§3.3 [R, checked N]): two-layer whitened net f = 1/2 ||W_2 W_1 - Phi||_F^2, hidden width
 * >= rank Phi. On the minimisers lambda_max = ||W_2||^2 + ||W_1||^2 >= 2 sigma_max(Phi) (equality
 * at balanced factorisations), so eta_c = 1 / sigma_max(Phi).
 */
export function whitenedTwoLayerCriticalStep({ Phi }: { Phi: MatrixRows }): number {
  return 1 / largestSingularValue(Phi);
}

/**
 * E3' (§3.3 [R, proved there after a numerical check]): depth-N whitened net
 * f = 1/2 ||W_N ... W_1 - Phi||_F^2. Balanced minimisers have lambda_max = N sigma_max^(2 - 2/N),
 * and this is S_min, so eta_c = 2 / (N sigma_max(Phi)^(2 - 2/N)); N = 3, Phi = diag(2, 1) gives
 * 0.264567. N = 2 is E3.
 */
export function whitenedDeepCriticalStep({ N, Phi }: { N: number; Phi: MatrixRows }): number {
  requireInteger('N', N, 2);
  return 2 / (N * largestSingularValue(Phi) ** (2 - 2 / N));
}

/** Golden-section minimisation of a unimodal function on [lo, hi], to `tolerance` in the argument: the minimiser found and its value. */
function goldenSectionMinimum(f: (t: number) => number, lo: number, hi: number, tolerance: number): { argument: number; value: number } {
  const inverseRatio = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - inverseRatio * (b - a);
  let d = a + inverseRatio * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > tolerance) {
    if (fc <= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - inverseRatio * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + inverseRatio * (b - a);
      fd = f(d);
    }
  }
  return fc <= fd ? { argument: c, value: fc } : { argument: d, value: fd };
}

/**
 * E4 (§3.3 [R, checked N]): two-layer net with scalar output on realizable, non-whitened data,
 * f = 1/(2n) ||X^T W_1^T w_2 - X^T beta*||^2, Sigma = X X^T / n positive definite, beta* != 0:
 * S_min = min_{s > 0} lambda_max(s Sigma + b b^T / s), b = Sigma^(1/2) beta*.
 *
 * Computed without Sigma^(1/2): s Sigma + b b^T / s = Sigma^(1/2) A Sigma^(1/2) with
 * A = s I + beta* beta*^T / s, which has the eigenvalues of A^(1/2) Sigma A^(1/2), and A^(1/2) is
 * explicit (sqrt(s) on beta*'s complement, sqrt(s + |beta*|^2 / s) along it). lambda_max of
 * s Sigma + b b^T / s, S(s), is convex in s (a maximum of functions linear in s and 1/s), hence
 * unimodal in log s; its minimiser lies in [s0/2, 2 s0], s0 = |b| / sqrt(lambda_max(Sigma)),
 * because max(s lambda_max(Sigma), |b|^2 / s) <= S(s) <= s lambda_max(Sigma) + |b|^2 / s. A
 * golden-section search on log s finds it (npm's minimize-golden-section-1d is unmaintained and
 * would be a new dependency). For Sigma = I it gives 2 |beta*|, i.e. eta_c = 1 / |beta*| as in E3.
 */
export function nonWhitenedTwoLayerMinSharpness(data: { Sigma: MatrixRows; betaStar: ArrayLike<number> }): number {
  return nonWhitenedTwoLayerFlattest(data).sharpness;
}

/**
 * E4's flattest minima (§3.3 [R, checked N]): s* = argmin_s lambda_max(s Sigma + b b^T / s), found
 * as `nonWhitenedTwoLayerMinSharpness` finds S_min. The minima W_1 = w_2 beta*^T / s* with
 * ||w_2||^2 = s* (Cauchy-Schwarz holds with equality) have lambda_max = S_min: the minima that stay
 * linearly stable for every step below eta_c = 2 / S_min.
 */
export function nonWhitenedTwoLayerFlattestScale(data: { Sigma: MatrixRows; betaStar: ArrayLike<number> }): number {
  return nonWhitenedTwoLayerFlattest(data).scale;
}

function nonWhitenedTwoLayerFlattest({ Sigma, betaStar }: { Sigma: MatrixRows; betaStar: ArrayLike<number> }): { scale: number; sharpness: number } {
  const { data: sigma, rows: d, cols } = requireMatrix('Sigma', Sigma);
  if (cols !== d) throw new InputError(`Sigma must be square, got ${d} x ${cols}`);
  const beta = requireVector('betaStar', betaStar, d);
  const betaSquared = beta.reduce((s, v) => s + v * v, 0);
  if (!(betaSquared > 0)) throw new InputError('betaStar must be nonzero');
  const largest = sigma.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(sigma[i * d + j] - sigma[j * d + i]) > 1e-12 * largest) {
        throw new InputError(`Sigma must be symmetric, got Sigma[${i}][${j}] != Sigma[${j}][${i}]`);
      }
    }
  }
  const sigmaEigenvalues = symmetricEigenvalues(sigma, d);
  if (!(sigmaEigenvalues[d - 1] > 0)) throw new InputError('Sigma must be positive definite (X of full row rank)');
  let bSquared = 0; // |b|^2 = beta*^T Sigma beta*
  for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) bSquared += beta[i] * sigma[i * d + j] * beta[j];

  const root = new Float64Array(d * d);
  const product = new Float64Array(d * d);
  const sandwich = new Float64Array(d * d);
  const sharpnessAt = (logS: number): number => {
    const s = Math.exp(logS);
    const along = Math.sqrt(s + betaSquared / s) - Math.sqrt(s);
    for (let i = 0; i < d; i++) {
      for (let j = 0; j < d; j++) root[i * d + j] = (i === j ? Math.sqrt(s) : 0) + (along * beta[i] * beta[j]) / betaSquared;
    }
    gemm(d, d, d, 1, root, false, sigma, false, 0, product);
    gemm(d, d, d, 1, product, false, root, false, 0, sandwich);
    return largestSymmetricEigenvalue(sandwich, d);
  };
  const s0 = Math.sqrt(bSquared / sigmaEigenvalues[0]);
  const { argument, value } = goldenSectionMinimum(sharpnessAt, Math.log(s0 / 2), Math.log(2 * s0), 1e-12);
  return { scale: Math.exp(argument), sharpness: value };
}

/** E4's threshold 2 / S_min with S_min from `nonWhitenedTwoLayerMinSharpness` (§3.3 [R, checked N]). */
export function nonWhitenedTwoLayerCriticalStep(data: { Sigma: MatrixRows; betaStar: ArrayLike<number> }): number {
  return criticalStepSize({ minSharpness: nonWhitenedTwoLayerMinSharpness(data) });
}

/**
 * E5 (§3.3 [R, checked N]): f(x, y) = l(x y), l real-analytic with a unique critical point
 * z* != 0 and l''(z*) = kappa > 0. On {xy = z*} lambda_max = kappa (x^2 + y^2) >= 2 kappa |z*|, so
 * eta_c = 1 / (kappa |z*|): 1 for log cosh(z - 1) and sqrt(1 + (z - 1)^2) - 1, 1/2 for (z - 1)^2.
 * Not defined for kappa = 0 (E6, (z - 1)^4 / 4: no finite threshold).
 */
export function nonQuadraticLossCriticalStep({ kappa, zStar }: { kappa: number; zStar: number }): number {
  requirePositive('kappa', kappa);
  requireFinite('zStar', zStar);
  if (zStar === 0) throw new InputError('zStar must be nonzero (the origin would be a minimiser), got 0');
  return 1 / (kappa * Math.abs(zStar));
}

/** E7 (§3.3, sanity): f = 1/2 theta^T A theta with A positive definite: eta_c = 2 / lambda_max(A). */
export function quadraticCriticalStep({ lambdaMax }: { lambdaMax: number }): number {
  requirePositive('lambdaMax', lambdaMax);
  return 2 / lambdaMax;
}

/** The effective step eta c of E1 with target c > 0, which must exceed 1 for the 2-cycle to exist. */
function requireAboveThreshold(eta: number, c: number): number {
  requirePositive('eta', eta);
  requirePositive('c', c);
  if (!(eta * c > 1)) throw new InputError(`eta * c must exceed 1 (the 2-cycle exists only above eta_c = 1/c), got ${eta * c}`);
  return eta * c;
}

/**
 * §3.4 [R, N]: the balanced 2-cycle of GD on E1 with target c > 0 and step eta > 1/c. For c = 1 the
 * diagonal x = y is invariant and GD on it is a -> a - eta (a^3 - a); its 2-cycle {a_1, a_2} is the
 * pair of roots of t^2 - sqrt(1 + 3/eta) t + 1/eta = 0, real iff eta > 1. For general c,
 * theta = sqrt(c) phi maps it to the c = 1 cycle at step eta c: the points are sqrt(c) times those
 * roots. Returns [a_1, a_2], a_1 < a_2: the cycle visits (a_1, a_1) and (a_2, a_2).
 */
export function balancedTwoCycle({ eta, c = 1 }: { eta: number; c?: number }): [number, number] {
  const effective = requireAboveThreshold(eta, c);
  const sum = Math.sqrt(1 + 3 / effective);
  const halfWidth = Math.sqrt(1 - 1 / effective) / 2; // sqrt(sum^2 - 4/effective) / 2
  return [Math.sqrt(c) * (sum / 2 - halfWidth), Math.sqrt(c) * (sum / 2 + halfWidth)];
}

/**
 * §3.4 [R, N]: ||grad f|| on the balanced 2-cycle of E1 (the same at both points),
 * c^(3/2) sqrt(2) sqrt(1 - 1/(eta c)) / (eta c); for c = 1, eta = 1.05: 0.29392.
 */
export function balancedTwoCycleGradNorm({ eta, c = 1 }: { eta: number; c?: number }): number {
  const effective = requireAboveThreshold(eta, c);
  return (c ** 1.5 * Math.SQRT2 * Math.sqrt(1 - 1 / effective)) / effective;
}

/**
 * §3.4 [R]: the multiplier of the balanced 2-cycle within the diagonal, 9 - 2 (1 + eta)^2 for
 * c = 1; the cycle attracts on the diagonal iff |9 - 2 (1 + eta)^2| < 1, i.e.
 * 1 < eta < sqrt(5) - 1 = 1.2361. For general c > 0, GD at step eta is conjugate (theta =
 * sqrt(c) phi) to the c = 1 case at step eta c, so the multiplier is 9 - 2 (1 + eta c)^2.
 */
export function balancedTwoCycleMultiplier({ eta, c = 1 }: { eta: number; c?: number }): number {
  return 9 - 2 * (1 + requireAboveThreshold(eta, c)) ** 2;
}

/**
 * The Wilson score interval and the rule of three for a converged fraction (§5 protocol [R]) live
 * with the sweep that uses them (src/claims/sweep.ts, since src/ imports no bound); re-exported here
 * with the other formulas of this digest.
 */
export { ONE_SIDED_95, ruleOfThree, wilsonInterval } from '../src/claims/sweep.js';
