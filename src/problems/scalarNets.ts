/**
 * Deep scalar networks f(w) = 1/2 (w_1 w_2 ... w_N - y)^2 (large-lr-impossibility.md §3.3 E2 [R]),
 * with the scalar factorization 1/2 (x y - y0)^2 (E1) as the depth-2 case. Owns their exact
 * gradient, Hessian and Hessian-vector product, computed from prefix and suffix products so that
 * zero coordinates need no special case.
 *
 * Packing: x = (w_1, ..., w_N), one coordinate per layer. Both have a high-precision model
 * (BigNumber arithmetic), so that a run can be replayed when certifying a counterexample.
 */
import type { BigNumber } from 'mathjs';
import { LaneScratch } from '../linalg/lanes.js';
import { requireFinite, requireInteger } from '../util/validate.js';
import { bigMath, toBig } from './highPrecision.js';
import type { HighPrecisionModel, NamedConstant, Problem } from './problem.js';
import { exact } from './problem.js';

export interface DeepScalarNetOptions {
  /** Number of factors N >= 2. */
  readonly depth: number;
  /** The target y (any finite number; y = 0 makes the origin a minimizer). */
  readonly target: number;
}

export interface ScalarNetProblem extends Problem {
  /** How fStar is known: its value, status and provenance. */
  readonly fStarInfo: NamedConstant;
  highPrecision(digits: number): HighPrecisionModel;
}

/**
 * Minimum sharpness over the minimizers of the depth-N scalar net with target y:
 * S_min = min over {prod w = y} of lambda_max(Hess f) = N |y|^(2 - 2/N), attained at the balanced
 * minimizers |w_i| = |y|^(1/N) (large-lr-impossibility.md §3.3 E2 [R], by AM-GM).
 */
export function scalarNetMinSharpness(depth: number, target: number): number {
  requireInteger('depth', depth, 2);
  requireFinite('target', target);
  return depth * Math.abs(target) ** (2 - 2 / depth);
}

/**
 * f(w) = 1/2 (prod_{i=1..N} w_i - y)^2 on R^N, N = depth >= 2.
 *
 * Known: f* = 0, attained on the hypersurface {prod w = y}; xStar is its balanced point
 * |w_i| = |y|^(1/N) (sign carried by w_N), the minimizer of least sharpness S_min
 * (`scalarNetMinSharpness`). Hessian on the minimizers: g g^T with g_i = prod_{j != i} w_j.
 * No global constants: the Hessian grows without bound (no L), and the critical points with two
 * or more zero coordinates have f = y^2/2 > 0 (no PL). The step-size threshold 2 / S_min belongs
 * to bounds/.
 */
export function deepScalarNet(options: DeepScalarNetOptions): ScalarNetProblem {
  const depth = requireInteger('depth', options.depth, 2);
  const target = requireFinite('target', options.target);
  return buildScalarNet(`deepScalarNet(depth=${depth},target=${target})`, depth, target);
}

/**
 * f(x, y) = 1/2 (x y - y0)^2, y0 = target: the depth-2 deep scalar net
 * (large-lr-impossibility.md §3.3 E1 [R]). f* = 0; S_min = 2 |y0|, so the linear-stability
 * threshold is 1/|y0|.
 */
export function scalarFactorization(options: { readonly target: number }): ScalarNetProblem {
  const target = requireFinite('target', options.target);
  return buildScalarNet(`scalarFactorization(target=${target})`, 2, target);
}

/** f* = 0, attained on {prod w = y}. */
const FSTAR = 0;

