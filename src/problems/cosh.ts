/**
 * The extremal (H0,H1)-smooth family of warmup-h0h1.md T2: a separable sum of scaled cosh terms,
 * for which the curvature bound of Definition 3.1 and the gradient self-bound hold with equality.
 */
import type { BigNumber } from 'mathjs';
import { requirePositive } from '../util/validate.js';
import { toBig } from './highPrecision.js';
import { exact, type Problem } from './problem.js';
import { separableSum } from './separable.js';

export interface CoshOptions {
  readonly H0: number;
  readonly H1: number;
  /** Default 1. */
  readonly dim?: number;
}

/**
 * f(w) = sum_i H0/H1 (cosh(sqrt(H1) w_i) - 1), with f* = 0 at w* = 0 (warmup-h0h1.md T2 [D]).
 *
 * Each term is evaluated as 2 H0/H1 sinh(sqrt(H1) w_i / 2)^2, so f and the gap keep full relative
 * precision near the minimizer. In 1-D, f'' = H0 + H1 f and f'^2 = 2 H0 f + H1 f^2 exactly. The
 * high-precision model evaluates the same forms in BigNumber arithmetic, with H0 and H1 read exactly
 * (their float64 values).
 *
 * Constants, all exact:
 * - H0, H1 (T2 [D]): f'' = H0 + H1 f in each coordinate, and the Hessian is diagonal with norm
 *   max_i f_i'' <= H0 + H1 f, with equality on the coordinate axes.
 * - mu = H0 (T2 [D]): ||grad f||^2 = sum_i (2 H0 f_i + H1 f_i^2) >= 2 H0 f, tight as w -> 0.
 * - rho = 1, K0 = H0, Krho = H1 (warmup-rho-k0-krho.md 4.2, cosh row [D], rescaled by the
 *   scaling rules of its section 2.1).
 */
export function coshExtremal({ H0, H1, dim = 1 }: CoshOptions): Problem {
  requirePositive('H0', H0);
  requirePositive('H1', H1);
  const rate = Math.sqrt(H1);
  const amplitude = H0 / H1;
  // H0/H1 (cosh(u) - 1) = 2 H0/H1 sinh(u/2)^2: no cancellation near u = 0.
  const coshTerm = (w: number): number => {
    const s = Math.sinh(0.5 * rate * w);
    return 2 * amplitude * s * s;
  };
  return separableSum({
    name: `cosh(H0=${H0},H1=${H1},d=${dim})`,
    dim,
    params: { H0, H1, dim },
    term: {
      value: coshTerm,
      slope: (w) => (H0 / rate) * Math.sinh(rate * w),
      curvature: (w) => H0 * Math.cosh(rate * w),
      excess: coshTerm,
      minimum: 0,
      highPrecision(math) {
        const bigH0 = toBig(math, H0);
        const bigRate = toBig(math, H1).sqrt();
        const bigAmplitude = bigH0.div(toBig(math, H1));
        const bigTerm = (w: BigNumber): BigNumber => {
          const s = w.times(bigRate).div(2).sinh();
          return bigAmplitude.times(2).times(s).times(s);
        };
        return {
          value: bigTerm,
          slope: (w) => bigH0.div(bigRate).times(w.times(bigRate).sinh()),
          excess: bigTerm,
          minimum: toBig(math, 0),
        };
      },
    },
    constants: {
      H0: exact(H0, 'warmup-h0h1.md T2 [D]: f_i\'\' = H0 + H1 f_i, equality on the axes'),
      H1: exact(H1, 'warmup-h0h1.md T2 [D]: f_i\'\' = H0 + H1 f_i, equality on the axes'),
      mu: exact(H0, 'warmup-h0h1.md T2 [D]: ||grad f||^2 >= 2 H0 f, tight as w -> 0'),
      rho: exact(1, 'warmup-rho-k0-krho.md 4.2 cosh row [D]'),
      K0: exact(H0, 'warmup-rho-k0-krho.md 4.2 cosh row [D], scaled: equals H0'),
      Krho: exact(H1, 'warmup-rho-k0-krho.md 4.2 cosh row [D], scaled: equals H1'),
    },
  });
}
