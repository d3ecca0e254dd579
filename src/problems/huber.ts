/**
 * The 1-D Huber worst case of classical-oracles.md O1 (Drori-Teboulle 2014, Thm 3.1): the smooth
 * convex function on which N steps of GD with step h/L from x0 = R attain f(x_N) - f* =
 * L R^2 / (2(2Nh + 1)) exactly.
 */
import { requireDimension, requirePositive } from '../util/validate.js';
import { exact, type Problem } from './problem.js';

export interface HuberWorstCaseOptions {
  /** Smoothness constant, > 0. */
  readonly L: number;
  /** Initial distance |x0 - x*| = x0, > 0. */
  readonly R: number;
  /** Number of GD steps the instance is built for, >= 1. */
  readonly N: number;
  /** Normalised step h = gamma L, > 0. */
  readonly h: number;
}

/**
 * f(x) = L/2 x^2 for |x| <= tau and L tau |x| - L tau^2 / 2 otherwise, tau = R / (2Nh + 1); f* = 0
 * at x* = 0 (classical-oracles.md O1). Run GD from x0 = R with step gamma = h/L: every iterate
 * stays on the linear piece, x_k = R - k h tau, and f(x_N) = L R^2 / (2(2Nh + 1)).
 *
 * params: L, R, N, h as given, and the derived tau, x0 = R and gamma = h/L.
 *
 * f is C1 but not C2: the Hessian is L for |x| <= tau and 0 outside, and at the kink |x| = tau
 * (where f'' jumps) `hess` returns the inner value L.
 *
 * Constants: L exact (classical-oracles.md O1: f' is L-Lipschitz, with slope L on the core). No mu:
 * f is convex but its linear tails are not PL.
 */
export function huberWorstCase({ L, R, N, h }: HuberWorstCaseOptions): Problem {
  requirePositive('L', L);
  requirePositive('R', R);
  requireDimension('N', N);
  requirePositive('h', h);
  const tau = R / (2 * N * h + 1);
  const f = (x: Float64Array): number => {
    const a = Math.abs(x[0]);
    return a <= tau ? 0.5 * L * a * a : L * tau * (a - 0.5 * tau);
  };
  return {
    name: `huberWorstCase(L=${L},R=${R},N=${N},h=${h})`,
    dim: 1,
    params: { L, R, N, h, tau, x0: R, gamma: h / L },
    f,
    grad(x, out) {
      out[0] = Math.abs(x[0]) <= tau ? L * x[0] : L * tau * Math.sign(x[0]);
      return f(x);
    },
    gap: f,
    hess(x, out = new Float64Array(1)) {
      out[0] = Math.abs(x[0]) <= tau ? L : 0;
      return out;
    },
    fStar: 0,
    xStar: new Float64Array(1),
    constants: { L: exact(L, 'classical-oracles.md O1 (Drori-Teboulle 2014): slope L of f\' on the core') },
  };
}