function buildScalarNet(name: string, depth: number, target: number): ScalarNetProblem {
  // prefix[i] = w_0 ... w_{i-1}, suffix[i] = w_i ... w_{N-1}; d* are their derivatives along v.
  const prefix = new Float64Array(depth + 1);
  const suffix = new Float64Array(depth + 1);
  const dPrefix = new Float64Array(depth + 1);
  const dSuffix = new Float64Array(depth + 1);

  /** Fills prefix and suffix products of x; returns the residual prod x - y. */
  function products(x: Float64Array): number {
    prefix[0] = 1;
    for (let i = 0; i < depth; i++) prefix[i + 1] = prefix[i] * x[i];
    suffix[depth] = 1;
    for (let i = depth - 1; i >= 0; i--) suffix[i] = x[i] * suffix[i + 1];
    return prefix[depth] - target;
  }

  function f(x: Float64Array): number {
    let product = 1;
    for (let i = 0; i < depth; i++) product *= x[i];
    const residual = product - target;
    return 0.5 * residual * residual;
  }

  function grad(x: Float64Array, out: Float64Array): number {
    const residual = products(x);
    for (let i = 0; i < depth; i++) out[i] = residual * prefix[i] * suffix[i + 1];
    return 0.5 * residual * residual;
  }

  const laneScratch = new LaneScratch();
  /**
   * `grad` at every lane, the same products in the same order (the factors 1 that start the prefix
   * and suffix products are left out: multiplying by 1 is exact).
   */
  function gradLanes(x: readonly Float64Array[], count: number, g: readonly Float64Array[], fOut: Float64Array, gapOut: Float64Array): void {
    // pre[i] = w_0 ... w_{i-1} (i >= 1), suf[i] = w_i ... w_{N-1} (i >= 1); pre[N] becomes the residual.
    const scratch = laneScratch.arrays(2 * depth, count);
    const pre = [x[0], x[0], ...scratch.slice(0, depth - 1)];
    const suf = [...scratch.slice(depth - 1, 2 * depth - 2), x[depth - 1]];
    for (let i = 1; i < depth; i++) {
      const from = pre[i];
      const to = pre[i + 1];
      const xi = x[i];
      for (let p = 0; p < count; p++) to[p] = from[p] * xi[p];
    }
    for (let i = depth - 2; i >= 1; i--) {
      const from = suf[i + 1];
      const to = suf[i];
      const xi = x[i];
      for (let p = 0; p < count; p++) to[p] = xi[p] * from[p];
    }
    const residual = pre[depth];
    for (let p = 0; p < count; p++) {
      const r = residual[p] - target;
      residual[p] = r;
      const value = 0.5 * r * r;
      fOut[p] = value;
      gapOut[p] = value - FSTAR;
    }
    const g0 = g[0];
    const suf1 = suf[1];
    for (let p = 0; p < count; p++) g0[p] = residual[p] * suf1[p];
    for (let i = 1; i < depth - 1; i++) {
      const gi = g[i];
      const prei = pre[i];
      const sufi = suf[i + 1];
      for (let p = 0; p < count; p++) gi[p] = residual[p] * prei[p] * sufi[p];
    }
    const gLast = g[depth - 1];
    const preLast = pre[depth - 1];
    for (let p = 0; p < count; p++) gLast[p] = residual[p] * preLast[p];
  }

  /** H_ii = g_i^2 and H_ij = g_i g_j + r prod_{k != i, j} w_k, with g_i = prod_{k != i} w_k. */
  function hess(x: Float64Array, out: Float64Array = new Float64Array(depth * depth)): Float64Array {
    const residual = products(x);
    for (let i = 0; i < depth; i++) {
      const gi = prefix[i] * suffix[i + 1];
      out[i * depth + i] = gi * gi;
      let between = 1; // prod_{i < k < j} w_k
      for (let j = i + 1; j < depth; j++) {
        const gj = prefix[j] * suffix[j + 1];
        const entry = gi * gj + residual * prefix[i] * between * suffix[j + 1];
        out[i * depth + j] = entry;
        out[j * depth + i] = entry;
        between *= x[j];
      }
    }
    return out;
  }

  /** (H v)_i = g_i (g . v) + r (D g_i)[v], by forward-mode differentiation of the products. */
  function hvp(x: Float64Array, v: Float64Array, out: Float64Array): void {
    const residual = products(x);
    dPrefix[0] = 0;
    for (let i = 0; i < depth; i++) dPrefix[i + 1] = dPrefix[i] * x[i] + prefix[i] * v[i];
    dSuffix[depth] = 0;
    for (let i = depth - 1; i >= 0; i--) dSuffix[i] = v[i] * suffix[i + 1] + x[i] * dSuffix[i + 1];
    const dResidual = dPrefix[depth];
    for (let i = 0; i < depth; i++) {
      const gi = prefix[i] * suffix[i + 1];
      const dgi = dPrefix[i] * suffix[i + 1] + prefix[i] * dSuffix[i + 1];
      out[i] = gi * dResidual + residual * dgi;
    }
  }

  const balanced = Math.abs(target) ** (1 / depth);
  const xStar = new Float64Array(depth).fill(balanced);
  if (target < 0) xStar[depth - 1] = -balanced;

  return {
    name,
    dim: depth,
    params: { depth, target },
    f,
    grad,
    gradLanes,
    hess,
    hvp,
    fStar: FSTAR,
    fStarInfo: exact(0, 'large-lr-impossibility.md §3.3 E2 [R]: attained on {prod w = y}'),
    xStar,
    constants: {},
    highPrecision: (digits) => scalarNetHighPrecision(depth, target, digits),
  };
}

/** The same net in BigNumber arithmetic at `digits` digits, the target read exactly. */
function scalarNetHighPrecision(depth: number, target: number, digits: number): HighPrecisionModel {
  const math = bigMath(digits);
  const one = toBig(math, 1);
  const bigTarget = toBig(math, target);
  const half = (value: BigNumber): BigNumber => value.times(value).div(2);
  const residual = (w: readonly BigNumber[]): BigNumber => w.reduce((p, wi) => p.times(wi), one).minus(bigTarget);
  return {
    digits,
    math,
    fStar: toBig(math, 0),
    f: (w) => half(residual(w)),
    gap: (w) => half(residual(w)),
    grad(w) {
      const r = residual(w);
      const suffix = new Array<BigNumber>(depth + 1);
      suffix[depth] = one;
      for (let i = depth - 1; i >= 0; i--) suffix[i] = w[i].times(suffix[i + 1]);
      let prefix = one;
      return w.map((wi, i) => {
        const gi = r.times(prefix).times(suffix[i + 1]);
        prefix = prefix.times(wi);
        return gi;
      });
    },
  };
}

