/**
 * The 1-D Huber function f(x) = L/2 x^2 for |x| <= tau, L tau |x| - L tau^2/2 otherwise: L-smooth,
 * convex, and with tau = R / (2Nh + 1) the worst case of classical-oracles.md O1 (Drori-Teboulle
 * 2014, Thm 3.1), on which N steps of GD with step h/L from x0 = R attain
 * f(x_N) - f* = L R^2 / (2(2Nh + 1)) exactly.
 */
import type { BigNumber } from 'mathjs';
import { requireDimension, requirePositive } from '../util/validate.js';
import { bigMath, toBig } from './highPrecision.js';
import { exact, type Problem } from './problem.js';

export interface HuberOptions {
  /** Smoothness constant, > 0. */
  readonly L: number;
  /** Width of the quadratic core, > 0. */
  readonly tau: number;
}

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
 * f(x) = L/2 x^2 for |x| <= tau and L tau |x| - L tau^2 / 2 otherwise; f* = 0 at x* = 0.
 *
 * f is C1 but not C2: the Hessian is L for |x| <= tau and 0 outside, and at the kink |x| = tau
 * `hess` returns the inner value L.
 *
 * Constants: L exact (classical-oracles.md O1: f' is L-Lipschitz, with slope L on the core). No mu:
 * f is convex but its linear tails are not PL.
 */
export function huber({ L, tau }: HuberOptions): Problem {
  return huberProblem(`huber(L=${L},tau=${tau})`, { L, tau }, requirePositive('L', L), requirePositive('tau', tau));
}

/**
 * The O1 worst case: `huber` with tau = R / (2Nh + 1). Run GD from x0 = R with step gamma = h/L:
 * every iterate stays on the linear piece, x_k = R - k h tau, and f(x_N) = L R^2 / (2(2Nh + 1)).
 * params: L, R, N, h as given, and the derived tau, x0 = R and gamma = h/L.
 */
export function huberWorstCase({ L, R, N, h }: HuberWorstCaseOptions): Problem {
  requirePositive('L', L);
  requirePositive('R', R);
  requireDimension('N', N);
  requirePositive('h', h);
  const tau = R / (2 * N * h + 1);
  return huberProblem(`huberWorstCase(L=${L},R=${R},N=${N},h=${h})`, { L, R, N, h, tau, x0: R, gamma: h / L }, L, tau);
}

function huberProblem(name: string, params: Record<string, number>, L: number, tau: number): Problem {
  const f = (x: Float64Array): number => {
    const a = Math.abs(x[0]);
    return a <= tau ? 0.5 * L * a * a : L * tau * (a - 0.5 * tau);
  };
  return {
    name,
    dim: 1,
    params,
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
    constants: { L: exact(L, "classical-oracles.md O1 (Drori-Teboulle 2014): slope L of f' on the core") },
    highPrecision(digits) {
      const math = bigMath(digits);
      const [bigL, bigTau, half] = [toBig(math, L), toBig(math, tau), toBig(math, 0.5)];
      const value = (x: readonly BigNumber[]): BigNumber => {
        const a = x[0].abs();
        return a.lte(bigTau) ? half.times(bigL).times(a).times(a) : bigL.times(bigTau).times(a.minus(half.times(bigTau)));
      };
      return {
        digits,
        math,
        fStar: toBig(math, 0),
        f: value,
        grad: (x) => {
          if (x[0].abs().lte(bigTau)) return [bigL.times(x[0])];
          const slope = bigL.times(bigTau);
          return [x[0].isNegative() ? slope.neg() : slope];
        },
      };
    },
  };
}
