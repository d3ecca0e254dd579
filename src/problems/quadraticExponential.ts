/**
 * The C2 quadratic-core / exponential-tail instances of warmup-h0h1.md T4a and T4b (the
 * Eq. (65)-type hard strongly convex instances of its Theorem 4.1), as separable sums.
 *
 * Both are built from one glued term g_h: h/2 w^2 + 1/2 for |w| <= h^(-1/2), e^(sqrt(h)|w| - 1)
 * otherwise (value, slope and curvature match at the junction, where g_h = 1). T4b is g_h and T4a is
 * 2 g_1 - 1.
 */
import type { BigNumber } from 'mathjs';
import { requirePositive } from '../util/validate.js';
import { toBig } from './highPrecision.js';
import { exact, type Problem } from './problem.js';
import { separableSum, type ScalarTerm } from './separable.js';

export interface QuadraticExponentialAOptions {
  /** Default 1. */
  readonly dim?: number;
}

export interface QuadraticExponentialBOptions {
  /** Curvature of the quadratic core, > 0. */
  readonly h: number;
  /** Default 1. */
  readonly dim?: number;
}

/**
 * T4a: f(w) = sum_i phi(w_i), phi(w) = w^2 for |w| <= 1 and 2 e^(|w|-1) - 1 otherwise; f* = 0 at
 * w* = 0 (warmup-h0h1.md T4a [D]).
 *
 * Constants, all exact:
 * - H0 = 2, H1 = 1 (T4a [D]): phi'' = 2 inside and phi'' = phi + 1 outside, so phi'' <= 2 + phi;
 *   H0 = 2 is forced at 0, and (phi'' - 2) / phi -> 1 along the tail. A separable sum keeps the
 *   pair (warmup-h0h1.md section 2, separable sums [D]).
 * - mu = 2 (T4a [D]): phi'' >= 2 (2-strongly convex), with |phi'|^2 = 2 * 2 phi inside.
 */
export function quadraticExponentialA({ dim = 1 }: QuadraticExponentialAOptions = {}): Problem {
  return separableSum({
    name: `quadraticExponentialA(d=${dim})`,
    dim,
    params: { dim },
    term: gluedTerm(1, 2, 0),
    constants: {
      H0: exact(2, 'warmup-h0h1.md T4a [D]: forced by phi\'\'(0) = 2'),
      H1: exact(1, 'warmup-h0h1.md T4a [D]: phi\'\' = phi + 1 on the tail'),
      mu: exact(2, 'warmup-h0h1.md T4a [D]: phi\'\' >= 2, equality of PL on the core'),
    },
  });
}

/**
 * T4b: f(w) = sum_i g_h(w_i), g_h(w) = h/2 w^2 + 1/2 for |w| <= h^(-1/2) and e^(sqrt(h)|w| - 1)
 * otherwise; f* = dim/2 at w* = 0 (warmup-h0h1.md T4b [D]). The gap is computed as
 * sum_i (g_h(w_i) - 1/2) term by term, without cancellation.
 *
 * Constants, all exact:
 * - H0 = H1 = h (T4b [D]): g_h'' = h inside and g_h'' = h g_h = h (g_h - 1/2) + h/2 outside;
 *   H0 = h is forced at 0, and (g_h'' - h) / (g_h - 1/2) -> h along the tail. A separable sum keeps
 *   the pair (warmup-h0h1.md section 2, separable sums [D]).
 * - mu = h (T4b [D]): g_h'' >= h (h-strongly convex), with equality of PL on the core.
 */
export function quadraticExponentialB({ h, dim = 1 }: QuadraticExponentialBOptions): Problem {
  requirePositive('h', h);
  return separableSum({
    name: `quadraticExponentialB(h=${h},d=${dim})`,
    dim,
    params: { h, dim },
    term: gluedTerm(h, 1, 0.5),
    constants: {
      H0: exact(h, 'warmup-h0h1.md T4b [D]: forced by g_h\'\'(0) = h'),
      H1: exact(h, 'warmup-h0h1.md T4b [D]: g_h\'\' = h (g_h - 1/2) + h/2 on the tail'),
      mu: exact(h, 'warmup-h0h1.md T4b [D]: g_h\'\' >= h, equality of PL on the core'),
    },
  });
}

/**
 * The term weight * (g_h - 1/2) + minimum. Values are assembled from the excess g_h - 1/2, which
 * is computed directly on both pieces, so no 1/2 is added and subtracted again. The high-precision
 * term is the same in BigNumber arithmetic, with h read exactly (its float64 value).
 */
function gluedTerm(h: number, weight: number, minimum: number): ScalarTerm {
  const rate = Math.sqrt(h);
  const junction = 1 / rate;
  const tail = (w: number): number => Math.exp(rate * Math.abs(w) - 1);
  const excess = (w: number): number => weight * (Math.abs(w) <= junction ? 0.5 * h * w * w : tail(w) - 0.5);
  return {
    value: (w) => minimum + excess(w),
    slope: (w) => weight * (Math.abs(w) <= junction ? h * w : Math.sign(w) * rate * tail(w)),
    curvature: (w) => weight * (Math.abs(w) <= junction ? h : h * tail(w)),
    excess,
    minimum,
    highPrecision(math) {
      const [bigH, bigWeight, bigMinimum, half, one] = [h, weight, minimum, 0.5, 1].map((v) => toBig(math, v));
      const bigRate = bigH.sqrt();
      const bigJunction = one.div(bigRate);
      const bigTail = (w: BigNumber): BigNumber => bigRate.times(w.abs()).minus(one).exp();
      const bigExcess = (w: BigNumber): BigNumber =>
        bigWeight.times(w.abs().lte(bigJunction) ? half.times(bigH).times(w).times(w) : bigTail(w).minus(half));
      return {
        value: (w) => bigMinimum.plus(bigExcess(w)),
        slope: (w) => {
          if (w.abs().lte(bigJunction)) return bigWeight.times(bigH).times(w);
          const magnitude = bigWeight.times(bigRate).times(bigTail(w));
          return w.isNegative() ? magnitude.neg() : magnitude;
        },
        excess: bigExcess,
        minimum: bigMinimum,
      };
    },
  };
}
