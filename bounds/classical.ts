/**
 * Classical bounds for gradient descent, used as oracles (docs/theory/classical-oracles.md). Each
 * is a pure function of named constants; the doc comment gives the result, its hypotheses, the
 * reference and the provenance tag. Provenance: the classical-oracles digest restates these results
 * from the literature (secondary), except where marked as our own derivation.
 *
 * @module boundcheck/bounds/classical
 */
import { requireDimension, requireInRange, requireInteger, requireNonNegative, requirePositive } from '../src/util/validate.js';

/**
 * O1. Smooth convex, function value after N steps of GD with step h/L, h in (0, 1]:
 * f(x_N) - f* <= L R^2 / (4Nh + 2), R = ||x_0 - x*||; tight (1-D Huber).
 * Reference: Drori & Teboulle (2014), Math. Program. 145, Theorem 3.1. Provenance: secondary
 * (classical-oracles.md O1).
 */
export function droriTeboulleGapBound({ L, R, N, h }: { L: number; R: number; N: number; h: number }): number {
  requirePositive('L', L);
  requireNonNegative('R', R);
  requireDimension('N', N);
  requireInRange('h', h, Number.MIN_VALUE, 1);
  return (L * R * R) / (4 * N * h + 2);
}

/**
 * O2. The contraction factor of GD with step gamma on (mu, L) smooth strongly convex functions,
 * rho(gamma) = max{|1 - gamma mu|, |1 - gamma L|}; for gamma in (0, 2/L),
 * f(x_N) - f* <= rho^(2N) (f(x_0) - f*), tight on 1-D quadratics.
 * Reference: Taylor, Hendrickx, Glineur (2018), JOTA, Theorem 3.3. Provenance: secondary
 * (classical-oracles.md O2).
 */
export function contractionFactor({ mu, L, gamma }: { mu: number; L: number; gamma: number }): number {
  requireNonNegative('mu', mu);
  requirePositive('L', L);
  requirePositive('gamma', gamma);
  return Math.max(Math.abs(1 - gamma * mu), Math.abs(1 - gamma * L));
}

/**
 * O4. One-step rate of GD with step gamma on L-smooth functions satisfying PL(mu):
 * (f(x_1) - f*) / (f(x_0) - f*) <= r(gamma), with, for 0 < gamma < 1/L,
 * r = ((mu (1 - L gamma) + sqrt(4L^2 - 2L(L + mu) mu gamma (2 - L gamma))) / (2L + mu))^2;
 * for 1/L <= gamma <= sqrt(3)/L, r = 1 - mu gamma (4 - L^2 gamma^2) / (2 + mu gamma);
 * for sqrt(3)/L < gamma < 2/L, r = (L gamma - 1)^2 / ((L gamma - 1)^2 + mu gamma (2 - L gamma)).
 * At gamma = 1/L it is 2(L - mu) / (2L + mu). An upper bound, not tight for the PL class.
 * Reference: Abbaszadehpeivasti, de Klerk, Zamani (2023), Optim. Lett., Theorem 3 (lower curvature
 * -L). Provenance: secondary (classical-oracles.md O4).
 */
export function plOneStepRate({ mu, L, gamma }: { mu: number; L: number; gamma: number }): number {
  requirePositive('mu', mu);
  requirePositive('L', L);
  requireInRange('gamma', gamma, Number.MIN_VALUE, (2 / L) * (1 - Number.EPSILON));
  const Lg = L * gamma;
  if (Lg < 1) {
    const root = Math.sqrt(4 * L * L - 2 * L * (L + mu) * mu * gamma * (2 - Lg));
    return ((mu * (1 - Lg) + root) / (2 * L + mu)) ** 2;
  }
  if (Lg <= Math.sqrt(3)) return 1 - (mu * gamma * (4 - Lg * Lg)) / (2 + mu * gamma);
  return (Lg - 1) ** 2 / ((Lg - 1) ** 2 + mu * gamma * (2 - Lg));
}

/**
 * The textbook linear rate under L-smoothness and PL(mu) with step 1/L:
 * f(x_T) - f* <= (1 - mu/L)^T (f(x_0) - f*).
 * Reference: Karimi, Nutini, Schmidt (2016), ECML-PKDD, Theorem 1 (Polyak 1963). Provenance:
 * secondary (the classical result the O4 item of classical-oracles.md improves on).
 */
