/**
 * Classical bounds for gradient descent, used as oracles (docs/theory/classical-oracles.md). Each
 * is a pure function of named constants; the doc comment gives the result, its hypotheses, the
 * reference and the provenance tag. Provenance: the classical-oracles digest restates these results
 * from the literature (secondary), except where marked as our own derivation.
 *
 * @module boundcheck/bounds/classical
 */
import { requireDimension, requireInRange, requireNonNegative, requirePositive } from '../src/util/validate.js';

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
