/**
 * Even monomials sum_i w_i^(2k): the (rho,K0,Krho) family of warmup-rho-k0-krho.md 4.2 that holds
 * with equality, and (for k >= 2) a convex, non-PL, not globally smooth (H0,H1) example
 * (warmup-h0h1.md T3 and the growth characterisation of its section 2).
 */
import { requireInteger, requirePositive } from '../util/validate.js';
import { toBig } from './highPrecision.js';
import { exact, validBound, type Problem, type ProblemConstants } from './problem.js';
import { quadraticConstants } from './quadratic.js';
import { separableSum } from './separable.js';

export interface EvenPowerOptions {
  /** Half the exponent: f = sum_i w_i^(2k), k an integer >= 1. */
  readonly k: number;
  /** Default 1. */
  readonly dim?: number;
}

/**
 * f(w) = sum_i w_i^(2k), with f* = 0 at w* = 0. Write p = 2k. The high-precision model evaluates
 * the same monomials in BigNumber arithmetic (exact integer powers).
 *
 * Constants for k >= 2:
 * - rho = (p-2)/p, K0 = 0, Krho = p(p-1), exact (warmup-rho-k0-krho.md 4.2, |x|^p row [D]): in 1-D
 *   f'' = p(p-1) f^rho; the Hessian of the sum is diagonal with norm p(p-1) max_i |w_i|^(p-2)
 *   <= p(p-1) f^rho, with equality on the coordinate axes.
 * - H0 = H1 = c_k = 2k(2k-1) ((k-1)^(k-1) / k^k)^(1/k), valid bound: the pair on the growth
 *   frontier (k H0)^(1/k) (k/(k-1) H1)^((k-1)/k) >= 2k(2k-1) of warmup-h0h1.md section 2 [D] with
 *   H0 = H1 (c_2 = 6, the (6,6) of T3 [D]); a separable sum keeps the pair (section 2, [D]).
 *   Other pairs: `evenPowerH1ForH0`.
 * - No mu (not PL: |f'|^2 / f -> 0 at 0) and no L (f'' unbounded).
 *
 * For k = 1, f = ||w||^2 is the quadratic of T1 [D] with A = 2I, with its constants
 * (`quadraticConstants`): L = mu = H0 = K0 = 2, H1 = Krho = 0, all exact.
 */
export function evenPower({ k, dim = 1 }: EvenPowerOptions): Problem {
  requireInteger('k', k, 1);
  const p = 2 * k;
  const leadingCurvature = p * (p - 1);
  return separableSum({
    name: `evenPower(k=${k},d=${dim})`,
    dim,
    params: { k, dim },
    term: {
      value: (w) => Math.pow(w * w, k),
      slope: (w) => p * w * Math.pow(w * w, k - 1),
      curvature: (w) => leadingCurvature * Math.pow(w * w, k - 1),
      excess: (w) => Math.pow(w * w, k),
      minimum: 0,
      highPrecision: (math) => ({
        value: (w) => w.pow(p),
        slope: (w) => w.pow(p - 1).times(p),
        excess: (w) => w.pow(p),
        minimum: toBig(math, 0),
      }),
    },
    constants: k === 1 ? quadraticConstants(Float64Array.of(2), 'A = 2I') : monomialConstants(k),
  });
}

/**
 * The smallest H1 such that w^(2k) is (H0, H1)-smooth, k >= 2: the equality case of
 * (k H0)^(1/k) (k/(k-1) H1)^((k-1)/k) >= 2k(2k-1) (warmup-h0h1.md section 2, growth
 * characterisation [D]; weighted AM-GM on H0 + H1 f >= 2k(2k-1) f^((k-1)/k)), i.e.
 * H1 = (k-1)/k (2k(2k-1))^(k/(k-1)) (k H0)^(-1/(k-1)). For k = 2 this is 36 / H0.
 */
export function evenPowerH1ForH0(k: number, H0: number): number {
  requireInteger('k', k, 2);
  requirePositive('H0', H0);
  const leadingCurvature = 2 * k * (2 * k - 1);
  return ((k - 1) / k) * Math.pow(leadingCurvature, k / (k - 1)) * Math.pow(k * H0, -1 / (k - 1));
}

function monomialConstants(k: number): ProblemConstants {
  const p = 2 * k;
  const symmetric = 2 * k * (2 * k - 1) * Math.pow(Math.pow(k - 1, k - 1) / Math.pow(k, k), 1 / k);
  const rhoNote = 'warmup-rho-k0-krho.md 4.2 |x|^p row [D]: f\'\' = p(p-1) f^rho in 1-D, equality on the axes';
  const pairNote = `warmup-h0h1.md section 2 growth characterisation [D], H0 = H1${k === 2 ? '; T3 (6,6) [D]' : ''}`;
  return {
    rho: exact((p - 2) / p, rhoNote),
    K0: exact(0, rhoNote),
    Krho: exact(p * (p - 1), rhoNote),
    H0: validBound(symmetric, pairNote),
    H1: validBound(symmetric, pairNote),
  };
}