export function plTextbookRate({ mu, L }: { mu: number; L: number }): number {
  requirePositive('mu', mu);
  requirePositive('L', L);
  return 1 - mu / L;
}

/**
 * A lower bound on K(eps) for GD with step gamma on a convex quadratic: every eigen-mode of the gap
 * contracts by at least rho_min^2 per step, rho_min = min over the positive eigenvalues of
 * |1 - gamma lambda|, so f(x_t) - f* >= rho_min^(2t) (f(x_0) - f*) and
 * K(eps) >= log(gap0 / eps) / (-2 log rho_min) (0 when rho_min = 0 or gap0 <= eps).
 * Provenance: derived (our derivation from O2's closed form; exact on 1-D quadratics).
 */
export function quadraticFirstHitLowerBound({ gap0, eps, rhoMin }: { gap0: number; eps: number; rhoMin: number }): number {
  requireNonNegative('gap0', gap0);
  requirePositive('eps', eps);
  requireInRange('rhoMin', rhoMin, 0, 1 - Number.EPSILON);
  if (gap0 <= eps || rhoMin === 0) return 0;
  return Math.log(gap0 / eps) / (-2 * Math.log(rhoMin));
}

/**
 * The exact E[f(x_T)] - f* of SGD with constant step eta and additive Gaussian noise,
 * g_t = grad f(x_t) + sigma xi_t with xi_t ~ N(0, I), on f(x) = 1/2 sum_i lambda_i x_i^2: each
 * coordinate is x_{t+1} = a x_t - eta sigma xi, a = 1 - eta lambda, so its mean is a^T x_0 and its
 * variance eta^2 sigma^2 (1 - a^(2T)) / (1 - a^2) (eta^2 sigma^2 T when a^2 = 1), and
 * E f(x_T) = 1/2 sum_i lambda_i (mean_i^2 + variance_i).
 * Hypotheses: none on eta (it is the exact value, finite for every eta). The ground truth of the
 * statistical measures' tests. Provenance: derived (a direct computation).
 */
export function sgdQuadraticExpectedGap({
  eigenvalues,
  x0,
  eta,
  sigma,
  T,
}: {
  eigenvalues: ArrayLike<number>;
  x0: ArrayLike<number>;
  eta: number;
  sigma: number;
  T: number;
}): number {
  requireNonNegative('eta', eta);
  requireNonNegative('sigma', sigma);
  requireInteger('T', T, 0);
  requireInRange('x0.length', x0.length, eigenvalues.length, eigenvalues.length);
  let expected = 0;
  for (let i = 0; i < eigenvalues.length; i++) {
    const lambda = requireNonNegative(`eigenvalues[${i}]`, eigenvalues[i]);
    const a2 = (1 - eta * lambda) ** 2;
    const mean = (1 - eta * lambda) ** T * x0[i];
    const variance = eta * eta * sigma * sigma * (a2 === 1 ? T : (1 - a2 ** T) / (1 - a2));
    expected += 0.5 * lambda * (mean * mean + variance);
  }
  return expected;
}

/**
 * SGD with a fixed step on a c-strongly convex, L-smooth f with unbiased stochastic gradients of
 * variance at most M (E||g - grad f||^2 <= M): for 0 < alpha <= 1/L,
 * E[f(x_T)] - f* <= alpha L M / (2c) + (1 - alpha c)^T (f(x_0) - f* - alpha L M / (2c)).
 * Reference: Bottou, Curtis, Nocedal (2018), "Optimization methods for large-scale machine
 * learning", SIAM Review 60(2), Theorem 4.6 (with mu = 1, M_V = M, M_G = 1, so alpha <= mu/(L M_G)
 * = 1/L; their w_1 is our x_0, their k - 1 our T). Provenance: primary (not in the digests).
 */
export function sgdStronglyConvexFixedStepBound({
  c,
  L,
  M,
  alpha,
  gap0,
  T,
}: {
  c: number;
  L: number;
  M: number;
  alpha: number;
  gap0: number;
  T: number;
}): number {
  requirePositive('c', c);
  requirePositive('L', L);
  requireNonNegative('M', M);
  requireInRange('alpha', alpha, Number.MIN_VALUE, 1 / L);
  requireNonNegative('gap0', gap0);
  requireInteger('T', T, 0);
  const floor = (alpha * L * M) / (2 * c);
  return floor + (1 - alpha * c) ** T * (gap0 - floor);
}
